import { child } from '../../model/document.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { distinctIds, pascalId, shortHash } from '../../model/ids.js';
import type { Route, RouteModel, Stage } from '../../model/types.js';
import type { GatewayRoute } from './gateway-routes.js';
import { lambdaFunctionArn, parseLambdaArn } from './addresses.js';
import { httpDocumentParts } from './http-document.js';
import type {
  ApiDocumentPlan,
  BackendVariables,
  DomainPlan,
  HttpPlan,
  LambdaPermissionPlan,
  RestPlan,
  RouteThrottle,
  StackParameter,
  StagePlan,
} from './plan.js';
import { restDocumentParts } from './rest-document.js';
import { apiTitle } from './layout.js';
import type { AuthState } from './route-security.js';
import type { ApiPart } from './split.js';
import { usedBackends } from './route-backend.js';
import { canaryOverrides, checkStage, checkStageVariables, stageVariables } from './variables.js';
import { byKey } from '../../util/order.js';

/** API Gateway's limit on an imported definition. */
export const IMPORT_LIMIT_BYTES = 6 * 1024 * 1024;

/** The REST API (or the APIs of a split) and everything around it, from one model. Pure. */
export function buildRestPlan(model: RouteModel): RestPlan {
  const parts = restDocumentParts(model);
  const diagnostics = [...parts.diagnostics];
  const apis = apiPlans(model, parts.documents, diagnostics);
  const ids = stageIds(model);
  const stages = sortedStages(model).map((stage) => {
    diagnostics.push(...checkStage(stage, 'rest'));
    const plan = stagePlan(stage, ids, parts.variables, apis, parts.documents, diagnostics);
    if (stage.canary) {
      const variableOverrides = canaryOverrides(model, stage, parts.variables, diagnostics);
      plan.canary = { percent: stage.canary.percent, variableOverrides };
    }
    return plan;
  });
  const usagePlans = parts.auth.usesApiKeys
    ? stages.map((s) => {
        const quota = model.stages[s.name]!.quota;
        return {
          id: `UsagePlan${s.id}`,
          name: `${model.api.title} ${s.name}`,
          stage: s.name,
          stageId: s.id,
          ...(s.throttle ? { throttle: s.throttle } : {}),
          ...(quota ? { quota: { ...quota } } : {}),
        };
      })
    : [];
  if (!parts.auth.usesApiKeys) {
    // Usage plans meter API keys; without a key route the quota would be silently dropped.
    for (const stage of sortedStages(model))
      if (stage.quota)
        diagnostics.push(diagnostic('GP133', child(stage.where, 'quota'), { stage: stage.name }));
  }
  const domain = parts.layout.split ? domainPlan(model) : undefined;
  return {
    kind: 'rest',
    ...apiNames(model),
    apis,
    ...(domain ? { domain } : {}),
    stages,
    lambdaPermissions: permissions(model, apis, parts.documents, true),
    parameters: mergeParameters(parts.variables.parameters, parts.auth.parameters),
    diagnostics,
    endpoint: {
      type:
        model.endpoint.type === 'private' ? 'PRIVATE' : model.endpoint.type === 'edge' ? 'EDGE' : 'REGIONAL',
      vpcEndpointIds: [...model.endpoint.vpcEndpointIds],
    },
    usagePlans,
  };
}

/** The HTTP API (or the APIs of a split) and everything around it, from one model. Pure. */
export function buildHttpPlan(model: RouteModel): HttpPlan {
  const parts = httpDocumentParts(model);
  const diagnostics = [...parts.diagnostics];
  const apis = apiPlans(model, parts.documents, diagnostics);
  const ids = stageIds(model);
  const stages = sortedStages(model).map((stage) => {
    diagnostics.push(...checkStage(stage, 'http'));
    return stagePlan(stage, ids, parts.variables, apis, parts.documents, diagnostics);
  });
  const domain = parts.layout.split ? domainPlan(model) : undefined;
  return {
    kind: 'http',
    ...apiNames(model),
    apis,
    ...(domain ? { domain } : {}),
    stages,
    lambdaPermissions: permissions(model, apis, parts.documents, false),
    parameters: mergeParameters(parts.parameters),
    privateLinks: parts.privateLinks,
    diagnostics,
  };
}

