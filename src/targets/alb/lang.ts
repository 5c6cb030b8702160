/**
 * Path languages and their overlaps. A rule value has two readings: what ALB actually
 * matches with its glob (`*` crosses `/`), and what the compiler meant it to match (a
 * parameter is one segment). The compiler orders and merges rules by asking whether
 * those languages intersect, with a small product-automaton search.
 */

/**
 * One step of an intended path: a literal segment, a one-segment parameter, or a stem (a
 * segment that starts with the given text, e.g. `chat.` for `chat.postMessage`, `chat.delete`).
 */
export type ShapeSeg = { kind: 'lit'; value: string } | { kind: 'param' } | { kind: 'stem'; value: string };

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
  const body = shape.segs
    .map((s) => '/' + (s.kind === 'lit' ? s.value : s.kind === 'stem' ? s.value + '*' : '*'))
    .join('');
  if (shape.tail !== 'none') return body + '/*';
  return body === '' ? '/' : body;
}

/** An anchored regex matching exactly the intended language. */
export function regexOf(shape: PathShape): string {
  const body = shape.segs
    .map(
      (s) =>
        '/' +
        (s.kind === 'lit'
          ? escapeRegex(s.value)
          : s.kind === 'stem'
            ? escapeRegex(s.value) + '[^/]*'
            : '[^/]+'),
    )
    .join('');
  const tail = shape.tail === 'sub' ? '/.*' : shape.tail === 'greedy' ? '/.+' : '';
  return '^' + (body === '' && tail === '' ? '/' : body + tail) + '$';
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => (c === '/' || c === '-' ? c : '\\' + c));
}

/** Whether a literal segment can be written in a glob value at all. */
export function globSafe(shape: PathShape): boolean {
  return shape.segs.every((s) => s.kind === 'param' || GLOB_SAFE.test(s.value));
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
    if (s.kind === 'param') atoms.push({ set: NON_SLASH, star: false }, { set: NON_SLASH, star: true });
    else for (const c of s.value) atoms.push(lit(c));
    if (s.kind === 'stem') atoms.push({ set: NON_SLASH, star: true });
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
  /** Literal text every member starts with, and ends with: cheap first tests for disjointness. */
  prefix: string;
  suffix: string;
  chars: Set<string>;
  /** Identifies the language, for memoized answers. */
  key: string;
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
  let suffix = '';
  for (let i = atoms.length - 1; i >= 0; i--) {
    const a = atoms[i]!;
    if (a.star || typeof a.set !== 'object') break;
    suffix = a.set.ch + suffix;
  }
  const chars = new Set<string>();
  for (const a of atoms) if (typeof a.set === 'object') chars.add(a.set.ch);
  const key = atoms
    .map((a) => (a.star ? '*' : '') + (typeof a.set === 'object' ? 'c' + a.set.ch : a.set))
    .join('\u0001');
  return { atoms, prefix, suffix, chars, key };
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
 * Is there a path in every language of `all` and in none of `none`? A search over the
 * product of the automata (single states for `all`, subsets for the complemented `none`),
 * over a shared alphabet: the literal characters, `/`, and one stand-in for everything
 * else — exact for these languages.
 */
export function overlaps(all: Lang[], none: Lang[] = []): boolean {
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      if (!a.prefix.startsWith(b.prefix) && !b.prefix.startsWith(a.prefix)) return false;
      if (!a.suffix.endsWith(b.suffix) && !b.suffix.endsWith(a.suffix)) return false;
    }
  }
  const key = [...all.map((l) => l.key), '!', ...none.map((l) => l.key)].join('\u0002');
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = search(all, none);
  if (memo.size > MEMO_LIMIT) memo.clear();
  memo.set(key, result);
  return result;
}

/** Overlap answers depend only on the languages, and the compiler asks about the same pairs often. */
const memo = new Map<string, boolean>();
const MEMO_LIMIT = 200_000;

function search(all: Lang[], none: Lang[]): boolean {
  const alphabet = new Set<string>(['/', OTHER]);
  for (const l of [...all, ...none]) for (const c of l.chars) alphabet.add(c);
  const chars = [...alphabet];
  const allClosures = all.map(closures);
  const seen = new Set<string>();
  const queue: { pos: number[]; sets: number[][] }[] = [];
  const push = (options: number[][], sets: number[][]) => {
    const setKey = sets.map((x) => x.join(',')).join('|');
    for (const pos of cartesian(options)) {
      const key = pos.join(',') + '|' + setKey;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ pos, sets });
    }
  };
  push(
    allClosures.map((c) => c[0]!),
    none.map((l) => closure(l, [0])),
  );
  for (let head = 0; head < queue.length; head++) {
    const { pos, sets } = queue[head]!;
    if (all.every((l, i) => pos[i] === l.atoms.length) && none.every((l, i) => !accepts(l, sets[i]!)))
      return true;
    for (const ch of chars) {
      const options: number[][] = [];
      for (let i = 0; i < all.length; i++) {
        const atom = all[i]!.atoms[pos[i]!];
        if (!atom || !contains(atom.set, ch)) break;
        options.push(allClosures[i]![atom.star ? pos[i]! : pos[i]! + 1]!);
      }
      if (options.length < all.length) continue;
      push(
        options,
        none.map((l, i) => step(l, sets[i]!, ch)),
      );
    }
  }
  return false;
}

const closureCache = new WeakMap<Lang, number[][]>();

/** The ε-closure of every state of a language, computed once. */
function closures(lang: Lang): number[][] {
  let cached = closureCache.get(lang);
  if (!cached) {
    cached = Array.from({ length: lang.atoms.length + 1 }, (_, i) => closure(lang, [i]));
    closureCache.set(lang, cached);
  }
  return cached;
}

function cartesian(options: number[][]): number[][] {
  if (options.length === 1) return options[0]!.map((x) => [x]);
  if (options.length === 2) return options[0]!.flatMap((x) => options[1]!.map((y) => [x, y]));
  return options.reduce<number[][]>((acc, o) => acc.flatMap((prefix) => o.map((x) => [...prefix, x])), [[]]);
}
