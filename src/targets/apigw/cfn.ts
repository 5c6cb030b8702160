import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { kebabId } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import { documentFileName } from './files.js';
import type {
  ApiDocumentPlan,
  ApiPlanBase,
  DomainPlan,
  LambdaPermissionPlan,
  PlanValue,
  StackParameter,
} from './plan.js';
import { documentPlaceholders, mapDocumentStrings, placeholderName } from './substitution.js';
import { fitBytes } from '../cfn-text.js';
import { yamlText, yamlTextExceeds } from '../../format/yaml.js';

/** CloudFormation pieces both API Gateway stacks share. */

export type Template = Record<string, unknown>;

/** CloudFormation's limit on a template passed inline (larger ones must come from S3 anyway). */
export const INLINE_TEMPLATE_LIMIT = 51_200;

export function cfnValue(value: PlanValue): unknown {
  return typeof value === 'string' ? value : { Ref: value.param };
}

export function cfnValues(values: Record<string, PlanValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, cfnValue(v)]));
}

/**
 * The document as a `Body`: gateplan's own placeholder strings become `Fn::Sub` (CloudFormation
 * fills in stack parameters and `${AWS::Region}` and friends; their other `${`, such as stage
 * variables, are escaped as `${!`). Every other string is the spec's text and stays as written.
 */
export function stackBody(document: unknown): unknown {
  return mapDocumentStrings(document, (value) => ({ 'Fn::Sub': value.cfnTemplate }));
}

function parametersSection(parameters: StackParameter[]): Record<string, unknown> {
  return Object.fromEntries(parameters.map((p) => [p.name, { Type: 'String', Description: p.description }]));
}

/** The logical id of one API of a plan (`RestApi`, or `RestApiV1Customers` for a part of a split). */
export function apiLogicalId(stem: string, api: Pick<ApiDocumentPlan, 'id'>): string {
  return stem + api.id;
}

/** One `AWS::Lambda::Permission` per function and API, scoped to that API's execute-api ARN. */
function permissionResources(permissions: LambdaPermissionPlan[], apiStem: string): Record<string, unknown> {
  return Object.fromEntries(
    permissions.map((p) => [
      `${p.id}InvokePermission`,
      {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: cfnValue(p.functionName),
          Principal: 'apigateway.amazonaws.com',
          SourceArn: {
            'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiLogicalId(apiStem, { id: p.apiId })}}${p.sourcePath}`,
          },
        },
      },
    ]),
  );
}

function invokeUrl(apiLogicalId: string, stage: string): unknown {
  const suffix = stage === '$default' ? '' : `/${stage}`;
  return { 'Fn::Sub': `https://\${${apiLogicalId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}${suffix}` };
}

/**
 * A split API's custom domain: per stage a regional domain name (TLS 1.2, which multi-level
 * mappings need) and one API mapping per API at its base path. Mappings are
 * `AWS::ApiGatewayV2::ApiMapping` for REST APIs too: only that API takes multi-level keys.
 */
function domainResources(
  plan: ApiPlanBase,
  domain: DomainPlan,
  api: { stem: string; kind: 'REST' | 'HTTP'; stageId: (stage: string, apiId: string) => string },
): { resources: Record<string, unknown>; outputs: Record<string, unknown> } {
  const resources: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  const stageIds = new Map(plan.stages.map((s) => [s.name, s.id]));
  for (const { stage, domainName } of domain.stages) {
    const id = `Domain${stageIds.get(stage)!}`;
    resources[id] =
      api.kind === 'REST'
        ? {
            Type: 'AWS::ApiGateway::DomainName',
            Properties: {
              DomainName: cfnValue(domainName),
              RegionalCertificateArn: cfnValue(domain.certificateArn),
              EndpointConfiguration: { Types: ['REGIONAL'] },
              SecurityPolicy: 'TLS_1_2',
            },
          }
        : {
            Type: 'AWS::ApiGatewayV2::DomainName',
            Properties: {
              DomainName: cfnValue(domainName),
              DomainNameConfigurations: [
                {
                  CertificateArn: cfnValue(domain.certificateArn),
                  EndpointType: 'REGIONAL',
                  SecurityPolicy: 'TLS_1_2',
                },
              ],
            },
          };
    for (const a of plan.apis) {
      resources[`Mapping${stageIds.get(stage)!}${a.id || 'Root'}`] = {
        Type: 'AWS::ApiGatewayV2::ApiMapping',
        DependsOn: [api.stageId(stage, a.id)],
        Properties: {
          DomainName: { Ref: id },
          ApiId: { Ref: apiLogicalId(api.stem, a) },
          Stage: stage,
          ...(a.basePath ? { ApiMappingKey: a.basePath } : {}),
        },
      };
    }
    outputs[`${id}Target`] = {
      Description: `Point DNS for stage ${stage}'s domain name here (an alias or CNAME)`,
      Value: { 'Fn::GetAtt': [id, 'RegionalDomainName'] },
    };
  }
  return { resources, outputs };
}