/** A built document: the API part it serves, the document, and what it serves and authorizes. */
interface BuiltDocument {
  part: ApiPart;
  document: Record<string, unknown>;
  auth: AuthState;
  included: Map<string, GatewayRoute>;
}

function apiPlans(
  model: RouteModel,
  documents: BuiltDocument[],
  diagnostics: Diagnostic[],
): ApiDocumentPlan[] {
  const ids = apiIds(documents.map((d) => d.part.basePath));
  return documents.map((d) => ({
    id: ids.get(d.part.basePath)!,
    basePath: d.part.basePath,
    name: apiTitle(model, d.part),
    ...documentOf(d.document, diagnostics, model),
  }));
}

/** '' for the API at the root; else the base path in PascalCase, with a short hash only where two would collide. */
function apiIds(basePaths: string[]): Map<string, string> {
  const stems = basePaths.map((b) => (b === '' ? '' : pascalId(b, 40)));
  return new Map(
    basePaths.map((b, i) => [
      b,
      stems.filter((x) => x === stems[i]).length > 1 ? stems[i] + shortHash(b, 4) : stems[i]!,
    ]),
  );
}

/**
 * Each stage answers on its host (or a domain name the stack takes as a parameter), with one
 * certificate for every stage's name.
 */
function domainPlan(model: RouteModel): DomainPlan {
  const stages = sortedStages(model).map((stage) => ({
    stage: stage.name,
    domainName: stage.host ?? { param: `${pascalId(stage.name)}DomainName` },
  }));
  return { certificateArn: { param: 'DomainCertificateArn' }, stages, parameters: domainParameters(stages) };
}

function domainParameters(stages: DomainPlan['stages']): StackParameter[] {
  const out: StackParameter[] = [
    {
      name: 'DomainCertificateArn',
      description: 'ACM certificate (in this Region) for the custom domain name(s) the split APIs answer on',
    },
  ];
  for (const { stage, domainName } of stages) {
    if (typeof domainName === 'string') continue;
    out.push({ name: domainName.param, description: `Custom domain name of stage ${stage}` });
  }
  return out;
}

function apiNames(model: RouteModel): { name: string; description?: string } {
  return { name: model.api.title, ...(model.api.description ? { description: model.api.description } : {}) };
}

/** API Gateway's default quotas per API for stages and authorizers (REST and HTTP alike). */
const MAX_STAGES = 10;
const MAX_AUTHORIZERS = 10;

function quotaDiagnostics(model: RouteModel, document: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const root = { file: model.source.file, pointer: '' };
  const stages = Object.keys(model.stages).length;
  if (stages > MAX_STAGES) {
    const fix = 'deploy some stages as separate APIs, or raise the quota in Service Quotas';
    out.push(
      diagnostic(
        'GP131',
        { ...root, pointer: '/x-gateplan/stages' },
        { count: stages, what: 'stages', limit: MAX_STAGES, fix },
      ),
    );
  }
  const components = (document.components ?? {}) as {
    securitySchemes?: Record<string, Record<string, unknown>>;
  };
  const authorizers = Object.values(components.securitySchemes ?? {}).filter(
    (s) => s['x-amazon-apigateway-authorizer'],
  ).length;
  if (authorizers > MAX_AUTHORIZERS) {
    const fix = 'share authorizers between routes, or raise the quota through AWS Support';
    out.push(
      diagnostic('GP131', root, { count: authorizers, what: 'authorizers', limit: MAX_AUTHORIZERS, fix }),
    );
  }
  return out;
}

function documentOf(
  document: Record<string, unknown>,
  diagnostics: Diagnostic[],
  model: RouteModel,
): { document: Record<string, unknown>; documentJson: string; documentHash: string } {
  diagnostics.push(...quotaDiagnostics(model, document));
  const documentJson = JSON.stringify(document, null, 2) + '\n';
  const bytes = Buffer.byteLength(documentJson);
  if (bytes > IMPORT_LIMIT_BYTES) {
    diagnostics.push(
      diagnostic('GP116', { file: model.source.file, pointer: '' }, { bytes, limit: IMPORT_LIMIT_BYTES }),
    );
  }
  return { document, documentJson, documentHash: shortHash(documentJson, 10) };
}

