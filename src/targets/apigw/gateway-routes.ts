import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatSegments, pathParamNames, pathShape, segmentText } from '../../model/paths.js';
import { routeLabel } from '../../model/routes.js';
import type { Route, RouteModel, Segment } from '../../model/types.js';
import { primaryBackendName } from './route-backend.js';
import { PARAMETER_NAME, unifyVariableNames, type GatewaySegment, type Rename } from './variable-names.js';

/**
 * A literal segment API Gateway accepts: letters, digits and `_ - . , :` (its important notes
 * for REST APIs; see docs/design.md). Any other literal is held as a variable.
 */
const GATEWAY_SEGMENT = /^[A-Za-z0-9_.,:-]+$/;

/** The API types: REST APIs count resources against their quota, HTTP APIs routes. */
export type ApiKind = 'rest' | 'http';

export type { GatewaySegment } from './variable-names.js';

/** What API Gateway holds for one operation of the spec. */
export interface GatewayRoute {
  route: Route;
  /**
   * The path API Gateway matches, from the root of the API's own paths: every mixed segment
   * widened to one whole-segment variable, and one variable name per path position.
   */
  segments: GatewaySegment[];
  /** `segments` as a template: the document's path key, the REST resource path, the route key's path. */
  path: string;
  /** True when some segment was widened, so the gateway route takes more than the operation. */
  widened: boolean;
  /** Whole-segment variables the spec names differently (`{userId}` held as `{id}`). */
  renames: Rename[];
  /** Other operations served by this gateway route, merged into it because they are served alike. */
  alsoServes: Route[];
  /** A greedy route standing for a whole subtree of operations (`claims.ts`), not one operation. */
  claims?: true;
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
 * API Gateway (REST and HTTP APIs) matches whole segments, with one variable name per path
 * position. A mixed segment such as `{Sid}.json` is widened to one variable holding the whole
 * segment, and variables are renamed where siblings differ (`variable-names.ts`); the backend
 * URI is built from the gateway's own variables, so `/Accounts/AC1.json` still reaches the
 * backend as requested. Operations that end up on the same method and path share one gateway
 * route when they would be served alike, and are an error (GP136) when they would not.
 */
export function gatewayRoutes(model: RouteModel, api: ApiKind): GatewayRoutes {
  const diagnostics: Diagnostic[] = [];
  const widened = model.routes.map((route) => ({ route, ...widen(route) }));
  for (const w of widened) diagnostics.push(...widenedDiagnostics(w.route, w.segments, w.renames));
  const named = unifyVariableNames(widened);
  diagnostics.push(...named.diagnostics);
  const candidates: GatewayRoute[] = named.routes.flatMap((r, i) =>
    named.leftOut.has(r.route)
      ? []
      : [
          {
            route: r.route,
            segments: r.segments,
            path: formatSegments(r.segments),
            widened: widened[i]!.widened,
            renames: r.renames,
            alsoServes: [],
          },
        ],
  );
  const merged = mergeSameRoutes(model, api, candidates);
  diagnostics.push(...merged.diagnostics, ...overlapDiagnostics(model, api, merged.routes));
  return { routes: merged.routes, servedBy: merged.servedBy, diagnostics };
}

function widen(route: Route): { segments: GatewaySegment[]; widened: boolean; renames: Rename[] } {
  let widened = false;
  const renames: Rename[] = [];
  const taken = new Set(pathParamNames(route.segments));
  const segments = route.segments.map((s, i): GatewaySegment => {
    if (s.kind === 'mixed') {
      widened = true;
      return { kind: 'param', name: widenedName(s) };
    }
    if (s.kind === 'literal') {
      if (GATEWAY_SEGMENT.test(s.value)) return s;
      widened = true;
      return { kind: 'param', name: unused(`segment${i + 1}`, taken) };
    }
    if (PARAMETER_NAME.test(s.name)) return s;
    const name = unused(gatewayName(s.name), taken);
    renames.push({ from: s.name, to: name });
    return { ...s, name };
  });
  return { segments, widened: widened || route.pathQuery !== undefined, renames };
}

/** `name`, or `name_2`, `name_3`… when the route already uses it. */
function unused(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out); i++) out = `${name}_${i}`;
  taken.add(out);
  return out;
}

/** A variable name REST APIs accept: every other character becomes `_` (`{ white space }` → `_white_space_`). */
function gatewayName(name: string): string {
  return name.replace(/[^A-Za-z0-9:._$-]/g, '_');
}

/** `{Sid}.json` → `Sid`; `{base}...{head}` → `base_head`: the variable that holds the whole segment. */
function widenedName(segment: Extract<Segment, { kind: 'mixed' }>): string {
  return gatewayName(segment.parts.flatMap((p) => (p.kind === 'param' ? [p.name] : [])).join('_'));
}

