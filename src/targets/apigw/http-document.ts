import { requestChecks } from '../../model/validation.js';
import { child } from '../../model/document.js';
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import { routeLabel } from '../../model/routes.js';
import { shortList } from '../../format/list.js';
import type { Cors, Route, RouteModel } from '../../model/types.js';
import { documentDiagnostics, importable } from './checks/index.js';
import { mergeAuthStates } from './auth-states.js';
import { gatewayRoutes, type GatewayRoute } from './gateway-routes.js';
import { apiTitle, layoutApi, servedRoutes, type ApiLayout } from './layout.js';
import type { ApiPart } from './split.js';
import { httpSecurity } from './http-auth.js';
import { backendIntegration, httpIntegration } from './http-integration.js';
import {
  methodKey,
  operationParameters,
  operationResponses,
  sortedRecord,
  uniqueOperationIds,
} from './operation.js';
import type { PrivateLinkPlan, StackParameter } from './plan.js';
import { byKey } from '../../util/order.js';
import { unsupportedSchemeDiagnostics } from './rest-auth.js';
import { LEAVE_OUT, newAuthState, nothingLeftFix, type AuthState } from './route-security.js';
import { planBackendVariables } from './variables.js';
import type { BackendVariables } from './plan.js';

export interface HttpDocumentParts {
  /** One import document per API: one, or one per part of a split. */
  documents: HttpApiDocument[];
  layout: ApiLayout;
  diagnostics: Diagnostic[];
  /** Every document's auth, merged: stack parameters, findings. */
  auth: AuthState;
  variables: BackendVariables;
  parameters: StackParameter[];
  /** The VPC link and listener of each backend reached through one, across every API. */
  privateLinks: PrivateLinkPlan[];
}

export interface HttpApiDocument {
  part: ApiPart;
  document: Record<string, unknown>;
  /** This API's own schemes and authorizer permissions. */
  auth: AuthState;
  /** The gateway routes the document serves, by the id of each route they serve (the rest were left out, with a diagnostic). */
  included: Map<string, GatewayRoute>;
}

/** Path of the route API Gateway uses for requests no other route matches. */
export const DEFAULT_ROUTE_PATH = '/$default';

/**
 * The HTTP API import documents (OpenAPI 3.0, the only version HTTP API import reads); one
 * per API when the API is split (`layout.ts`). Pure.
 */
export function httpDocumentParts(model: RouteModel): HttpDocumentParts {
  const root: Where = { file: model.source.file, pointer: '' };
  const gateway = gatewayRoutes(model, 'http');
  const layout = layoutApi(model, gateway, 'http');
  const diagnostics = [
    ...documentDiagnostics(model, gateway, 'http'),
    ...layout.diagnostics,
    ...gapDiagnostics(model, root),
  ];
  const variables = planBackendVariables(model, 'http');
  const parameters = variables.parameters;
  // The catch-all answers what no mapping and no route takes: the API at the domain's root.
  const parts =
    model.catchAll && !layout.parts.some((p) => p.basePath === '')
      ? [{ basePath: '', mapped: 0, routes: [] }, ...layout.parts]
      : layout.parts;
  const privateLinks = new Map<string, PrivateLinkPlan>();
  const documents = parts.map((part) =>
    httpDocument(model, part, { variables, parameters, privateLinks }, diagnostics),
  );
  const auth = mergeAuthStates(documents.map((d) => d.auth));
  // An HTTP API with no route deploys, and answers every request with 404: say so instead.
  if (!model.catchAll && documents.every((d) => d.included.size === 0)) {
    const fix = nothingLeftFix(model, new Set(documents.flatMap((d) => [...d.included.keys()])));
    diagnostics.push(diagnostic('GP150', child(root, 'paths'), { fix }));
  }
  diagnostics.push(...auth.diagnostics, ...unsupportedSchemeDiagnostics(auth, 'HTTP'));
  parameters.push(...auth.parameters.filter((p) => !parameters.some((q) => q.name === p.name)));
  return {
    documents,
    layout,
    diagnostics,
    auth,
    variables,
    parameters,
    privateLinks: [...privateLinks.values()].sort(byKey((l) => l.backend)),
  };
}

