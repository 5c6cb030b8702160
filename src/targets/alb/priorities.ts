/**
 * Stable listener-rule priorities. Order only matters between rules that must precede one
 * another (the compiler says which), so each rule starts from a priority derived from its own
 * identity (a band for its first path segment, so related rules sit together, plus a hash
 * of its name), and is raised just above any earlier rule it must follow. Adding or removing
 * a route therefore moves only the rules that depend on it.
 */
import { shortHash } from '../../model/ids.js';
import { ALB_QUOTAS } from './plan.js';

export interface Ordered {
  name: string;
  /** The literal leading segments of its first path value (`v2/books`): sets where its priority starts. */
  band: string;
  /** Indices of earlier rules it must follow. */
  after: number[];
}

const BAND_WIDTH = 1000;
/** Starting priorities stay below this, leaving room to raise rules above their predecessors. */
const BANDS = Math.floor((ALB_QUOTAS.maxPriority * 0.8) / BAND_WIDTH);
const ALPHABET = '/-.0123456789:@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~';

/** Priorities for rules given in evaluation order. */
export function assignPriorities(rules: Ordered[]): number[] {
  const used = new Set<number>();
  const out: number[] = [];
  rules.forEach((rule) => {
    const floor = Math.max(0, ...rule.after.map((j) => out[j]!));
    let p = Math.max(start(rule), floor + 1);
    while (used.has(p)) p++;
    used.add(p);
    out.push(p);
  });
  return out;
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
