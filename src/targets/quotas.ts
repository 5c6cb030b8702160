import { diagnostic, type Diagnostic, type Where } from '../diagnostics/diagnostic.js';
import type { RaisedQuotas, RouteModel } from '../model/types.js';

/** AWS's default for each adjustable quota gateplan plans within. */
export const DEFAULT_QUOTAS: Required<RaisedQuotas> = { restResources: 300, httpRoutes: 300, albRules: 100 };

export type QuotaKey = keyof RaisedQuotas;

/** Each quota as AWS's Service Quotas console names it. */
export const QUOTA_NAMES: Record<QuotaKey, string> = {
  restResources: 'Resources per API (REST)',
  httpRoutes: 'Routes per API (HTTP)',
  albRules: 'Rules per Application Load Balancer',
};

/** The limit a deployment must stay within: the raised quota when declared, else AWS's default. */
export function quotaLimit(model: RouteModel, key: QuotaKey): number {
  return Math.max(model.quotas?.[key] ?? DEFAULT_QUOTAS[key], DEFAULT_QUOTAS[key]);
}

/**
 * GP138: the deployment needs more than AWS's default but fits the raised quota declared in
 * `quotas:`, so it deploys only in an account where AWS has raised it.
 */
export function raisedQuotaDiagnostic(
  model: RouteModel,
  key: QuotaKey,
  used: number,
  where: Where,
  subject: string,
): Diagnostic | undefined {
  if (used <= DEFAULT_QUOTAS[key] || used > quotaLimit(model, key)) return undefined;
  return diagnostic('GP138', where, {
    quota: QUOTA_NAMES[key],
    key,
    used,
    limit: quotaLimit(model, key),
    default: DEFAULT_QUOTAS[key],
    subject,
  });
}
