/**
 * Cells: what the listener rules must route. A cell is one template (per stage, for
 * path-prefix stages) × one destination × at most three methods. Which of its template's
 * requests it owns depends on the reading (`src/model/precedence.ts`):
 *  - path-first (`alb.unmatched: backend`): the paths no more specific template matches;
 *    a method the most specific template does not declare is undeclared, free to go anywhere;
 *  - method-first (`alb.unmatched: default`, where every declared request must reach its
 *    operation and nothing else may): the requests no more specific template declares for
 *    the same method.
 * HEAD follows GET unless the template declares HEAD; `ANY` owns every method the template
 * does not declare. Templates equally specific by segment kind (two mixed segments with as
 * much text) are ordered by their text, in the compiler as in the tests.
 *
 * The cell trie answers two questions by walking a shape along it: which cells' requests a
 * shape can take (with what they share), and which templates contain a given set of paths.
 */
import type { AlbCondition } from './plan.js';
import {
  segAccepts,
  segContains,
  segKey,
  segMeet,
  segRank,
  shapeKey,
  type PathShape,
  type ShapeSeg,
} from './shape.js';
import { compareText } from '../../util/order.js';

/** Methods a cell owns: a list, or every method but some. */
export type MethodSet = { any: false; list: string[] } | { any: true; except: string[] };

export interface Cell {
  id: number;
  dest: string;
  /** The template: segments, then `none` or `greedy`. */
  shape: PathShape;
  methods: MethodSet;
  routes: string[];
  /** Extra match conditions (hosts, headers, query, source IPs): such a cell gets an exact rule of its own. */
  extra?: AlbCondition[];
  /** Position in the precedence order (0 = most specific); templates that share a path compare this way. */
  rank: number;
}

/** One route (in one stage, for path-prefix stages) to be routed. */
export interface CellInput {
  routeId: string;
  method: string;
  segs: ShapeSeg[];
  greedy: boolean;
  dest: string;
  extra?: AlbCondition[];
}

/** Methods in the order they are chunked: GET and HEAD stay together. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE'];
/** Values one condition may hold (ALB: three match evaluations per condition). */
export const METHODS_PER_CONDITION = 3;

/**
 * Cells for the inputs. Two destinations declaring one method on one template (two path-prefix
 * stages with the same prefix) cannot both be served: the first destination (by key) keeps it.
 */
export function buildCells(inputs: CellInput[]): Cell[] {
  const out: Omit<Cell, 'rank'>[] = [];
  const byShape = new Map<string, CellInput[]>();
  for (const input of inputs) {
    const key = shapeKey(shapeOfInput(input)) + (input.extra ? '\u0001' + input.routeId : '');
    const group = byShape.get(key);
    if (group) group.push(input);
    else byShape.set(key, [input]);
  }
  for (const group of byShape.values()) {
    const shape = shapeOfInput(group[0]!);
    const declared = new Set(group.map((i) => i.method));
    const byDest = new Map<string, CellInput[]>();
    for (const i of group) {
      const list = byDest.get(i.dest);
      if (list) list.push(i);
      else byDest.set(i.dest, [i]);
    }
    const taken = new Set<string>();
    for (const [dest, list] of [...byDest].sort(([a], [b]) => compareText(a, b))) {
      const extra = list[0]!.extra;
      const concrete = list.filter((i) => i.method !== 'ANY' && !taken.has(i.method));
      const methods = new Set(concrete.map((i) => i.method));
      if (methods.has('GET') && !declared.has('HEAD')) methods.add('HEAD');
      for (const m of methods) taken.add(m);
      const ordered = [...methods].sort(byMethod);
      for (let k = 0; k < ordered.length; k += METHODS_PER_CONDITION) {
        const chunk = ordered.slice(k, k + METHODS_PER_CONDITION);
        const routes = concrete.filter((i) => chunk.includes(i.method)).map((i) => i.routeId);
        out.push({
          id: 0,
          dest,
          shape,
          methods: { any: false, list: chunk },
          routes,
          ...(extra ? { extra } : {}),
        });
      }
      const any = list.find((i) => i.method === 'ANY');
      if (any && !taken.has('ANY')) {
        taken.add('ANY');
        const except = [...declared, ...(declared.has('GET') ? ['HEAD'] : [])].filter((m) => m !== 'ANY');
        out.push({
          id: 0,
          dest,
          shape,
          methods: { any: true, except: [...new Set(except)].sort(byMethod) },
          routes: [any.routeId],
          ...(extra ? { extra } : {}),
        });
      }
    }
  }
  const keyed = out.map((cell) => ({ cell, key: orderKey(cell) }));
  keyed.sort((a, b) => compareText(a.key, b.key));
  return keyed.map(({ cell }, i) => ({ ...cell, id: i, rank: i, routes: [...new Set(cell.routes)].sort() }));
}

