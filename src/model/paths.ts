import type { Segment } from './types.js';

export type TemplateParse = { ok: true; segments: Segment[] } | { ok: false; reason: string };

/** API Gateway's rule for a path segment: alphanumerics, `_ - . , :` plus whole-segment braces. */
const LITERAL = /^[A-Za-z0-9_\-.,:~@$!'()*+;=%]+$/;

/** Parses `/users/{id}/files/{path+}` into segments; a parameter must be a whole segment. */
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
      return { ok: false, reason: `segment "${part}" mixes text and a parameter` };
    }
    if (!LITERAL.test(part))
      return { ok: false, reason: `segment "${part}" has characters no front door routes on` };
    segments.push({ kind: 'literal', value: part });
  }
  return { ok: true, segments };
}

export function formatSegments(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments
    .map((s) => (s.kind === 'literal' ? s.value : s.kind === 'param' ? `{${s.name}}` : `{${s.name}+}`))
    .map((s) => '/' + s)
    .join('');
}

/** The path with parameter names erased: `/users/{}/files/{+}`; two templates with the same shape collide. */
export function pathShape(segments: readonly Segment[]): string {
  if (segments.length === 0) return '/';
  return segments
    .map((s) => '/' + (s.kind === 'literal' ? s.value : s.kind === 'param' ? '{}' : '{+}'))
    .join('');
}

export function pathParamNames(segments: readonly Segment[]): string[] {
  return segments.flatMap((s) => (s.kind === 'literal' ? [] : [s.name]));
}

/** Joins a base path and a template path: `/v1` + `/users` = `/v1/users`. */
export function joinBasePath(basePath: string, path: string): string {
  const base = basePath.replace(/\/+$/, '');
  if (base === '' || base === '/') return path;
  return path === '/' ? base : base + path;
}
