import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import { primaryBackendName } from '../route-backend.js';

/** GP106: API Gateway cannot split a route's traffic by weight; it goes to the heaviest backend. */
export function weightedRoutes(model: RouteModel): Diagnostic[] {
  return model.routes
    .filter((route) => 'weighted' in route.backend && route.backend.weighted.length > 1)
    .map((route) =>
      diagnostic(
        'GP106',
        route.where,
        { route: routeLabel(route), backend: primaryBackendName(route) },
        route.id,
      ),
    );
}
