/**
 * Path languages and their overlaps. A rule value has two readings: what ALB actually
 * matches with its glob (`*` crosses `/`), and what the compiler meant it to match (a
 * parameter is one segment). The compiler orders and merges rules by asking whether
 * those languages intersect, with a small product-automaton search.
 */

/** One step of an intended path: a literal segment or a one-segment parameter. */
export type ShapeSeg = { kind: 'lit'; value: string } | { kind: 'param' };

/**
 * An intended path language: segments, then `none` (exactly this path), `sub` (this path
 * followed by `/` and anything: a subtree claim) or `greedy` (`/` and at least one character).
 */
export interface PathShape {
  segs: ShapeSeg[];
  tail: 'none' | 'sub' | 'greedy';
}

/** Characters a path-pattern value may contain besides the wildcards (`&` is left out: it must be written `&amp;`). */
const GLOB_SAFE = /^[A-Za-z0-9_\-.$/~"'@:+]*$/;

export function globOf(shape: PathShape): string {
  const body = shape.segs.map((s) => '/' + (s.kind === 'lit' ? s.value : '*')).join('');
  if (shape.tail !== 'none') return body + '/*';
  return body === '' ? '/' : body;
}

/** An anchored regex matching exactly the intended language. */
export function regexOf(shape: PathShape): string {
  const body = shape.segs.map((s) => '/' + (s.kind === 'lit' ? escapeRegex(s.value) : '[^/]+')).join('');
  const tail = shape.tail === 'sub' ? '/.*' : shape.tail === 'greedy' ? '/.+' : '';
  return '^' + (body === '' && tail === '' ? '/' : body + tail) + '$';
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => (c === '/' || c === '-' ? c : '\\' + c));
}

/** Whether a literal segment can be written in a glob value at all. */
export function globSafe(shape: PathShape): boolean {
  return shape.segs.every((s) => s.kind === 'param' || (GLOB_SAFE.test(s.value) && !s.value.includes('*')));
}

export function wildcardCount(glob: string): number {
  let n = 0;
  for (const c of glob) if (c === '*' || c === '?') n++;
  return n;
}

/** The intended language of a shape, as an automaton. */
export function shapeLang(shape: PathShape): Lang {
  const atoms: Atom[] = [];
  for (const s of shape.segs) {
    atoms.push(lit('/'));
    if (s.kind === 'lit') for (const c of s.value) atoms.push(lit(c));
    else atoms.push({ set: NON_SLASH, star: false }, { set: NON_SLASH, star: true });
  }
  if (shape.tail === 'sub') atoms.push(lit('/'), { set: ANY, star: true });
  if (shape.tail === 'greedy') atoms.push(lit('/'), { set: ANY, star: false }, { set: ANY, star: true });
  if (atoms.length === 0) atoms.push(lit('/'));
  return makeLang(atoms);
}

/** What an ALB glob value actually matches: `*` any run of characters, `?` one character. */
export function globLang(glob: string): Lang {
  const atoms: Atom[] = [];
  for (const c of glob) {
    if (c === '*') atoms.push({ set: ANY, star: true });
    else if (c === '?') atoms.push({ set: ANY, star: false });
    else atoms.push(lit(c));
  }
  return makeLang(atoms);
}

/** A character class: any character, any but `/`, or one literal character. */
type CharSet = typeof ANY | typeof NON_SLASH | { ch: string };
const ANY = 'any' as const;
const NON_SLASH = 'non-slash' as const;

interface Atom {
  set: CharSet;
  /** Zero or more (a star) instead of exactly one. */
  star: boolean;
}

export interface Lang {
  atoms: Atom[];
  /** Literal text every member starts with: a cheap first test for disjointness. */
  prefix: string;
  chars: Set<string>;
}

function lit(ch: string): Atom {
  return { set: { ch }, star: false };
}

function makeLang(atoms: Atom[]): Lang {
  let prefix = '';
  for (const a of atoms) {
    if (a.star || typeof a.set !== 'object') break;
    prefix += a.set.ch;
  }
  const chars = new Set<string>();
  for (const a of atoms) if (typeof a.set === 'object') chars.add(a.set.ch);
  return { atoms, prefix, chars };
}

/** Stands for every character that is not `/` and not written literally anywhere. */
const OTHER = '\u0000';

function contains(set: CharSet, ch: string): boolean {
  if (set === ANY) return true;
  if (set === NON_SLASH) return ch !== '/';
  return set.ch === ch;
}

function closure(lang: Lang, states: Iterable<number>): number[] {
  const out = new Set<number>();
  const stack = [...states];
  while (stack.length) {
    const i = stack.pop()!;
    if (out.has(i)) continue;
    out.add(i);
    if (i < lang.atoms.length && lang.atoms[i]!.star) stack.push(i + 1);
  }
  return [...out].sort((a, b) => a - b);
}

function step(lang: Lang, states: number[], ch: string): number[] {
  const next: number[] = [];
  for (const i of states) {
    const atom = lang.atoms[i];
    if (!atom || !contains(atom.set, ch)) continue;
    next.push(atom.star ? i : i + 1);
  }
  return next.length ? closure(lang, next) : [];
}

function accepts(lang: Lang, states: number[]): boolean {
  return states.includes(lang.atoms.length);
}

/**
 * Is there a path in every language of `all` and in none of `none`? Subset construction
 * on the fly over a shared alphabet (the literal characters, `/`, and one stand-in for
 * everything else), so the search is exact for these languages.
 */
export function overlaps(all: Lang[], none: Lang[] = []): boolean {
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!.prefix;
      const b = all[j]!.prefix;
      if (!a.startsWith(b) && !b.startsWith(a)) return false;
    }
  }
  const langs = [...all, ...none];
  const alphabet = new Set<string>(['/', OTHER]);
  for (const l of langs) for (const c of l.chars) alphabet.add(c);
  const start = langs.map((l) => closure(l, [0]));
  const seen = new Set<string>();
  const queue: number[][][] = [start];
  while (queue.length) {
    const states = queue.shift()!;
    const key = states.map((s) => s.join(',')).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const allAccept = all.every((l, i) => accepts(l, states[i]!));
    const noneAccept = none.every((l, i) => !accepts(l, states[all.length + i]!));
    if (allAccept && noneAccept) return true;
    for (const ch of alphabet) {
      const next = langs.map((l, i) => step(l, states[i]!, ch));
      if (next.slice(0, all.length).some((s) => s.length === 0)) continue;
      queue.push(next);
    }
  }
  return false;
}
