import { kebabId, routeNameBase } from '../../model/ids.js';
import type { Quota, RouteModel, Throttle } from '../../model/types.js';
import type {
  ApiDocumentPlan,
  ApiPlanBase,
  HttpPlan,
  PlanValue,
  RestPlan,
  RouteThrottle,
} from '../apigw/plan.js';
import {
  documentPlaceholders,
  mapDocumentStrings,
  placeholderName,
  type Placeholder,
  type Substituted,
} from '../apigw/substitution.js';
import { expr, tfName, type HclExpr, type HclValue } from './hcl.js';
import { interpolate, type ModuleInterface } from './module.js';
import { uniqueTfNames } from './names.js';

/** The import document as a file beside the `.tf` files, and the expression that reads it. */
export interface DocumentFile {
  path: string;
  content: string;
  body: HclExpr;
}

/**
 * Context shared by `apigw-rest.tf.hbs` and `apigw-http.tf.hbs`: one API. A split renders the
 * template once per API; `tfName` names that API's blocks (`this` for the only API).
 */
export interface ApiContext {
  tfName: string;
  name: string;
  description?: string;
  /** `file(...)` or `templatefile(...)` of the document beside the module. */
  body: HclExpr;
  lambdaPermissions: { tfName: string; statementId: string; functionName: HclValue; sourceArn: HclExpr }[];
}

export interface RestContext extends ApiContext {
  endpoint: { types: string[]; vpcEndpointIds?: string[] };
  /** `overwrite`, except for private APIs, whose endpoint settings an overwrite would drop. */
  putRestApiMode: 'overwrite' | 'merge';
  stages: {
    tfName: string;
    name: string;
    variables: Record<string, HclValue>;
    canary?: { percent: number; variableOverrides: Record<string, HclValue> };
  }[];
  methodSettings: { tfName: string; stage: string; methodPath: string; throttle: Throttle }[];
  /** Each usage plan comes with one API key, as in the CloudFormation stack; only the first API's context has them. */
  usagePlans: {
    tfName: string;
    name: string;
    /** This API's stage (tfName). */
    stage: string;
    /** Every API's stage of the plan's stage: `{ api (tfName), stage (tfName) }`. */
    apiStages: { api: string; stage: string }[];
    throttle?: Throttle;
    quota?: Quota;
    keyName: string;
    keyDescription: string;
  }[];
  deploymentDescription: string;
}

export interface HttpContext extends ApiContext {
  stages: {
    tfName: string;
    name: string;
    variables: Record<string, HclValue>;
    throttle?: Throttle;
    routeSettings: { routeKey: string; throttle: Throttle }[];
  }[];
  vpcLink?: { name: string; subnets: HclExpr; securityGroups: HclExpr };
}

/**
 * The document as the module ships it. Without placeholders it is read with `file()`, byte for
 * byte what the CloudFormation target writes. gateplan's placeholders (stack parameters, and
 * the partition, region and account of a function given by name) are filled by `templatefile()`
 * from variables and data sources; it reads every other `${` and `%{` as template syntax, so
 * those are escaped (`$${`, `%%{`) wherever they occur in the file, keys included.
 */
