/**
 * Path routing as an ordered list of candidate rules. Routes go into a trie of path
 * segments; a subtree whose routes all share one destination becomes one "claim" (the
 * path and everything under it), and a mixed subtree is split: the exceptions first, then
 * a claim for its dominant destination. Literal children precede the parameter child,
 * which precedes the greedy child, so more specific patterns always come first.
 */
import type { RouteMethod } from '../../model/types.js';
import type { PathShape, ShapeSeg } from './lang.js';
import { ALB_QUOTAS } from './plan.js';
import { byEntryKey } from '../../util/order.js';

/** One route (in one stage, for path-prefix stages) to be routed. */
export interface Entry {
  routeId: string;
  method: RouteMethod;
  segs: ShapeSeg[];
  greedy: boolean;
  /** Everything the rule does for this entry, as a comparable key. */
  dest: string;
}

/** A rule before merging: one destination, optional methods, one or two path values. */
export interface Candidate {
  dest: string;
  /** `undefined`: any method. */
  methods?: string[];
  shapes: PathShape[];
  routes: string[];
  /** The declared paths of those routes: what must reach this destination (the rest of a claim is unowned). */
  declared: PathShape[];
}

interface Node {
  lits: Map<string, Node>;
  param?: Node;
  /** Entries of a greedy `{name+}` child. */
  greedy: Entry[];
  /** Entries whose path ends here. */
  terminals: Entry[];
  /** Destination → entries in this subtree. */
  counts: Map<string, number>;
}

function newNode(): Node {
  return { lits: new Map(), greedy: [], terminals: [], counts: new Map() };
}

export function buildTrie(entries: Entry[]): Node {
  const root = newNode();
  for (const e of entries) {
    let node = root;
    bump(node, e.dest);
    for (const seg of e.segs) {
      let next: Node | undefined;
      if (seg.kind === 'lit') {
        next = node.lits.get(seg.value);
        if (!next) node.lits.set(seg.value, (next = newNode()));
      } else {
        next = node.param ??= newNode();
      }
      node = next;
      bump(node, e.dest);
    }
    (e.greedy ? node.greedy : node.terminals).push(e);
  }
  return root;
}

function bump(node: Node, dest: string): void {
  node.counts.set(dest, (node.counts.get(dest) ?? 0) + 1);
}

/**
 * Ordered candidates for every entry. The API's roots (`/`, the base path, each stage
 * prefix, given as `/v2`-style paths) are never claimed, so requests for paths the API
 * does not declare reach the default action.
 */
/** Values one condition may hold (ALB: three match evaluations per condition). */
const MAX_METHODS = ALB_QUOTAS.valuesPerCondition;

export function routeCandidates(entries: Entry[], roots: string[] = [], strict = false): Candidate[] {
  const out: Candidate[] = [];
  compileNode(
    buildTrie(entries),
    [],
    { roots: new Set(['', ...roots]), inherited: undefined, tight: strict, strict },
    out,
  );
  return out;
}

interface Context {
  roots: Set<string>;
  /** The parent's claim destination when nothing emitted between here and that claim can overlap. */
  inherited: string | undefined;
  /**
   * A greedy route of another destination lives above: its requests include every deeper
   * path, so this subtree may only take the paths its routes declare, never claim the rest.
   */
  tight: boolean;
  /**
   * No request the routes do not declare may match (`alb.unmatched: default`): the whole
   * tree is tight, and only an `ANY` route's candidate may go without a method condition.
   */
  strict: boolean;
}

/** Emits the node's candidates; returns whether routes below rely on the parent's claim. */
function compileNode(node: Node, segs: ShapeSeg[], ctx: Context, out: Candidate[]): boolean {
  const isRoot = ctx.roots.has(literalPath(segs));
  if (!isRoot && node.counts.size === 1 && !ctx.tight) {
    const dest = [...node.counts.keys()][0]!;
    if (dest === ctx.inherited) return true;
    out.push(claim(node, segs, dest));
    return false;
  }
  const dominant =
    ctx.tight || ctx.roots.has(literalPath(segs)) ? undefined : dominantDest(node.counts, ctx.inherited);
  const children: { node: Node; seg: ShapeSeg }[] = [
    ...[...node.lits.entries()]
      .sort(byEntryKey)
      .map(([value, n]) => ({ node: n, seg: { kind: 'lit', value } as ShapeSeg })),
    ...(node.param ? [{ node: node.param, seg: { kind: 'param' } as ShapeSeg }] : []),
  ];
  const greedyDests = new Set(node.greedy.map((e) => e.dest));
  // A child that only holds the dominant destination can be left to this node's claim,
  // unless a less specific sibling emitted before that claim could catch its requests:
  // literal siblings never overlap (whole segments), the parameter child and greedy routes can.
  const greedyPure = [...greedyDests].every((d) => d === dominant);
  const paramPure = !node.param || isPure(node.param, dominant);
  const pureLater = children.map((c) => (c.seg.kind === 'lit' ? paramPure && greedyPure : greedyPure));
  // A claim is only worth a rule when some route relies on it; otherwise the rest of the
  // subtree stays unclaimed and reaches the default action.
  let needed = false;
  children.forEach((child, i) => {
    const childSegs = [...segs, child.seg];
    const tight = ctx.tight || [...greedyDests].some((d) => !isPure(child.node, d));
    if (tight) {
      compileNode(child.node, childSegs, { ...ctx, inherited: undefined, tight }, out);
      return;
    }
    if (dominant !== undefined && isPure(child.node, dominant)) {
      if (pureLater[i]) needed = true;
      else out.push(claim(child.node, childSegs, dominant));
      return;
    }
    const inherited = pureLater[i] ? dominant : undefined;
    if (compileNode(child.node, childSegs, { ...ctx, inherited, tight: false }, out)) needed = true;
  });
  const greedy = node.greedy.length
    ? exact(node.greedy, { segs, tail: 'greedy' }, dominant, ctx.strict, out)
    : undefined;
  const terminals = node.terminals.length
    ? exact(node.terminals, { segs, tail: 'none' }, dominant, ctx.strict, out)
    : undefined;
  if (greedy?.leftToClaim || terminals?.leftToClaim) needed = true;
  if (dominant === undefined || !needed) return false;
  if (dominant === ctx.inherited) return true;
  // Once a greedy route of another destination takes every method, nothing below is left to claim.
  const shapes = claimShapes(node, segs).filter((s) => s.tail === 'none' || !greedy?.takesAll);
  if (shapes.length) out.push({ dest: dominant, shapes, ...routesOf(node, dominant) });
  return false;
}

