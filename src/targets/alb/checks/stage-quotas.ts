/** GP215: stage request quotas, which ALB cannot enforce. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { child } from '../../../model/document.js';
import type { RouteModel } from '../../../model/types.js';
import { compareText } from '../../../util/order.js';

export function stageQuotas(model: RouteModel): Diagnostic[] {
  return Object.values(model.stages)
    .sort((a, b) => compareText(a.name, b.name))
    .flatMap((stage) =>
      stage.quota
        ? [
            diagnostic('GP215', child(stage.where, 'quota'), {
              stage: stage.name,
              limit: stage.quota.limit,
              period: stage.quota.period.toLowerCase(),
            }),
          ]
        : [],
    );
}
