import type { CostReport } from '../cost/estimate.js';
import type { FrontDoor } from '../cost/options.js';
import { renderMessage, type Diagnostic } from '../model/diagnostics/diagnostic.js';
import type { RouteModel } from '../model/types.js';

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

/**
 * API Gateway default quotas (API Gateway developer guide, "Quotas"): per API, and the
 * account-wide steady request rate shared by every API in the Region.
 */
const APIGW = { resources: 300, routes: 300, stages: 10, authorizers: 10, accountRps: 10_000 };

/** The quotas each front door would use for this spec, and the targets' own quota findings. */
export function quotaLines(model: RouteModel, findings: Diagnostic[], cost: CostReport): QuotaReport {
  const rps = cost.requestsPerSecond;
  const stages = Object.keys(model.stages).length;
  const authorizers = new Set(
    model.routes.flatMap((r) => (r.auth ?? []).flatMap((a) => a.schemes.map((s) => s.name))),
  ).size;
  const lines: QuotaLine[] = [];
  const add = (door: FrontDoor, quota: string, used: number, limit: number) =>
    lines.push({ door, quota, used: Math.round(used * 100) / 100, limit, binds: used > limit });
  add('apigw-rest', 'resources per API', restResources(model), APIGW.resources);
  add('apigw-http', 'routes per API', model.routes.length, APIGW.routes);
  for (const door of ['apigw-rest', 'apigw-http'] as const) {
    add(door, 'stages per API', stages, APIGW.stages);
    add(door, 'authorizers per API', authorizers, APIGW.authorizers);
    add(door, 'account requests/s (average of the profile)', rps, APIGW.accountRps);
  }
  return {
    lines,
    findings: findings.map((d) => ({ message: renderMessage(d), binds: d.severity === 'error' })),
  };
}

/** A REST API has one resource per distinct path prefix, the root included. */
function restResources(model: RouteModel): number {
  const prefixes = new Set<string>(['/']);
  for (const route of model.routes) {
    let path = '';
    for (const s of route.segments) {
      path += '/' + (s.kind === 'literal' ? s.value : s.kind === 'param' ? '{}' : '{+}');
      prefixes.add(path);
    }
  }
  return prefixes.size;
}
