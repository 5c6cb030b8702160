import { hasMixedSegment } from '../../model/paths.js';
import type { RouteModel } from '../../model/types.js';
import type { RouteForm } from '../route-form.js';

/** ALB matches each route's template as written, except those it refuses for now (GP134). */
export function albRouteForms(model: RouteModel): Map<string, RouteForm> {
  return new Map(
    model.routes.map((route) => [
      route.id,
      hasMixedSegment(route.segments)
        ? { notes: ['left out (GP134)'] }
        : { route: `${route.method} ${route.path}`, notes: [] },
    ]),
  );
}
