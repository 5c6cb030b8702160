import type {
  AuthRequirement,
  BackendRef,
  Backend,
  Canary,
  MatchConditions,
  Stage,
  Throttle,
} from '../model/types.js';
import { byEntryKey } from '../util/order.js';
import { dict } from '../util/dict.js';

/** Short, stable text for the values a change compares; what reviewers read in the tables. */

export function describeBackendRef(ref: BackendRef): string {
  if ('backend' in ref) return ref.backend || '(none)';
  return ref.weighted.map((w) => `${w.backend} ${w.weight}`).join(' / ');
}

/** Backends that receive traffic (weight above zero), sorted. */
export function backendSet(ref: BackendRef): string[] {
  const names =
    'backend' in ref ? [ref.backend] : ref.weighted.filter((w) => w.weight > 0).map((w) => w.backend);
  return [...new Set(names)].sort();
}

/** Normalized weights as percentages, so `{a: 1, b: 1}` and `{a: 50, b: 50}` compare equal. */
export function weightShares(ref: BackendRef): Record<string, number> {
  if ('backend' in ref) return dict([[ref.backend, 100]]);
  const total = ref.weighted.reduce((sum, w) => sum + w.weight, 0) || 1;
  const shares = dict<number>();
  for (const w of ref.weighted)
    if (w.weight > 0) shares[w.backend] = Math.round((w.weight / total) * 10000) / 100;
  return shares;
}

/** No requirement, an empty list, or an empty alternative (`{}`) all mean anonymous callers get in. */
export function isPublic(auth: AuthRequirement[] | undefined): boolean {
  return !auth || auth.length === 0 || auth.some((r) => r.schemes.length === 0);
}

export function describeAuth(auth: AuthRequirement[] | undefined): string {
  if (isPublic(auth)) return 'public';
  return auth!
    .map((r) =>
      r.schemes
        .map((s) => (s.scopes.length ? `${s.name}[${[...s.scopes].sort().join(',')}]` : s.name))
        .sort()
        .join(' + '),
    )
    .sort()
    .join(' or ');
}

export function describeThrottle(t: Throttle | undefined): string {
  return t ? `${t.rate}/s burst ${t.burst}` : 'none';
}

/** -1 tighter, 1 looser, 0 same; "none" means unlimited at this level. A mixed change counts as tighter. */
export function throttleDirection(before: Throttle | undefined, after: Throttle | undefined): -1 | 0 | 1 {
  const rate = compareLimit(before?.rate, after?.rate);
  const burst = compareLimit(before?.burst, after?.burst);
  if (rate < 0 || burst < 0) return -1;
  if (rate > 0 || burst > 0) return 1;
  return 0;
}

function compareLimit(before: number | undefined, after: number | undefined): -1 | 0 | 1 {
  if (before === after) return 0;
  if (after === undefined) return 1;
  if (before === undefined) return -1;
  return after < before ? -1 : 1;
}

export function describeTimeout(ms: number | undefined): string {
  return ms === undefined ? 'default' : `${ms} ms`;
}

export function describeMatch(match: MatchConditions | undefined): string {
  if (!match) return 'none';
  const parts: string[] = [];
  if (match.hosts?.length) parts.push(`host ${[...match.hosts].sort().join('|')}`);
  for (const [name, values] of Object.entries(match.headers ?? {}).sort())
    parts.push(`header ${name}=${[...values].sort().join('|')}`);
  for (const [key, value] of Object.entries(match.query ?? {}).sort()) parts.push(`query ${key}=${value}`);
  if (match.sourceIps?.length) parts.push(`source ${[...match.sourceIps].sort().join('|')}`);
  return parts.join(', ') || 'none';
}

export function describeBackendTarget(backend: Backend): string {
  const t = backend.target;
  switch (t.kind) {
    case 'http':
      return t.vpcLink ? `${t.url} (VPC link)` : t.url;
    case 'lambda':
      return t.functionArn;
    case 'mock':
      return `mock ${t.statusCode}`;
    case 's3':
      return `s3://${t.bucket}/${t.key ?? ''}`;
    case 'kinesis':
      return `kinesis ${t.streamName}`;
    case 'apigw-integration':
      return `integration ${JSON.stringify(sortedObject(t.integration))}`;
  }
}

export function describeStageAddress(stage: Stage): string {
  const parts = [
    stage.host ? `host ${stage.host}` : '',
    stage.pathPrefix ? `prefix ${stage.pathPrefix}` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'no host or prefix';
}

export function describeCanary(canary: Canary | undefined): string {
  return canary ? `${canary.percent}%` : 'none';
}

export function describeCanaryBackends(canary: Canary | undefined): string {
  const entries = Object.entries(canary?.backends ?? {}).sort(byEntryKey);
  return entries.map(([stable, replacement]) => `${stable}→${replacement}`).join(', ') || 'nothing';
}

function sortedObject(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedObject);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(byEntryKey)
      .map(([k, v]) => [k, sortedObject(v)]),
  );
}
