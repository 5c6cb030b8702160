import { routeLabel } from '../model/routes.js';
import { requestChecks } from '../model/validation.js';
import { own } from '../util/dict.js';
import type { AuthScheme, Backend, Route, RouteModel } from '../model/types.js';

/** What a spec can ask of a front door; one row of the `compare` table each. */
export const FEATURES = {
  stages: 'stages',
  canary: 'canary releases',
  throttling: 'throttling',
  quotas: 'request quotas per API key',
  'auth-cognito': 'auth: Cognito user pools',
  'auth-jwt': 'auth: JWT',
  'auth-oidc': 'auth: OpenID Connect',
  'auth-lambda': 'auth: Lambda authorizer',
  'auth-iam': 'auth: IAM (SigV4)',
  'auth-apiKey': 'auth: API keys',
  'auth-http-basic': 'auth: HTTP basic',
  'auth-oauth2': 'auth: OAuth2 flows',
  'auth-unspecified': 'auth: a scheme declared only in gateplan.yaml',
  'auth-backend': 'auth: checked by the backend (credentials pass through)',
  'auth-alternatives': 'auth: several alternatives on one route',
  'auth-combination': 'auth: several schemes required together',
  cors: 'CORS',
  'cors-per-route': 'CORS off on some routes',
  'request-validation': 'request validation (body schemas)',
  'weighted-routing': 'weighted routing (A/B)',
  'sticky-sessions': 'sticky sessions',
  'lb-algorithm': 'load-balancing algorithm',
  'health-checks': 'health checks',
  grpc: 'gRPC to targets',
  http2: 'HTTP/2 to targets',
  'integration-http': 'HTTP backends',
  'integration-vpc-link': 'private backends (VPC link)',
  'integration-lambda': 'Lambda integrations',
  'integration-s3': 'S3 integrations',
  'integration-kinesis': 'Kinesis integrations',
  'integration-mock': 'mock responses',
  'integration-existing': 'kept x-amazon-apigateway-integration',
  'greedy-paths': 'greedy paths ({proxy+})',
  'mixed-segments': 'text and parameters in one segment ({Sid}.json)',
  'host-routing': 'host-header routing',
  'header-routing': 'header routing',
  'query-routing': 'query-string routing',
  'source-ip-routing': 'source-IP routing',
  'catch-all': 'catch-all backend',
  'binary-media': 'binary media types',
  'private-endpoint': 'private endpoint',
  'edge-endpoint': 'edge-optimized endpoint',
  timeouts: 'per-route timeouts',
  'long-timeouts': 'timeouts over 29 s',
  // Rows every spec gets: what running each door's target made of it.
  deploy: 'generates without errors',
  routes: 'routes served',
  // Rows that only a target's findings bring up.
  'path-templates': 'path templates',
  methods: 'HTTP methods',
  'rule-limits': 'extra match conditions per rule',
  configuration: 'deployment settings',
} as const;
export type FeatureId = keyof typeof FEATURES;

const NO_TARGET_GROUPS =
  'API Gateway has no target groups or extra match conditions; the setting is not applied';

/**
 * What a front door leaves out without a finding of its own: the route model defines
 * target-group settings and extra match conditions for ALB only ("ignored by API Gateway
 * targets", src/model/types.ts), and request schemas only matter where something validates
 * them. `compare` marks these cells itself, so silence never reads as "native".
 */
export const SILENT_GAPS: Partial<
  Record<FeatureId, { doors: ('apigw-rest' | 'apigw-http' | 'alb')[]; why: string }>