/** What every API of a split shares while its document is written: addresses, parameters, private links. */
interface Shared {
  variables: BackendVariables;
  parameters: StackParameter[];
  privateLinks: Map<string, PrivateLinkPlan>;
}

function httpDocument(
  model: RouteModel,
  part: ApiPart,
  { variables, parameters, privateLinks }: Shared,
  diagnostics: Diagnostic[],
): HttpApiDocument {
  const root: Where = { file: model.source.file, pointer: '' };
  const auth = newAuthState();
  const operationIds = uniqueOperationIds(model.routes);
  const paths: Record<string, Record<string, unknown>> = {};
  const served = new Set<GatewayRoute>();
  for (const gw of part.routes.filter(importable)) {
    const route = gw.route;
    const security = httpSecurity(model, route, auth);
    if (security === LEAVE_OUT) continue;
    const integration = httpIntegration(model, gw, variables, parameters, privateLinks, diagnostics);
    if (!integration) continue;
    const operation: Record<string, unknown> = {};
    // A greedy route standing for a subtree is no one operation: it has none of their names.
    if (!gw.claims && route.operationId && operationIds.has(route.operationId))
      operation.operationId = route.operationId;
    if (!gw.claims && route.summary) operation.summary = route.summary;
    // HTTP APIs neither validate nor map declared parameters, so what REST could not declare is no finding here.
    const params = operationParameters(gw, []);
    if (params.length) operation.parameters = params;
    operation.responses = operationResponses(route);
    if (security) operation.security = security;
    operation['x-amazon-apigateway-integration'] = integration;
    (paths[gw.path] ??= {})[methodKey(route)] = operation;
    served.add(gw);
  }
  const catchAll = model.catchAll && part.basePath === '' ? model.backends[model.catchAll] : undefined;
  if (catchAll) {
    const route = defaultRoute(root);
    const integration = backendIntegration(
      catchAll,
      { route, segments: [], path: DEFAULT_ROUTE_PATH, widened: false, renames: [], alsoServes: [] },
      variables,
      parameters,
      privateLinks,
      diagnostics,
    );
    if (integration) {
      // The request path is not appended to an HTTP URI by itself; the mapping forwards it.
      if (integration.type === 'http_proxy' && integration.connectionType !== 'VPC_LINK') {
        integration.requestParameters = { 'overwrite:path': '$request.path' };
      }
      paths[DEFAULT_ROUTE_PATH] = {
        'x-amazon-apigateway-any-method': {
          isDefaultRoute: true,
          responses: { default: { description: 'Whatever the catch-all backend answers' } },
          'x-amazon-apigateway-integration': integration,
        },
      };
    }
  }
  const document: Record<string, unknown> = {
    openapi: '3.0.1',
    info: {
      title: apiTitle(model, part),
      version: model.api.version,
      ...(model.api.description ? { description: model.api.description } : {}),
    },
    paths: sortedRecord(
      Object.fromEntries(Object.entries(paths).map(([p, item]) => [p, sortedRecord(item)])),
    ),
  };
  if (Object.keys(auth.schemes).length) document.components = { securitySchemes: sortedRecord(auth.schemes) };
  if (model.cors) document['x-amazon-apigateway-cors'] = httpCors(model.cors);
  document['x-amazon-apigateway-importexport-version'] = '1.0';
  return { part, document, auth, included: servedRoutes(part, served) };
}

function httpCors(cors: Cors): Record<string, unknown> {
  return {
    allowOrigins: [...cors.allowOrigins],
    allowMethods: [...cors.allowMethods],
    allowHeaders: [...cors.allowHeaders],
    ...(cors.exposeHeaders.length ? { exposeHeaders: [...cors.exposeHeaders] } : {}),
    allowCredentials: cors.allowCredentials,
    ...(cors.maxAgeSeconds !== undefined ? { maxAge: cors.maxAgeSeconds } : {}),
  };
}

