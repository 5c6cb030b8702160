/**
 * GP218: two listeners of a full stack on one port. A stage without `listenerPort` takes
 * 443, so every further listener per stage needs a declared port; the finding names the
 * stage whose port to set: the last by name of those that take the port by default, else
 * the last by name.
 */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { child } from '../../../model/document.js';
import type { RouteModel } from '../../../model/types.js';
import { listenerPort, listenerPortKey, REDIRECT_PORT } from '../listener-ports.js';
import type { AlbPlan } from '../plan.js';
import { compareText } from '../../../util/order.js';

const REDIRECT = 'the HTTP redirect listener';

export function listenerPorts(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  if (plan.stack !== 'full') return [];
  const byPort = new Map<number, string[]>();
  for (const listener of plan.listeners) {
    const port = listenerPort(listener, 'HTTPS');
    byPort.set(port, [...(byPort.get(port) ?? []), listener.name]);
  }
  const out: Diagnostic[] = [];
  for (const [port, stages] of [...byPort].sort(([a], [b]) => a - b)) {
    const redirect = port === REDIRECT_PORT;
    if (stages.length + (redirect ? 1 : 0) < 2) continue;
    stages.sort(compareText);
    const declared = (name: string) => model.alb.listenerPorts?.[name] === port;
    const stage = stages.filter((n) => !declared(n)).at(-1) ?? stages.at(-1)!;
    const where = model.stages[stage]!.where;
    const names = redirect ? [...stages, REDIRECT] : stages;
    out.push(
      diagnostic('GP218', declared(stage) ? child(where, 'listenerPort') : where, {
        listeners: `${stages.length > 1 ? 'stages' : 'stage'} ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`,
        port,
        stage,
        key: listenerPortKey(stage),
      }),
    );
  }
  return out;
}
