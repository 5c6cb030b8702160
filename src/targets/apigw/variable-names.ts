import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatSegments, pathShape, segmentText } from '../../model/paths.js';
import { routeLabel } from '../../model/routes.js';
import { shortList } from '../../format/list.js';
import type { Route, Segment } from '../../model/types.js';
import { compareText } from '../../util/order.js';

/**
 * Names REST APIs accept for method request parameters (measured against AWS, not documented:
 * JSON:API's `filter[a]` is refused). Others stay undeclared; a proxy still forwards them.
 */
export const PARAMETER_NAME = /^[A-Za-z0-9:._$-]+$/;
/** A segment API Gateway can match: literal, whole-segment variable or greedy tail. */
export type GatewaySegment = Exclude<Segment, { kind: 'mixed' }>;

/** A route on its way into an API Gateway document: its segments as API Gateway will hold them. */
export interface NamedRoute {
  route: Route;
  segments: GatewaySegment[];
  /** Variables already held under another name (a name REST APIs refuse, made valid). */
  renames?: Rename[];
}

/** A variable whose name API Gateway sees differently from the spec. */
export interface Rename {
  from: string;
  to: string;
}

export interface UnifiedNames {
  /** The routes with one variable name per path position, in the order given. */
  routes: (NamedRoute & { renames: Rename[] })[];
  /** Routes left out: a plain variable beside a greedy one at the same position (GP100). */
  leftOut: Set<Route>;
  diagnostics: Diagnostic[];
}

/** Most routes a rename finding names before it says how many more there are. */
const LISTED = 3;

/**
 * API Gateway holds one resource per path position, so every variable at one position must
 * have one name: `/users/{id}` beside `/users/{userId}/posts` is rejected on import. The name
 * kept is the one most routes through the position use (ties: code-unit order), among those no
 * enclosing variable of those routes already uses; positions are settled from the root down.
 * The choice depends only on the routes through that position, so unrelated routes never
 * change it. A plain
 * variable beside a greedy one cannot share a resource at all (GP100): those routes are left out.
 */
export function unifyVariableNames(input: NamedRoute[]): UnifiedNames {
  const routes = input.map((r) => ({
    ...r,
    segments: [...r.segments],
    renames: (r.renames ?? []).map((x) => ({ ...x })),
  }));
  const leftOut = new Set<Route>();
  const diagnostics: Diagnostic[] = [];
  const depth = Math.max(0, ...routes.map((r) => r.segments.length));
  for (let d = 0; d < depth; d++) {
    const positions = new Map<string, typeof routes>();
    for (const r of routes) {
      const segment = r.segments[d];
      if (!segment || segment.kind === 'literal' || leftOut.has(r.route)) continue;
      const key = pathShape(r.segments.slice(0, d));
      positions.set(key, [...(positions.get(key) ?? []), r]);
    }
    for (const key of [...positions.keys()].sort(compareText)) {
      const group = positions.get(key)!;
      const greedy = group.find((r) => r.segments[d]!.kind === 'greedy');
      if (greedy && group.some((r) => r.segments[d]!.kind === 'param')) {
        for (const r of group.filter((g) => g.segments[d]!.kind === 'param')) {
          leftOut.add(r.route);
          diagnostics.push(besideGreedy(r, greedy, d));
        }
        continue;
      }
      diagnostics.push(...rename(group, d));
    }
  }
  return { routes, leftOut, diagnostics };
}

function rename(group: (NamedRoute & { renames: Rename[] })[], d: number): Diagnostic[] {
  const nameAt = (r: NamedRoute) => (r.segments[d] as Exclude<GatewaySegment, { kind: 'literal' }>).name;
  // Most used first (fewest renames), then code-unit order.
  const uses = new Map<string, number>();
  for (const r of group) uses.set(nameAt(r), (uses.get(nameAt(r)) ?? 0) + 1);
  const names = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || compareText(a, b));
  if (names.length < 2 && group.every((r) => !enclosing(r, d).has(nameAt(r)))) return [];
  const taken = new Set(group.flatMap((r) => [...enclosing(r, d)]));
  let chosen = names.find((n) => !taken.has(n));
  for (let i = 2; chosen === undefined; i++) if (!taken.has(`${names[0]}_${i}`)) chosen = `${names[0]}_${i}`;
  const renamed: (NamedRoute & { renames: Rename[] })[] = [];
  const from = new Set<string>();
  for (const r of group) {
    const segment = r.segments[d] as Exclude<GatewaySegment, { kind: 'literal' }>;
    if (segment.name === chosen) continue;
    from.add(segment.name);
    // A variable renamed before keeps its spec name as `from`: references in the spec use that one.
    const earlier = r.renames.find((x) => x.to === segment.name);
    if (earlier) earlier.to = chosen;
    else r.renames.push({ from: segment.name, to: chosen });
    r.segments[d] = { ...segment, name: chosen };
    renamed.push(r);
  }
  if (renamed.length === 0) return [];
  const first = renamed[0]!;
  return [
    diagnostic(
      'GP137',
      first.route.where,
      {
        names: [...from]
          .sort(compareText)
          .map((n) => `{${n}}`)
          .join(', '),
        to: chosen,
        parent: formatSegments(first.segments.slice(0, d)),
        count: renamed.length,
        routes: shortList(
          renamed.map((r) => routeLabel(r.route)),
          LISTED,
        ),
      },
      first.route.id,
    ),
  ];
}

/** Variable names a route already uses above position `d`. */
function enclosing(r: NamedRoute, d: number): Set<string> {
  return new Set(r.segments.slice(0, d).flatMap((s) => (s.kind === 'literal' ? [] : [s.name])));
}

function besideGreedy(r: NamedRoute, greedy: NamedRoute, d: number): Diagnostic {
  return diagnostic(
    'GP100',
    r.route.where,
    {
      parent: formatSegments(r.segments.slice(0, d)),
      route: routeLabel(r.route),
      name: segmentText(r.segments[d]!),
      greedy: segmentText(greedy.segments[d]!),
      other: routeLabel(greedy.route),
    },
    r.route.id,
  );
}
