/** GP205: backends of a kind ALB cannot forward to (mock is answered directly; S3, Kinesis and kept integrations are not). */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';
import { routeList } from './lists.js';

export function unreachableBackends(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  return Object.entries(plan.gaps.unreachable).flatMap(([name, ids]) => {
    const backend = model.backends[name];
    if (!backend) return [];
    return [
      diagnostic('GP205', backend.where, {
        backend: name,
        kind: backend.target.kind,
        count: ids.length,
        routes: routeList(model, ids),
      }),
    ];
  });
}
