import { compareText } from '../util/order.js';
import type { Route, RouteModel } from './types.js';

/** How a route is named in messages: its method and path as written (with the query a path key carries). */
export function routeLabel(route: Pick<Route, 'method' | 'path' | 'pathQuery'>): string {
  return `${route.method} ${route.path}${route.pathQuery !== undefined ? `?${route.pathQuery}` : ''}`;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'ANY'];

/** Routes sort by path, then by method in a conventional order. */
export function compareRoutes(a: Route, b: Route): number {
  if (a.path !== b.path) return compareText(a.path, b.path);
  if (a.pathQuery !== b.pathQuery) return compareText(a.pathQuery ?? '', b.pathQuery ?? '');
  return METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);
}

/**
 * A gateplan.yaml `match` that selects exactly this route: its operationId when that is
 * unique, else its method and its path as written under `paths` (glob characters escaped).
 */
export function configSelector(route: Route, model: RouteModel): Record<string, string> {
  if (route.operationId && model.routes.filter((r) => r.operationId === route.operationId).length === 1) {
    return { operationId: route.operationId };
  }
  const base = model.api.basePath;
  const raw = base && route.path.startsWith(base) ? route.path.slice(base.length) || '/' : route.path;
  return { method: route.method, path: globLiteral(raw) };
}

/** A path as a selector glob that matches only itself. */
export function globLiteral(path: string): string {
  return path.replace(/[\\*?[\]()!@+{}]/g, (c) => `\\${c}`);
}

/** A selector as YAML flow text, for a fix or a comment: `{ operationId: "getPet" }`. */
export function selectorText(selector: Record<string, string>): string {
  return `{ ${Object.entries(selector)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
}