export function documentFile(
  plan: ApiPlanBase,
  api: ApiDocumentPlan,
  path: string,
  vars: ModuleInterface,
  supplied: Record<string, HclExpr> = {},
): DocumentFile {
  const location = `"\${path.module}/${path}"`;
  // In the plan's order (parameters first, then partition, region, account), for stable output.
  const order = [...plan.parameters.map((p) => p.name), ...Object.keys(PSEUDO)];
  const placeholders = documentPlaceholders(api.document).sort(
    (a, b) => order.indexOf(placeholderName(a)) - order.indexOf(placeholderName(b)),
  );
  if (placeholders.length === 0) return { path, content: api.documentJson, body: expr(`file(${location})`) };
  const escape = (text: string) => text.replace(/([$%])\{/g, '$1$1{');
  const render = (value: Substituted) =>
    value.parts.map((p) => (typeof p === 'string' ? escape(p) : '${' + templateVar(p) + '}')).join('');
  const content = JSON.stringify(mapDocumentStrings(api.document, render, escape), null, 2) + '\n';
  const args = placeholders
    .map((p) => `${templateVar(p)} = ${placeholderValue(p, plan, vars, supplied).hclExpr}`)
    .join(', ');
  return { path, content, body: expr(`templatefile(${location}, { ${args} })`) };
}

/** The templatefile variable for a placeholder: the parameter's name, or `aws_region` and friends. */
function templateVar(p: Placeholder): string {
  return 'param' in p ? p.param : PSEUDO[p.pseudo].var;
}

const PSEUDO = {
  'AWS::Partition': { var: 'aws_partition', data: 'aws_partition', attribute: 'partition' },
  'AWS::Region': { var: 'aws_region', data: 'aws_region', attribute: 'region' },
  'AWS::AccountId': { var: 'aws_account_id', data: 'aws_caller_identity', attribute: 'account_id' },
} as const;

function placeholderValue(
  p: Placeholder,
  plan: ApiPlanBase,
  vars: ModuleInterface,
  supplied: Record<string, HclExpr>,
): HclExpr {
  if ('pseudo' in p) return vars.current(PSEUDO[p.pseudo].data, PSEUDO[p.pseudo].attribute);
  const description = plan.parameters.find((x) => x.name === p.param)?.description ?? p.param;
  return supplied[p.param] ?? vars.variable(tfName(p.param), 'string', description);
}

/** Block names of one API: `this` for the only API (or the one at a split's root), else from its id. */
export function apiTfName(api: Pick<ApiDocumentPlan, 'id'>): string {
  return api.id === '' ? 'this' : tfName(kebabId(api.id));
}

function planValue(value: PlanValue, plan: ApiPlanBase, vars: ModuleInterface): HclValue {
  if (typeof value === 'string') return value;
  const description =
    [...plan.parameters, ...(plan.domain?.parameters ?? [])].find((p) => p.name === value.param)
      ?.description ?? value.param;
  return vars.variable(tfName(value.param), 'string', description);
}

function planValues(
  values: Record<string, PlanValue>,
  plan: ApiPlanBase,
  vars: ModuleInterface,
): Record<string, HclValue> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, planValue(v, plan, vars)]));
}

function lambdaPermissions(
  plan: ApiPlanBase,
  api: ApiDocumentPlan,
  resource: string,
  vars: ModuleInterface,
): ApiContext['lambdaPermissions'] {
  const names = uniqueTfNames(
    plan.lambdaPermissions.map((p) => p.id),
    'apigw_',
  );
  return plan.lambdaPermissions
    .filter((p) => p.apiId === api.id)
    .map((p) => ({
      tfName: names.get(p.id)!,
      statementId: `AllowApiGateway-${p.id}`.slice(0, 100),
      functionName: planValue(p.functionName, plan, vars),
      sourceArn: interpolate(`${resource}.${apiTfName(api)}.execution_arn`, p.sourcePath),
    }));
}

/** Stage block names of one API: the stage's own for the only API, suffixed with the API's in a split. */
function stageTfNames(plan: ApiPlanBase, api: ApiDocumentPlan): Map<string, string> {
  const names = uniqueTfNames(plan.stages.map((s) => s.name));
  if (api.id === '') return names;
  return new Map([...names].map(([stage, name]) => [stage, `${name}_${apiTfName(api)}`]));
}

/** Outputs of a split's API carry its name; the only API keeps the plain ones. */
function outputName(name: string, api: ApiDocumentPlan): string {
  return api.id === '' ? name : `${name}_${apiTfName(api)}`;
}

/** Block names for per-route settings: the route's readable name, unique across the routes. */
function routeNames(model: RouteModel, throttles: RouteThrottle[]): Map<string, string> {
  const byId = new Map(model.routes.map((r) => [r.id, r]));
  const ids = [...new Set(throttles.map((t) => t.routeId))];
  const readable = uniqueTfNames(ids.map((id) => (byId.get(id) ? routeNameBase(byId.get(id)!) : id)));
  return new Map(ids.map((id) => [id, readable.get(byId.get(id) ? routeNameBase(byId.get(id)!) : id)!]));
}

