/**
 * Stable listener-rule priorities. Order only matters between rules that can match the
 * same request and do different things, so each rule starts from a priority derived from
 * its own identity (a band for its first path segment, so related rules sit together,
 * plus a hash of its name), and is raised just above any earlier rule it must follow.
 * Adding or removing a route therefore moves only the rules that overlap it.
 */
import { shortHash } from '../../model/ids.js';
import { overlaps, type Lang } from './lang.js';
import { ALB_QUOTAS } from './plan.js';

export interface Ordered {
  name: string;
  /** Comparable key of the actions; rules with the same key may be reordered freely. */
  dest: string;
  methods?: string[];
  hosts?: string[];
  /** Actual (ALB) languages of the path values. */
  paths: Lang[];
  /** The literal leading segments of its first path value (`v2/books`): sets where its priority starts. */
  band: string;
  /** The leading segments all its path values share, else `''`: rules in different buckets never overlap. */
  bucket: string;
}

const BAND_WIDTH = 1000;
/** Starting priorities stay below this, leaving room to raise rules above their predecessors. */
const BANDS = Math.floor((ALB_QUOTAS.maxPriority * 0.8) / BAND_WIDTH);
const ALPHABET = '/-.0123456789:@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~';

/** Priorities for rules given in evaluation order. */
export function assignPriorities(rules: Ordered[]): number[] {
  const used = new Set<number>();
  const out: number[] = [];
  const byBand = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    let floor = 0;
    for (const j of candidatesBefore(rule, i, rules, byBand)) {
      if (mustPrecede(rules[j]!, rule)) floor = Math.max(floor, out[j]!);
    }
    let p = Math.max(start(rule), floor + 1);
    while (used.has(p)) p++;
    used.add(p);
    out.push(p);
    const list = byBand.get(rule.bucket);
    if (list) list.push(i);
    else byBand.set(rule.bucket, [i]);
  });
  return out;
}

function* candidatesBefore(
  rule: Ordered,
  i: number,
  rules: Ordered[],
  byBand: Map<string, number[]>,
): Generator<number> {
  // A rule whose first segment is literal can only overlap rules with the same first segment or a wildcard one.
  if (rule.bucket === '') {
    for (let j = 0; j < i; j++) yield j;
    return;
  }
  yield* byBand.get(rule.bucket) ?? [];
  yield* byBand.get('') ?? [];
}

function mustPrecede(a: Ordered, b: Ordered): boolean {
  if (a.dest === b.dest) return false;
  if (a.methods && b.methods && !a.methods.some((m) => b.methods!.includes(m))) return false;
  if (
    a.hosts &&
    b.hosts &&
    !a.hosts.some((h) => b.hosts!.map((x) => x.toLowerCase()).includes(h.toLowerCase()))
  )
    return false;
  return a.paths.some((pa) => b.paths.some((pb) => overlaps([pa, pb])));
}

/** Band by the first path segment's leading characters, then a hash of the name within it. */
function start(rule: Ordered): number {
  const text = rule.band.slice(rule.band.lastIndexOf('/') + 1);
  let frac = 0;
  let scale = 1;
  for (const c of text.slice(0, 3)) {
    scale /= ALPHABET.length + 1;
    frac += (ALPHABET.indexOf(c) + 1) * scale;
  }
  const band = Math.min(BANDS - 1, Math.floor(frac * BANDS));
  const offset = parseInt(shortHash(rule.name, 6), 16) % (BAND_WIDTH / 2);
  return band * BAND_WIDTH + offset + 1;
}
