/**
 * What the ALB plan tells the user, one check per code (as oasdiff's check_*.go and
 * Spectral's rules): each reads the model and the finished plan and returns its findings.
 */
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan } from '../plan.js';
import { authAlternatives } from './auth-alternatives.js';
import { authOnGrpc } from './auth-on-grpc.js';
import { cors } from './cors.js';
import { forwardWidth } from './forward-width.js';
import { listenerPortUnused } from './listener-port-unused.js';
import { listenerPorts } from './listener-ports.js';
import { patternLength } from './pattern-length.js';
import { raisedRuleQuota } from './raised-rule-quota.js';
import { regexValues } from './regex-values.js';
import { restOnlyIntegrations } from './rest-only-integrations.js';
import { ruleLimits } from './rule-limits.js';
import { ruleQuota } from './rule-quota.js';
import { stageEmulation } from './stage-emulation.js';
import { stageHosts } from './stage-hosts.js';
import { stagePrefixes } from './stage-prefixes.js';
import { stageQuotas } from './stage-quotas.js';
import { targetGroupQuota } from './target-group-quota.js';
import { throttles } from './throttles.js';
import { unenforcedAuth } from './unenforced-auth.js';
import { unreachableBackends } from './unreachable-backends.js';
import { usage } from './usage.js';

export type Check = (model: RouteModel, plan: AlbPlan) => Diagnostic[];

/** Every ALB check by the code it reports. GP217 (the verifier) is the compiler's own. */
export const ALB_CHECKS = {
  GP200: ruleQuota,
  GP201: unenforcedAuth,
  GP202: cors,
  GP203: stageEmulation,
  GP204: throttles,
  GP205: unreachableBackends,
  GP206: regexValues,
  GP207: stageHosts,
  GP208: forwardWidth,
  GP209: patternLength,
  GP210: authAlternatives,
  GP211: targetGroupQuota,
  GP212: usage,
  GP213: authOnGrpc,
  GP214: ruleLimits,
  GP215: stageQuotas,
  GP216: stagePrefixes,
  GP218: listenerPorts,
  GP219: listenerPortUnused,
  GP138: raisedRuleQuota,
  GP154: restOnlyIntegrations,
} as const satisfies Record<string, Check>;

export function checkPlan(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  return Object.values(ALB_CHECKS).flatMap((check) => check(model, plan));
}