export function restContext(
  model: RouteModel,
  plan: RestPlan,
  api: ApiDocumentPlan,
  document: DocumentFile,
  vars: ModuleInterface,
): RestContext {
  const api_ = apiTfName(api);
  const stageNames = stageTfNames(plan, api);
  const throttles = plan.stages.flatMap((s) => s.routeThrottles.filter((t) => t.apiId === api.id));
  const routes = routeNames(model, throttles);
  const ctx: RestContext = {
    tfName: api_,
    name: api.name,
    ...(plan.description ? { description: plan.description } : {}),
    body: document.body,
    deploymentDescription: `gateplan document ${api.documentHash}`,
    putRestApiMode: plan.endpoint.type === 'PRIVATE' ? 'merge' : 'overwrite',
    endpoint: {
      types: [plan.endpoint.type],
      ...(plan.endpoint.vpcEndpointIds.length ? { vpcEndpointIds: plan.endpoint.vpcEndpointIds } : {}),
    },
    stages: [],
    methodSettings: [],
    usagePlans: [],
    lambdaPermissions: lambdaPermissions(plan, api, 'aws_api_gateway_rest_api', vars),
  };
  for (const stage of plan.stages) {
    const stageTf = stageNames.get(stage.name)!;
    ctx.stages.push({
      tfName: stageTf,
      name: stage.name,
      variables: planValues(stage.variables, plan, vars),
      ...(stage.canary
        ? {
            canary: {
              percent: stage.canary.percent,
              variableOverrides: planValues(stage.canary.variableOverrides, plan, vars),
            },
          }
        : {}),
    });
    if (stage.throttle)
      ctx.methodSettings.push({
        tfName: `${stageTf}_all`,
        stage: stageTf,
        methodPath: '*/*',
        throttle: stage.throttle,
      });
    for (const t of stage.routeThrottles.filter((x) => x.apiId === api.id)) {
      ctx.methodSettings.push({
        tfName: `${stageTf}_${routes.get(t.routeId)!}`,
        stage: stageTf,
        // Terraform's method_path is the resource path without its leading slash, then the method.
        methodPath: `${t.resourcePath.replace(/^\//, '')}/${t.method}`,
        throttle: t.throttle,
      });
    }
    vars.output(
      `${stageTf}_invoke_url`,
      `Invoke URL of stage ${stage.name}${api.basePath ? ` of the API at /${api.basePath}` : ''}`,
      expr(`aws_api_gateway_stage.${stageTf}.invoke_url`),
    );
  }
  if (api === plan.apis[0]) {
    const planNames = uniqueTfNames(plan.usagePlans.map((u) => u.id));
    for (const usage of plan.usagePlans) {
      ctx.usagePlans.push({
        tfName: planNames.get(usage.id)!,
        name: usage.name,
        stage: stageNames.get(usage.stage) ?? tfName(usage.stage),
        apiStages: plan.apis.map((a) => ({
          api: apiTfName(a),
          stage: stageTfNames(plan, a).get(usage.stage) ?? tfName(usage.stage),
        })),
        ...(usage.throttle ? { throttle: usage.throttle } : {}),
        ...(usage.quota ? { quota: usage.quota } : {}),
        keyName: `${usage.name} key`,
        keyDescription: `API key for ${usage.name}`,
      });
      vars.output(
        `${planNames.get(usage.id)!}_api_key_id`,
        `Id of the API key of usage plan ${usage.name}`,
        expr(`aws_api_gateway_api_key.${planNames.get(usage.id)!}.id`),
      );
    }
  }
  vars.output(
    outputName('rest_api_id', api),
    `Id of the REST API${api.basePath ? ` at /${api.basePath}` : ''}`,
    expr(`aws_api_gateway_rest_api.${api_}.id`),
  );
  return ctx;
}

