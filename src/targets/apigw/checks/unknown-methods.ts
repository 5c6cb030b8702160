import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';

/** Methods API Gateway routes (`ANY` is its any-method extension). */
export const GATEWAY_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'ANY']);

/** GP103: a method API Gateway does not route (TRACE). */
export function unknownMethods(model: RouteModel): Diagnostic[] {
  return model.routes
    .filter((route) => !GATEWAY_METHODS.has(route.method))
    .map((route) =>
      diagnostic('GP103', route.where, { method: route.method, route: routeLabel(route) }, route.id),
    );
}