function sortedStages(model: RouteModel): Stage[] {
  return Object.values(model.stages).sort(byKey((x) => x.name));
}

/** Logical-id stems per stage name, distinct even where names differ only in punctuation. */
function stageIds(model: RouteModel): Map<string, string> {
  return distinctIds(Object.keys(model.stages), (name) => pascalId(name));
}

function stagePlan(
  stage: Stage,
  ids: Map<string, string>,
  vars: BackendVariables,
  apis: ApiDocumentPlan[],
  documents: BuiltDocument[],
  diagnostics: Diagnostic[],
): StagePlan {
  const variables = stageVariables(vars, stage);
  diagnostics.push(...checkStageVariables(stage, variables));
  return {
    name: stage.name,
    id: ids.get(stage.name)!,
    variables,
    ...(stage.throttle ? { throttle: { ...stage.throttle } } : {}),
    // Settings for a method the API does not have are rejected, so left-out routes get none.
    routeThrottles: documents
      .flatMap((d, i) => routeThrottles(apis[i]!.id, [...new Set(d.included.values())]))
      .sort(byKey((x) => `${x.apiId} ${x.routeId}`)),
  };
}

/** Per-route throttles of one API, in route-id order so adding a route adds one entry. */
export function routeThrottles(apiId: string, routes: GatewayRoute[]): RouteThrottle[] {
  return routes
    .filter((g) => g.route.throttle)
    .map(({ route: r, path }) => ({
      apiId,
      routeId: r.id,
      resourcePath: path,
      method: r.method === 'ANY' ? '*' : r.method,
      routeKey: `${r.method} ${path}`,
      throttle: { ...r.throttle! },
    }))
    .sort(byKey((x) => x.routeId));
}

/**
 * One invoke permission per Lambda function and API: every backend a route or a canary sends
 * to, and every authorizer function. The only API covers every backend the model uses; an API
 * of a split covers the backends of its own routes. Functions named through stage variables
 * are covered for the values the stack sets; a value a user changes later needs its own
 * permission.
 */
function permissions(
  model: RouteModel,
  apis: ApiDocumentPlan[],
  documents: BuiltDocument[],
  canaries: boolean,
): LambdaPermissionPlan[] {
  const out: LambdaPermissionPlan[] = [];
  const ids = distinctIds(Object.keys(model.backends), (name) => pascalId(name));
  documents.forEach((d, i) => {
    const apiId = apis[i]!.id;
    const routes =
      apis.length === 1 ? model.routes : [...d.included.keys()].map((id) => routeById(model, id));
    const names = new Set(usedBackends({ ...model, routes }).map((b) => b.name));
    if (canaries) {
      for (const stage of Object.values(model.stages))
        for (const [stable, canary] of Object.entries(stage.canary?.backends ?? {}))
          if (apis.length === 1 || names.has(stable)) names.add(canary);
    }
    for (const name of [...names].sort()) {
      const backend = model.backends[name];
      if (backend?.target.kind !== 'lambda') continue;
      const address = parseLambdaArn(backend.target.functionArn);
      // A name the template language of another tool left in (`${Fn}`) is no function CloudFormation can find.
      if (address.name.includes('${')) continue;
      out.push({
        id: ids.get(name)! + apiId,
        apiId,
        functionName: address.full ? lambdaFunctionArn(address) : address.name,
        sourcePath: '/*',
      });
    }
    out.push(...d.auth.authorizerPermissions.map((p) => ({ ...p, id: p.id + apiId, apiId })));
  });
  return out.sort(byKey((x) => x.id));
}

function routeById(model: RouteModel, id: string): Route {
  return model.routes.find((r) => r.id === id)!;
}

function mergeParameters(...lists: StackParameter[][]): StackParameter[] {
  const byName = new Map<string, StackParameter>();
  for (const p of lists.flat()) if (!byName.has(p.name)) byName.set(p.name, p);
  return [...byName.values()].sort(byKey((x) => x.name));
}
