import type { Segment, SegmentPart } from './types.js';

export type TemplateParse = { ok: true; segments: Segment[] } | { ok: false; reason: string };

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

/** What one request path segment must look like to match a template segment (greedy: handled by the caller). */
function segmentMatches(segment: Exclude<Segment, { kind: 'greedy' }>, part: string): boolean {
  if (part === '') return false;
  switch (segment.kind) {
    case 'literal':
      return segment.value === part;
    case 'param':
      return true;
    case 'mixed':
      return mixedPattern(segment).test(part);
  }
}

const mixedPatterns = new WeakMap<Segment, RegExp>();

function mixedPattern(segment: Extract<Segment, { kind: 'mixed' }>): RegExp {
  let pattern = mixedPatterns.get(segment);
  if (!pattern) {
    const body = segment.parts.map((p) => (p.kind === 'text' ? escapeRegex(p.value) : '[^/]+')).join('');
    pattern = new RegExp(`^${body}$`);
    mixedPatterns.set(segment, pattern);
  }
  return pattern;
}

/**
 * How specific a segment is when several templates match one request: literal, then mixed
 * (`{Sid}.json` is narrower than `{Sid}`), then parameter, then greedy.
 */
const RANK: Record<Segment['kind'], number> = { literal: 3, mixed: 2, param: 1, greedy: 0 };

/**
 * Whether a request path (split into segments) matches a template, and how specifically:
 * one rank per template segment, to compare with `compareMatches` (higher is more specific).
 */
export function matchTemplate(segments: readonly Segment[], parts: readonly string[]): number[] | undefined {
  const score: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind === 'greedy')
      return parts.length > i && parts.slice(i).every((p) => p !== '') ? [...score, RANK.greedy] : undefined;
    const part = parts[i];
    if (part === undefined || !segmentMatches(segment, part)) return undefined;
    score.push(RANK[segment.kind]);
  }
  return parts.length === segments.length ? score : undefined;
}

/** Orders two `matchTemplate` scores: positive when `a` is the more specific match. */
export function compareMatches(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** A request path as `matchTemplate` reads it: `/a/b` → `['a', 'b']`, `/` → `[]`. */
export function requestSegments(path: string): string[] {
  return path === '/' ? [] : path.replace(/^\//, '').split('/');
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
