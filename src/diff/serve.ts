import { indexRoutes, type RouteIndex } from '../model/precedence.js';
import type { Route, RouteModel } from '../model/types.js';

const indexes = new WeakMap<RouteModel, RouteIndex>();

/**
 * Which operation of a model a request is meant for, by the spec alone (method + path
 * template), independent of any front door: the most specific template that declares the
 * method, ANY counting for every method (`model/precedence.ts`, method-first). This is the
 * "served by an operation" test the classification rests on. A path key's query
 * (`/responses?beta=true`) takes the requests that carry it.
 */
export function operationFor(
  model: RouteModel,
  method: string,
  apiPath: string,
  query: Record<string, string> = {},
): Route | undefined {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = indexRoutes(model.routes)));
  const text = Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return index.owner(method, apiPath, { query: text });
}
