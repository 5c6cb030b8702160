/**
 * Cross-cutting routes in one rule. When several exact candidates of one destination differ
 * only in one literal segment (`/tenants/{t}/orders/{id}/audit`, `/tenants/{t}/users/{id}/audit`,
 * …), they become one candidate with a parameter there (`/tenants/{t}/{}/{id}/audit`), provided
 * no candidate after the first of them declares a path of another destination that the
 * wider pattern would take. Segments of the API's root and its first level stay literal, so
 * distinct top-level resources are never merged into one claim.
 */
import { draftValue, methodsMeet, Buckets } from './merge.js';
import { overlaps, shapeLang, type PathShape } from './lang.js';
import type { Candidate } from './routing.js';

/** Only groups at least this big are worth widening a pattern for. */
const MIN_GROUP = 3;

export function generalize(candidates: Candidate[], rootDepth: number): Candidate[] {
  const groups = new Map<string, { members: number[]; shape: PathShape }>();
  candidates.forEach((c, i) => {
    if (c.shapes.length !== 1 || c.shapes[0]!.tail === 'sub') return;
    const shape = c.shapes[0]!;
    shape.segs.forEach((seg, p) => {
      if (seg.kind !== 'lit' || p <= rootDepth) return;
      const wide: PathShape = {
        segs: shape.segs.map((s, q) => (q === p ? { kind: 'param' } : s)),
        tail: shape.tail,
      };
      const key = `${c.dest}\u0001${c.methods?.join(',') ?? '*'}\u0001${JSON.stringify(wide)}`;
      const group = groups.get(key);
      if (group) group.members.push(i);
      else groups.set(key, { members: [i], shape: wide });
    });
  });
  const ordered = [...groups.entries()]
    .filter(([, g]) => g.members.length >= MIN_GROUP)
    .sort(([ka, a], [kb, b]) => b.members.length - a.members.length || (ka < kb ? -1 : 1));
  if (ordered.length === 0) return candidates;

  const declared = candidates.map((c) => c.declared.map(shapeLang));
  const buckets = new Buckets(candidates.map((c) => c.declared.map((s) => draftValue(s, rootDepth))));
  const used = new Set<number>();
  const replaced = new Map<number, Candidate>();
  for (const [, group] of ordered) {
    const members = group.members.filter((i) => !used.has(i));
    if (members.length < MIN_GROUP) continue;
    const first = candidates[members[0]!]!;
    const wide = shapeLang(group.shape);
    const memberSet = new Set(members);
    let clash = false;
    for (const k of buckets.between(
      draftValue(group.shape, rootDepth).first,
      members[0]! - 1,
      candidates.length,
    )) {
      const other = candidates[k]!;
      if (memberSet.has(k) || other.dest === first.dest || !methodsMeet(first.methods, other.methods))
        continue;
      if (declared[k]!.some((d) => overlaps([wide, d]))) {
        clash = true;
        break;
      }
    }
    if (clash) continue;
    for (const i of members) used.add(i);
    replaced.set(members[0]!, {
      dest: first.dest,
      ...(first.methods ? { methods: first.methods } : {}),
      shapes: [group.shape],
      routes: [...new Set(members.flatMap((i) => candidates[i]!.routes))].sort(),
      declared: members.flatMap((i) => candidates[i]!.declared),
    });
  }
  return candidates.flatMap((c, i) => (replaced.has(i) ? [replaced.get(i)!] : used.has(i) ? [] : [c]));
}
