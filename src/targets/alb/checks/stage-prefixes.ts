/** GP216: path-prefix stages that share a prefix; the compiler serves the first by name there. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import { compareText } from '../../../util/order.js';

export function stagePrefixes(model: RouteModel): Diagnostic[] {
  if (model.alb.stageMode !== 'path') return [];
  const stages = Object.values(model.stages);
  const byPrefix = new Map<string, string[]>();
  for (const s of stages)
    byPrefix.set(s.pathPrefix ?? '', [...(byPrefix.get(s.pathPrefix ?? '') ?? []), s.name]);
  return [...byPrefix].flatMap(([prefix, names]) => {
    if (names.length < 2) return [];
    // The compiler keeps a request for the destination whose key sorts first: the first stage by name.
    const sorted = [...names].sort(compareText);
    const where = stages.find((s) => s.name === sorted[1])!.where;
    return [
      diagnostic('GP216', where, { stages: sorted.join(', '), prefix: prefix || '/', winner: sorted[0]! }),
    ];
  });
}
