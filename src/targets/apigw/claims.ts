import { formatSegments, pathShape } from '../../model/paths.js';
import type { RouteModel } from '../../model/types.js';
import { compareText } from '../../util/order.js';
import { servedAs, type ApiKind, type GatewayRoute } from './gateway-routes.js';
import { apiUsage, type ApiPart } from './split.js';

/** A subtree of an API served by greedy routes instead of one route per operation. */
export interface Claim {
  /** The claimed prefix as API Gateway holds it (relative to the API's base path). */
  prefix: string;
  /** The operations under it, now served by its greedy routes. */
  routes: GatewayRoute[];
}

/**
 * An API that is still over the quota after splitting (its paths continue under variables,
 * which a custom-domain mapping cannot name) claims whole subtrees: every operation strictly
 * below a prefix is served by one greedy route per method (`GET /{owner}/{repo}/issues/{proxy+}`),
 * so API Gateway forwards any path under it and the backend receives the path as requested.
 * A subtree is claimed only when the operations of each method are served alike (backend,
 * auth, integration, timeout, throttle, CORS, body); with an ANY operation among them, all
 * methods must be. Claims are made at the deepest level that brings the API within the quota,
 * so as few operations as possible lose their own route.
 */
export function claimSubtrees(
  model: RouteModel,
  p: ApiPart,
  api: ApiKind,
  limit: number,
): { part: ApiPart; claims: Claim[] } | undefined {
  const deepest = Math.max(...p.routes.map((g) => g.segments.length)) - 1;
  for (let depth = deepest; depth > p.mapped; depth--) {
    const attempt = claimAt(model, api, p, depth);
    if (attempt.claims.length && apiUsage(attempt.part.routes, p.mapped, api) <= limit) return attempt;
  }
  return undefined;
}

function claimAt(
  model: RouteModel,
  api: ApiKind,
  p: ApiPart,
  depth: number,
): { part: ApiPart; claims: Claim[] } {
  const below = new Map<string, GatewayRoute[]>();
  for (const g of p.routes) {
    if (g.segments.length <= depth) continue;
    const key = pathShape(g.segments.slice(0, depth));
    below.set(key, [...(below.get(key) ?? []), g]);
  }
  const claims: Claim[] = [];
  const replaced = new Set<GatewayRoute>();
  const greedy: GatewayRoute[] = [];
  for (const key of [...below.keys()].sort(compareText)) {
    const routes = below.get(key)!;
    const groups = methodGroups(model, api, routes);
    if (!groups) continue;
    const node = routes[0]!.segments.slice(0, depth);
    const tail = routes.find((g) => g.segments[depth]?.kind === 'greedy')?.segments[depth];
    const name = tail && tail.kind === 'greedy' ? tail.name : 'proxy';
    for (const group of groups) {
      const segments = [...node, { kind: 'greedy' as const, name }];
      greedy.push({
        route: group[0]!.route,
        segments,
        path: formatSegments(segments.slice(p.mapped)),
        widened: true,
        renames: [],
        alsoServes: group.flatMap((g) => [g.route, ...g.alsoServes]).slice(1),
        claims: true,
      });
    }
    for (const g of routes) replaced.add(g);
    claims.push({ prefix: formatSegments(node.slice(p.mapped)), routes });
  }
  const routes = [...p.routes.filter((g) => !replaced.has(g)), ...greedy];
  return { part: { ...p, routes }, claims };
}

/** The routes grouped by method, or undefined when a group (or the whole, with ANY) is not served alike. */
function methodGroups(model: RouteModel, api: ApiKind, routes: GatewayRoute[]): GatewayRoute[][] | undefined {
  const byMethod = new Map<string, GatewayRoute[]>();
  for (const g of routes) byMethod.set(g.route.method, [...(byMethod.get(g.route.method) ?? []), g]);
  const alike = (list: GatewayRoute[]) => {
    const first = JSON.stringify(servedAs(model, api, list[0]!.route));
    return list.every((g) => JSON.stringify(servedAs(model, api, g.route)) === first);
  };
  if (byMethod.has('ANY') && !alike(routes)) return undefined;
  const groups = [...byMethod.keys()].sort(compareText).map((m) => byMethod.get(m)!);
  return groups.every(alike) ? groups : undefined;
}
