import { routeLabel } from '../../model/routes.js';
import type { RouteModel } from '../../model/types.js';
import type { RouteForm } from '../route-form.js';

/** ALB matches each route's template as written (mixed segments as anchored regexes, a path key's query as a condition). */
export function albRouteForms(model: RouteModel): Map<string, RouteForm> {
  return new Map(model.routes.map((route) => [route.id, { route: routeLabel(route), notes: [] }]));
}
