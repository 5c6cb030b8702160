/** Target groups of the ALB plan, as `alb.tf.hbs` renders them. */
import type { AlbTargetGroup, StickinessAttributeKey, TargetGroupAttributeKey } from '../alb/plan.js';
import type { HclExpr, HclValue } from './hcl.js';
import type { ModuleInterface } from './module.js';
import { byKey } from '../../util/order.js';

export interface TargetGroupContext {
  tfName: string;
  backend: string;
  name: string;
  targetType: string;
  protocol?: string;
  port?: number;
  protocolVersion?: string;
  vpcId?: HclExpr;
  /** Target-group attributes that are arguments of `aws_lb_target_group`, by argument name. */
  arguments: { name: string; value: HclValue }[];
  healthCheck: {
    /** Lambda target groups check health only when the backend asks for it. */
    enabled: boolean;
    path?: string;
    protocol?: string;
    interval?: number;
    timeout?: number;
    healthyThreshold?: number;
    unhealthyThreshold?: number;
    matcher?: string;
  };
  stickiness?: { type: string; enabled: boolean; cookieDuration?: number; cookieName?: string };
  tags: Record<string, string>;
}

/**
 * The `aws_lb_target_group` argument of each attribute the ALB plan sets, stickiness aside (its
 * own block). Total over the plan's keys, so an attribute the plan gains fails the typecheck
 * here until it has an argument: none is left out of the rendered module.
 */
const TG_ARGUMENTS: Record<
  Exclude<TargetGroupAttributeKey, StickinessAttributeKey>,
  { name: string; type: 'number' | 'string' }
> = {
  'load_balancing.algorithm.type': { name: 'load_balancing_algorithm_type', type: 'string' },
  'deregistration_delay.timeout_seconds': { name: 'deregistration_delay', type: 'string' },
  'slow_start.duration_seconds': { name: 'slow_start', type: 'number' },
};

function isStickiness(key: TargetGroupAttributeKey): key is StickinessAttributeKey {
  return key.startsWith('stickiness.');
}

export function targetGroupContext(
  tg: AlbTargetGroup,
  tfName: string,
  vars: ModuleInterface,
): TargetGroupContext {
  const args: { name: string; value: HclValue }[] = [];
  const sticky: Record<string, string> = {};
  for (const { key, value } of tg.attributes) {
    if (isStickiness(key)) sticky[key] = value;
    else args.push({ name: TG_ARGUMENTS[key].name, value: typed(value, TG_ARGUMENTS[key].type) });
  }
  args.sort(byKey((x) => x.name));
  const ctx: TargetGroupContext = {
    tfName,
    backend: tg.backend,
    name: tg.name,
    targetType: tg.targetType,
    arguments: args,
    healthCheck: healthCheckOf(tg),
    tags: tg.tags,
  };
  if (tg.protocol) ctx.protocol = tg.protocol;
  if (tg.port !== undefined) ctx.port = tg.port;
  if (tg.protocolVersion) ctx.protocolVersion = tg.protocolVersion;
  if (tg.targetType !== 'lambda') ctx.vpcId = vars.variable('vpc_id', 'string', 'VPC of the target groups');
  const stickiness = stickinessOf(sticky, tg);
  if (stickiness) ctx.stickiness = stickiness;
  return ctx;
}

function healthCheckOf(tg: AlbTargetGroup): TargetGroupContext['healthCheck'] {
  if (tg.targetType === 'lambda' && tg.health.source === 'default') return { enabled: false };
  return {
    enabled: true,
    path: tg.health.path,
    ...(tg.health.protocol ? { protocol: tg.health.protocol } : {}),
    ...(tg.health.intervalSeconds !== undefined ? { interval: tg.health.intervalSeconds } : {}),
    ...(tg.health.timeoutSeconds !== undefined ? { timeout: tg.health.timeoutSeconds } : {}),
    ...(tg.health.healthyThreshold !== undefined ? { healthyThreshold: tg.health.healthyThreshold } : {}),
    ...(tg.health.unhealthyThreshold !== undefined
      ? { unhealthyThreshold: tg.health.unhealthyThreshold }
      : {}),
    ...(tg.health.matcher !== undefined ? { matcher: tg.health.matcher } : {}),
  };
}

function stickinessOf(attrs: Record<string, string>, tg: AlbTargetGroup): TargetGroupContext['stickiness'] {
  const type = attrs['stickiness.type'] ?? tg.stickiness?.type;
  if (!type) return undefined;
  const enabled = (attrs['stickiness.enabled'] ?? 'true') === 'true';
  const duration = attrs[`stickiness.${type}.duration_seconds`] ?? tg.stickiness?.durationSeconds;
  const cookieName = attrs['stickiness.app_cookie.cookie_name'] ?? tg.stickiness?.cookieName;
  return {
    type,
    enabled,
    ...(duration !== undefined ? { cookieDuration: Number(duration) } : {}),
    ...(cookieName !== undefined ? { cookieName } : {}),
  };
}

function typed(value: string, type: 'number' | 'string'): HclValue {
  return type === 'number' ? Number(value) : value;
}
