/**
 * Ordered rule synthesis. Candidates are placed one after another (the order ALB evaluates
 * them in), and a candidate may be placed only once every cell of another destination whose
 * requests it could take is routed by a rule already placed — exceptions first, broad claims
 * after. The candidate routing the most unrouted cells goes next; if it must wait for other
 * cells, those are routed first, each by its own best candidate, recursively. A cell's exact
 * template (with its methods) can only take requests of more specific templates, so placing
 * the most specific unrouted cell's exact candidate always makes progress.
 */
import type { Candidate } from './candidates.js';
import { type CellTrie, sharedMethods } from './cells.js';
import { shapeKey } from './shape.js';

export interface Placed {
  candidate: Candidate;
  /** Cells this rule routes (the rest of its cover was routed earlier). */
  homes: number[];
  /** Indices of earlier placements it must follow. */
  after: number[];
  /** With a method condition: the placements it must follow without it, when its path may go without one. */
  widened?: number[];
}

/** How many candidates a cell tries (best first) before its exact one. */
const TRIES = 3;

export function synthesize(trie: CellTrie, candidates: Candidate[]): Placed[] {
  const cells = trie.cells;
  const home = new Array<number>(cells.length).fill(-1);
  let unhomed = cells.length;
  const placed: Placed[] = [];
  const blockerCache = new Map<number, number[]>();
  const covering: Candidate[][] = cells.map(() => []);
  for (const c of candidates) for (const id of c.cover) covering[id]!.push(c);
  /** A cell's exact template, with its methods where the candidates have them. */
  const exactOf = cells.map((cell) => {
    const exact = covering[cell.id]!.filter((c) => c.piece === cell.shape);
    return exact.find((c) => c.methods) ?? exact.find((c) => !c.methods)!;
  });
  const visiting = new Set<number>();
  /** Cells the candidates being placed would route: another cell's candidate should not route them first. */
  const wanted = new Map<number, number>();
  const want = (c: Candidate, delta: number) => {
    for (const id of c.cover) wanted.set(id, (wanted.get(id) ?? 0) + delta);
  };

  const coverage = (c: Candidate) => c.cover.reduce((n, id) => n + (home[id]! < 0 ? 1 : 0), 0);
  /**
   * More cells routed; then fewer cells of other destinations reached (fewer must go
   * first); then claims before widenings before alternations before exact templates; then
   * no method condition (methods only where they separate destinations); then fewer cells
   * reached; then the shorter value; then by key.
   */
  const better = (a: Candidate, b: Candidate, ca: number, cb: number) =>
    ca !== cb
      ? ca > cb
      : a.foreign !== b.foreign
        ? a.foreign < b.foreign
        : a.kind !== b.kind
          ? a.kind < b.kind
          : !a.methods !== !b.methods
            ? !a.methods
            : a.breadth !== b.breadth
              ? a.breadth < b.breadth
              : a.cost !== b.cost
                ? a.cost < b.cost
                : a.key < b.key;

  const blockers = (c: Candidate): number[] => {
    let found = blockerCache.get(c.id);
    if (!found) {
      found = [];
      trie.visit(
        c.piece,
        (cell, full, meet) => {
          if (cell.dest === c.dest) return;
          // A rule with extra conditions (a path key's query) takes only the requests that meet
          // them, which its own template's plain cell does not own: that cell goes after it.
          if (c.extra && !cell.extra && full && shapeKey(cell.shape) === shapeKey(c.piece)) return;
          const methods = sharedMethods(c.methods, cell.methods);
          if (!methods || (!full && trie.ownedElsewhere(meet!, cell, methods))) return;
          found!.push(cell.id);
        },
        true,
      );
      found.sort((a, b) => a - b);
      blockerCache.set(c.id, found);
    }
    return found;
  };

  const place = (c: Candidate): boolean => {
    if (visiting.has(c.id)) return false;
    visiting.add(c.id);
    want(c, 1);
    const ready = blockers(c).every((id) => home[id]! >= 0 || route(id));
    want(c, -1);
    visiting.delete(c.id);
    if (!ready) return false;
    const homes = c.cover.filter((id) => home[id]! < 0);
    if (homes.length === 0) return true;
    const after = [...new Set(blockers(c).map((id) => home[id]!))].sort((a, b) => a - b);
    for (const id of homes) home[id] = placed.length;
    unhomed -= homes.length;
    placed.push({ candidate: c, homes, after });
    return true;
  };

  /**
   * Routes one cell by its best candidates, then by its exact one. Candidates that would first
   * route cells a candidate being placed wants go last: they would take its coverage.
   */
  const route = (id: number): boolean => {
    const steals = (c: Candidate) => blockers(c).some((b) => home[b]! < 0 && (wanted.get(b) ?? 0) > 0);
    const options = covering[id]!.filter((c) => !visiting.has(c.id))
      .map((c) => ({ c, n: coverage(c), steals: steals(c) }))
      .sort((a, b) =>
        a.steals !== b.steals
          ? Number(a.steals) - Number(b.steals)
          : better(a.c, b.c, a.n, b.n)
            ? -1
            : better(b.c, a.c, b.n, a.n)
              ? 1
              : 0,
      )
      .slice(0, TRIES)
      .map((o) => o.c);
    for (const c of [...options, exactOf[id]!]) {
      if (place(c) && home[id]! >= 0) return true;
    }
    return home[id]! >= 0;
  };

  const queue = new MaxQueue<Candidate>((a, b) => better(a.item, b.item, a.priority, b.priority));
  for (const c of candidates) queue.push(c, c.cover.length);
  let next = 0;
  while (unhomed > 0) {
    const top = queue.pop();
    if (top) {
      const n = coverage(top.item);
      if (n === 0) continue;
      if (n < top.priority) {
        queue.push(top.item, n);
        continue;
      }
      if (place(top.item)) continue;
    }
    // Progress when the best candidate must wait on itself: the most specific unrouted cell's exact rule.
    while (home[next]! >= 0) next++;
    if (!place(exactOf[next]!)) throw new Error(`ALB synthesis: cell ${next} cannot be placed`);
  }
  for (const p of placed) {
    const twin = p.candidate.twin;
    if (twin !== undefined) p.widened = [...new Set(blockers(candidates[twin]!).map((id) => home[id]!))];
  }
  return placed;
}

/** A binary heap of items by priority, with a tie-breaking order. */
class MaxQueue<T> {
  private heap: { item: T; priority: number }[] = [];
  constructor(
    private readonly before: (a: { item: T; priority: number }, b: { item: T; priority: number }) => boolean,
  ) {}

  push(item: T, priority: number): void {
    const heap = this.heap;
    heap.push({ item, priority });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): { item: T; priority: number } | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < heap.length && this.before(heap[l]!, heap[best]!)) best = l;
        if (r < heap.length && this.before(heap[r]!, heap[best]!)) best = r;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best]!, heap[i]!];
        i = best;
      }
    }
    return top;
  }
}