export function httpContext(
  model: RouteModel,
  plan: HttpPlan,
  api: ApiDocumentPlan,
  document: DocumentFile,
  vars: ModuleInterface,
  vpcLink?: HttpContext['vpcLink'],
): HttpContext {
  const api_ = apiTfName(api);
  const stageNames = stageTfNames(plan, api);
  const ctx: HttpContext = {
    tfName: api_,
    name: api.name,
    ...(plan.description ? { description: plan.description } : {}),
    body: document.body,
    stages: plan.stages.map((stage) => ({
      tfName: stageNames.get(stage.name)!,
      name: stage.name,
      variables: planValues(stage.variables, plan, vars),
      ...(stage.throttle ? { throttle: stage.throttle } : {}),
      routeSettings: stage.routeThrottles
        .filter((t) => t.apiId === api.id)
        .map((t) => ({ routeKey: t.routeKey, throttle: t.throttle })),
    })),
    lambdaPermissions: lambdaPermissions(plan, api, 'aws_apigatewayv2_api', vars),
    ...(vpcLink && api === plan.apis[0] ? { vpcLink } : {}),
  };
  for (const stage of ctx.stages) {
    vars.output(
      `${stage.tfName}_invoke_url`,
      `Invoke URL of stage ${stage.name}${api.basePath ? ` of the API at /${api.basePath}` : ''}`,
      expr(`aws_apigatewayv2_stage.${stage.tfName}.invoke_url`),
    );
  }
  vars.output(
    outputName('http_api_id', api),
    `Id of the HTTP API${api.basePath ? ` at /${api.basePath}` : ''}`,
    expr(`aws_apigatewayv2_api.${api_}.id`),
  );
  vars.output(
    outputName('http_api_endpoint', api),
    `Default endpoint of the HTTP API${api.basePath ? ` at /${api.basePath}` : ''}`,
    expr(`aws_apigatewayv2_api.${api_}.api_endpoint`),
  );
  return ctx;
}

/** Context of `apigw-domain.tf.hbs`: a split API's custom domain names and API mappings. */
export interface DomainContext {
  rest: boolean;
  names: { tfName: string; domainName: HclValue; certificateArn: HclValue }[];
  /** `api`, `stage` and `domain` are references to the blocks the mapping ties together. */
  mappings: { tfName: string; api: HclExpr; stage: HclExpr; domain: HclExpr; key?: string }[];
}

export function domainContext(plan: RestPlan | HttpPlan, vars: ModuleInterface): DomainContext | undefined {
  const domain = plan.domain;
  if (!domain) return undefined;
  const rest = plan.kind === 'rest';
  const names = uniqueTfNames(domain.stages.map((s) => s.stage));
  const ctx: DomainContext = { rest, names: [], mappings: [] };
  const resource = rest ? 'aws_api_gateway_domain_name' : 'aws_apigatewayv2_domain_name';
  for (const { stage, domainName } of domain.stages) {
    const domainTf = names.get(stage)!;
    ctx.names.push({
      tfName: domainTf,
      domainName: planValue(domainName, plan, vars),
      certificateArn: planValue(domain.certificateArn, plan, vars),
    });
    for (const api of plan.apis) {
      const stageTf = stageTfNames(plan, api).get(stage)!;
      ctx.mappings.push({
        tfName: `${domainTf}_${apiTfName(api)}`,
        api: expr(`${rest ? 'aws_api_gateway_rest_api' : 'aws_apigatewayv2_api'}.${apiTfName(api)}.id`),
        stage: expr(
          rest ? `aws_api_gateway_stage.${stageTf}.stage_name` : `aws_apigatewayv2_stage.${stageTf}.name`,
        ),
        domain: expr(`${resource}.${domainTf}.domain_name`),
        ...(api.basePath ? { key: api.basePath } : {}),
      });
    }
    vars.output(
      `${domainTf}_domain_target`,
      `Point DNS for stage ${stage}'s domain name here (an alias or CNAME)`,
      expr(
        rest
          ? `${resource}.${domainTf}.regional_domain_name`
          : `${resource}.${domainTf}.domain_name_configuration[0].target_domain_name`,
      ),
    );
  }
  return ctx;
}
