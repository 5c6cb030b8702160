/**
 * Requests that try to fool a rule list: for every two templates that can match one path
 * (`/users/me` and `/users/{id}/avatar` share `/users/me/avatar`), a path both match, with
 * each parameter set to the other template's literal or text (`{Sid}` meets `{Sid}.json`);
 * each template's path with its mixed segments stripped to the parameter (`/Accounts/zz`
 * beside `/Accounts/{Sid}.json`); next to each, the path with a trailing slash and with
 * `.json` on its last segment; each with the methods the matching templates
 * declare, HEAD, and one method none declares. The expected operation comes from the model's
 * precedence rule (`src/model/precedence.ts`), with HEAD following GET, read as the ALB
 * compiler promises:
 *  - `alb.unmatched: backend`: path-first. A request whose path's most specific template does
 *    not declare its method is undeclared and may go anywhere — also when a less specific
 *    template declares the method (`DELETE /users/me` beside `GET /users/me` and
 *    `DELETE /users/{id}`): the readings disagree there, and such requests are left out.
 *  - `alb.unmatched: default`: method-first. `DELETE /users/me` reaches `DELETE /users/{id}`;
 *    every request no template declares for its method reaches the default action.
 * Routes with extra match conditions (hosts, headers) are left out: their requests depend on
 * more than method and path.
 */
import { mixedSegmentMatches, segmentShape } from '../../src/model/paths.js';
import { indexRoutes } from '../../src/model/precedence.js';
import type { Route, RouteModel, Segment, Stage } from '../../src/model/types.js';
import { matchListener, type AlbRequest } from '../../src/targets/alb/match.js';
import type { AlbPlan } from '../../src/targets/alb/plan.js';
import { listenerFor, missFor, type Miss } from './support.js';

export interface Probe {
  stage: Stage;
  request: AlbRequest;
  /** The operation that owns the request, method-first; undefined when none declares it. */
  owner?: Route;
  /** The readings disagree: a less specific template declares the method, the path's own does not. */
  disputed: boolean;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Every probe, in every stage, deduplicated. */
export function adversarialRequests(model: RouteModel): Probe[] {
  const plain = model.routes.filter((r) => !r.match || Object.keys(r.match).length === 0);
  const special = model.routes.filter((r) => !plain.includes(r));
  const index = indexRoutes(plain);
  const specialIndex = indexRoutes(special);
  const paths = new Set<string>();
  const templates = [...new Map(plain.map((r) => [shapeOf(r), r.segments])).values()];
  const literals = literalsByPrefix(templates);
  for (const a of templates) {
    paths.add(pathOf(a, a));
    if (a.some((x) => x.kind === 'mixed'))
      paths.add(
        pathOf(
          a.map((x) => (x.kind === 'mixed' ? PARAM : x)),
          a,
        ),
      );
    for (const b of templates) if (a !== b && overlap(a, b)) paths.add(pathOf(a, b));
    for (const path of siblingCollisions(a, literals)) paths.add(path);
  }
  const probes: Probe[] = [];
  const seen = new Set<string>();
  for (const stage of Object.values(model.stages)) {
    const prefix = model.alb.stageMode === 'path' ? (stage.pathPrefix ?? '') : '';
    const host = model.alb.stageMode === 'host' ? stage.host : undefined;
    const add = (method: string, path: string) => {
      // A special route's template would own the path only together with its conditions.
      if (specialIndex.owner(method, path, { headFollowsGet: true, reading: 'path-first' })) return;
      const request: AlbRequest = {
        method,
        path: prefix && path === '/' ? prefix : prefix + path,
        ...(host ? { host } : {}),
      };
      const key = JSON.stringify([stage.name, request]);
      if (seen.has(key)) return;
      seen.add(key);
      const owner = index.owner(method, path, { headFollowsGet: true });
      const disputed =
        owner !== undefined && !index.owner(method, path, { headFollowsGet: true, reading: 'path-first' });
      probes.push({ stage, request, disputed, ...(owner ? { owner } : {}) });
    };
    for (const path of [...paths].sort()) {
      const methods = METHODS.filter((m) => index.owner(m, path, { headFollowsGet: true }));
      const undeclared = METHODS.find((m) => !methods.includes(m));
      for (const method of [...methods, ...(undeclared ? [undeclared] : [])]) add(method, path);
      const first = methods[0] ?? 'GET';
      add(first, path === '/' ? '/' : path + '/');
      if (path !== '/') add(first, path + '.json');
    }
  }
  return probes;
}

/** Probes that land wrong: an owned request off its operation's backends, or (strict) an unowned one taken by a rule. */
export function misroutedProbes(
  model: RouteModel,
  plan: AlbPlan,
  probes: Probe[] = adversarialRequests(model),
): (Miss | { request: AlbRequest; stage: string; rule: string })[] {
  const strict = model.alb.unmatched === 'default';
  const out: (Miss | { request: AlbRequest; stage: string; rule: string })[] = [];
  for (const { stage, request, owner, disputed } of probes) {
    if (disputed && !strict) continue;
    if (owner) {
      const miss = missFor(model, plan, stage, owner, request);
      if (miss) out.push(miss);
    } else if (strict) {
      const match = matchListener(listenerFor(plan, stage), request);
      if (match.rule) out.push({ request, stage: stage.name, rule: match.rule.name });
    }
  }
  return out;
}

function shapeOf(route: Route): string {
  return route.id.slice(route.id.indexOf(' ') + 1);
}

/**
 * The literals each template position can meet: for every prefix of a template (written
 * with `{}` for parameters), the literal segments templates put right after it.
 */
function literalsByPrefix(templates: Segment[][]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of templates) {
    t.forEach((s, i) => {
      const key = prefixKey(t.slice(0, i));
      // Every prefix is marked, so walks along prefixes no literal follows can go on.
      out.set(PREFIX + prefixKey(t.slice(0, i + 1)), new Set());
      if (s.kind === 'literal') out.set(key, (out.get(key) ?? new Set()).add(s.value));
    });
  }
  return out;
}

