import { HTTP_METHODS, type Route, type RouteModel, type Segment } from '../model/types.js';
import { byKey } from '../util/order.js';
import { dict } from '../util/dict.js';

/**
 * A request to replay against both versions, before a stage's address is applied: the
 * same sample lands on each version's own host or path prefix for that stage, so a stage
 * that moves is reported once (as a stage change), not once per request.
 */
export interface AbstractRequest {
  method: string;
  /** Path inside the API (base path included, stage prefix not). */
  apiPath: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Host required by the route's own match conditions, overriding the stage's. */
  host?: string;
  /** Client address inside the route's first source-IP range. */
  sourceIp?: string;
  /** Why this request is in the sample: a route's own request, or a probe near it. */
  origin: 'route' | 'probe';
}

/** Sample value for a path parameter: short, digit-only, so it never equals a literal segment. */
const PARAM_SAMPLE = '42';
const GREEDY_SAMPLE = 'a/b.txt';
const PROBE_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];

/**
 * Requests derived from both versions' routes: each route's own request, plus probes a
 * too-wide rule would catch: an undeclared method on the same path, and a path one
 * segment deeper. Deduplicated and sorted by method, path, headers, query.
 */
export function sampleRequests(...models: RouteModel[]): AbstractRequest[] {
  const requestsByKey = new Map<string, AbstractRequest>();
  const add = (r: AbstractRequest) => {
    const key = requestKey(r);
    const existing = requestsByKey.get(key);
    if (!existing || (existing.origin === 'probe' && r.origin === 'route')) requestsByKey.set(key, r);
  };
  for (const model of models) {
    const methodsByPath = new Map<string, Set<string>>();
    for (const route of model.routes) {
      const apiPath = concretePath(route.segments);
      const methods = methodsByPath.get(apiPath) ?? new Set<string>();
      methods.add(route.method);
      methodsByPath.set(apiPath, methods);
      add(routeRequest(route, apiPath, route.method === 'ANY' ? 'GET' : route.method, 'route'));
      if (route.segments.at(-1)?.kind !== 'greedy')
        add(
          routeRequest(
            route,
            joinPath(apiPath, 'extra'),
            route.method === 'ANY' ? 'GET' : route.method,
            'probe',
          ),
        );
    }
    for (const route of model.routes) {
      const apiPath = concretePath(route.segments);
      const declared = methodsByPath.get(apiPath)!;
      if (declared.has('ANY')) continue;
      const probe = PROBE_METHODS.find((m) => !declared.has(m));
      if (probe) add(routeRequest(route, apiPath, probe, 'probe'));
    }
  }
  return [...requestsByKey.values()].sort(byKey(requestKey));
}

function routeRequest(
  route: Route,
  apiPath: string,
  method: string,
  origin: AbstractRequest['origin'],
): AbstractRequest {
  const headers = dict<string>();
  for (const [name, values] of Object.entries(route.match?.headers ?? {}))
    if (values[0] !== undefined) headers[name.toLowerCase()] = concreteGlob(values[0]);
  const query = dict<string>();
  for (const [key, value] of Object.entries(route.match?.query ?? {})) query[key] = concreteGlob(value);
  const request: AbstractRequest = { method, apiPath, headers, query, origin };
  const host = route.match?.hosts?.[0];
  if (host) request.host = concreteGlob(host);
  const cidr = route.match?.sourceIps?.[0];
  if (cidr) request.sourceIp = cidr.split('/')[0]!;
  return request;
}

function concretePath(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments.map((s) => '/' + concreteSegment(s)).join('');
}

function concreteSegment(segment: Segment): string {
  switch (segment.kind) {
    case 'literal':
      return segment.value;
    case 'param':
      return PARAM_SAMPLE;
    case 'greedy':
      return GREEDY_SAMPLE;
    case 'mixed':
      return segment.parts.map((p) => (p.kind === 'text' ? p.value : PARAM_SAMPLE)).join('');
  }
}

/** A value that an ALB wildcard pattern accepts: `*` becomes `x`, `?` becomes `x`. */
function concreteGlob(pattern: string): string {
  return pattern.replace(/\\([*?])|[*?]/g, (_whole, escaped: string | undefined) => escaped ?? 'x');
}

function joinPath(path: string, segment: string): string {
  return path === '/' ? `/${segment}` : `${path}/${segment}`;
}

function requestKey(r: AbstractRequest): string {
  const method = HTTP_METHODS.indexOf(r.method as never);
  return JSON.stringify([
    r.apiPath,
    method,
    r.host ?? '',
    Object.entries(r.headers).sort(),
    Object.entries(r.query).sort(),
  ]);
}
