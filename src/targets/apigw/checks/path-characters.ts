import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import { routeLabel } from '../../../model/routes.js';
import type { RouteModel } from '../../../model/types.js';

/** API Gateway's rule for a literal path segment. */
export const GATEWAY_SEGMENT = /^[A-Za-z0-9_.,:-]+$/;

/** GP104: a literal path segment with characters API Gateway rejects. */
export function pathCharacters(model: RouteModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const route of model.routes) {
    for (const segment of route.segments) {
      if (segment.kind === 'literal' && !GATEWAY_SEGMENT.test(segment.value))
        out.push(
          diagnostic('GP104', route.where, { segment: segment.value, route: routeLabel(route) }, route.id),
        );
    }
  }
  return out;
}
