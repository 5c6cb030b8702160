import type { Route, RouteModel, Segment } from '../model/types.js';

/**
 * Which operation of a model a request is meant for, by the spec alone (method + path
 * template), independent of any front door. A literal segment beats a parameter, which
 * beats a greedy tail; an explicit method beats ANY. This is the "served by an operation"
 * test the classification rests on.
 */
export function operationFor(model: RouteModel, method: string, apiPath: string): Route | undefined {
  const parts = apiPath === '/' ? [] : apiPath.replace(/^\//, '').split('/');
  let best: { route: Route; score: number[] } | undefined;
  for (const route of model.routes) {
    if (route.method !== method && route.method !== 'ANY') continue;
    const score = matchScore(route.segments, parts);
    if (!score) continue;
    score.push(route.method === 'ANY' ? 0 : 1);
    if (!best || compareScores(score, best.score) > 0) best = { route, score };
  }
  return best?.route;
}

/** Per segment 2 literal, 1 param, 0 greedy; undefined when the template does not match. */
function matchScore(segments: readonly Segment[], parts: readonly string[]): number[] | undefined {
  const score: number[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i];
    if (segment.kind === 'greedy') {
      return parts.length > i && parts.slice(i).every((p) => p !== '') ? [...score, 0] : undefined;
    }
    if (part === undefined || part === '') return undefined;
    if (segment.kind === 'literal') {
      if (segment.value !== part) return undefined;
      score.push(2);
    } else {
      score.push(1);
    }
  }
  return parts.length === segments.length ? score : undefined;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
