/**
 * From placed candidates to listener rules: candidates of one destination share a rule
 * while the rule's values fit ALB's quotas and the order stays possible — a candidate may
 * join an earlier rule unless something between them must come after that rule and before
 * the candidate. Rules are then ordered topologically, by their first candidate's place
 * among ties.
 *
 * Methods: candidates with the same method condition share a rule; a candidate without one
 * may join a rule whose methods include every method of the cells it routes (and a rule
 * without one may take a candidate's methods the same way). Narrowing the methods only
 * takes requests no operation of those paths declares away from a rule, so nothing another
 * destination owns moves.
 */
import type { Placed } from './synthesis.js';
import { regexBody, type PathShape } from './shape.js';
import type { AlbCondition } from './plan.js';
import type { MethodSet } from './cells.js';
import { render, type PathValues } from './path-values.js';

export interface PackedRule {
  dest: string;
  methods?: string[];
  extra?: AlbCondition[];
  pieces: PathShape[];
  values: PathValues;
  /** Cells it routes. */
  homes: number[];
  /** Indices (into the returned list) of rules it must follow. */
  after: number[];
}

export interface PackOptions {
  strict: boolean;
  /** The methods a cell owns. */
  methodsOf: (cell: number) => MethodSet;
  /** Path values one rule of this destination and methods may hold. */
  budget: (dest: string, methods?: string[]) => number;
}

interface Group {
  dest: string;
  methods?: string[];
  extra?: AlbCondition[];
  pieces: PathShape[];
  values: PathValues;
  members: number[];
  homes: number[];
  /** Groups it must follow. */
  after: Set<number>;
}

export function pack(placed: Placed[], options: PackOptions): PackedRule[] {
  const groupOf: number[] = [];
  const groups: Group[] = [];
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    const c = p.candidate;
    const after = new Set(p.after.map((j) => groupOf[j]!));
    const key = c.extra ? `special:${i}` : c.dest;
    let joined = false;
    for (const g of byKey.get(key) ?? []) {
      const group = groups[g]!;
      // A rule without methods may take the candidate without its methods where the order allows.
      const widen = c.methods && !group.methods && p.widened?.every((j) => j < i);
      const needs = widen ? new Set(p.widened!.map((j) => groupOf[j]!)) : after;
      if (needs.has(g) || reaches(groups, needs, g)) continue;
      const methods = widen ? undefined : sharedCondition(group, c.methods, p.homes, options.methodsOf);
      if (methods === false) continue;
      const values = render([...group.pieces, c.piece], options.budget(c.dest, methods), options.strict);
      if (!values) continue;
      if (methods) group.methods = methods;
      group.pieces.push(c.piece);
      group.values = values;
      group.members.push(i);
      group.homes.push(...p.homes);
      for (const a of needs) group.after.add(a);
      groupOf.push(g);
      joined = true;
      break;
    }
    if (joined) continue;
    // A path too long for one value still gets its rule; the rule-limit check reports it (GP209).
    const values = render([c.piece], options.budget(c.dest, c.methods), options.strict) ?? {
      regexes: [`^${regexBody(c.piece)}$`],
    };
    groups.push({
      dest: c.dest,
      ...(c.methods ? { methods: c.methods } : {}),
      ...(c.extra ? { extra: c.extra } : {}),
      pieces: [c.piece],
      values,
      members: [i],
      homes: [...p.homes],
      after,
    });
    groupOf.push(groups.length - 1);
    byKey.set(key, [...(byKey.get(key) ?? []), groups.length - 1]);
  }
  dropMethods(groups, placed, groupOf);
  const order = topological(groups);
  const position = new Map(order.map((g, i) => [g, i]));
  return order.map((g) => {
    const group = groups[g]!;
    return {
      dest: group.dest,
      ...(group.methods ? { methods: group.methods } : {}),
      ...(group.extra ? { extra: group.extra } : {}),
      pieces: group.pieces,
      values: group.values,
      homes: group.homes.sort((a, b) => a - b),
      after: [...group.after].map((a) => position.get(a)!).sort((a, b) => a - b),
    };
  });
}

/**
 * Methods only where they separate destinations: a rule whose every candidate can go
 * without its method condition loses it, when the rules those candidates would then have to
 * follow can all come first.
 */
function dropMethods(groups: Group[], placed: Placed[], groupOf: number[]): void {
  groups.forEach((group, g) => {
    if (!group.methods || group.extra) return;
    const needs = new Set<number>();
    for (const i of group.members) {
      const p = placed[i]!;
      const list = p.candidate.methods ? p.widened : p.after;
      if (!list) return;
      for (const j of list) needs.add(groupOf[j]!);
    }
    if (needs.has(g) || reaches(groups, needs, g)) return;
    delete group.methods;
    for (const a of needs) group.after.add(a);
  });
}

/**
 * The method condition a rule keeps when a candidate joins it, or `false` when they cannot
 * share one: equal conditions; or one side without a condition whose cells all fit the
 * other's methods.
 */
function sharedCondition(
  group: Group,
  methods: string[] | undefined,
  homes: number[],
  methodsOf: (cell: number) => MethodSet,
): string[] | undefined | false {
  const fits = (cells: number[], list: string[]) =>
    cells.every((id) => {
      const m = methodsOf(id);
      return !m.any && m.list.every((x) => list.includes(x));
    });
  if ((group.methods?.join(',') ?? '') === (methods?.join(',') ?? '')) return group.methods;
  if (group.methods && !methods) return fits(homes, group.methods) ? group.methods : false;
  if (methods && !group.methods) return fits(group.homes, methods) ? methods : false;
  return false;
}

/** Whether group `target` is reachable backwards from `from` (groups a rule must follow) through other groups. */
function reaches(groups: Group[], from: Set<number>, target: number): boolean {
  const seen = new Set<number>();
  const stack = [...from];
  while (stack.length) {
    const g = stack.pop()!;
    if (seen.has(g)) continue;
    seen.add(g);
    for (const a of groups[g]!.after) {
      if (a === target) return true;
      stack.push(a);
    }
  }
  return false;
}

/** Kahn's algorithm; among rules free to go next, the one whose first candidate was placed first. */
function topological(groups: Group[]): number[] {
  const indegree = groups.map((g) => g.after.size);
  const followers = groups.map(() => [] as number[]);
  groups.forEach((g, i) => {
    for (const a of g.after) followers[a]!.push(i);
  });
  const ready = groups.flatMap((_, i) => (indegree[i] === 0 ? [i] : []));
  const out: number[] = [];
  while (ready.length) {
    ready.sort((a, b) => groups[b]!.members[0]! - groups[a]!.members[0]!);
    const g = ready.pop()!;
    out.push(g);
    for (const f of followers[g]!) if (--indegree[f]! === 0) ready.push(f);
  }
  return out;
}
