/**
 * Path shapes: the languages the ALB compiler reasons about, one segment at a time, and how
 * a shape is written as a path-pattern value. A shape is exact: a parameter is one non-empty
 * segment, never the `*` of a glob (which also crosses `/`). Only shapes whose segments are
 * all literal are written as globs; everything else becomes an anchored regex.
 */

/** A piece of a mixed segment (`{Sid}.json`): text, or a parameter (one or more characters but `/`). */
export type MixedPart = { kind: 'text'; value: string } | { kind: 'param' };

/** What one path segment may be. */
export type ShapeSeg =
  | { kind: 'lit'; value: string }
  /** Any non-empty segment. */
  | { kind: 'param' }
  /** Text and parameters within one segment: `{Sid}.json`, `v{version}`. */
  | { kind: 'mixed'; parts: MixedPart[] }
  /** A segment that starts with `prefix` and ends with `suffix` (`chat.` …, … `:batchGet`); one of them non-empty. */
  | { kind: 'stem'; prefix: string; suffix: string }
  /** One of these literal segments (sorted, at least two). */
  | { kind: 'alt'; values: string[] };

/**
 * What follows the segments: nothing (`none`); optionally `/` and anything (`tree`, the
 * path and everything under it); `/` and anything (`sub`, only what is under it); one or
 * more non-empty segments (`greedy`, a `{proxy+}` parameter).
 */
export type Tail = 'none' | 'tree' | 'sub' | 'greedy';

export interface PathShape {
  segs: ShapeSeg[];
  tail: Tail;
}

/** Characters a path-pattern value may hold besides the wildcards (`&` is left out: it must be written `&amp;`). */
const GLOB_SAFE = /^[A-Za-z0-9_\-.$/~"'@:+]*$/;

const keys = new WeakMap<PathShape, string>();

/** Identifies a shape: `users/{}|tree`. */
export function shapeKey(shape: PathShape): string {
  let key = keys.get(shape);
  if (key === undefined) keys.set(shape, (key = shape.segs.map(segKey).join('/') + '|' + shape.tail));
  return key;
}

export function segKey(seg: ShapeSeg): string {
  switch (seg.kind) {
    case 'lit':
      return seg.value;
    case 'param':
      return '{}';
    case 'mixed':
      return seg.parts.map((p) => (p.kind === 'text' ? p.value : '{}')).join('');
    case 'stem':
      return `${seg.prefix}{*}${seg.suffix}`;
    case 'alt':
      return `(${seg.values.join('|')})`;
  }
}

/**
 * Glob values matching the shape, when globs can say it: every segment literal. A greedy
 * tail becomes `/*`, which also takes paths with an empty segment (`/files/`, `/files//x`);
 * no template owns those, so only strict mode (where no undeclared request may match) refuses it.
 */
export function globsOf(shape: PathShape, strict: boolean): string[] | undefined {
  if (!shape.segs.every((s) => s.kind === 'lit')) return undefined;
  const path = shape.segs.map((s) => '/' + (s as { value: string }).value).join('');
  if (!GLOB_SAFE.test(path)) return undefined;
  switch (shape.tail) {
    case 'none':
      return [path || '/'];
    case 'tree':
      return path ? [path, path + '/*'] : undefined;
    case 'sub':
      return [path + '/*'];
    case 'greedy':
      return strict || !path ? undefined : [path + '/*'];
  }
}

const bodies = new WeakMap<PathShape, string>();

/** The shape as a regex body (unanchored): `/users/[^/]+(/.*)?`. */
export function regexBody(shape: PathShape): string {
  let body = bodies.get(shape);
  if (body === undefined) bodies.set(shape, (body = writeBody(shape)));
  return body;
}

function writeBody(shape: PathShape): string {
  const body = shape.segs.map((s) => '/' + segRegex(s)).join('');
  switch (shape.tail) {
    case 'none':
      return body || '/';
    case 'tree':
      return body ? body + '(/.*)?' : '/.*';
    case 'sub':
      return body + '/.*';
    case 'greedy':
      return body + '(/[^/]+)+';
  }
}

export function segRegex(seg: ShapeSeg): string {
  switch (seg.kind) {
    case 'lit':
      return escapeRegex(seg.value);
    case 'param':
      return '[^/]+';
    case 'mixed':
      return seg.parts.map((p) => (p.kind === 'text' ? escapeRegex(p.value) : '[^/]+')).join('');
    case 'stem':
      return escapeRegex(seg.prefix) + '[^/]*' + escapeRegex(seg.suffix);
    case 'alt':
      return '(' + seg.values.map(escapeRegex).join('|') + ')';
  }
}

export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => '\\' + c);
}

