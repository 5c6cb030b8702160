/** GP202: routes that declare CORS, which ALB does not answer. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { rootWhere, routeList } from './lists.js';

export function cors(model: RouteModel): Diagnostic[] {
  const routes = model.routes.filter((r) => r.cors);
  if (routes.length === 0) return [];
  return [
    diagnostic('GP202', rootWhere(model), {
      count: routes.length,
      routes: routeList(
        model,
        routes.map((r) => r.id),
      ),
    }),
  ];
}
