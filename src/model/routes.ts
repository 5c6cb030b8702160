import { compareText } from '../util/order.js';
import type { Route } from './types.js';

/** How a route is named in messages: its method and path as written. */
export function routeLabel(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'ANY'];

/** Routes sort by path, then by method in a conventional order. */
export function compareRoutes(a: Route, b: Route): number {
  if (a.path !== b.path) return compareText(a.path, b.path);
  return METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method);
}
