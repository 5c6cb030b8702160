import type { Segment, SegmentPart } from './types.js';

export type TemplateParse = { ok: true; segments: Segment[] } | { ok: false; reason: string };

/** A path key split at its `?`: `/responses?beta=true` is the path `/responses` for requests with `beta=true`. */
export interface PathKey {
  ok: true;
  path: string;
  /** The text after `?`, when the key has one. */
  query?: string;
  /** Its pairs as query-string patterns (`*` and `?` escaped); a name without `=` takes any value (`*`). */
  pairs: [string, string][];
}

/** Splits a path key at its first `?`, or says why its query cannot be matched. */
export function splitPathKey(key: string): PathKey | { ok: false; reason: string } {
  const at = key.indexOf('?');
  if (at < 0) return { ok: true, path: key, pairs: [] };
  const query = key.slice(at + 1);
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    if (name === '' || !QUERY_TEXT.test(part))
      return { ok: false, reason: `its query "${query}" cannot be matched` };
    pairs.push([literalPattern(name), eq < 0 ? '*' : literalPattern(part.slice(eq + 1))]);
  }
  if (pairs.length === 0) return { ok: false, reason: `its query "${query}" names no parameter` };
  return { ok: true, path: key.slice(0, at), query, pairs };
}

/** `*` and `?` are wildcards in an ALB query-string pattern; a backslash makes them literal. */
function literalPattern(text: string): string {
  return text.replace(/[\\*?]/g, '\\$&');
}

/** Query text a rule can compare: visible ASCII without `#` (ALB rules see nothing else). */
const QUERY_TEXT = /^[!-"$-~]+$/;

/** API Gateway's rule for a path segment: alphanumerics, `_ - . , :` plus whole-segment braces. */
const LITERAL = /^[A-Za-z0-9_\-.,:~@$!'()*+;=%]+$/;

/**
 * Parses `/users/{id}/files/{path+}` into segments. A parameter that shares its segment with
 * text (`/Accounts/{Sid}.json`) makes a mixed segment; a greedy one must be a whole segment.
 */
export function parsePathTemplate(path: string): TemplateParse {
  if (!path.startsWith('/')) return { ok: false, reason: 'it must start with /' };
  const parts = path === '/' ? [] : path.slice(1).replace(/\/$/, '').split('/');
  const segments: Segment[] = [];
  for (const [i, part] of parts.entries()) {
    if (part === '') return { ok: false, reason: 'it has an empty segment (//)' };
    const param = /^\{([^{}]+)\}$/.exec(part);
    if (param) {
      const name = param[1]!;
      if (name.endsWith('+')) {
        if (i !== parts.length - 1) return { ok: false, reason: `greedy {${name}} must be the last segment` };
        segments.push({ kind: 'greedy', name: name.slice(0, -1) });
      } else {
        segments.push({ kind: 'param', name });
      }
      continue;
    }
    if (part.includes('{') || part.includes('}')) {
      const mixed = parseMixedSegment(part);
      if (typeof mixed === 'string') return { ok: false, reason: mixed };
      segments.push(mixed);
      continue;
    }
    if (!LITERAL.test(part))
      return { ok: false, reason: `segment "${part}" has characters no front door routes on` };
    segments.push({ kind: 'literal', value: part });
  }
  return { ok: true, segments };
}

/** `{Sid}.json` → text and parameter parts, or why the segment cannot be routed. */
function parseMixedSegment(part: string): Extract<Segment, { kind: 'mixed' }> | string {
  const parts: SegmentPart[] = [];
  let rest = part;
  while (rest !== '') {
    const open = rest.indexOf('{');
    const text = open < 0 ? rest : rest.slice(0, open);
    if (text !== '') {
      if (text.includes('}')) return `segment "${part}" has a } without a {`;
      if (!LITERAL.test(text)) return `segment "${part}" has characters no front door routes on`;
      parts.push({ kind: 'text', value: text });
    }
    if (open < 0) break;
    const close = rest.indexOf('}', open);
    const name = close < 0 ? '' : rest.slice(open + 1, close);
    if (close < 0 || name.includes('{')) return `segment "${part}" has a { without a }`;
    if (name === '') return `segment "${part}" has an unnamed parameter {}`;
    if (name.endsWith('+')) return `greedy {${name}} must be a whole segment`;
    if (parts.at(-1)?.kind === 'param')
      return `segment "${part}" has two parameters with no text between them`;
    parts.push({ kind: 'param', name });
    rest = rest.slice(close + 1);
  }
  return { kind: 'mixed', parts };
}

/** One segment as written in a template: `users`, `{id}`, `{path+}`, `{Sid}.json`. */
export function segmentText(segment: Segment): string {
  switch (segment.kind) {
    case 'literal':
      return segment.value;
    case 'param':
      return `{${segment.name}}`;
    case 'greedy':
      return `{${segment.name}+}`;
    case 'mixed':
      return segment.parts.map((p) => (p.kind === 'text' ? p.value : `{${p.name}}`)).join('');
  }
}

/** One segment with parameter names erased: `users`, `{}`, `{+}`, `{}.json`. */
export function segmentShape(segment: Segment): string {
  switch (segment.kind) {
    case 'literal':
      return segment.value;
    case 'param':
      return '{}';
    case 'greedy':
      return '{+}';
    case 'mixed':
      return segment.parts.map((p) => (p.kind === 'text' ? p.value : '{}')).join('');
  }
}

/** The names of a segment's parameters, in order. */
export function segmentParamNames(segment: Segment): string[] {
  switch (segment.kind) {
    case 'literal':
      return [];
    case 'param':
    case 'greedy':
      return [segment.name];
    case 'mixed':
      return segment.parts.flatMap((p) => (p.kind === 'param' ? [p.name] : []));
  }
}

/** The template as written: `/Accounts/{Sid}.json`. */
export function formatSegments(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments.map((s) => '/' + segmentText(s)).join('');
}

/** The path with parameter names erased: `/users/{}/files/{+}`; two templates with the same shape collide. */
export function pathShape(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments.map((s) => '/' + segmentShape(s)).join('');
}

export function pathParamNames(segments: readonly Segment[]): string[] {
  return segments.flatMap(segmentParamNames);
}

function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

const mixedPatterns = new WeakMap<Segment, RegExp>();

/** Whether one request path segment carries a mixed segment's text around non-empty parameter values. */
export function mixedSegmentMatches(segment: Extract<Segment, { kind: 'mixed' }>, part: string): boolean {
  let pattern = mixedPatterns.get(segment);
  if (!pattern) {
    const body = segment.parts.map((p) => (p.kind === 'text' ? escapeRegex(p.value) : '[^/]+')).join('');
    pattern = new RegExp(`^${body}$`);
    mixedPatterns.set(segment, pattern);
  }
  return pattern.test(part);
}

/** True when the path has a mixed segment, which only some front doors can route exactly. */
export function hasMixedSegment(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.kind === 'mixed');
}

/** Joins a base path and a template path: `/v1` + `/users` = `/v1/users`. */
export function joinBasePath(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '');
  if (base === '' || base === '/') return path;
  return path === '/' ? base : base + path;
}