function literalPath(segs: ShapeSeg[]): string {
  return segs.map((s) => '/' + (s.kind === 'lit' ? s.value : '{}')).join('');
}

function isPure(node: Node, dest: string | undefined): boolean {
  return dest !== undefined && node.counts.size === 1 && node.counts.has(dest);
}

/** The most common destination in a subtree; ties go to the parent's, then to the smallest key. */
function dominantDest(counts: Map<string, number>, preferred?: string): string {
  let best: [string, number] | undefined;
  for (const [dest, n] of counts) {
    const better =
      !best ||
      n > best[1] ||
      (n === best[1] && (dest === preferred || (best[0] !== preferred && dest < best[0])));
    if (better) best = [dest, n];
  }
  return best![0];
}

function claim(node: Node, segs: ShapeSeg[], dest: string): Candidate {
  return { dest, shapes: claimShapes(node, segs), ...routesOf(node, dest) };
}

/** The node's own path if a route ends there, and everything below it if anything lives there. */
function claimShapes(node: Node, segs: ShapeSeg[]): PathShape[] {
  const shapes: PathShape[] = [];
  if (node.terminals.length) shapes.push({ segs, tail: 'none' });
  if (node.lits.size || node.param || node.greedy.length) shapes.push({ segs, tail: 'sub' });
  return shapes;
}

/**
 * Entries ending at one shape. Destinations other than the fallback get method-specific
 * candidates; the fallback is an `ANY` route's destination, else (unless strict) the node's claim.
 * Says whether a candidate for every method was emitted here, and whether routes of the
 * dominant destination were left to the claim.
 */
function exact(
  entries: Entry[],
  shape: PathShape,
  dominant: string | undefined,
  strict: boolean,
  out: Candidate[],
): { takesAll: boolean; leftToClaim: boolean } {
  const any = entries.find((e) => e.method === 'ANY');
  const byDest = new Map<string, Entry[]>();
  for (const e of entries) byDest.set(e.dest, [...(byDest.get(e.dest) ?? []), e]);
  const fallback = any?.dest ?? (strict ? undefined : (dominant ?? largest(byDest)));
  for (const [dest, list] of [...byDest.entries()].sort(byEntryKey)) {
    if (dest === fallback) continue;
    // HEAD follows GET to the same backend unless the spec routes HEAD itself.
    const declaresHead = entries.some((e) => e.method === 'HEAD');
    const methods = [
      ...new Set(list.flatMap((e) => (e.method === 'GET' && !declaresHead ? ['GET', 'HEAD'] : [e.method]))),
    ].sort();
    // One condition holds at most three values: more methods take more rules.
    for (let i = 0; i < methods.length; i += MAX_METHODS) {
      const chunk = methods.slice(i, i + MAX_METHODS);
      const served = list.filter((e) => chunk.includes(e.method));
      out.push({
        dest,
        methods: chunk,
        shapes: [shape],
        routes: served.map((e) => e.routeId).sort(),
        declared: served.length ? [shape] : [],
      });
    }
  }
  if (fallback !== undefined && fallback !== dominant && byDest.has(fallback)) {
    out.push({
      dest: fallback,
      shapes: [shape],
      routes: byDest
        .get(fallback)!
        .map((e) => e.routeId)
        .sort(),
      declared: [shape],
    });
    return { takesAll: true, leftToClaim: false };
  }
  return {
    takesAll: false,
    leftToClaim: dominant !== undefined && fallback === dominant && byDest.has(dominant),
  };
}

function largest(byDest: Map<string, Entry[]>): string {
  const counts = new Map([...byDest].map(([d, l]) => [d, l.length]));
  return dominantDest(counts);
}

function routesOf(node: Node, dest: string): { routes: string[]; declared: PathShape[] } {
  const routes = new Set<string>();
  const declared = new Map<string, PathShape>();
  const walk = (n: Node) => {
    for (const e of [...n.terminals, ...n.greedy]) {
      if (e.dest !== dest) continue;
      routes.add(e.routeId);
      const shape: PathShape = { segs: e.segs, tail: e.greedy ? 'greedy' : 'none' };
      declared.set(JSON.stringify(shape), shape);
    }
    for (const c of n.lits.values()) walk(c);
    if (n.param) walk(n.param);
  };
  walk(node);
  return { routes: [...routes].sort(), declared: [...declared.values()] };
}
