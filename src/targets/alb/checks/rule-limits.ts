/** GP214: rules over ALB's per-rule quotas (5 condition values, 5 wildcards, 3 values per condition). */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { ALB_QUOTAS, type AlbPlan } from '../plan.js';
import { conditionValues, valueCount, wildcardsIn } from '../rule-size.js';
import { ruleSubject } from './rule-subject.js';

export function ruleLimits(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  return plan.listeners.flatMap((l) =>
    l.rules.flatMap((rule) => {
      const values = valueCount(rule);
      const wildcards = wildcardsIn(rule);
      const perCondition = Math.max(0, ...rule.conditions.map(conditionValues));
      if (
        values <= ALB_QUOTAS.valuesPerRule &&
        wildcards <= ALB_QUOTAS.wildcardsPerRule &&
        perCondition <= ALB_QUOTAS.valuesPerCondition
      )
        return [];
      const { where, name, id } = ruleSubject(model, rule);
      return [
        diagnostic(
          'GP214',
          where,
          {
            route: name,
            values,
            wildcards,
            valueQuota: ALB_QUOTAS.valuesPerRule,
            wildcardQuota: ALB_QUOTAS.wildcardsPerRule,
          },
          id,
        ),
      ];
    }),
  );
}
