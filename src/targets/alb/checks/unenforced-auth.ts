/** GP201: security schemes ALB cannot enforce (API keys, IAM, HTTP basic, OAuth 2, JWT, Lambda). */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';
import { routeList } from './lists.js';

export function unenforcedAuth(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  return Object.entries(plan.gaps.unenforced).flatMap(([scheme, ids]) => {
    const named = model.auth[scheme];
    if (!named) return [];
    return [
      diagnostic('GP201', named.where, {
        scheme,
        kind: named.scheme.kind,
        count: ids.length,
        routes: routeList(model, ids),
      }),
    ];
  });
}
