import type { AuthRequirement, Cors, Route, RouteModel } from '../model/types.js';
import { routeLabel } from '../model/routes.js';
import { change } from './change.js';
import {
  backendSet,
  describeAuth,
  describeBackendRef,
  describeBackendTarget,
  describeMatch,
  describeThrottle,
  describeTimeout,
  isPublic,
  throttleDirection,
  weightShares,
} from './describe.js';
import type { RouteChange } from './types.js';

/** Route-level changes: what the revision's route model does differently. Pure. */
export function diffRoutes(base: RouteModel, revision: RouteModel): RouteChange[] {
  const out: RouteChange[] = [];
  const before = new Map(base.routes.map((r) => [r.id, r]));
  const after = new Map(revision.routes.map((r) => [r.id, r]));
  const shapesBefore = new Set(base.routes.map(shapeOf));
  const shapesAfter = new Set(revision.routes.map(shapeOf));

  for (const [id, old] of before) {
    const next = after.get(id);
    if (!next) {
      const code = shapesAfter.has(shapeOf(old)) ? 'GP403' : 'GP401';
      out.push(
        change(
          code,
          'routes',
          { route: label(old), method: old.method, path: old.path, before: describeBackendRef(old.backend) },
          { route: id, base: old.where },
        ),
      );
      continue;
    }
    out.push(...compareRoute(old, next));
  }
  for (const [id, next] of after) {
    if (before.has(id)) continue;
    const code = shapesBefore.has(shapeOf(next)) ? 'GP402' : 'GP400';
    out.push(
      change(
        code,
        'routes',
        { route: label(next), method: next.method, path: next.path, after: describeBackendRef(next.backend) },
        { route: id, revision: next.where },
      ),
    );
  }
  out.push(...diffBackendAddresses(base, revision));
  if (base.catchAll !== revision.catchAll) {
    const args = {
      before: base.catchAll ?? 'the 404 response',
      after: revision.catchAll ?? 'the 404 response',
    };
    out.push(
      change('GP417', 'routes', args, {
        base: { file: base.source.file, pointer: '' },
        revision: { file: revision.source.file, pointer: '' },
      }),
    );
  }
  return out;
}

function compareRoute(old: Route, next: Route): RouteChange[] {
  const out: RouteChange[] = [];
  const at = { route: next.id, base: old.where, revision: next.where };
  const route = label(next);
  const pair = (b: string, a: string) => ({ route, before: b, after: a });

  if (backendSet(old.backend).join() !== backendSet(next.backend).join()) {
    out.push(
      change('GP404', 'routes', pair(describeBackendRef(old.backend), describeBackendRef(next.backend)), at),
    );
  } else if (JSON.stringify(weightShares(old.backend)) !== JSON.stringify(weightShares(next.backend))) {
    out.push(
      change('GP405', 'routes', pair(describeBackendRef(old.backend), describeBackendRef(next.backend)), at),
    );
  }

  const authBefore = describeAuth(old.auth);
  const authAfter = describeAuth(next.auth);
  if (authBefore !== authAfter) {
    const code = isPublic(old.auth)
      ? 'GP406'
      : isPublic(next.auth)
        ? 'GP407'
        : keepsEveryAlternative(old.auth!, next.auth!)
          ? 'GP418'
          : 'GP408';
    out.push(change(code, 'routes', pair(authBefore, authAfter), at));
  }

  const throttle = throttleDirection(old.throttle, next.throttle);
  if (throttle !== 0) {
    out.push(
      change(
        throttle < 0 ? 'GP409' : 'GP410',
        'routes',
        pair(describeThrottle(old.throttle), describeThrottle(next.throttle)),
        at,
      ),
    );
  }

  if (old.timeoutMs !== next.timeoutMs) {
    // Without a setting the front door's own maximum applies, so any explicit value is shorter.
    const shorter =
      next.timeoutMs !== undefined && (old.timeoutMs === undefined || next.timeoutMs < old.timeoutMs);
    out.push(
      change(
        shorter ? 'GP411' : 'GP412',
        'routes',
        pair(describeTimeout(old.timeoutMs), describeTimeout(next.timeoutMs)),
        at,
      ),
    );
  }

  const cors = compareCors(old.cors, next.cors);
  if (cors.narrowed.length)
    out.push(change('GP413', 'routes', { route, detail: cors.narrowed.join('; ') }, at));
  if (cors.widened.length)
    out.push(change('GP414', 'routes', { route, detail: cors.widened.join('; ') }, at));

  const matchBefore = describeMatch(old.match);
  const matchAfter = describeMatch(next.match);
  if (matchBefore !== matchAfter) out.push(change('GP415', 'routes', pair(matchBefore, matchAfter), at));
  return out;
}

