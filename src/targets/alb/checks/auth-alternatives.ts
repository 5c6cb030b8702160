/** GP210: routes that accept several security alternatives ALB cannot run as one login: they answer 401. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';

export function authAlternatives(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const byId = new Map(model.routes.map((r) => [r.id, r]));
  return Object.entries(plan.gaps.alternatives).flatMap(([id, alternatives]) => {
    const route = byId.get(id);
    if (!route) return [];
    const schemes = [...new Set(alternatives.split(/ \| | \+ /))].sort();
    return [
      diagnostic(
        'GP210',
        route.where,
        { route: routeLabel(route), alternatives, keys: schemes.map((s) => `auth.${s}`).join(', ') },
        id,
      ),
    ];
  });
}
