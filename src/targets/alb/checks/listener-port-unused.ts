/** GP219: a stage declares a listener port, but stages do not get listeners of their own. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { child } from '../../../model/document.js';
import type { RouteModel } from '../../../model/types.js';
import { byEntryKey } from '../../../util/order.js';
import { listenerPortKey } from '../listener-ports.js';

export function listenerPortUnused(model: RouteModel): Diagnostic[] {
  if (model.alb.stageMode === 'listener') return [];
  return Object.entries(model.alb.listenerPorts ?? {})
    .sort(byEntryKey)
    .flatMap(([stage, port]) => {
      const where = model.stages[stage]?.where;
      if (!where) return [];
      return [
        diagnostic('GP219', child(where, 'listenerPort'), {
          stage,
          port,
          mode: model.alb.stageMode,
          key: listenerPortKey(stage),
        }),
      ];
    });
}
