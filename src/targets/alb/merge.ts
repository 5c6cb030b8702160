/**
 * From ordered candidates to as few rules as the per-rule quotas allow, without changing
 * where any intended request goes. Two steps, both decided by language overlaps:
 *  1. a glob value whose `*` would also catch a path a later candidate's routes declare
 *     (ALB's `*` crosses `/`) is written as an anchored regex instead;
 *  2. a candidate joins an earlier rule with the same destination and methods when its
 *     values catch no path declared by the candidates in between.
 * Paths no route declares (the rest of a claimed prefix) may go to either side.
 */
import { globOf, overlaps, shapeLang, wildcardCount, type Lang, type PathShape } from './lang.js';
import { ALB_QUOTAS } from './plan.js';
import type { Candidate } from './routing.js';
import { generalize } from './generalize.js';
import {
  Buckets,
  draftValue,
  methodsMeet,
  asRegex,
  type DraftRule,
  type DraftValue,
  type RegexNote,
} from './draft.js';

export interface MergeOptions {
  /** Segments of base path and stage prefix, shared by every route. */
  rootDepth: number;
  /** Path values one rule of this destination and methods may hold. */
  valueBudget: (dest: string, methods?: string[]) => number;
  wildcardBudget: (dest: string) => number;
  /** `alb.unmatched: default`: no value may match a path its routes do not declare. */
  strict: boolean;
}

export function mergeCandidates(
  given: Candidate[],
  options: MergeOptions,
): { rules: DraftRule[]; regex: RegexNote[] } {
  // Widened patterns take paths no route declares, which strict mode must leave to the default.
  const candidates = options.strict ? given : generalize(given, options.rootDepth);
  const values = candidates.map((c) => c.shapes.map((s) => draftValue(s, options.rootDepth)));
  const declared = candidates.map((c) => c.declared.map(shapeLang));
  const buckets = new Buckets(values);
  const regex: RegexNote[] = [];
  values.forEach((vs, i) => {
    const c = candidates[i]!;
    for (const v of vs) {
      if (v.regex) {
        regex.push({
          routes: c.routes,
          reason: globOf(v.shape).length > ALB_QUOTAS.patternLength ? 'length' : 'characters',
        });
        continue;
      }
      if (options.strict && overlaps([v.actual], [v.intended])) {
        asRegex(v);
        regex.push({ routes: c.routes, reason: 'undeclared' });
        continue;
      }
      // What a glob catches beyond its intent are paths where a `*` spans a `/` or matches
      // nothing. Only parameters and stems make a glob wider than its shape (or a tail at the root,
      // `/*` also matching `/`); an exact shape can then only reach deeper paths, or the root.
      if (v.shape.segs.length > 0 && v.shape.segs.every((s) => s.kind === 'lit')) continue;
      const reachable = (shape: PathShape) =>
        v.shape.tail !== 'none' ||
        shape.tail !== 'none' ||
        shape.segs.length > v.shape.segs.length ||
        shape.segs.length === 0;
      for (const k of buckets.between(v.first, i, candidates.length)) {
        const other = candidates[k]!;
        if (other.dest === c.dest || !methodsMeet(c.methods, other.methods)) continue;
        // A candidate's declared paths lie inside its own values, so those are a cheap first test.
        if (!values[k]!.some((w) => reachable(w.shape) && overlaps([v.actual, w.intended], [v.intended])))
          continue;
        if (
          other.declared.some((d, j) => reachable(d) && overlaps([v.actual, declared[k]![j]!], [v.intended]))
        ) {
          asRegex(v);
          regex.push({ routes: c.routes, reason: 'overmatch' });
          break;
        }
      }
    }
    // Regex values carry no wildcards: the way out when a deep path alone exceeds the wildcard quota.
    if (wildcardsOf(vs) > options.wildcardBudget(c.dest)) {
      for (const v of vs) asRegex(v);
      regex.push({ routes: c.routes, reason: 'wildcards' });
    }
  });

  const rules: DraftRule[] = [];
  const anchors: number[] = [];
  const open = new Map<string, number[]>();
  values.forEach((vs, i) => {
    const c = candidates[i]!;
    const key = `${c.dest}\u0001${c.methods?.join(',') ?? '*'}`;
    const budget = options.valueBudget(c.dest, c.methods);
    const wildcards = options.wildcardBudget(c.dest);
    for (const r of [...(open.get(key) ?? [])].reverse()) {
      const rule = rules[r]!;
      if (rule.values.length + vs.length > budget) continue;
      if (wildcardsOf(rule.values) + wildcardsOf(vs) > wildcards) continue;
      if (!canMoveUp(vs, c, anchors[r]!, i, candidates, values, declared, buckets)) continue;
      rule.values.push(...vs);
      rule.routes = [...new Set([...rule.routes, ...c.routes])].sort();
      return;
    }
    rules.push({
      dest: c.dest,
      ...(c.methods ? { methods: c.methods } : {}),
      values: [...vs],
      routes: [...c.routes],
    });
    anchors.push(i);
    open.set(key, [...(open.get(key) ?? []), rules.length - 1]);
  });
  return { rules, regex };
}

function wildcardsOf(values: DraftValue[]): number {
  return values.reduce((n, v) => n + (v.regex ? 0 : wildcardCount(globOf(v.shape))), 0);
}

/** Moving candidate `i` up to position `anchor` must not catch requests meant for anything in between. */
function canMoveUp(
  vs: DraftValue[],
  c: Candidate,
  anchor: number,
  i: number,
  candidates: Candidate[],
  values: DraftValue[][],
  declared: Lang[][],
  buckets: Buckets,
): boolean {
  for (const v of vs) {
    for (const k of buckets.between(v.first, anchor, i)) {
      const other = candidates[k]!;
      if (other.dest === c.dest || !methodsMeet(c.methods, other.methods)) continue;
      if (!values[k]!.some((w) => overlaps([v.actual, w.intended]))) continue;
      if (declared[k]!.some((d) => overlaps([v.actual, d]))) return false;
    }
  }
  return true;
}
