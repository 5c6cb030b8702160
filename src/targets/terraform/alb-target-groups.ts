/** Target groups of the ALB plan, as `alb.tf.hbs` renders them. */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import type { AlbTargetGroup } from '../alb/plan.js';
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

/** `aws_lb_target_group` arguments for the target-group attributes CloudFormation sets by key. */
const TG_ARGUMENTS: Record<string, { name: string; type: 'number' | 'bool' | 'string' }> = {
  'load_balancing.algorithm.type': { name: 'load_balancing_algorithm_type', type: 'string' },
  'load_balancing.algorithm.anomaly_mitigation': {
    name: 'load_balancing_anomaly_mitigation',
    type: 'string',
  },
  'load_balancing.cross_zone.enabled': { name: 'load_balancing_cross_zone_enabled', type: 'string' },
  'deregistration_delay.timeout_seconds': { name: 'deregistration_delay', type: 'string' },
  'slow_start.duration_seconds': { name: 'slow_start', type: 'number' },
  'lambda.multi_value_headers.enabled': { name: 'lambda_multi_value_headers_enabled', type: 'bool' },
  'proxy_protocol_v2.enabled': { name: 'proxy_protocol_v2', type: 'bool' },
  'preserve_client_ip.enabled': { name: 'preserve_client_ip', type: 'string' },
};

/** Attributes rendered as the `stickiness` block instead. */
const STICKINESS_KEYS = /^stickiness\./;

export function targetGroupContext(
  model: RouteModel,
  tg: AlbTargetGroup,
  tfName: string,
  vars: ModuleInterface,
  diagnostics: Diagnostic[],
): TargetGroupContext {
  const args: { name: string; value: HclValue }[] = [];
  const sticky: Record<string, string> = {};
  for (const { key, value } of tg.attributes) {
    const known = TG_ARGUMENTS[key];
    if (known) args.push({ name: known.name, value: typed(value, known.type) });
    else if (STICKINESS_KEYS.test(key)) sticky[key] = value;
    else {
      const backend = model.backends[tg.backend];
      diagnostics.push(
        diagnostic('GP303', backend?.where ?? { file: model.source.file, pointer: '' }, {
          key,
          backend: tg.backend,
        }),
      );
    }
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

function typed(value: string, type: 'number' | 'bool' | 'string'): HclValue {
  if (type === 'number') return Number(value);
  if (type === 'bool') return value === 'true';
  return value;
}
