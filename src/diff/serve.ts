import { compareMatches, matchTemplate, requestSegments } from '../model/paths.js';
import type { Route, RouteModel } from '../model/types.js';

/**
 * Which operation of a model a request is meant for, by the spec alone (method + path
 * template), independent of any front door. A literal segment beats a mixed one
 * (`{Sid}.json`), which beats a parameter, which beats a greedy tail; an explicit method
 * beats ANY. This is the "served by an operation" test the classification rests on.
 */
export function operationFor(model: RouteModel, method: string, apiPath: string): Route | undefined {
  const parts = requestSegments(apiPath);
  let best: { route: Route; score: number[] } | undefined;
  for (const route of model.routes) {
    if (route.method !== method && route.method !== 'ANY') continue;
    const score = matchTemplate(route.segments, parts);
    if (!score) continue;
    score.push(route.method === 'ANY' ? 0 : 1);
    if (!best || compareMatches(score, best.score) > 0) best = { route, score };
  }
  return best?.route;
}
