import { compareText } from '../util/order.js';
import type { Route } from './types.js';

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
