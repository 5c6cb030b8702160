/** GP212: how full the load balancer is, against the rule and per-rule quotas. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { quotaLimit } from '../../quotas.js';
import { ALB_QUOTAS, type AlbPlan } from '../plan.js';
import { rootWhere } from './lists.js';

export function usage(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const u = plan.usage;
  return [
    diagnostic('GP212', rootWhere(model), {
      rules: u.rules + u.fallbackRules,
      quota: quotaLimit(model, 'albRules'),
      routes: u.routes,
      perRoute: u.rulesPerRoute,
      values: u.maxValuesInRule,
      valueQuota: ALB_QUOTAS.valuesPerRule,
      wildcards: u.maxWildcardsInRule,
      wildcardQuota: ALB_QUOTAS.wildcardsPerRule,
    }),
  ];
}