/** Marks a key as a template prefix in `literalsByPrefix`'s map. */
const PREFIX = '\u0000';

function prefixKey(segments: Segment[]): string {
  return segments.map((s) => (s.kind === 'greedy' ? '{}' : segmentShape(s))).join('/');
}

const PARAM: Segment = { kind: 'param', name: 'p' };

/** A value for a segment: a literal as written, a mixed segment's text around `zz` values. */
function sample(s: Segment, i: number): string {
  if (s.kind === 'literal') return s.value;
  if (s.kind === 'mixed')
    return s.parts.map((p, j) => (p.kind === 'text' ? p.value : `zz${i}m${j}`)).join('');
  return s.kind === 'param' ? `zz${i}` : `zz${i}g`;
}

/** Whether a literal value can stand in a segment of the template. */
function fits(s: Segment, value: string): boolean {
  return s.kind === 'literal' ? s.value === value : s.kind === 'mixed' ? mixedSegmentMatches(s, value) : true;
}

/**
 * Paths of `a` with one parameter set to a literal that another template has at that depth
 * after a prefix `a`'s own prefix can match (`/users/{id}/avatar` meets `me` from `/users/me`):
 * the requests a prefix claim for the literal's owner would catch.
 */
function siblingCollisions(a: Segment[], literals: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  a.forEach((s, i) => {
    if (s.kind !== 'param') return;
    for (const prefix of compatiblePrefixes(a.slice(0, i), literals)) {
      for (const value of literals.get(prefix) ?? []) {
        const parts = a.map((x, j) => (j === i ? value : sample(x, j)));
        out.push('/' + parts.join('/'));
      }
    }
  });
  return out;
}

/** The prefix keys a path starting like `prefix` can match: each literal as written or as `{}`. */
function compatiblePrefixes(prefix: Segment[], literals: Map<string, Set<string>>): string[] {
  let keys = [''];
  prefix.forEach((s, i) => {
    const next: string[] = [];
    for (const key of keys) {
      const join = (part: string) => (i === 0 ? part : `${key}/${part}`);
      if (s.kind !== 'param') next.push(join(segmentShape(s)));
      next.push(join('{}'));
    }
    keys = next.filter((k) => literals.has(k) || literals.has(PREFIX + k));
  });
  return keys;
}

/** Whether one path can match both templates. */
function overlap(a: Segment[], b: Segment[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind === 'greedy' || y.kind === 'greedy') return true;
    if (x.kind === 'literal' && !fits(y, x.value)) return false;
    if (y.kind === 'literal' && !fits(x, y.value)) return false;
  }
  if (a.length === b.length) return true;
  const shorter = a.length < b.length ? a : b;
  return shorter.at(-1)?.kind === 'greedy';
}

/** A path in `a`'s template (and in `b`'s where they overlap), each parameter of `a` taking `b`'s literal or text. */
function pathOf(a: Segment[], b: Segment[]): string {
  const parts: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) {
      // Past the end of `a`: its greedy segment goes on over `b`'s segments.
      if (a.at(-1)?.kind !== 'greedy' || y === undefined) break;
      parts.push(y.kind === 'greedy' ? `zz${i}` : sample(y, i));
      continue;
    }
    parts.push(
      x.kind === 'literal'
        ? x.value
        : y?.kind === 'literal' && fits(x, y.value)
          ? y.value
          : x.kind === 'mixed' || y?.kind !== 'mixed'
            ? sample(x, i)
            : sample(y, i),
    );
    if (x.kind === 'greedy' && (y === undefined || y.kind === 'greedy')) break;
  }
  return '/' + parts.join('/');
}
