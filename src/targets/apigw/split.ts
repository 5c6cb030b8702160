import { formatSegments, segmentText } from '../../model/paths.js';
import { compareText } from '../../util/order.js';
import type { ApiKind, GatewayRoute, GatewayRoutes } from './gateway-routes.js';

/** One API of a split: what the custom domain maps to it, and the routes it holds. */
export interface ApiPart {
  /** The custom-domain base path mapped to this API (`v1/customers`); '' is the empty mapping, `(none)`. */
  basePath: string;
  /** Leading path segments the mapping strips before the API sees the request. */
  mapped: number;
  /** Its gateway routes, with `path` relative to the base path; `segments` keep the full path. */
  routes: GatewayRoute[];
}

/**
 * The quota an API fills: REST APIs count resources (every distinct path below the root),
 * HTTP APIs count routes (method + path).
 */
export function apiUsage(routes: readonly GatewayRoute[], mapped: number, api: ApiKind): number {
  if (api === 'http') return routes.length;
  const resources = new Set<string>();
  for (const { segments } of routes) {
    const own = segments.slice(mapped);
    for (let i = 1; i <= own.length; i++) resources.add(own.slice(0, i).map(segmentText).join('/'));
  }
  return resources.size;
}

/**
 * Splits an API over the quota into several APIs under one custom domain, by literal path
 * prefix: a prefix over the quota gives each literal child its own API (mapped at the child's
 * full path, `v1/customers`), keeping its own routes (exact, or under a variable) in its
 * own API. Prefixes, not counts, decide where a route goes, so adding a route moves no other
 * route unless its prefix crosses the quota. A prefix is not split when one of its variable
 * children would match the children's paths: the mapping, which only sees paths, would take
 * those requests from it.
 */
export function splitApi(gateway: GatewayRoutes, api: ApiKind, limit: number): ApiPart[] {
  if (apiUsage(gateway.routes, 0, api) <= limit) return [part('', 0, gateway.routes)];
  return refine([], gateway.routes, api, limit).sort((a, b) => compareText(a.basePath, b.basePath));
}

function refine(prefix: string[], routes: GatewayRoute[], api: ApiKind, limit: number): ApiPart[] {
  const depth = prefix.length;
  const basePath = prefix.join('/');
  if (apiUsage(routes, depth, api) <= limit) return [part(basePath, depth, routes)];
  const children = new Map<string, GatewayRoute[]>();
  const own: GatewayRoute[] = [];
  for (const g of routes) {
    const next = g.segments[depth];
    if (next?.kind === 'literal' && g.segments.length > depth) {
      children.set(next.value, [...(children.get(next.value) ?? []), g]);
    } else {
      own.push(g);
    }
  }
  const variableChild = own.some((g) => g.segments.length > depth);
  if (children.size === 0 || variableChild) return [part(basePath, depth, routes)];
  const parts = own.length ? [part(basePath, depth, own)] : [];
  for (const [name, under] of [...children].sort(([a], [b]) => compareText(a, b)))
    parts.push(...refine([...prefix, name], under, api, limit));
  return parts;
}

function part(basePath: string, mapped: number, routes: GatewayRoute[]): ApiPart {
  return {
    basePath,
    mapped,
    routes:
      mapped === 0 ? routes : routes.map((g) => ({ ...g, path: formatSegments(g.segments.slice(mapped)) })),
  };
}
