/**
 * Which front door can serve a route as the spec describes it. The targets report what they
 * cannot serve (GP128 on HTTP APIs, GP154 and GP205 on ALB); `gateplan init` reads the same
 * answers to write `leaveOutOf` for those routes, so that its file is accepted by `generate`
 * unchanged and no front door serves a route other than as described.
 */
import type { Backend, FrontDoorId, Route, RouteModel } from '../model/types.js';
import { own } from '../util/dict.js';

/** Integration types an HTTP API runs (a kept integration of any other type is REST-only). */
export const HTTP_API_INTEGRATION_TYPES: ReadonlySet<string> = new Set(['aws_proxy', 'http_proxy']);

/**
 * What of a kept `x-amazon-apigateway-integration` only a REST API runs: non-proxy
 * integrations shape the request and the response (templates, integration responses, a fixed
 * backend URI), which neither an HTTP API nor ALB can do. Undefined for a proxy integration,
 * and for a mock that only answers a status code (ALB answers it with a fixed response).
 */
export function restOnlyMapping(integration: Record<string, unknown>): string | undefined {
  const type = integrationType(integration);
  if (type === 'aws') return 'request templates and integration responses';
  if (type === 'http') return 'integration responses and fixed backend URI';
  if (type === 'mock' && mapsResponses(integration)) return 'integration responses (headers, templates)';
  return undefined;
}

export function integrationType(integration: Record<string, unknown>): string {
  return String(integration.type ?? '').toLowerCase();
}

function mapsResponses(integration: Record<string, unknown>): boolean {
  const responses = integration.responses;
  if (typeof responses !== 'object' || responses === null) return false;
  return Object.values(responses).some(
    (r) =>
      typeof r === 'object' &&
      r !== null &&
      (Object.keys((r as Record<string, unknown>).responseParameters ?? {}).length > 0 ||
        Object.keys((r as Record<string, unknown>).responseTemplates ?? {}).length > 0),
  );
}

/** The route's integration kept as written, when API Gateway serves it with that. */
export function keptIntegrationOf(route: Route): Record<string, unknown> | undefined {
  return route.usesExistingIntegration ? route.existingIntegration : undefined;
}

/**
 * Why `door` cannot serve `route` as the spec describes it, in words for a comment; undefined
 * when it can. A REST API serves every route (its limits are errors of their own).
 */
export function whyDoorCannotServe(model: RouteModel, route: Route, door: FrontDoorId): string | undefined {
  if (door === 'apigw-rest') return undefined;
  const kept = keptIntegrationOf(route);
  if (kept) {
    const type = integrationType(kept);
    if (door === 'apigw-http' && !HTTP_API_INTEGRATION_TYPES.has(type))
      return `HTTP APIs run no ${type || 'untyped'} integrations (its x-amazon-apigateway-integration)`;
    const restOnly = restOnlyMapping(kept);
    if (door === 'alb' && restOnly)
      return `ALB cannot run the ${restOnly} of its ${type} x-amazon-apigateway-integration`;
  }
  for (const backend of routeBackends(model, route)) {
    const kind = backend.target.kind;
    if (door === 'apigw-http' && (kind === 'mock' || kind === 's3' || kind === 'kinesis'))
      return `HTTP APIs have no ${kind} integrations (backend ${backend.name})`;
    if (door === 'alb' && kind !== 'http' && kind !== 'lambda' && kind !== 'mock')
      return `ALB cannot call ${kind === 'apigw-integration' ? 'AWS services' : kind} backends (backend ${backend.name})`;
  }
  return undefined;
}

function routeBackends(model: RouteModel, route: Route): Backend[] {
  const names =
    'backend' in route.backend ? [route.backend.backend] : route.backend.weighted.map((w) => w.backend);
  return names.flatMap((n) => {
    const b = own(model.backends, n);
    return b ? [b] : [];
  });
}
