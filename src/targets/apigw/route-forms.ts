import { hasErrors } from '../../diagnostics/diagnostic.js';
import { segmentText } from '../../model/paths.js';
import { routeLabel } from '../../model/routes.js';
import type { RouteModel } from '../../model/types.js';
import type { RouteForm } from '../route-form.js';
import { gatewayRoutes, type ApiKind } from './gateway-routes.js';
import { layoutApi } from './layout.js';

/**
 * How an API Gateway API holds each route: the API of a split that serves it, the gateway path
 * after widening and renaming (relative to that API's base path), the route it shares, or the
 * finding that left it out.
 */
export function apigwRouteForms(model: RouteModel, api: ApiKind): Map<string, RouteForm> {
  const gateway = gatewayRoutes(model, api);
  const layout = layoutApi(model, gateway, api);
  const forms = new Map<string, RouteForm>();
  for (const route of model.routes) {
    const placed = layout.servedBy.get(route.id);
    const served = placed?.gateway;
    if (!placed || !served) {
      const why = gateway.diagnostics.find((d) => d.route === route.id && hasErrors([d]));
      forms.set(route.id, { notes: [`left out${why ? ` (${why.code})` : ''}`] });
      continue;
    }
    const notes: string[] = [];
    if (served.claims) notes.push('claimed by a greedy route (GP140)');
    else if (served.route !== route) notes.push(`shares ${routeLabel(served.route)}`);
    const mixed = route.segments.filter((s) => s.kind === 'mixed').map(segmentText);
    if (mixed.length) notes.push(`widened ${mixed.join(', ')}`);
    if (route.pathQuery !== undefined) notes.push(`query ${route.pathQuery} not matched`);
    const held = route.segments.flatMap((s, i) =>
      s.kind === 'literal' && served.segments[i]?.kind !== 'literal' ? [s.value] : [],
    );
    if (held.length) notes.push(`${held.join(', ')} held as a variable`);
    if (served.route === route) for (const r of served.renames) notes.push(`{${r.from}} as {${r.to}}`);
    forms.set(route.id, {
      route: `${route.method} ${served.path}`,
      ...(layout.split ? { api: placed.part.basePath } : {}),
      notes,
    });
  }
  return forms;
}