function shapeOfInput(input: CellInput): PathShape {
  return { segs: input.segs, tail: input.greedy ? 'greedy' : 'none' };
}

export function byMethod(a: string, b: string): number {
  const x = METHOD_ORDER.indexOf(a);
  const y = METHOD_ORDER.indexOf(b);
  return x !== y ? (x < 0 ? 1 : y < 0 ? -1 : x - y) : compareText(a, b);
}

/**
 * Sorts cells in the precedence order (`compareTemplates`), then listed methods before
 * `ANY`, then by destination and methods: the specificity of each position as two
 * characters, then the template's text, then the rest.
 */
function orderKey(cell: Omit<Cell, 'rank'>): string {
  const { segs, tail } = cell.shape;
  let ranks = '';
  for (const seg of segs)
    ranks +=
      String(segRank(seg)) + String.fromCharCode(seg.kind === 'mixed' ? 0xfff0 - textLength(seg) : 0x30);
  ranks += tail === 'greedy' ? '3' : '4';
  return [ranks, shapeKey(cell.shape), Number(cell.methods.any), cell.dest, methodsKey(cell.methods)].join(
    '\u0000',
  );
}

export function methodsKey(m: MethodSet): string {
  return m.any ? `*-${m.except.join(',')}` : m.list.join(',');
}

/** The precedence order of templates: most specific first, then by text. */
export function compareTemplates(a: PathShape, b: PathShape): number {
  return compareSpecificity(a, b) || compareText(shapeKey(a), shapeKey(b));
}

/**
 * Orders templates that match a common path: at the first position where they differ, a
 * literal before mixed text (more text first) before a parameter before a greedy tail.
 */
function compareSpecificity(a: PathShape, b: PathShape): number {
  const n = Math.max(a.segs.length, b.segs.length);
  for (let i = 0; i <= n; i++) {
    const x = rankAt(a, i);
    const y = rankAt(b, i);
    if (x !== y) return x - y;
    const sx = a.segs[i];
    const sy = b.segs[i];
    if (sx?.kind === 'mixed' && sy?.kind === 'mixed') {
      const d = textLength(sy) - textLength(sx);
      if (d !== 0) return d;
    }
  }
  return 0;
}

/** The rank of position `i`: a segment's, 3 for a greedy tail there, 4 past the end. */
function rankAt(shape: PathShape, i: number): number {
  const seg = shape.segs[i];
  if (seg) return segRank(seg);
  return i === shape.segs.length && shape.tail === 'greedy' ? 3 : 4;
}

function textLength(seg: ShapeSeg & { kind: 'mixed' }): number {
  return seg.parts.reduce((n, p) => n + (p.kind === 'text' ? p.value.length : 0), 0);
}

/** The methods of `cell` a rule with `methods` (undefined: any) can take, or undefined when none. */
export function sharedMethods(methods: string[] | undefined, cell: MethodSet): MethodSet | undefined {
  if (!methods) return cell;
  const list = cell.any
    ? methods.filter((m) => !cell.except.includes(m))
    : methods.filter((m) => cell.list.includes(m));
  return list.length ? { any: false, list } : undefined;
}

/** Whether a rule with `methods` takes every method of the cell. */
export function methodsCover(methods: string[] | undefined, cell: MethodSet): boolean {
  return !methods || (!cell.any && cell.list.every((m) => methods.includes(m)));
}

/** The paths two shapes share: segments, then nothing, one or more segments, or zero or more. */
export interface Meet {
  segs: ShapeSeg[];
  tail: 'none' | 'plus' | 'star';
  /** A segment meet was only approximated: the shared paths cannot be subtracted. */
  approximate: boolean;
}

