/** Shared wording for the checks: where API-wide findings point, and how routes are listed. */
import type { Where } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';

/** Routes named in one finding before "and N more". */
const LIST_LIMIT = 8;

/** API-wide ALB findings point at the root `x-gateplan`. */
export function rootWhere(model: RouteModel): Where {
  return { file: model.source.file, pointer: '/x-gateplan' };
}

/** Route ids as the spec writes them (`GET /users/{id}`), sorted, the first eight. */
export function routeList(model: RouteModel, ids: string[]): string {
  const byId = new Map(model.routes.map((r) => [r.id, r]));
  const labels = [...new Set(ids)].sort().map((id) => {
    const route = byId.get(id);
    return route ? routeLabel(route) : id;
  });
  if (labels.length <= LIST_LIMIT) return labels.join(', ');
  return `${labels.slice(0, LIST_LIMIT).join(', ')} and ${labels.length - LIST_LIMIT} more`;
}

export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
