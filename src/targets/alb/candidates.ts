/**
 * Candidate rules per destination, each one path shape (and the methods it needs): the
 * exact template of every cell; claims of a trie node's subtree (the node's path and
 * everything under it, so undeclared paths there reach the destination too); and folds of
 * candidates that differ in one literal segment — an alternation (`(orders|invoices)`), a
 * parameter in its place, or a stem they share (`chat\.[^/]*`, `[^/]*:batchGet`).
 *
 * Claims, parameters and stems widen to undeclared requests, so only `alb.unmatched:
 * backend` makes them, and never at the API's roots (`/`, the base path, a stage prefix):
 * every widened candidate keeps a literal segment below its root, so a request for a path
 * the API does not know at all reaches the default action.
 */
import { type Cell, type CellTrie, methodsCover, methodsKey, sharedMethods } from './cells.js';
import type { AlbCondition } from './plan.js';
import { regexBody, segKey, shapeKey, type PathShape, type ShapeSeg } from './shape.js';
import { compareText } from '../../util/order.js';

export interface Candidate {
  id: number;
  dest: string;
  /** Methods the rule needs; undefined: any. */
  methods?: string[];
  piece: PathShape;
  /** The extra conditions of the one cell this candidate serves (hosts, headers…). */
  extra?: AlbCondition[];
  /** Cells it routes whole: same destination, every method, every path of the template. */
  cover: number[];
  /**
   * What it is, which decides ties before breadth: a claim (a subtree), a widening (a
   * parameter or stem in place of literals), an alternation, an exact template. Structural
   * candidates first keep rules stable as operations come and go.
   */
  kind: 0 | 1 | 2 | 3;
  /** Cells of other destinations it reaches (with a method in common): fewer wins ties, as fewer must go first. */
  foreign: number;
  /** Cells whose requests it can take at all (any destination): narrower wins ties. */
  breadth: number;
  /** Characters of its regex: shorter wins ties (a stem before the alternation of its members). */
  cost: number;
  /** Identity, for deterministic tie-breaks and names. */
  key: string;
  /** With a method condition: the candidate with the same path and none, if there is one. */
  twin?: number;
}

export interface CandidateOptions {
  /** `alb.unmatched: default`: only exact shapes and alternations of them. */
  strict: boolean;
  /** Literal paths never claimed, as segment lists: `[]`, the base path, stage prefixes. */
  roots: string[][];
}

/** Path values longer than this need a rule of their own (ALB: 128 characters, with `^` and `$`). */
const REGEX_BODY_LIMIT = 126;
/** Where a stem may end (or a suffix begin): at a separator of an RPC-style name. */
const SEPARATORS = /[._:-]/g;

const CLAIM = 0;
const WIDENING = 1;
const ALTERNATION = 2;
const EXACT = 3;

interface Draft {
  kind: Candidate['kind'];
  dest: string;
  methods?: string[];
  piece: PathShape;
  extra?: AlbCondition[];
}

