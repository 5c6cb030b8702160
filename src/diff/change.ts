import { catalog, type Code } from '../diagnostics/catalog.js';
import type { Where } from '../diagnostics/diagnostic.js';
import { shortHash } from '../model/ids.js';
import type { Classification, DiffScope, RouteChange } from './types.js';
import { byEntryKey, compareText } from '../util/order.js';

const CLASS_OF_LEVEL: Record<string, Classification> = { error: 'breaking', warn: 'risky', info: 'safe' };

export interface ChangeAt {
  route?: string;
  base?: Where;
  revision?: Where;
}

/** Builds a change; its class comes from the catalog, its fingerprint from what it says. */
export function change(
  code: Code,
  scope: DiffScope,
  args: Record<string, string | number>,
  at: ChangeAt = {},
): RouteChange {
  const entry = catalog[code];
  const stringArgs = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, String(v)]));
  const identity = JSON.stringify([code, scope, at.route ?? '', Object.entries(stringArgs).sort(byEntryKey)]);
  const out: RouteChange = {
    code,
    kind: entry.slug,
    classification: CLASS_OF_LEVEL[entry.level] ?? 'safe',
    scope,
    args: stringArgs,
    fingerprint: shortHash(identity, 16),
  };
  if (at.route !== undefined) out.route = at.route;
  if (at.base) out.base = at.base;
  if (at.revision) out.revision = at.revision;
  return out;
}

const CLASS_RANK: Record<Classification, number> = { breaking: 0, risky: 1, safe: 2 };
const SCOPE_RANK = { routes: 0, 'apigw-rest': 1, 'apigw-http': 2, alb: 3 } as const;

/** Documented order: class, scope, route, code, then the arguments. */
export function compareChanges(a: RouteChange, b: RouteChange): number {
  return (
    CLASS_RANK[a.classification] - CLASS_RANK[b.classification] ||
    SCOPE_RANK[a.scope] - SCOPE_RANK[b.scope] ||
    compareText(a.route ?? '', b.route ?? '') ||
    compareText(a.code, b.code) ||
    compareText(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}
