import type { CostReport } from '../cost/estimate.js';
import type { FrontDoor } from '../cost/options.js';
import { renderMessage, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RouteModel } from '../model/types.js';
import { HTTP_ROUTE_QUOTA, REST_RESOURCE_QUOTA, restResourceCount } from '../targets/apigw/blockers.js';
import { gatewayRoutes } from '../targets/apigw/gateway-routes.js';

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
  add(
    'apigw-rest',
    'resources per API',
    restResourceCount(gatewayRoutes(model, 'rest')),
    REST_RESOURCE_QUOTA,
  );
  add('apigw-http', 'routes per API', gatewayRoutes(model, 'http').routes.length, HTTP_ROUTE_QUOTA);
  for (const door of ['apigw-rest', 'apigw-http'] as const) {
    add(door, 'account requests/s (profile average)', cost.requestsPerSecond, APIGW_ACCOUNT_RPS);
  }
  return {
    lines,
    findings: findings.map((d) => ({ message: renderMessage(d), binds: d.severity === 'error' })),
  };
}
