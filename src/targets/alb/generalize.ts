/**
 * Fewer values for families of routes. Several exact candidates of one destination become
 * one wider candidate when
 *  - they differ only in one literal segment (cross-cutting sub-resources such as
 *    `/tenants/{t}/orders/{id}/audit`, `/tenants/{t}/users/{id}/audit` → a parameter there), or
 *  - their last segments share a stem (RPC-style names such as `/api/chat.postMessage`,
 *    `/api/chat.delete` → `/api/chat.*`),
 * provided no candidate after the first of them declares a path of another destination that
 * the wider pattern would take. Segments of the API's root stay literal, so distinct
 * top-level resources are never merged into one claim.
 */
import { draftValue, methodsMeet, Buckets } from './draft.js';
import { overlaps, shapeLang, type PathShape } from './lang.js';
import type { Candidate } from './routing.js';
import { compareText } from '../../util/order.js';

/** Only groups at least this big are worth widening a pattern for. */
const MIN_GROUP = 3;

/** Where a stem may end: just after a separator of an RPC-style name. */
const SEPARATOR = /[._-]/g;

export function generalize(candidates: Candidate[], rootDepth: number): Candidate[] {
  const byParameter = widen(candidates, rootDepth, (shape) =>
    shape.segs.flatMap((seg, p) =>
      seg.kind === 'lit' && p > rootDepth
        ? [{ segs: shape.segs.map((s, q) => (q === p ? { kind: 'param' as const } : s)), tail: shape.tail }]
        : [],
    ),
  );
  return widen(byParameter, rootDepth, (shape) => {
    const last = shape.segs.at(-1);
    if (last?.kind !== 'lit' || shape.tail !== 'none' || shape.segs.length <= rootDepth) return [];
    // Every prefix that ends at a separator: `admin.` and `admin.users.` for `admin.users.list`.
    const stems = [...last.value.matchAll(SEPARATOR)]
      .map((m) => last.value.slice(0, m.index + 1))
      .filter((x) => x !== last.value);
    return stems.map((value) => ({
      segs: [...shape.segs.slice(0, -1), { kind: 'stem' as const, value }],
      tail: 'none' as const,
    }));
  });
}

/** One pass: group exact candidates by the wider shapes `wider` offers, and merge groups that clash with nothing. */
function widen(
  candidates: Candidate[],
  rootDepth: number,
  wider: (shape: PathShape) => PathShape[],
): Candidate[] {
  const groups = new Map<string, { members: number[]; shape: PathShape }>();
  candidates.forEach((c, i) => {
    if (c.shapes.length !== 1 || c.shapes[0]!.tail === 'sub') return;
    for (const wide of wider(c.shapes[0]!)) {
      const key = `${c.dest}\u0001${c.methods?.join(',') ?? '*'}\u0001${JSON.stringify(wide)}`;
      const group = groups.get(key);
      if (group) group.members.push(i);
      else groups.set(key, { members: [i], shape: wide });
    }
  });
  const ordered = [...groups.entries()]
    .filter(([, g]) => g.members.length >= MIN_GROUP)
    .sort(([ka, a], [kb, b]) => b.members.length - a.members.length || compareText(ka, kb));
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
