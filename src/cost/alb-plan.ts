import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { RouteModel } from '../model/types.js';
import { compileAlb } from '../targets/alb/compile.js';
import { albBehindApiModel } from '../model/topology.js';
import { albFacts, type AlbFacts } from './alb-facts.js';
import { quotaLimit } from '../targets/quotas.js';

/**
 * Compiles the ALB plan for the model, so the rule count the bill uses is the one that
 * deploys. The plan's own findings belong to `lint --target alb`; here only "the count may be
 * off" matters.
 */
export function albPlanFacts(model: RouteModel): {
  facts: AlbFacts;
  /** The ALB of the HTTP API + ALB topology, compiled the way `--for apigw+alb` renders it. */
  behindApi: AlbFacts;
  diagnostics: Diagnostic[];
} {
  const plan = compileAlb(model);
  const ruleQuota = quotaLimit(model, 'albRules');
  const facts = albFacts(plan, ruleQuota);
  const behindApi = albFacts(compileAlb(albBehindApiModel(model)), ruleQuota);
  const rules = facts.listeners.reduce((sum, l) => sum + l.rules, 0);
  // At the first error, so the warning leads to what lint --target alb would explain.
  const error = plan.diagnostics.find((d) => d.severity === 'error');
  const diagnostics = error ? [diagnostic('GP603', error.where, { rules })] : [];
  return { facts, behindApi, diagnostics };
}
