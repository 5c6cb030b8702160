/**
 * GP200: more listener rules than one load balancer may hold (every listener's rules count
 * against the one quota; a raised quota declared in `quotas.albRules` counts). Says how many
 * are needed and what would fit: a split by path prefix over several load balancers
 * (plan.split), the other `alb.unmatched` mode, or a raised quota.
 */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { quotaLimit } from '../../quotas.js';
import type { AlbPlan } from '../plan.js';
import { rootWhere } from './lists.js';
import { splitAdvice } from './split-advice.js';

export function ruleQuota(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const total = plan.usage.rules + plan.usage.fallbackRules;
  const quota = quotaLimit(model, 'albRules');
  if (total <= quota) return [];
  const loose =
    plan.split?.looseRules !== undefined
      ? `with x-gateplan.alb.unmatched: backend the API needs ${plan.split.looseRules} rules; `
      : '';
  return [
    diagnostic('GP200', rootWhere(model), {
      rules: total,
      quota,
      advice: loose + splitAdvice(model, plan, 'rules'),
    }),
  ];
}
