import { isDeepStrictEqual } from 'node:util';
import type { Route } from './types.js';

/**
 * What a front door does for a route, aspect by aspect. Two operations whose paths differ only
 * in parameter names are one route to every front door: they can share it when they agree on
 * all of these, since the backend then receives each request exactly as either would send it.
 */
const ASPECTS: readonly [aspect: string, of: (route: Route) => unknown][] = [
  ['backend', (r) => r.backend],
  ['security', (r) => r.auth],
  ['x-amazon-apigateway-integration', (r) => r.existingIntegration],
  ['throttle', (r) => r.throttle],
  ['timeout', (r) => r.timeoutMs],
  ['request validation', (r) => r.validate],
  ['CORS', (r) => r.cors],
  ['match conditions', (r) => r.match],
  ['health check', (r) => r.health],
  ['front doors (leaveOutOf)', (r) => r.leftOutOf],
  ['request body', (r) => bodyShape(r)],
  ['query, header and cookie parameters', (r) => otherParams(r)],
];

/** The aspects on which two declarations of one route differ; empty when one route serves both. */
export function routeConflicts(a: Route, b: Route): string[] {
  return ASPECTS.filter(([, of]) => !isDeepStrictEqual(of(a), of(b))).map(([aspect]) => aspect);
}

/** Which declaration a shared route keeps: the path that sorts first, whatever the document order. */
export function keptDeclaration(a: Route, b: Route): Route {
  return a.path < b.path ? a : b;
}

function bodyShape(route: Route): unknown {
  const body = route.requestBody;
  if (!body) return undefined;
  return {
    required: body.required,
    content: Object.fromEntries(Object.entries(body.content).map(([type, c]) => [type, c.schema])),
  };
}

function otherParams(route: Route): unknown {
  return route.params
    .filter((p) => p.in !== 'path')
    .map((p) => ({
      in: p.in,
      name: p.in === 'header' ? p.name.toLowerCase() : p.name,
      required: p.required,
      schema: p.schema,
    }))
    .sort((x, y) => (`${x.in} ${x.name}` < `${y.in} ${y.name}` ? -1 : 1));
}