/** Every credential set the old requirement accepted is still one of the new alternatives. */
function keepsEveryAlternative(before: AuthRequirement[], after: AuthRequirement[]): boolean {
  const alternatives = new Set(after.map((r) => describeAuth([r])));
  return before.every((r) => alternatives.has(describeAuth([r])));
}

/** What a browser may no longer do (narrowed) and what it newly may (widened). */
function compareCors(
  before: Cors | undefined,
  after: Cors | undefined,
): { narrowed: string[]; widened: string[] } {
  if (!before && !after) return { narrowed: [], widened: [] };
  if (!after) return { narrowed: ['CORS is turned off'], widened: [] };
  if (!before) return { narrowed: [], widened: [`CORS is turned on for ${after.allowOrigins.join(', ')}`] };
  const narrowed: string[] = [];
  const widened: string[] = [];
  const lists = [
    ['origins', before.allowOrigins, after.allowOrigins],
    ['methods', before.allowMethods, after.allowMethods],
    ['request headers', before.allowHeaders, after.allowHeaders],
    ['exposed headers', before.exposeHeaders, after.exposeHeaders],
  ] as const;
  for (const [name, b, a] of lists) {
    const removed = missing(b, a);
    const added = missing(a, b);
    if (removed.length) narrowed.push(`${name} ${removed.join(', ')} no longer allowed`);
    if (added.length) widened.push(`${name} ${added.join(', ')} now allowed`);
  }
  if (before.allowCredentials && !after.allowCredentials) narrowed.push('credentials no longer allowed');
  if (!before.allowCredentials && after.allowCredentials) widened.push('credentials now allowed');
  if (before.maxAgeSeconds !== after.maxAgeSeconds) {
    widened.push(
      `preflight max-age ${before.maxAgeSeconds ?? 'default'} → ${after.maxAgeSeconds ?? 'default'}`,
    );
  }
  return { narrowed, widened };
}

/** Values of `from` that `to` no longer allows; `*` in `to` allows everything. */
function missing(from: readonly string[], to: readonly string[]): string[] {
  if (to.includes('*')) return [];
  const lower = new Set(to.map((v) => v.toLowerCase()));
  return [...from].filter((v) => !lower.has(v.toLowerCase())).sort();
}

/** A backend kept under its name but pointed at another address moves every route on it. */
function diffBackendAddresses(base: RouteModel, revision: RouteModel): RouteChange[] {
  const out: RouteChange[] = [];
  for (const [name, old] of Object.entries(base.backends)) {
    const next = revision.backends[name];
    if (!next) continue;
    const before = describeBackendTarget(old);
    const after = describeBackendTarget(next);
    if (before === after) continue;
    const count = revision.routes.filter((r) => backendSet(r.backend).includes(name)).length;
    out.push(
      change(
        'GP416',
        'routes',
        { backend: name, before, after, count },
        { base: old.where, revision: next.where },
      ),
    );
  }
  return out;
}

function shapeOf(route: Route): string {
  return route.id.slice(route.id.indexOf(' ') + 1);
}

function label(route: Route): string {
  return routeLabel(route);
}