export type Visitor = (cell: Cell, full: boolean, meet?: Meet) => void;

export interface TrieNode {
  path: ShapeSeg[];
  lits: Map<string, TrieNode>;
  mixed: Map<string, { seg: ShapeSeg; node: TrieNode }>;
  param?: TrieNode;
  /** Cells whose template ends here, and whose template ends in a greedy segment here. */
  terminals: Cell[];
  greedy: Cell[];
  /** Methods the templates ending here declare (every cell, every destination). */
  declared: Declared;
  greedyDeclared: Declared;
  /** Every cell at or below this node (filled lazily). */
  below?: Cell[];
}

interface Declared {
  any: boolean;
  methods: Set<string>;
}

function newNode(path: ShapeSeg[]): TrieNode {
  return {
    path,
    lits: new Map(),
    mixed: new Map(),
    terminals: [],
    greedy: [],
    declared: { any: false, methods: new Set() },
    greedyDeclared: { any: false, methods: new Set() },
  };
}

export type Reading = 'path-first' | 'method-first';

export class CellTrie {
  readonly root = newNode([]);

  constructor(
    readonly cells: Cell[],
    readonly reading: Reading,
  ) {
    for (const cell of cells) {
      let node = this.root;
      for (const seg of cell.shape.segs) node = this.child(node, seg);
      const greedy = cell.shape.tail === 'greedy';
      (greedy ? node.greedy : node.terminals).push(cell);
      const declared = greedy ? node.greedyDeclared : node.declared;
      if (cell.methods.any) declared.any = true;
      else for (const m of cell.methods.list) declared.methods.add(m);
    }
  }

  private child(node: TrieNode, seg: ShapeSeg): TrieNode {
    const path = [...node.path, seg];
    if (seg.kind === 'lit') {
      let next = node.lits.get(seg.value);
      if (!next) node.lits.set(seg.value, (next = newNode(path)));
      return next;
    }
    if (seg.kind === 'param') return (node.param ??= newNode(path));
    const key = segKey(seg);
    let entry = node.mixed.get(key);
    if (!entry) node.mixed.set(key, (entry = { seg, node: newNode(path) }));
    return entry.node;
  }

  /** Every node of the trie, parents before children. */
  nodes(): TrieNode[] {
    const out: TrieNode[] = [];
    const visit = (n: TrieNode) => {
      out.push(n);
      for (const c of n.lits.values()) visit(c);
      for (const m of n.mixed.values()) visit(m.node);
      if (n.param) visit(n.param);
    };
    visit(this.root);
    return out;
  }

  /** Every cell at or below a node. */
  below(node: TrieNode): Cell[] {
    if (!node.below) {
      const out = [...node.terminals, ...node.greedy];
      for (const c of node.lits.values()) out.push(...this.below(c));
      for (const m of node.mixed.values()) out.push(...this.below(m.node));
      if (node.param) out.push(...this.below(node.param));
      node.below = out;
    }
    return node.below;
  }

  /**
   * Calls `visit` for every cell whose template shares a path with `shape`: `full` when the
   * shape takes every path of the template. `meet` (what they share) is built only when asked
   * for, where the shape does not take the template whole.
   */
  visit(shape: PathShape, visit: Visitor, withMeet = false): void {
    new Walk(this, shape, visit, withMeet).from(this.root, 0, true, false);
  }

  /**
   * Whether `cell` owns none of `meet`'s requests with the given methods: a template more
   * specific than the cell's contains all of `meet`'s paths (path-first) and, method-first,
   * declares each of the methods.
   */
  ownedElsewhere(meet: Meet, cell: Cell, methods: MethodSet): boolean {
    if (meet.approximate) return false;
    const containers: { shape: PathShape; declared: Declared }[] = [];
    this.containers(meet, this.root, 0, containers);
    const closer = containers.filter((t) => compareTemplates(t.shape, cell.shape) < 0);
    if (this.reading === 'path-first') return closer.length > 0;
    if (methods.any) return closer.some((t) => t.declared.any);
    return methods.list.every((m) => closer.some((t) => t.declared.any || t.declared.methods.has(m)));
  }

