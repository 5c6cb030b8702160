/** GP154: routes served by an API Gateway integration whose request or response mapping only a REST API runs. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { child } from '../../../model/document.js';
import { configSelector, routeLabel, selectorText } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';

export function restOnlyIntegrations(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const byId = new Map(model.routes.map((r) => [r.id, r]));
  return Object.entries(plan.gaps.restOnly).flatMap(([id, n]) => {
    const route = byId.get(id);
    if (!route) return [];
    const selector = selectorText(configSelector(route, model));
    return [
      diagnostic(
        'GP154',
        child(route.where, 'x-amazon-apigateway-integration'),
        { route: routeLabel(route), ...n, selector },
        id,
      ),
    ];
  });
}
