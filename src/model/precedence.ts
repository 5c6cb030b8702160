/**
 * Which declared operation owns a request. OpenAPI says concrete paths match before
 * templated ones; gateplan reads that segment by segment from the left, the way API Gateway
 * picks a resource: at the first segment where two matching templates differ, a literal
 * beats a parameter, which beats a greedy `{name+}` (one or more non-empty segments).
 * A mixed segment (`{Sid}.json`) sits between a literal and a parameter: it matches one
 * segment that carries its text; of two mixed segments, the one with more text is tried first.
 * A parameter matches one non-empty segment.
 *
 * Methods can be read two ways when the most specific template does not declare the
 * request's method (`GET /users/me` beside `DELETE /users/{id}`, request `DELETE /users/me`):
 *  - method-first (API Gateway HTTP APIs, and gateplan's ALB rules): the most specific
 *    template that declares the method owns it — `DELETE /users/{id}`;
 *  - path-first (API Gateway REST APIs pick the resource, then the method): the path belongs
 *    to `/users/me`, which has no DELETE, so no operation owns it.
 * `ANY` declares every method its template does not declare otherwise.
 *
 * A path key with a query (`/responses?beta=true`) owns the requests to its path that carry that
 * query, ahead of the same template without one; without the query, the request is not its.
 */
import { mixedSegmentMatches, segmentShape } from './paths.js';
import type { Route, Segment } from './types.js';
import { compareText } from '../util/order.js';

export type Reading = 'method-first' | 'path-first';

export interface OwnerOptions {
  /** Default `method-first`. */
  reading?: Reading;
  /** A HEAD request goes to the template's GET operation unless the template declares HEAD (ALB's rules do this). */
  headFollowsGet?: boolean;
  /** The request's query string, without `?` (`beta=true&x=1`). */
  query?: string;
}

/** What precedence reads of a route: its method and template (a model route, or a gateway's). */
export type Routable = Pick<Route, 'method' | 'segments' | 'pathQuery'>;

export interface RouteIndex<R extends Routable = Route> {
  /** The operation owning `method path` (path without query), or undefined when none declares it. */
  owner(method: string, path: string, options?: OwnerOptions): R | undefined;
}

/** How specific one template segment is: lower wins. */
export function segmentRank(segment: Segment): number {
  switch (segment.kind) {
    case 'literal':
      return 0;
    case 'mixed':
      return 1;
    case 'param':
      return 2;
    case 'greedy':
      return 3;
  }
}

/** A request path as templates read it: `/a/b` → `['a', 'b']`, `/` → `[]`, `/a/` → `['a', '']`. */
export function pathParts(path: string): string[] {
  return path === '/' ? [] : path.replace(/^\//, '').split('/');
}

type MixedSegment = Extract<Segment, { kind: 'mixed' }>;

interface Node<R extends Routable = Routable> {
  literals: Map<string, Node<R>>;
  /** Mixed segments by shape, most text first. */
  mixed: { segment: MixedSegment; node: Node<R> }[];
  param?: Node<R>;
  /** Routes of the template ending here, and of the one ending in a greedy segment here. */
  routes: R[];
  greedy: R[];
}

function newNode<R extends Routable>(): Node<R> {
  return { literals: new Map(), mixed: [], routes: [], greedy: [] };
}

/** An index of the routes' templates; lookups walk it from the most specific branch out. */
export function indexRoutes<R extends Routable = Route>(routes: readonly R[]): RouteIndex<R> {
  const root = newNode<R>();
  for (const route of routes) {
    let node = root;
    for (const segment of route.segments) {
      if (segment.kind === 'greedy') break;
      if (segment.kind === 'literal') {
        let next = node.literals.get(segment.value);
        if (!next) node.literals.set(segment.value, (next = newNode()));
        node = next;
      } else if (segment.kind === 'mixed') node = mixedChild(node, segment);
      else node = node.param ??= newNode<R>();
    }
    (route.segments.at(-1)?.kind === 'greedy' ? node.greedy : node.routes).push(route);
  }
  return {
    owner(method, path, options = {}) {
      const parts = pathParts(path);
      for (const template of templatesFor(root, parts, 0)) {
        const route = pick(queried(template, options.query ?? ''), method, options.headFollowsGet ?? false);
        if (route || options.reading === 'path-first') return route;
      }
      return undefined;
    },
  };
}

function mixedChild<R extends Routable>(node: Node<R>, segment: MixedSegment): Node<R> {
  const shape = segmentShape(segment);
  const found = node.mixed.find((m) => segmentShape(m.segment) === shape);
  if (found) return found.node;
  const child = { segment, node: newNode<R>() };
  node.mixed.push(child);
  node.mixed.sort(
    (a, b) =>
      textLength(b.segment) - textLength(a.segment) ||
      compareText(segmentShape(a.segment), segmentShape(b.segment)),
  );
  return child.node;
}

function textLength(segment: MixedSegment): number {
  return segment.parts.reduce((n, p) => n + (p.kind === 'text' ? p.value.length : 0), 0);
}

/** The routes of every template matching `parts`, most specific template first. */
function* templatesFor<R extends Routable>(node: Node<R>, parts: string[], i: number): Generator<R[]> {
  if (i === parts.length) {
    if (node.routes.length) yield node.routes;
    return;
  }
  const part = parts[i]!;
  if (part === '') return;
  const literal = node.literals.get(part);
  if (literal) yield* templatesFor(literal, parts, i + 1);
  for (const m of node.mixed)
    if (mixedSegmentMatches(m.segment, part)) yield* templatesFor(m.node, parts, i + 1);
  if (node.param) yield* templatesFor(node.param, parts, i + 1);
  if (node.greedy.length && parts.slice(i).every((p) => p !== '')) yield node.greedy;
}

/** A template's operations a request with `query` can reach: those whose path key's query it carries first (more pairs first), then those without one. */
function queried<R extends Routable>(routes: R[], query: string): R[] {
  const asked = query.split('&');
  const pairs = (r: R) => r.pathQuery!.split('&').filter(Boolean);
  const carried = (pair: string) =>
    pair.includes('=') ? asked.includes(pair) : asked.some((a) => a === pair || a.startsWith(`${pair}=`));
  return [
    ...routes
      .filter((r) => r.pathQuery !== undefined && pairs(r).every(carried))
      .sort((a, b) => pairs(b).length - pairs(a).length),
    ...routes.filter((r) => r.pathQuery === undefined),
  ];
}

/** The operation of one template that takes `method`. */
function pick<R extends Routable>(routes: R[], method: string, headFollowsGet: boolean): R | undefined {
  const exact = routes.find((r) => r.method === method);
  if (exact) return exact;
  if (method === 'HEAD' && headFollowsGet) {
    const get = routes.find((r) => r.method === 'GET');
    if (get) return get;
  }
  return routes.find((r) => r.method === 'ANY');
}
