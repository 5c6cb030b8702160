/** GP209: path values longer than ALB's 128 characters. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { ALB_QUOTAS, type AlbPlan } from '../plan.js';
import { ruleSubject } from './rule-subject.js';

export function patternLength(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  return plan.listeners.flatMap((l) =>
    l.rules.flatMap((rule) =>
      rule.conditions.flatMap((c) => {
        if (c.field !== 'path-pattern') return [];
        return [...(c.values ?? []), ...(c.regexValues ?? [])]
          .filter((v) => v.length > ALB_QUOTAS.patternLength)
          .map((v) => {
            const { where, name, id } = ruleSubject(model, rule);
            return diagnostic(
              'GP209',
              where,
              { route: name, length: v.length, quota: ALB_QUOTAS.patternLength },
              id,
            );
          });
      }),
    ),
  );
}