/**
 * The stack around the APIs' own resources: every Lambda invoke permission, a split's custom
 * domain, and outputs for each API's id and each stage's invoke URL, so REST and HTTP stacks
 * are read the same way.
 */
export function apiTemplate(
  model: RouteModel,
  plan: ApiPlanBase,
  api: { stem: string; label: 'REST' | 'HTTP'; stageId: (stage: string, apiId: string) => string },
  resources: Record<string, unknown>,
  extraParameters: Record<string, unknown>,
): Template {
  const outputs: Record<string, unknown> = {};
  for (const a of plan.apis) {
    const logicalId = apiLogicalId(api.stem, a);
    outputs[`${logicalId}Id`] = {
      Description: `Id of the ${api.label} API${a.basePath ? ` at /${a.basePath}` : ''}`,
      Value: { Ref: logicalId },
    };
    for (const stage of plan.stages) {
      outputs[`${stage.id}InvokeUrl${a.id}`] = {
        Description: `Invoke URL of stage ${stage.name}${a.basePath ? ` of the API at /${a.basePath}` : ''}`,
        Value: invokeUrl(logicalId, stage.name),
      };
    }
  }
  const domain = plan.domain ? domainResources(plan, plan.domain, { ...api, kind: api.label }) : undefined;
  const parameters = {
    ...parametersSection(plan.parameters),
    ...parametersSection(plan.domain?.parameters ?? []),
    ...extraParameters,
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: fitBytes(`gateplan: ${api.label} API ${plan.name} ${model.api.version}`),
    ...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
    Resources: {
      ...resources,
      ...domain?.resources,
      ...permissionResources(plan.lambdaPermissions, api.stem),
    },
    Outputs: { ...outputs, ...domain?.outputs },
  };
}

/** YAML text of a template: no anchors, no line folding, so it diffs line by line. */
export function templateText(template: Template): string {
  return yamlText(template);
}

/** Each API's `Body` or `BodyS3Location`, by API id. */
export type ApiBodies = Record<string, Record<string, unknown>>;

/**
 * Renders a template with the documents inline; when that is over CloudFormation's inline
 * limit, each API reads its document from S3 instead, under a key that changes with it.
 */
export function withBody(
  model: RouteModel,
  plan: ApiPlanBase,
  build: (bodies: ApiBodies, extraParameters: Record<string, unknown>) => Template,
  diagnostics: Diagnostic[],
): string {
  const inlineTemplate = build(
    Object.fromEntries(plan.apis.map((a) => [a.id, { Body: stackBody(a.document) }])),
    {},
  );
  // Large APIs (GitHub's) are far over the limit: rendering them inline only to measure cost
  // a third of `lint`'s time.
  const over = yamlTextExceeds(inlineTemplate, INLINE_TEMPLATE_LIMIT);
  const inline = over ? undefined : templateText(inlineTemplate);
  if (inline !== undefined && Buffer.byteLength(inline) <= INLINE_TEMPLATE_LIMIT) return inline;
  const split = plan.apis.length > 1;
  const parameters: Record<string, unknown> = {
    ApiDocumentBucket: {
      Type: 'String',
      Description: split
        ? 'S3 bucket holding the import documents (openapi*.json)'
        : 'S3 bucket holding the import document (openapi.json)',
    },
  };
  const bodies: ApiBodies = {};
  for (const a of plan.apis) {
    const file = documentFileName(a);
    const key = `gateplan/${kebabId(model.api.title, 40)}/${file.replace(/\.json$/, '')}-${a.documentHash}.json`;
    const keyParam = `ApiDocumentKey${a.id}`;
    parameters[keyParam] = {
      Type: 'String',
      Default: key,
      Description: `S3 key of this version of ${split ? file : 'the import document'}`,
    };
    bodies[a.id] = { BodyS3Location: { Bucket: { Ref: 'ApiDocumentBucket' }, Key: { Ref: keyParam } } };
    diagnostics.push(
      diagnostic(
        'GP115',
        { file: model.source.file, pointer: '' },
        {
          bytes: Buffer.byteLength(a.documentJson),
          limit: INLINE_TEMPLATE_LIMIT,
          file,
          bucketParam: 'ApiDocumentBucket',
          keyParam: `${keyParam} (default ${key})`,
        },
      ),
    );
  }
  // CloudFormation substitutes parameters only in an inline body; S3 holds the file as written,
  // and API Gateway's import fills in only the AWS variables.
  const used = new Set(plan.apis.flatMap((a) => documentPlaceholders(a.document).map(placeholderName)));
  const params = plan.parameters.filter((p) => used.has(p.name));
  if (params.length) {
    diagnostics.push(
      diagnostic(
        'GP132',
        { file: model.source.file, pointer: '' },
        { params: params.map((p) => p.name).join(', ') },
      ),
    );
  }
  return templateText(build(bodies, parameters));
}
