import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import type { GatewayRoutes } from '../gateway-routes.js';
import { PARAMETER_NAME } from '../operation.js';

/** GP130: REST path variables are method request parameters, so they must be valid parameter names. */
export function pathParameterNames(_model: RouteModel, gateway: GatewayRoutes): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { route, segments } of gateway.routes) {
    for (const segment of segments) {
      if (segment.kind !== 'literal' && !PARAMETER_NAME.test(segment.name))
        out.push(
          diagnostic('GP130', route.where, { name: segment.name, route: routeLabel(route) }, route.id),
        );
    }
  }
  return out;
}
