/** Which route a per-rule finding names and points at: the rule's first route. */
import type { Where } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbRule } from '../plan.js';
import { rootWhere } from './lists.js';

export function ruleSubject(model: RouteModel, rule: AlbRule): { where: Where; name: string; id?: string } {
  const route = model.routes.find((r) => r.id === rule.routes[0]);
  if (!route) return { where: rootWhere(model), name: rule.routes[0] ?? rule.name };
  return { where: route.where, name: routeLabel(route), id: route.id };
}