/** `*` and `?` in a glob value (ALB counts them per rule). */
export function wildcardCount(glob: string): number {
  let n = 0;
  for (const c of glob) if (c === '*' || c === '?') n++;
  return n;
}

/** Whether a literal segment value belongs to the segment's language. */
export function segAccepts(seg: ShapeSeg, value: string): boolean {
  switch (seg.kind) {
    case 'lit':
      return seg.value === value;
    case 'param':
      return value !== '';
    case 'mixed':
      return mixedRegex(seg).test(value);
    case 'stem':
      return (
        value.length >= seg.prefix.length + seg.suffix.length &&
        value.startsWith(seg.prefix) &&
        value.endsWith(seg.suffix)
      );
    case 'alt':
      return seg.values.includes(value);
  }
}

const mixedCache = new WeakMap<ShapeSeg, RegExp>();

function mixedRegex(seg: ShapeSeg & { kind: 'mixed' }): RegExp {
  let re = mixedCache.get(seg);
  if (!re) mixedCache.set(seg, (re = new RegExp(`^${segRegex(seg)}$`)));
  return re;
}

/**
 * What two segments share, as a segment, or undefined when nothing: exact except for two
 * mixed or stem segments, where the answer is the narrower one when one contains the other
 * and otherwise `undefined` only if they provably share nothing (else the first, marked
 * `approximate` so callers treat it as an overlap they cannot subtract).
 */
export function segMeet(a: ShapeSeg, b: ShapeSeg): { seg: ShapeSeg; approximate: boolean } | undefined {
  if (a.kind === 'param') return { seg: b, approximate: false };
  if (b.kind === 'param') return { seg: a, approximate: false };
  if (a.kind === 'lit') return segAccepts(b, a.value) ? { seg: a, approximate: false } : undefined;
  if (b.kind === 'lit') return segAccepts(a, b.value) ? { seg: b, approximate: false } : undefined;
  if (a.kind === 'alt' || b.kind === 'alt') {
    const [alt, other] = a.kind === 'alt' ? [a, b] : [b as ShapeSeg & { kind: 'alt' }, a];
    const values = alt.values.filter((v) => segAccepts(other, v));
    if (values.length === 0) return undefined;
    return {
      seg: values.length === 1 ? { kind: 'lit', value: values[0]! } : { kind: 'alt', values },
      approximate: false,
    };
  }
  if (segContains(a, b)) return { seg: b, approximate: false };
  if (segContains(b, a)) return { seg: a, approximate: false };
  if (!mayShare(a, b)) return undefined;
  return { seg: a, approximate: true };
}

/** Whether every value of `inner` is a value of `outer`. Exact for literals, alternations and parameters; conservative (false) otherwise. */
export function segContains(outer: ShapeSeg, inner: ShapeSeg): boolean {
  if (outer.kind === 'param') return true;
  if (inner.kind === 'lit') return segAccepts(outer, inner.value);
  if (inner.kind === 'alt') return inner.values.every((v) => segAccepts(outer, v));
  if (outer.kind === 'stem' && inner.kind === 'stem')
    return inner.prefix.startsWith(outer.prefix) && inner.suffix.endsWith(outer.suffix);
  if (outer.kind === 'stem' && inner.kind === 'mixed') {
    const first = inner.parts[0]!;
    const last = inner.parts.at(-1)!;
    const head = first.kind === 'text' ? first.value : '';
    const tail = last.kind === 'text' ? last.value : '';
    return head.startsWith(outer.prefix) && tail.endsWith(outer.suffix);
  }
  return segKey(outer) === segKey(inner) && outer.kind === inner.kind;
}

/** Cheap disjointness test for mixed and stem segments: a fixed start or end that cannot agree. */
function mayShare(a: ShapeSeg, b: ShapeSeg): boolean {
  const [ha, ta] = ends(a);
  const [hb, tb] = ends(b);
  return (ha.startsWith(hb) || hb.startsWith(ha)) && (ta.endsWith(tb) || tb.endsWith(ta));
}

/** The literal text a segment's values all start and end with. */
function ends(seg: ShapeSeg): [string, string] {
  switch (seg.kind) {
    case 'lit':
      return [seg.value, seg.value];
    case 'stem':
      return [seg.prefix, seg.suffix];
    case 'mixed': {
      const first = seg.parts[0]!;
      const last = seg.parts.at(-1)!;
      return [first.kind === 'text' ? first.value : '', last.kind === 'text' ? last.value : ''];
    }
    default:
      return ['', ''];
  }
}

/**
 * How specific a segment is when templates compete for a request (lower wins), matching
 * `src/model/precedence.ts`: literal, then mixed text, then parameter; a greedy tail after all.
 */
export function segRank(seg: ShapeSeg): number {
  return seg.kind === 'lit' ? 0 : seg.kind === 'param' ? 2 : 1;
}