export function buildCandidates(trie: CellTrie, options: CandidateOptions): Candidate[] {
  const drafts = new Map<string, Draft>();
  const add = (d: Draft) => {
    const key = draftKey(d);
    if (!drafts.has(key)) drafts.set(key, d);
  };
  const bases: Draft[] = [];
  const shared = sharedTemplates(trie.cells);
  const split = splitMethods(trie.cells, shared);
  for (const cell of trie.cells) {
    // With its methods only where needed: strict mode, extra conditions, or a template another destination shares.
    if (options.strict || cell.extra || shared.has(shapeKey(cell.shape))) {
      const exact: Draft = {
        kind: EXACT,
        dest: cell.dest,
        ...(cell.methods.any ? {} : { methods: cell.methods.list }),
        piece: cell.shape,
        ...(cell.extra ? { extra: cell.extra } : {}),
      };
      add(exact);
      if (cell.extra) continue;
      bases.push(exact);
    }
    if (!options.strict) {
      const whole: Draft = { kind: EXACT, dest: cell.dest, piece: cell.shape };
      add(whole);
      bases.push(whole);
    }
  }
  if (!options.strict) {
    for (const claim of claims(trie, split, options)) {
      add(claim);
      bases.push(claim);
    }
  }
  for (const fold of folds(bases, options)) add(fold);

  const candidates: Candidate[] = [];
  for (const [key, d] of [...drafts].sort(([a], [b]) => compareText(a, b))) {
    const cover: number[] = [];
    let breadth = 0;
    let foreign = 0;
    trie.visit(d.piece, (c, full) => {
      breadth++;
      // A cell with extra conditions goes first anyway, in a rule of its own.
      if (c.dest !== d.dest) {
        if (!c.extra && sharedMethods(d.methods, c.methods)) foreign++;
      } else if (full && methodsCover(d.methods, c.methods) && (c.extra ? d.extra === c.extra : !d.extra))
        cover.push(c.id);
    });
    if (cover.length)
      candidates.push({
        id: candidates.length,
        ...d,
        cover: cover.sort((a, b) => a - b),
        foreign,
        breadth,
        cost: regexBody(d.piece).length,
        key,
      });
  }
  const byKey = new Map(candidates.map((c) => [c.key, c.id]));
  for (const c of candidates) {
    if (!c.methods || c.extra) continue;
    const twin = byKey.get(draftKey({ ...c, methods: undefined }));
    if (twin !== undefined) c.twin = twin;
  }
  return candidates;
}

function draftKey(d: Pick<Draft, 'dest' | 'methods' | 'piece' | 'extra'>): string {
  return `${d.dest}\u0001${d.methods?.join(',') ?? '*'}\u0001${shapeKey(d.piece)}\u0001${d.extra ? JSON.stringify(d.extra) : ''}`;
}

/** Templates (shape keys) that cells of several destinations share. */
function sharedTemplates(cells: Cell[]): Set<string> {
  const dests = new Map<string, Set<string>>();
  for (const c of cells) {
    const key = shapeKey(c.shape);
    dests.set(key, (dests.get(key) ?? new Set()).add(c.dest));
  }
  return new Set([...dests].filter(([, d]) => d.size > 1).map(([key]) => key));
}

/** Method sets a destination needs where it shares a template with another destination. */
function splitMethods(cells: Cell[], shared: Set<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of cells) {
    if (c.methods.any || c.extra || !shared.has(shapeKey(c.shape))) continue;
    out.set(c.dest, (out.get(c.dest) ?? new Set()).add(methodsKey(c.methods)));
  }
  return out;
}

/** For every trie node below the roots, per destination in its subtree: the node's path and everything under it. */
function claims(trie: CellTrie, split: Map<string, Set<string>>, options: CandidateOptions): Draft[] {
  const out: Draft[] = [];
  for (const node of trie.nodes()) {
    if (!anchored(node.path, options.roots)) continue;
    const dests = new Map<string, { here: boolean; under: boolean; methods: Set<string> }>();
    for (const cell of trie.below(node)) {
      if (cell.extra) continue;
      const entry = dests.get(cell.dest) ?? { here: false, under: false, methods: new Set<string>() };
      dests.set(cell.dest, entry);
      if (cell.shape.segs.length === node.path.length && cell.shape.tail === 'none') entry.here = true;
      else entry.under = true;
      const key = methodsKey(cell.methods);
      if (split.get(cell.dest)?.has(key)) entry.methods.add(key);
    }
    for (const [dest, { here, under, methods }] of dests) {
      if (!under) continue;
      const piece: PathShape = { segs: node.path, tail: here ? 'tree' : 'sub' };
      out.push({ kind: CLAIM, dest, piece });
      for (const set of methods) out.push({ kind: CLAIM, dest, methods: set.split(','), piece });
    }
  }
  return out;
}

/**
 * Folds of bases that differ in one literal segment below the first one under their root.
 * Resources at the top of the API stay apart (packing may still share a rule between them),
 * so the choices for one never depend on another: adding an operation to one leaves the
 * others' rules as they were.
 */
