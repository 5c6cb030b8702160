/** GP211: more target groups than one load balancer may use (100, not adjustable), and the split that fits. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { ALB_QUOTAS, type AlbPlan } from '../plan.js';
import { rootWhere } from './lists.js';
import { splitAdvice } from './split-advice.js';

export function targetGroupQuota(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  if (plan.targetGroups.length <= ALB_QUOTAS.targetGroupsPerLoadBalancer) return [];
  return [
    diagnostic('GP211', rootWhere(model), {
      count: plan.targetGroups.length,
      quota: ALB_QUOTAS.targetGroupsPerLoadBalancer,
      advice: splitAdvice(model, plan, 'target groups'),
    }),
  ];
}
