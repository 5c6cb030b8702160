/** GP207: host-header stages without a host, which cannot be told apart. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';

export function stageHosts(model: RouteModel): Diagnostic[] {
  const stages = Object.values(model.stages);
  if (model.alb.stageMode !== 'host' || stages.length < 2) return [];
  return stages.flatMap((s) => (s.host ? [] : [diagnostic('GP207', s.where, { stage: s.name })]));
}
