/** Rule drafts: the path values a rule will hold, and an index of them by shape for overlap tests. */
import { globLang, globOf, globSafe, shapeLang, type Lang, type PathShape } from './lang.js';
import { ALB_QUOTAS } from './plan.js';

export interface DraftValue {
  shape: PathShape;
  regex: boolean;
  /** What ALB matches with this value. */
  actual: Lang;
  intended: Lang;
  /** The literal segments up to the first one past the API's root (`v2/books`), or `*`: values with different keys cannot overlap. */
  first: string;
}

export interface DraftRule {
  dest: string;
  methods?: string[];
  values: DraftValue[];
  routes: string[];
}

/** Why a value became a regex, for the lint note. */
export interface RegexNote {
  routes: string[];
  reason: 'overmatch' | 'undeclared' | 'characters' | 'length' | 'wildcards';
}

export function draftValue(shape: PathShape, rootDepth: number): DraftValue {
  const intended = shapeLang(shape);
  const glob = globOf(shape);
  const regex = !globSafe(shape) || glob.length > ALB_QUOTAS.patternLength;
  return {
    shape,
    regex,
    actual: regex ? intended : globLang(glob),
    intended,
    first: bucketKey(shape, rootDepth),
  };
}

export function bucketKey(shape: PathShape, rootDepth: number): string {
  const head = shape.segs.slice(0, rootDepth + 1);
  if (head.length < rootDepth + 1 || head.some((s) => s.kind !== 'lit')) return '*';
  return head.map((s) => (s.kind === 'lit' ? s.value : '')).join('/');
}

export function asRegex(v: DraftValue): void {
  v.regex = true;
  v.actual = v.intended;
}

export function methodsMeet(a?: string[], b?: string[]): boolean {
  return !a || !b || a.some((m) => b.includes(m));
}

/** Candidate indices by the first segment of their values, for scanning only those that can overlap. */
export class Buckets {
  private byFirst = new Map<string, number[]>();
  constructor(values: { first: string }[][]) {
    values.forEach((vs, i) => {
      for (const first of new Set(vs.map((v) => v.first))) {
        const list = this.byFirst.get(first) ?? [];
        list.push(i);
        this.byFirst.set(first, list);
      }
    });
  }

  /** Indices in (from, to) whose values may share a path with a value starting at `first`. */
  *between(first: string, from: number, to: number): Generator<number> {
    const lists =
      first === '*'
        ? [...this.byFirst.values()]
        : [this.byFirst.get(first) ?? [], this.byFirst.get('*') ?? []];
    const seen = new Set<number>();
    for (const list of lists) {
      for (let k = lowerBound(list, from + 1); k < list.length && list[k]! < to; k++) {
        if (!seen.has(list[k]!)) {
          seen.add(list[k]!);
          yield list[k]!;
        }
      }
    }
  }
}

function lowerBound(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