  private containers(
    meet: Meet,
    node: TrieNode,
    i: number,
    out: { shape: PathShape; declared: Declared }[],
  ): void {
    const atEnd = i === meet.segs.length;
    // A greedy template here needs at least one more segment.
    if (node.greedy.length && (!atEnd || meet.tail === 'plus'))
      out.push({ shape: { segs: node.path, tail: 'greedy' }, declared: node.greedyDeclared });
    if (atEnd) {
      if (meet.tail === 'none' && node.terminals.length)
        out.push({ shape: { segs: node.path, tail: 'none' }, declared: node.declared });
      return;
    }
    const seg = meet.segs[i]!;
    if (seg.kind === 'lit') {
      const child = node.lits.get(seg.value);
      if (child) this.containers(meet, child, i + 1, out);
    }
    for (const { seg: m, node: child } of node.mixed.values())
      if (segContains(m, seg)) this.containers(meet, child, i + 1, out);
    if (node.param) this.containers(meet, node.param, i + 1, out);
  }
}

/** One walk of a shape along the trie; `meet` is a stack of the segments shared so far. */
class Walk {
  private readonly meet: ShapeSeg[] = [];

  constructor(
    private readonly trie: CellTrie,
    private readonly shape: PathShape,
    private readonly visit: Visitor,
    private readonly withMeet: boolean,
  ) {}

  from(node: TrieNode, i: number, full: boolean, approximate: boolean): void {
    const { segs, tail } = this.shape;
    if (i < segs.length) {
      const seg = segs[i]!;
      // A greedy template here takes the rest of the shape's segments, and maybe more.
      for (const cell of node.greedy) {
        const covers = full && seg.kind === 'param' && i === segs.length - 1 && tail === 'tree';
        const more = tail === 'none' ? 'none' : tail === 'tree' ? 'star' : 'plus';
        this.hit(cell, segs, i, more, covers, approximate);
      }
      if (seg.kind === 'lit') {
        const child = node.lits.get(seg.value);
        if (child) this.step(child, seg, i, full, approximate);
      } else if (seg.kind === 'alt') {
        for (const value of seg.values) {
          const child = node.lits.get(value);
          if (child) this.step(child, { kind: 'lit', value }, i, full, approximate);
        }
      } else {
        for (const [value, child] of node.lits)
          if (segAccepts(seg, value)) this.step(child, { kind: 'lit', value }, i, full, approximate);
      }
      for (const { seg: m, node: child } of node.mixed.values()) {
        const shared = segMeet(seg, m);
        if (shared)
          this.step(child, shared.seg, i, full && segContains(seg, m), approximate || shared.approximate);
      }
      if (node.param) this.step(node.param, seg, i, full && seg.kind === 'param', approximate);
      return;
    }
    if (tail === 'none' || tail === 'tree')
      for (const cell of node.terminals) this.hit(cell, NO_SEGS, 0, 'none', full, approximate);
    if (tail === 'none') return;
    // Everything under this node: `tree`, `sub` and `greedy` tails all take any deeper path.
    const depth = node.path.length;
    for (const cell of this.trie.below(node)) {
      if (cell.shape.tail === 'none' && cell.shape.segs.length === depth) continue;
      this.hit(
        cell,
        cell.shape.segs,
        depth,
        cell.shape.tail === 'greedy' ? 'plus' : 'none',
        full,
        approximate,
      );
    }
  }

  private step(child: TrieNode, shared: ShapeSeg, i: number, full: boolean, approximate: boolean): void {
    this.meet.push(shared);
    this.from(child, i + 1, full, approximate);
    this.meet.pop();
  }

  /** Reports a cell; what it shares is the walk so far, then `rest` from `from` on. */
  private hit(
    cell: Cell,
    rest: ShapeSeg[],
    from: number,
    more: Meet['tail'],
    full: boolean,
    approximate: boolean,
  ): void {
    if (full || !this.withMeet) return this.visit(cell, full);
    this.visit(cell, false, { segs: [...this.meet, ...rest.slice(from)], tail: more, approximate });
  }
}

const NO_SEGS: ShapeSeg[] = [];
