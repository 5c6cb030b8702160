import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import type { ApiKind, GatewayRoutes } from '../gateway-routes.js';

/**
 * GP113 / GP114: API Gateway's integration timeout bounds (50 ms to 29 s on REST, 30 s on HTTP);
 * a regional or private REST API can go over 29 s only after a quota raise.
 */
export function timeouts(model: RouteModel, _gateway: GatewayRoutes, api: ApiKind): Diagnostic[] {
  const out: Diagnostic[] = [];
  const max = api === 'rest' ? 29_000 : 30_000;
  for (const route of model.routes) {
    const t = route.timeoutMs;
    if (t === undefined) continue;
    const args = {
      timeoutMs: t,
      route: routeLabel(route),
      api: api === 'rest' ? 'REST' : 'HTTP',
      min: 50,
      max,
    };
    if (
      t < 50 ||
      (api === 'http' && t > max) ||
      (api === 'rest' && model.endpoint.type === 'edge' && t > max)
    ) {
      out.push(diagnostic('GP113', route.where, args, route.id));
    } else if (api === 'rest' && t > max) {
      out.push(diagnostic('GP114', route.where, args, route.id));
    }
  }
  return out;
}
