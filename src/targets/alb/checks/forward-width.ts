/** GP208: forward actions over ALB's 5 target groups (a route's A/B split with a stage canary). */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { ALB_QUOTAS, type AlbPlan } from '../plan.js';
import { ruleSubject } from './rule-subject.js';

export function forwardWidth(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  return plan.listeners.flatMap((l) =>
    l.rules.flatMap((rule) => {
      const terminal = rule.actions.terminal;
      if (terminal.type !== 'forward' || terminal.targets.length <= ALB_QUOTAS.targetGroupsPerAction)
        return [];
      const { where, name, id } = ruleSubject(model, rule);
      return [
        diagnostic(
          'GP208',
          where,
          {
            route: name,
            count: terminal.targets.length,
            stage: rule.stages.join(', '),
            quota: ALB_QUOTAS.targetGroupsPerAction,
          },
          id,
        ),
      ];
    }),
  );
}
