import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { routeLabel } from '../../model/routes.js';
import type { RouteModel } from '../../model/types.js';
import type { GatewayRoute, GatewayRoutes } from './gateway-routes.js';
import { parseLambdaArn } from './addresses.js';
import { badUrlDiagnostic } from './integration-common.js';
import { PARAMETER_NAME } from './operation.js';
import { usedBackends, weightedRouteDiagnostics } from './route-backend.js';

/** API Gateway's rule for a literal path segment. */
const SEGMENT = /^[A-Za-z0-9_.,:-]+$/;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ANY']);

/** Routes API Gateway cannot import at all: unknown methods and path characters. */
export function routeBlockers(model: RouteModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const route of model.routes) {
    if (!METHODS.has(route.method)) {
      out.push(
        diagnostic('GP103', route.where, { method: route.method, route: routeLabel(route) }, route.id),
      );
    }
    for (const segment of route.segments) {
      if (segment.kind === 'literal' && !SEGMENT.test(segment.value)) {
        out.push(
          diagnostic('GP104', route.where, { segment: segment.value, route: routeLabel(route) }, route.id),
        );
      }
    }
  }
  return out;
}

/** True when API Gateway can import the route (the document leaves out routes that are errors). */
export function importable(gateway: GatewayRoute): boolean {
  return (
    METHODS.has(gateway.route.method) &&
    gateway.segments.every((s) => s.kind !== 'literal' || SEGMENT.test(s.value))
  );
}

/** REST path variables must be valid method request parameter names too. */
export function pathParameterBlockers(gateway: GatewayRoutes): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { route, segments } of gateway.routes) {
    for (const segment of segments) {
      if (segment.kind !== 'literal' && !PARAMETER_NAME.test(segment.name)) {
        out.push(
          diagnostic('GP130', route.where, { name: segment.name, route: routeLabel(route) }, route.id),
        );
      }
    }
  }
  return out;
}

/** API Gateway's integration timeout bounds; REST can exceed 29 s only after a quota raise. */
export function timeoutDiagnostics(model: RouteModel, api: 'rest' | 'http'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const max = api === 'rest' ? 29_000 : 30_000;
  for (const route of model.routes) {
    const t = route.timeoutMs;
    if (t === undefined) continue;
    const args = {
      timeoutMs: t,
      route: routeLabel(route),
      api: api === 'rest' ? 'REST' : 'HTTP',
      min: 50,
      max,
    };
    if (
      t < 50 ||
      (api === 'http' && t > max) ||
      (api === 'rest' && model.endpoint.type === 'edge' && t > max)
    ) {
      out.push(diagnostic('GP113', route.where, args, route.id));
    } else if (api === 'rest' && t > max) {
      out.push(diagnostic('GP114', route.where, args, route.id));
    }
  }
  return out;
}

/**
 * What either import document reports before it serves a route. Only REST declares path
 * variables as method request parameters, so only REST holds them to those names.
 */
export function documentDiagnostics(
  model: RouteModel,
  gateway: GatewayRoutes,
  api: 'rest' | 'http',
): Diagnostic[] {
  return [
    ...gateway.diagnostics,
    ...routeBlockers(model),
    ...(api === 'rest' ? pathParameterBlockers(gateway) : []),
    ...timeoutDiagnostics(model, api),
    ...weightedRouteDiagnostics(model),
    ...backendDiagnostics(model),
  ];
}

/** Diagnostics about the backends routes use: bad URLs, Lambda names that are not ARNs. */
function backendDiagnostics(model: RouteModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const backend of usedBackends(model)) {
    const bad = badUrlDiagnostic(backend);
    if (bad) out.push(bad);
    if (backend.target.kind === 'lambda') {
      const { functionArn } = backend.target;
      const address = parseLambdaArn(functionArn);
      if (!address.full)
        out.push(
          diagnostic('GP124', backend.where, { backend: backend.name, arn: functionArn, name: address.name }),
        );
    }
  }
  return out;
}