/**
 * GP135 for mixed segments, GP142 for literals API Gateway refuses, GP143 for variable names it
 * refuses, GP144 for a query in the path key, which API Gateway cannot route on.
 */
function widenedDiagnostics(route: Route, segments: GatewaySegment[], renames: Rename[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const gateway = `${route.method} ${formatSegments(segments)}`;
  const mixed = route.segments.filter((s) => s.kind === 'mixed').map(segmentText);
  if (mixed.length)
    out.push(
      diagnostic(
        'GP135',
        route.where,
        { route: routeLabel(route), gateway, segments: mixed.join(', ') },
        route.id,
      ),
    );
  const refused = route.segments.flatMap((s) =>
    s.kind === 'literal' && !GATEWAY_SEGMENT.test(s.value) ? [s.value] : [],
  );
  if (refused.length)
    out.push(
      diagnostic(
        'GP142',
        route.where,
        { route: routeLabel(route), gateway, segments: refused.map((s) => `"${s}"`).join(', ') },
        route.id,
      ),
    );
  if (route.pathQuery !== undefined)
    out.push(
      diagnostic(
        'GP144',
        route.where,
        { route: routeLabel(route), gateway, query: route.pathQuery },
        route.id,
      ),
    );
  if (renames.length)
    out.push(
      diagnostic(
        'GP143',
        route.where,
        { route: routeLabel(route), names: renames.map((r) => `{${r.from}} as {${r.to}}`).join(', ') },
        route.id,
      ),
    );
  return out;
}

/**
 * One gateway route per method and path. Operations the spec declares with whole-segment
 * variables claim theirs first; a widened operation that lands on a taken route is merged
 * into it when served alike, and reported (GP136) and left out when not.
 */
function mergeSameRoutes(
  model: RouteModel,
  api: ApiKind,
  candidates: GatewayRoute[],
): { routes: GatewayRoute[]; servedBy: Map<string, GatewayRoute>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const routes: GatewayRoute[] = [];
  const servedBy = new Map<string, GatewayRoute>();
  const byKey = new Map<string, GatewayRoute>();
  for (const gateway of [...candidates.filter((g) => !g.widened), ...candidates.filter((g) => g.widened)]) {
    const route = gateway.route;
    const key = `${route.method} ${pathShape(gateway.segments)}`;
    const taken = byKey.get(key);
    if (!taken) {
      byKey.set(key, gateway);
      routes.push(gateway);
      servedBy.set(route.id, gateway);
      continue;
    }
    const differ = differences(model, api, taken.route, route);
    if (differ.length) {
      diagnostics.push(conflict(route, taken, differ));
    } else {
      servedBy.set(route.id, taken);
      taken.alsoServes.push(route);
    }
  }
  const order = new Map(candidates.map((g, i) => [g, i]));
  routes.sort((a, b) => order.get(a)! - order.get(b)!);
  return { routes, servedBy, diagnostics };
}

/** GP145 when the two differ only in their path key's query, GP136 when widening made them one. */
function conflict(route: Route, other: GatewayRoute, differ: string[]): Diagnostic {
  return diagnostic(
    pathShape(route.segments) === pathShape(other.route.segments) ? 'GP145' : 'GP136',
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

/**
 * What a gateway route carries for its operation. Operations that share one gateway route
 * must agree on all of it, or requests for one would be served as the other. REST APIs also
 * answer CORS preflight per resource; HTTP APIs have one CORS setting for the whole API. A
 * request body schema is no reason to differ: the shared route then validates no body.
 */
export function servedAs(model: RouteModel, api: ApiKind, route: Route): Record<string, unknown> {
  return {
    backend: primaryBackendName(route),
    auth: route.auth ?? null,
    integration: route.usesExistingIntegration ? route.existingIntegration : null,
    timeout: route.timeoutMs ?? null,
    throttle: route.throttle ?? null,
    ...(api === 'rest' ? { cors: route.cors ?? model.cors ?? null } : {}),
  };
}

function differences(model: RouteModel, api: ApiKind, a: Route, b: Route): string[] {
  const left = servedAs(model, api, a);
  const right = servedAs(model, api, b);
  return Object.keys(left).filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k]));
}

/**
 * An ANY route and a route with an explicit method on the same gateway path overlap: the
 * explicit one takes its method's requests from the ANY one. That is only safe when they
 * are served alike, or when neither was widened (then the spec itself says so).
 */
function overlapDiagnostics(model: RouteModel, api: ApiKind, routes: GatewayRoute[]): Diagnostic[] {
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
      const differ = differences(model, api, any.route, g.route);
      if (differ.length) out.push(conflict(g.route, any, differ));
    }
  }
  return out;
}
