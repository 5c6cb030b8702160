/** GP138: the listener rules fit only the raised quota declared in `quotas.albRules`. */
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { raisedQuotaDiagnostic } from '../../quotas.js';
import type { AlbPlan } from '../plan.js';
import { rootWhere } from './lists.js';

export function raisedRuleQuota(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const total = plan.usage.rules + plan.usage.fallbackRules;
  const raised = raisedQuotaDiagnostic(model, 'albRules', total, rootWhere(model), 'ALB');
  return raised ? [raised] : [];
}
