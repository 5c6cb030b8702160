/**
 * How a rule's path pieces are written as path-pattern values: globs where every piece has
 * one; otherwise anchored regexes joined by alternation, at most 128 characters each.
 */
import { ALB_QUOTAS } from './plan.js';
import { globsOf, regexBody, wildcardCount, type PathShape } from './shape.js';
import { compareText } from '../../util/order.js';

/** A rule's path values: globs, or anchored regexes (never both in one condition). */
export type PathValues = { globs: string[] } | { regexes: string[] };

/**
 * The pieces as at most `budget` path values: globs when every piece has a glob form and
 * they fit; otherwise anchored regexes, pieces joined by alternation up to 128 characters
 * each; and when that takes too many values, the pieces in order with every shared prefix
 * written once (`^/api/admin\.(apps\.(approve|restrict)|emoji\.[^/]*)$`).
 */
export function render(pieces: PathShape[], budget: number, strict: boolean): PathValues | undefined {
  const globs = pieces.map((p) => globsOf(p, strict));
  if (globs.every((g) => g !== undefined)) {
    const flat = [...new Set(globs.flat())];
    const wildcards = flat.reduce((n, g) => n + wildcardCount(g), 0);
    if (flat.length <= budget && wildcards <= ALB_QUOTAS.wildcardsPerRule) return { globs: flat };
  }
  const bodies = pieces.map(regexBody);
  const fits = (regexes: string[]) =>
    regexes.length <= budget && regexes.every((r) => r.length <= ALB_QUOTAS.patternLength);
  const plain = layout(bodies, anchored);
  if (fits(plain)) return { regexes: plain };
  const sorted = [...new Set(bodies)].sort(compareText);
  // Cut into values, the pieces share fewer prefixes than written as one: far over the budget as one, they never fit.
  if (factored(sorted).length > budget * (ALB_QUOTAS.patternLength + 4)) return undefined;
  const compact = compactLayout(sorted, budget);
  return compact && fits(compact) ? { regexes: compact } : undefined;
}

/**
 * Sorted bodies cut into runs whose factored value fits 128 characters, each run as long as
 * a binary search finds (a longer run never writes a shorter value); undefined past `budget`.
 */
function compactLayout(bodies: string[], budget: number): string[] | undefined {
  const regexes: string[] = [];
  for (let start = 0; start < bodies.length;) {
    if (regexes.length === budget) return undefined;
    let low = start + 1;
    let high = bodies.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (factored(bodies.slice(start, mid)).length <= ALB_QUOTAS.patternLength) low = mid;
      else high = mid - 1;
    }
    regexes.push(factored(bodies.slice(start, low)));
    start = low;
  }
  return regexes;
}

/** Bodies joined into as few values as fit 128 characters each, in order. */
function layout(bodies: string[], join: (bodies: string[]) => string): string[] {
  const regexes: string[] = [];
  let current: string[] = [];
  for (const body of bodies) {
    if (current.length && join([...current, body]).length > ALB_QUOTAS.patternLength) {
      regexes.push(join(current));
      current = [];
    }
    current.push(body);
  }
  if (current.length) regexes.push(join(current));
  return regexes;
}

/** `^/a$` for one body; `^/v1/(a|b)$` for several, their shared leading segments factored out. */
function anchored(bodies: string[]): string {
  if (bodies.length === 1) return `^${bodies[0]}$`;
  let prefix = bodies[0]!;
  for (const b of bodies) while (!b.startsWith(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/'));
  // Only a prefix of whole literal segments, so no alternative starts inside a group.
  while (prefix && /[()[\]|]/.test(prefix)) prefix = prefix.slice(0, prefix.lastIndexOf('/'));
  return `^${prefix}(${bodies.map((b) => b.slice(prefix.length)).join('|')})$`;
}

interface PrefixTree {
  children: Map<string, PrefixTree>;
  /** A body ends here. */
  end: boolean;
}

/**
 * Bodies as one anchored regex in which every shared prefix of words (`/`, `admin\.`) is
 * written once: a prefix tree of the bodies, each branching an alternation, where words
 * followed by the same alternatives share them. Where a body ends and others go on, both
 * are alternatives (`[^/]+|[^/]+/reviews`), never an empty one.
 */
function factored(bodies: string[]): string {
  const root: PrefixTree = { children: new Map(), end: false };
  for (const body of bodies) {
    let node = root;
    for (const word of words(body)) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  const alternatives = (node: PrefixTree): string[] => {
    // Words followed by the same alternatives share them (`(secrets|variables)(/.*)?`),
    // in the place of the first.
    const entries: { heads: string[]; tail: string }[] = [];
    const byTail = new Map<string, { heads: string[]; tail: string }>();
    for (const [word, child] of node.children) {
      const rest = alternatives(child);
      if (rest.length === 0 || child.end) entries.push({ heads: [word], tail: '' });
      if (rest.length === 0) continue;
      const tail = rest.length === 1 ? rest[0]! : `(${rest.join('|')})`;
      const entry = byTail.get(tail);
      if (entry) entry.heads.push(word);
      else {
        byTail.set(tail, { heads: [word], tail });
        entries.push(byTail.get(tail)!);
      }
    }
    return entries.map(({ heads, tail }) => (heads.length === 1 ? heads[0]! : `(${heads.join('|')})`) + tail);
  };
  const all = alternatives(root);
  return all.length === 1 ? `^${all[0]}$` : `^(${all.join('|')})$`;
}

/**
 * A body cut after each separator (`/`, `\.`, `_`, `-`, `:`) and around each group, keeping
 * escapes, classes and groups whole with their quantifiers, so an alternation never starts
 * inside one.
 */
function words(body: string): string[] {
  const out: string[] = [];
  let word = '';
  let i = 0;
  while (i < body.length) {
    let j = i + 1;
    if (body[i] === '\\') j = i + 2;
    else if (body[i] === '[') j = body.indexOf(']', i) + 1;
    else if (body[i] === '(') {
      for (let depth = 0; j <= body.length; j++) {
        const c = body[j - 1];
        if (c === '\\') j++;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
    }
    if (j < body.length && '*+?'.includes(body[j]!)) j++;
    const atom = body.slice(i, j);
    // A group is a word of its own, so paths that differ before it can share it.
    if (atom.startsWith('(') && word) {
      out.push(word);
      word = '';
    }
    word += atom;
    if (SEPARATOR_ATOMS.has(atom) || atom.startsWith('(')) {
      out.push(word);
      word = '';
    }
    i = j;
  }
  if (word) out.push(word);
  return out;
}

const SEPARATOR_ATOMS = new Set(['/', '\\.', '_', '-', ':']);
