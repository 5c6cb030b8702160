import { child } from '../../model/document.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import { compareText } from '../../util/order.js';
import { QUOTA_NAMES, quotaLimit, raisedQuotaDiagnostic, type QuotaKey } from '../quotas.js';
import { claimSubtrees } from './claims.js';
import type { ApiKind, GatewayRoute, GatewayRoutes } from './gateway-routes.js';
import { apiUsage, splitApi, type ApiPart } from './split.js';

/** The APIs one API Gateway target deploys for a model: one, or a split under a custom domain. */
export interface ApiLayout {
  /** Sorted by base path; one part with base path '' when the API is not split. */
  parts: ApiPart[];
  split: boolean;
  /** Route id → the part and gateway route serving it. */
  servedBy: Map<string, { part: ApiPart; gateway: GatewayRoute }>;
  diagnostics: Diagnostic[];
}

const QUOTA: Record<ApiKind, { key: QuotaKey; unit: string; label: string }> = {
  rest: { key: 'restResources', unit: 'resources', label: 'REST' },
  http: { key: 'httpRoutes', unit: 'routes', label: 'HTTP' },
};

/** Most prefixes a finding names before it says how many more there are. */
const LISTED = 6;

/**
 * Fits the gateway routes into APIs within the quota (declared raised, or AWS's default): one
 * API when they fit; else a split by path prefix (`split.ts`), where an API still over the
 * quota serves whole subtrees with greedy routes (`claims.ts`). A split needs API mappings on
 * a regional custom domain (multi-level mappings need one), so other endpoint types stop
 * with GP141.
 */
export function layoutApi(model: RouteModel, gateway: GatewayRoutes, api: ApiKind): ApiLayout {
  const { key, unit, label } = QUOTA[api];
  const limit = quotaLimit(model, key);
  const where = child({ file: model.source.file, pointer: '' }, 'paths');
  const diagnostics: Diagnostic[] = [];
  const usage = apiUsage(gateway.routes, 0, api);
  const single = (): ApiLayout => {
    const part: ApiPart = { basePath: '', mapped: 0, routes: gateway.routes };
    return { parts: [part], split: false, servedBy: servedByOf([part]), diagnostics };
  };
  if (usage <= limit) {
    const raised = raisedQuotaDiagnostic(model, key, usage, where, `the ${label} API`);
    if (raised) diagnostics.push(raised);
    return single();
  }
  const args = { api: label, count: usage, unit, limit, quota: QUOTA_NAMES[key], key };
  if (model.endpoint.type !== 'regional') {
    diagnostics.push(diagnostic('GP141', where, { ...args, endpoint: model.endpoint.type }));
    return single();
  }
  const parts = splitApi(gateway, api, limit).map((p) => fit(model, p, api, limit, diagnostics, where));
  const prefixes = parts.map((p) => p.basePath || '(none)');
  diagnostics.push(
    diagnostic('GP139', where, {
      ...args,
      parts: parts.length,
      prefixes: listed(prefixes),
    }),
  );
  for (const p of parts) {
    const raised = raisedQuotaDiagnostic(
      model,
      key,
      apiUsage(p.routes, p.mapped, api),
      where,
      apiName(label, p),
    );
    if (raised) diagnostics.push(raised);
  }
  return { parts, split: true, servedBy: servedByOf(parts), diagnostics };
}

/** A part over the quota claims subtrees, or is reported (GP101 / GP102) as it is. */
function fit(
  model: RouteModel,
  p: ApiPart,
  api: ApiKind,
  limit: number,
  diagnostics: Diagnostic[],
  where: { file: string; pointer: string },
): ApiPart {
  const { key, unit, label } = QUOTA[api];
  const usage = apiUsage(p.routes, p.mapped, api);
  if (usage <= limit) return p;
  const claimed = claimSubtrees(model, p, api, limit);
  if (!claimed) {
    diagnostics.push(
      diagnostic(api === 'rest' ? 'GP101' : 'GP102', where, { api: apiName(label, p), count: usage, limit }),
    );
    return p;
  }
  const operations = claimed.claims.reduce((n, c) => n + c.routes.length, 0);
  diagnostics.push(
    diagnostic('GP140', claimed.claims[0]!.routes[0]!.route.where, {
      api: p.basePath || '(none)',
      count: operations,
      prefixes: listed(claimed.claims.map((c) => c.prefix)),
      limit,
      unit,
      quota: QUOTA_NAMES[key],
      key,
    }),
  );
  return claimed.part;
}

function apiName(label: string, p: ApiPart): string {
  return p.basePath ? `the ${label} API at /${p.basePath}` : `the ${label} API`;
}

function listed(items: string[]): string {
  const sorted = [...items].sort(compareText);
  const more = sorted.length > LISTED ? ` and ${sorted.length - LISTED} more` : '';
  return sorted.slice(0, LISTED).join(', ') + more;
}

function servedByOf(parts: ApiPart[]): ApiLayout['servedBy'] {
  const out: ApiLayout['servedBy'] = new Map();
  for (const part of parts)
    for (const g of part.routes)
      for (const route of [g.route, ...g.alsoServes]) out.set(route.id, { part, gateway: g });
  return out;
}

/** Route id → gateway route, for every operation the served gateway routes serve (merged and claimed ones too). */
export function servedRoutes(part: ApiPart, served: Set<GatewayRoute>): Map<string, GatewayRoute> {
  const out = new Map<string, GatewayRoute>();
  for (const g of part.routes)
    if (served.has(g)) for (const r of [g.route, ...g.alsoServes]) out.set(r.id, g);
  return out;
}

/** The API's name: the spec's title, with the base path of a split's part. */
export function apiTitle(model: RouteModel, part: ApiPart): string {
  return part.basePath ? `${model.api.title} /${part.basePath}` : model.api.title;
}
