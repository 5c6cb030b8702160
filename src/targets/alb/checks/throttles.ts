/** GP204: throttles, which become WAF rate-based rules counted per client IP. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';
import { WAF_WINDOW_SECONDS } from '../waf.js';
import { rootWhere } from './lists.js';

export function throttles(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  if (!plan.waf) return [];
  const detail = plan.waf.rules.map((r) => `${r.name}: ${r.limit} per ${r.windowSeconds}s`).join(', ');
  const where =
    model.routes.find((r) => r.throttle)?.where ??
    Object.values(model.stages).find((s) => s.throttle)?.where ??
    rootWhere(model);
  return [diagnostic('GP204', where, { count: plan.waf.rules.length, window: WAF_WINDOW_SECONDS, detail })];
}
