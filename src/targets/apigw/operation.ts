import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { routeLabel } from '../../model/routes.js';
import type { Param, Route } from '../../model/types.js';
import { byEntryKey } from '../../util/order.js';
import type { GatewayRoute } from './gateway-routes.js';
import { PARAMETER_NAME } from './variable-names.js';

/** Parts of an OpenAPI 3.0 operation both API Gateway documents write the same way. */

/** The path-item key for a route's method (`ANY` is API Gateway's any-method extension). */
export function methodKey(route: Route): string {
  return route.method === 'ANY' ? 'x-amazon-apigateway-any-method' : route.method.toLowerCase();
}

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);

/** API Gateway keeps only name, in, required and a primitive type of a parameter. */
function simpleSchema(param: Param): Record<string, unknown> {
  const type = param.schema?.type;
  return { type: typeof type === 'string' && PRIMITIVES.has(type) ? type : 'string' };
}

/**
 * Path parameters come from the path template (so each `{x}` is declared exactly once);
 * query and header parameters from the spec. Cookie parameters, and names REST rejects, are
 * not declared.
 */
export function operationParameters(
  gateway: Pick<GatewayRoute, 'route' | 'segments'>,
  diagnostics: Diagnostic[],
): Record<string, unknown>[] {
  const route = gateway.route;
  const out: Record<string, unknown>[] = [];
  for (const segment of gateway.segments) {
    if (segment.kind === 'literal') continue;
    out.push({ name: segment.name, in: 'path', required: true, schema: { type: 'string' } });
  }
  const seen = new Set<string>();
  for (const param of route.params) {
    if (param.in === 'path') continue;
    if (param.in === 'cookie' || !PARAMETER_NAME.test(param.name)) {
      diagnostics.push(
        diagnostic(
          'GP105',
          route.where,
          { in: param.in, name: param.name, route: routeLabel(route) },
          route.id,
        ),
      );
      continue;
    }
    const key = `${param.in}:${param.name.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      name: param.name,
      in: param.in,
      required: param.required,
      schema: simpleSchema(param),
      ...(param.description ? { description: param.description } : {}),
    });
  }
  return out;
}

/** Declared status codes (3-digit only; API Gateway maps integration responses onto them). */
export function operationResponses(
  route: Route,
  extra: Map<string, string[]> = new Map(),
): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    if (/^[1-5]\d\d$/.test(status)) out[status] = { description: response.description || 'Response' };
  }
  for (const [status, headers] of extra) {
    const response = out[status] ?? { description: 'Response' };
    if (headers.length)
      response.headers = Object.fromEntries(headers.map((h) => [h, { schema: { type: 'string' } }]));
    out[status] = response;
  }
  if (Object.keys(out).length === 0) out['200'] = { description: 'OK' };
  return Object.fromEntries(Object.entries(out).sort(byEntryKey));
}

/** operationIds only when unique in the model (a duplicate would fail validation). */
export function uniqueOperationIds(routes: Route[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of routes) if (r.operationId) counts.set(r.operationId, (counts.get(r.operationId) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n === 1).map(([id]) => id));
}

export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(byEntryKey));
}
