import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { kebabId } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import type { ApiPlanBase, LambdaPermissionPlan, PlanValue } from './plan.js';
import { documentPlaceholders, mapDocumentStrings, placeholderName } from './substitution.js';
import { fitBytes } from '../cfn-text.js';
import { yamlText } from '../../format/yaml.js';

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

function parametersSection(plan: ApiPlanBase): Record<string, unknown> {
  return Object.fromEntries(
    plan.parameters.map((p) => [p.name, { Type: 'String', Description: p.description }]),
  );
}

/** One `AWS::Lambda::Permission` per function, scoped to this API's execute-api ARN. */
function permissionResources(
  permissions: LambdaPermissionPlan[],
  apiLogicalId: string,
): Record<string, unknown> {
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
            'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiLogicalId}}${p.sourcePath}`,
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
 * The stack around an API's own resources: every Lambda invoke permission, and outputs for the
 * API id and each stage's invoke URL, so REST and HTTP stacks are read the same way.
 */
export function apiTemplate(
  model: RouteModel,
  plan: ApiPlanBase,
  api: { logicalId: string; label: 'REST' | 'HTTP' },
  resources: Record<string, unknown>,
  extraParameters: Record<string, unknown>,
): Template {
  const outputs: Record<string, unknown> = {
    [`${api.logicalId}Id`]: { Description: `Id of the ${api.label} API`, Value: { Ref: api.logicalId } },
  };
  for (const stage of plan.stages) {
    outputs[`${stage.id}InvokeUrl`] = {
      Description: `Invoke URL of stage ${stage.name}`,
      Value: invokeUrl(api.logicalId, stage.name),
    };
  }
  const parameters = { ...parametersSection(plan), ...extraParameters };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: fitBytes(`gateplan: ${api.label} API ${plan.name} ${model.api.version}`),
    ...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
    Resources: { ...resources, ...permissionResources(plan.lambdaPermissions, api.logicalId) },
    Outputs: outputs,
  };
}

/** YAML text of a template: no anchors, no line folding, so it diffs line by line. */
export function templateText(template: Template): string {
  return yamlText(template);
}

/**
 * Renders a template with the document inline; when that is over CloudFormation's inline
 * limit, the API reads the document from S3 instead, under a key that changes with it.
 */
export function withBody(
  model: RouteModel,
  plan: ApiPlanBase,
  build: (body: Record<string, unknown>, extraParameters: Record<string, unknown>) => Template,
  diagnostics: Diagnostic[],
): string {
  const inline = templateText(
    build(
      {
        Body: stackBody(plan.document),
      },
      {},
    ),
  );
  const size = Buffer.byteLength(inline);
  if (size <= INLINE_TEMPLATE_LIMIT) return inline;
  const key = `gateplan/${kebabId(model.api.title, 40)}/openapi-${plan.documentHash}.json`;
  const parameters = {
    ApiDocumentBucket: {
      Type: 'String',
      Description: 'S3 bucket holding the import document (openapi.json)',
    },
    ApiDocumentKey: {
      Type: 'String',
      Default: key,
      Description: 'S3 key of this version of the import document',
    },
  };
  diagnostics.push(
    diagnostic(
      'GP115',
      { file: model.source.file, pointer: '' },
      {
        bytes: Buffer.byteLength(plan.documentJson),
        size,
        limit: INLINE_TEMPLATE_LIMIT,
        file: 'openapi.json',
        bucketParam: 'ApiDocumentBucket',
        keyParam: `ApiDocumentKey (default ${key})`,
      },
    ),
  );
  // CloudFormation substitutes parameters only in an inline body; S3 holds the file as written,
  // and API Gateway's import fills in only the AWS variables.
  const used = new Set(documentPlaceholders(plan.document).map(placeholderName));
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
  return templateText(
    build(
      { BodyS3Location: { Bucket: { Ref: 'ApiDocumentBucket' }, Key: { Ref: 'ApiDocumentKey' } } },
      parameters,
    ),
  );
}