function folds(bases: Draft[], options: CandidateOptions): Draft[] {
  const groups = new Map<string, { base: Draft; at: number; values: Set<string> }>();
  const stems = new Map<string, { base: Draft; at: number; seg: ShapeSeg; values: Set<string> }>();
  for (const base of bases) {
    const segs = base.piece.segs;
    const from = rootDepth(segs, options.roots);
    segs.forEach((seg, at) => {
      if (at < from || seg.kind !== 'lit') return;
      const key = foldKey(base, at);
      if (at > from) {
        const group = groups.get(key) ?? { base, at, values: new Set<string>() };
        groups.set(key, group.values.add(seg.value) && group);
      }
      if (options.strict) return;
      for (const stem of stemsOf(seg.value)) {
        const skey = key + '\u0002' + JSON.stringify(stem);
        const entry = stems.get(skey) ?? { base, at, seg: stem, values: new Set<string>() };
        stems.set(skey, entry.values.add(seg.value) && entry);
      }
    });
  }
  const out: Draft[] = [];
  for (const { base, at, values } of groups.values()) {
    if (values.size < 2) continue;
    for (const chunk of alternations(base, at, [...values].sort(compareText)))
      out.push(withSeg(base, at, { kind: 'alt', values: chunk }, ALTERNATION));
    const widened = withSeg(base, at, { kind: 'param' }, WIDENING);
    if (!options.strict && anchored(widened.piece.segs, options.roots)) out.push(widened);
  }
  for (const { base, at, seg, values } of stems.values())
    if (values.size >= 2) out.push(withSeg(base, at, seg, WIDENING));
  return out;
}

function foldKey(base: Draft, at: number): string {
  const segs = base.piece.segs.map((s, i) => (i === at ? '\u0003' : segKey(s)));
  return `${base.dest}\u0001${base.methods?.join(',') ?? '*'}\u0001${at}\u0001${segs.join('/')}\u0001${base.piece.tail}`;
}

function withSeg(base: Draft, at: number, seg: ShapeSeg, kind: Candidate['kind']): Draft {
  return {
    ...base,
    kind,
    piece: { segs: base.piece.segs.map((s, i) => (i === at ? seg : s)), tail: base.piece.tail },
  };
}

/** The literal values split into alternations whose regex fits a path value. */
function alternations(base: Draft, at: number, values: string[]): string[][] {
  const out: string[][] = [];
  let chunk: string[] = [];
  for (const value of values) {
    const next = [...chunk, value];
    if (
      chunk.length &&
      regexBody(withSeg(base, at, { kind: 'alt', values: next }, ALTERNATION).piece).length > REGEX_BODY_LIMIT
    ) {
      out.push(chunk);
      chunk = [value];
    } else chunk = next;
  }
  if (chunk.length) out.push(chunk);
  return out.filter((c) => c.length >= 2);
}

/** `chat.postMessage` → stem `chat.`…; `tables:batchGet` → …`:batchGet`. */
function stemsOf(value: string): ShapeSeg[] {
  const out: ShapeSeg[] = [];
  for (const m of value.matchAll(SEPARATORS)) {
    const prefix = value.slice(0, m.index + 1);
    const suffix = value.slice(m.index);
    if (prefix !== value) out.push({ kind: 'stem', prefix, suffix: '' });
    if (m.index > 0) out.push({ kind: 'stem', prefix: '', suffix });
  }
  return out;
}

/** Segments of the longest root the path starts with. */
function rootDepth(segs: ShapeSeg[], roots: string[][]): number {
  let depth = 0;
  for (const root of roots) {
    if (root.length > segs.length || root.length <= depth) continue;
    if (root.every((v, i) => segs[i]!.kind === 'lit' && (segs[i] as { value: string }).value === v))
      depth = root.length;
  }
  return depth;
}

/** Whether a widened shape keeps a non-parameter segment below its root. */
function anchored(segs: ShapeSeg[], roots: string[][]): boolean {
  return segs.slice(rootDepth(segs, roots)).some((s) => s.kind !== 'param');
}
