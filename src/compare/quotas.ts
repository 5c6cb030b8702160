import type { CostReport } from '../cost/estimate.js';
import type { FrontDoor } from '../cost/options.js';
import { renderMessage, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RouteModel } from '../model/types.js';
import { gatewayRoutes } from '../targets/apigw/gateway-routes.js';
import { layoutApi } from '../targets/apigw/layout.js';
import { apiUsage } from '../targets/apigw/split.js';
import { doorRoutes } from '../targets/door-routes.js';
import { quotaLimit } from '../targets/quotas.js';

export interface QuotaLine {
  door: FrontDoor;
  quota: string;
  used: number;
  limit: number;
  /** Over the default: deploying needs a quota increase (or is impossible). */
  binds: boolean;
}

export interface QuotaReport {
  lines: QuotaLine[];
  /** Quota findings the targets emitted, as their messages. */
  findings: { message: string; binds: boolean }[];
}

/** API Gateway's account-wide steady request rate per Region, shared by every API (default). */
const APIGW_ACCOUNT_RPS = 10_000;

/**
 * The per-API quotas each API Gateway door would use for this spec, counted the way its target
 * counts them, the account request rate at the profile's volume, and the targets' own quota
 * findings (ALB rule usage, anything over a default).
 */
export function quotaLines(model: RouteModel, findings: Diagnostic[], cost: CostReport): QuotaReport {
  const lines: QuotaLine[] = [];
  const add = (door: FrontDoor, quota: string, used: number, limit: number) =>
    lines.push({ door, quota, used: Math.round(used * 100) / 100, limit, binds: used > limit });
  for (const [door, api, quota, key] of [
    ['apigw-rest', 'rest', 'resources per API', 'restResources'],
    ['apigw-http', 'http', 'routes per API', 'httpRoutes'],
  ] as const) {
    // What the largest API uses once the target has split the API (or the one API, unsplit),
    // over the routes the door serves: those gateplan.yaml leaves out of it take no quota.
    const served = doorRoutes(model, door).model;
    const layout = layoutApi(served, gatewayRoutes(served, api), api);
    const used = Math.max(...layout.parts.map((p) => apiUsage(p.routes, p.mapped, api)));
    const label = layout.split ? `${quota} (largest of ${layout.parts.length} APIs)` : quota;
    add(door, label, used, quotaLimit(model, key));
  }
  for (const door of ['apigw-rest', 'apigw-http'] as const) {
    add(door, 'account requests/s (profile average)', cost.requestsPerSecond, APIGW_ACCOUNT_RPS);
  }
  return {
    lines,
    findings: findings.map((d) => ({ message: renderMessage(d), binds: d.severity === 'error' })),
  };
}
