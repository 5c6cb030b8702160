import type { RouteModel } from '../../model/types.js';
import type { RouteForm } from '../route-form.js';

/** ALB matches each route's template as written (mixed segments as anchored regexes). */
export function albRouteForms(model: RouteModel): Map<string, RouteForm> {
  return new Map(
    model.routes.map((route) => [route.id, { route: `${route.method} ${route.path}`, notes: [] }]),
  );
}
