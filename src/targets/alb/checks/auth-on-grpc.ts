/** GP213: routes whose authentication ALB drops because their HTTP/2 or gRPC target group allows only forwarding. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';

export function authOnGrpc(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const byId = new Map(model.routes.map((r) => [r.id, r]));
  return Object.entries(plan.gaps.forwardOnly).flatMap(([id, n]) => {
    const route = byId.get(id);
    return route ? [diagnostic('GP213', route.where, { route: routeLabel(route), ...n }, id)] : [];
  });
}
