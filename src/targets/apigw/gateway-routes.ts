import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatSegments, pathShape, segmentText } from '../../model/paths.js';
import { routeLabel } from '../../model/routes.js';
import type { Route, RouteModel, Segment } from '../../model/types.js';
import { primaryBackendName } from './route-backend.js';

/** A segment API Gateway can match: literal, whole-segment variable or greedy tail. */
export type GatewaySegment = Exclude<Segment, { kind: 'mixed' }>;

/** What API Gateway holds for one operation of the spec. */
export interface GatewayRoute {
  route: Route;
  /** The path API Gateway matches: every mixed segment widened to one whole-segment variable. */
  segments: GatewaySegment[];
  /** `segments` as a template: the document's path key, the REST resource path, the route key's path. */
  path: string;
  /** True when some segment was widened, so the gateway route takes more than the operation. */
  widened: boolean;
}

/** The routes of one API as API Gateway sees them, and what was decided to get there. */
export interface GatewayRoutes {
  /** One per gateway method + path, in model order; each serves its route and the routes merged into it. */
  routes: GatewayRoute[];
  /** Route id → the gateway route serving it (itself, or the one it was merged into). */
  servedBy: Map<string, GatewayRoute>;
  diagnostics: Diagnostic[];
}

/**
 * API Gateway (REST and HTTP APIs) matches whole segments only. A mixed segment such as
 * `{Sid}.json` is widened to one variable holding the whole segment; the backend URI is
 * built from that variable, so `/Accounts/AC1.json` still reaches the backend as written.
 * Two operations that widen to the same method and path become one gateway route when they
 * would be served alike, and an error when they would not.
 */
export function gatewayRoutes(model: RouteModel): GatewayRoutes {
  const diagnostics: Diagnostic[] = [];
  const routes: GatewayRoute[] = [];
  const servedBy = new Map<string, GatewayRoute>();
  const byKey = new Map<string, GatewayRoute>();
  const order = new Map(model.routes.map((r, i) => [r.id, i]));
  const widened = model.routes.map(widen);
  for (const gateway of widened) {
    const route = gateway.route;
    if (!gateway.widened) continue;
    diagnostics.push(
      diagnostic(
        'GP135',
        route.where,
        { route: routeLabel(route), gateway: `${route.method} ${gateway.path}`, segments: mixedOf(route) },
        route.id,
      ),
    );
  }
  // Operations the spec declares with whole-segment variables claim their gateway route first.
  for (const gateway of [...widened.filter((g) => !g.widened), ...widened.filter((g) => g.widened)]) {
    const route = gateway.route;
    const key = `${route.method} ${pathShape(gateway.segments)}`;
    const taken = byKey.get(key);
    if (!taken) {
      byKey.set(key, gateway);
      routes.push(gateway);
      servedBy.set(route.id, gateway);
      continue;
    }
    const differ = differences(model, taken.route, route);
    if (differ.length) {
      diagnostics.push(conflict(route, taken, differ));
      continue;
    }
    servedBy.set(route.id, taken);
  }
  routes.sort((a, b) => order.get(a.route.id)! - order.get(b.route.id)!);
  diagnostics.push(...overlapDiagnostics(model, routes));
  return { routes, servedBy, diagnostics };
}

/** Route id → gateway route, for every route a served gateway route serves (merged routes included). */
export function servedRoutes(gateway: GatewayRoutes, served: Set<GatewayRoute>): Map<string, GatewayRoute> {
  return new Map([...gateway.servedBy].filter(([, g]) => served.has(g)));
}

function conflict(route: Route, other: GatewayRoute, differ: string[]): Diagnostic {
  return diagnostic(
    'GP136',
    route.where,
    {
      route: routeLabel(route),
      other: routeLabel(other.route),
      gateway: `${route.method} ${other.path}`,
      differ: differ.join(', '),
    },
    route.id,
  );
}

function widen(route: Route): GatewayRoute {
  let widened = false;
  const segments = route.segments.map((s): GatewaySegment => {
    if (s.kind !== 'mixed') return s;
    widened = true;
    return { kind: 'param', name: widenedName(s) };
  });
  return { route, segments, path: formatSegments(segments), widened };
}

/** `{Sid}.json` → `Sid`; `{base}...{head}` → `base_head`: the variable that holds the whole segment. */
function widenedName(segment: Extract<Segment, { kind: 'mixed' }>): string {
  return segment.parts.flatMap((p) => (p.kind === 'param' ? [p.name] : [])).join('_');
}

function mixedOf(route: Route): string {
  return route.segments
    .filter((s) => s.kind === 'mixed')
    .map(segmentText)
    .join(', ');
}

/**
 * What a gateway route carries for its operation. Two operations that share one gateway
 * route must agree on all of it, or requests for one would be served as the other.
 */
function servedAs(model: RouteModel, route: Route): Record<string, unknown> {
  return {
    backend: primaryBackendName(route),
    auth: route.auth ?? null,
    integration: route.existingIntegration ?? null,
    timeout: route.timeoutMs ?? null,
    throttle: route.throttle ?? null,
    cors: route.cors ?? model.cors ?? null,
    body: route.requestBody ? Object.keys(route.requestBody.content).sort() : null,
  };
}

function differences(model: RouteModel, a: Route, b: Route): string[] {
  const left = servedAs(model, a);
  const right = servedAs(model, b);
  return Object.keys(left).filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k]));
}

/**
 * An ANY route and a route with an explicit method on the same gateway path overlap: the
 * explicit one takes its method's requests from the ANY one. That is only safe when they
 * are served alike, or when neither was widened (then the spec itself says so).
 */
function overlapDiagnostics(model: RouteModel, routes: GatewayRoute[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const anyByPath = new Map<string, GatewayRoute[]>();
  for (const g of routes) {
    if (g.route.method !== 'ANY') continue;
    const shape = pathShape(g.segments);
    anyByPath.set(shape, [...(anyByPath.get(shape) ?? []), g]);
  }
  for (const g of routes) {
    if (g.route.method === 'ANY') continue;
    for (const any of anyByPath.get(pathShape(g.segments)) ?? []) {
      if (!g.widened && !any.widened) continue;
      if (pathShape(g.route.segments) === pathShape(any.route.segments)) continue;
      const differ = differences(model, any.route, g.route);
      if (differ.length) out.push(conflict(g.route, any, differ));
    }
  }
  return out;
}