> = {
  'sticky-sessions': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'lb-algorithm': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'health-checks': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  grpc: { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  http2: { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'host-routing': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'header-routing': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'query-routing': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'source-ip-routing': { doors: ['apigw-rest', 'apigw-http'], why: NO_TARGET_GROUPS },
  'request-validation': {
    doors: ['alb'],
    why: 'ALB forwards requests without checking them against the schemas; the backend must validate',
  },
};

/** A feature the spec uses, and where: route labels, or stage/backend names for the rest. */
export interface RequestedFeature {
  id: FeatureId;
  label: string;
  subjects: string[];
}

/** The features this model asks for, in FEATURES order, each with what uses it. */
export function requestedFeatures(model: RouteModel): RequestedFeature[] {
  const found = new Map<FeatureId, Set<string>>();
  const add = (id: FeatureId, subject: string) => {
    const set = found.get(id) ?? new Set<string>();
    set.add(subject);
    found.set(id, set);
  };
  for (const stage of Object.values(model.stages)) {
    add('stages', stage.name);
    if (stage.canary) add('canary', stage.name);
    if (stage.throttle) add('throttling', `stage ${stage.name}`);
    if (stage.quota) add('quotas', `stage ${stage.name}`);
  }
  for (const route of model.routes) routeFeatures(model, route, (id) => add(id, routeLabel(route)));
  if (model.catchAll) add('catch-all', model.catchAll);
  if (model.binaryMediaTypes.length) add('binary-media', model.binaryMediaTypes.join(', '));
  if (model.endpoint.type === 'private') add('private-endpoint', 'API');
  if (model.endpoint.type === 'edge') add('edge-endpoint', 'API');
  return (Object.keys(FEATURES) as FeatureId[])
    .filter((id) => found.has(id))
    .map((id) => ({ id, label: FEATURES[id], subjects: [...found.get(id)!].sort() }));
}

function routeFeatures(model: RouteModel, route: Route, add: (id: FeatureId) => void): void {
  if (route.throttle) add('throttling');
  if ((route.auth?.length ?? 0) > 1) add('auth-alternatives');
  for (const requirement of route.auth ?? []) {
    if (requirement.schemes.length > 1) add('auth-combination');
    for (const { name } of requirement.schemes) {
      const named = own(model.auth, name);
      if (named) add(named.enforcedBy === 'backend' ? 'auth-backend' : authFeature(named.scheme));
    }
  }
  if (route.cors) add('cors');
  else if (model.cors) add('cors-per-route');
  if (requestChecks(route).body) add('request-validation');
  if (route.segments.some((s) => s.kind === 'greedy')) add('greedy-paths');
  if (route.segments.some((s) => s.kind === 'mixed')) add('mixed-segments');
  if (route.match?.hosts?.length) add('host-routing');
  if (Object.keys(route.match?.headers ?? {}).length) add('header-routing');
  if (Object.keys(route.match?.query ?? {}).length) add('query-routing');
  if (route.match?.sourceIps?.length) add('source-ip-routing');
  if (route.timeoutMs !== undefined) add('timeouts');
  if (route.timeoutMs !== undefined && route.timeoutMs > 29_000) add('long-timeouts');
  if (route.existingIntegration) add('integration-existing');
  const ref = route.backend;
  const names = 'backend' in ref ? [ref.backend] : ref.weighted.map((w) => w.backend);
  if (!('backend' in ref)) add('weighted-routing');
  for (const name of names) {
    const backend = model.backends[name];
    if (backend) for (const id of backendFeatures(backend)) add(id);
  }
}

function authFeature(scheme: AuthScheme): FeatureId {
  return `auth-${scheme.kind}`;
}

/** The row of a backend kind (`lambda`, `http`, `apigw-integration`, …). */
export function integrationFeature(kind: Backend['target']['kind'], vpcLink = false): FeatureId {
  if (kind === 'http') return vpcLink ? 'integration-vpc-link' : 'integration-http';
  if (kind === 'apigw-integration') return 'integration-existing';
  return `integration-${kind}`;
}

function backendFeatures(backend: Backend): FeatureId[] {
  const t = backend.target;
  const out: FeatureId[] = [integrationFeature(t.kind, t.kind === 'http' && Boolean(t.vpcLink))];
  const tg = backend.targetGroup;
  if (tg.stickiness) out.push('sticky-sessions');
  if (tg.algorithm && tg.algorithm !== 'round_robin') out.push('lb-algorithm');
  if (tg.health) out.push('health-checks');
  if (tg.protocolVersion === 'GRPC') out.push('grpc');
  if (tg.protocolVersion === 'HTTP2') out.push('http2');
  return out;
}
