/** GP203: how stages are emulated (ALB has none): by host header, path prefix or listener. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { listenerPort } from '../listener-ports.js';
import type { AlbPlan } from '../plan.js';

export function stageEmulation(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const stages = Object.values(model.stages);
  const mode = model.alb.stageMode;
  if (stages.length < 2 && mode === 'host') return [];
  const detail =
    mode === 'host'
      ? stages.map((s) => `${s.name} → host ${s.host ?? '(any)'}`).join(', ')
      : mode === 'path'
        ? stages
            .map((s) => `${s.name} → ${s.pathPrefix ?? '/'} (stripped by a url-rewrite transform)`)
            .join(', ')
        : plan.listeners
            .map((l) =>
              plan.stack === 'full'
                ? `${l.name} → its own listener, port ${listenerPort(l, 'HTTPS')}`
                : `${l.name} → its own listener`,
            )
            .join(', ');
  return [
    diagnostic('GP203', stages[0]!.where, {
      count: stages.length,
      mode: mode === 'host' ? 'host header' : mode === 'path' ? 'path prefix' : 'listener',
      detail,
    }),
  ];
}