/** A stand-in route for `$default`, so backend integrations can be built for it. */
function defaultRoute(root: Where): Route {
  return {
    id: 'ANY $default',
    method: 'ANY',
    path: DEFAULT_ROUTE_PATH,
    segments: [],
    tags: [],
    backend: { backend: '' },
    params: [],
    responses: {},
    deprecated: false,
    where: child(root, 'x-gateplan', 'catchAll'),
  };
}

/** What the model asks for that HTTP APIs do not have: errors where dropping it would be unsafe. */
function gapDiagnostics(model: RouteModel, root: Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dropped = (where: Where, feature: string, subject: string, fix: string, route?: Route) =>
    out.push(diagnostic('GP112', where, { feature, subject, fix }, route?.id));
  if (model.endpoint.type === 'private') {
    const fix = 'use the apigw-rest target for a private API, or make this one regional';
    out.push(
      diagnostic('GP111', child(root, 'x-gateplan', 'endpoint'), {
        feature: 'private endpoints',
        subject: 'the API',
        fix,
      }),
    );
  } else if (model.endpoint.type === 'edge') {
    dropped(
      child(root, 'x-gateplan', 'endpoint'),
      'edge-optimized endpoints',
      'the API (it is regional)',
      'put CloudFront in front of it if edge caching matters',
    );
  }
  if (model.binaryMediaTypes.length) {
    dropped(
      child(root, 'x-gateplan', 'binaryMediaTypes'),
      'binary media types',
      'the API',
      'HTTP APIs pass binary bodies base64-encoded to Lambda and untouched to HTTP backends',
    );
  }
  if (model.cors?.allowCredentials && model.cors.allowOrigins.includes('*')) {
    out.push(diagnostic('GP123', child(root, 'x-gateplan', 'defaults', 'cors')));
  }
  for (const stage of Object.values(model.stages)) {
    if (stage.canary) {
      dropped(
        child(stage.where, 'canary'),
        'stage canaries',
        `stage ${stage.name}`,
        'use the apigw-rest or alb target for a canary, or a second stage',
      );
    }
    if (stage.quota) {
      dropped(
        child(stage.where, 'quota'),
        'request quotas',
        `stage ${stage.name}`,
        'use the apigw-rest target with API-key routes (its usage plans enforce quotas), or count requests in the backend',
      );
    }
  }
  // One finding per feature for the whole API, naming the routes: not one per route.
  const perRoute = new Map<string, { fix: string; routes: Route[] }>();
  const routeGap = (feature: string, fix: string, route: Route) => {
    const gap = perRoute.get(feature) ?? { fix, routes: [] };
    gap.routes.push(route);
    perRoute.set(feature, gap);
  };
  for (const route of model.routes) {
    if (requestChecks(route).body) {
      routeGap('request validation', 'validate in the backend, or use the apigw-rest target', route);
    }
    if (JSON.stringify(route.cors) !== JSON.stringify(model.cors)) {
      const fix = model.cors
        ? 'the API-wide CORS settings (x-gateplan.defaults.cors) answer for these routes'
        : 'set CORS for the whole API in x-gateplan.defaults.cors';
      routeGap('per-route CORS settings (CORS is API-wide)', fix, route);
    }
  }
  for (const [feature, { fix, routes }] of perRoute) {
    const labels = routes.map(routeLabel);
    const [first] = routes;
    out.push(
      diagnostic(
        'GP112',
        first!.where,
        {
          feature,
          subject: routes.length === 1 ? labels[0]! : `${routes.length} routes: ${shortList(labels)}`,
          routes: shortList(labels),
          fix,
        },
        routes.length === 1 ? first!.id : undefined,
      ),
    );
  }
  return out;
}
