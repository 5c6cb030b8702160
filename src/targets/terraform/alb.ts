import { shortHash } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import type { AlbActions, AlbListener, AlbPlan, AlbRule } from '../alb/plan.js';
import {
  actionContexts,
  conditionContext,
  type ActionContext,
  type ConditionContext,
} from './alb-actions.js';
import { targetGroupContext, type TargetGroupContext } from './alb-target-groups.js';
import { wafContext, type WafContext } from './alb-waf.js';
import { expr, tfName as snake, type HclExpr, type HclValue } from './hcl.js';
import type { ModuleInterface } from './module.js';
import { kebab, uniqueTfNames } from './names.js';
import { fallbackRule } from '../alb/cloudformation.js';
import { listenerPort } from '../alb/listener-ports.js';

/** TLS 1.3 with 1.2 fallback, the policy the CloudFormation stack defaults to. */
const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/**
 * The context of `alb.tf.hbs`: the compiled ALB plan with Terraform names and references
 * filled in. Nothing is decided here that the plan has not decided.
 */
export interface AlbContext {
  /** True when the module creates the load balancer and its listeners. */
  full: boolean;
  loadBalancer?: {
    name: string;
    internal: HclValue;
    subnets: HclExpr;
    securityGroups: HclExpr;
    tags: Record<string, string>;
    /** An HTTP listener on port 80 that redirects to HTTPS (not behind a VPC link). */
    redirectHttp: boolean;
  };
  listeners: ListenerContext[];
  rules: RuleContext[];
  targetGroups: TargetGroupContext[];
  lambdaTargets: { tfName: string; targetGroupArn: HclExpr; functionArn: HclValue; permission: string }[];
  ipTargets: { tfName: string; targetGroupArn: HclExpr; ip: string; port: number }[];
  lambdaPermissions: { tfName: string; statementId: string; functionName: HclValue; sourceArn: HclExpr }[];
  waf?: WafContext;
}

/** The load balancer's subnets and security groups, which a VPC link to it also sits in. */
export function loadBalancerNetwork(vars: ModuleInterface): { subnets: HclExpr; securityGroups: HclExpr } {
  return {
    subnets: vars.variable(
      'subnet_ids',
      'list(string)',
      'Subnets of the load balancer (at least two Availability Zones)',
    ),
    securityGroups: vars.variable(
      'security_group_ids',
      'list(string)',
      'Security groups of the load balancer',
    ),
  };
}

export interface ListenerContext {
  tfName: string;
  port: number;
  protocol: string;
  certificateArn?: HclExpr;
  sslPolicy?: HclExpr;
  defaultActions: ActionContext[];
}

export interface RuleContext {
  tfName: string;
  /** The route ids the rule serves. */
  routes: string[];
  /** One line for the comment above the block: the routes, or what a fallback rule catches. */
  summary: string;
  listenerArn: HclExpr;
  priority: number;
  conditions: ConditionContext[];
  actions: ActionContext[];
  transforms: { type: string; regex: string; replace: string }[];
}

export interface AlbRenderOptions {
  /** The "both" topology: the load balancer is internal, reached through a VPC link. */
  internal: boolean;
}

export function albContext(
  model: RouteModel,
  plan: AlbPlan,
  vars: ModuleInterface,
  options: AlbRenderOptions,
): AlbContext {
  const full = plan.stack === 'full' || options.internal;
  const tgNames = uniqueTfNames(plan.targetGroups.map((t) => t.backend));
  const tgArn = (backend: string) => expr(`aws_lb_target_group.${tgNames.get(backend) ?? 'missing'}.arn`);
  const listenerNames = uniqueTfNames(plan.listeners.map((l) => l.name));
  const actionsOf = (actions: AlbActions) => actionContexts(actions, tgArn, vars);

  const listenerArn = (listener: AlbListener): HclExpr => {
    const name = listenerNames.get(listener.name)!;
    if (full) return expr(`aws_lb_listener.${name}.arn`);
    if (plan.listeners.length === 1)
      return vars.variable('listener_arn', 'string', 'ARN of the ALB listener the rules are added to');
    return vars.variable(
      `listener_arn_${name}`,
      'string',
      `ARN of the ALB listener for ${listener.stages.join(', ') || listener.name}`,
    );
  };

  const ctx: AlbContext = {
    full,
    listeners: [],
    rules: [],
    targetGroups: plan.targetGroups.map((tg) => targetGroupContext(tg, tgNames.get(tg.backend)!, vars)),
    lambdaTargets: [],
    ipTargets: [],
    lambdaPermissions: [],
  };

  if (full) {
    ctx.loadBalancer = {
      name: `${kebab(model.api.title)}`.slice(0, 32).replace(/-+$/, '') || 'gateplan',
      internal: options.internal
        ? true
        : vars.variable('internal', 'bool', 'Whether the load balancer is internal', { default: false }),
      ...loadBalancerNetwork(vars),
      tags: { 'gateplan:api': model.api.title },
      redirectHttp: !options.internal,
    };
    ctx.listeners = options.internal
      ? privateListeners(plan, listenerNames, actionsOf)
      : httpsListeners(plan, listenerNames, actionsOf, vars);
  }

  for (const listener of plan.listeners) {
    const arn = listenerArn(listener);
    // On a listener gateplan does not own, the plan's default action becomes a last rule.
    const rules = full ? listener.rules : [...listener.rules, fallbackRule(model, listener)];
    for (const rule of rules) ctx.rules.push(ruleContext(rule, ruleTfName(listener, rule), arn, actionsOf));
  }

  for (const permission of plan.lambdaPermissions) {
    const name = tgNames.get(permission.backend)!;
    const fn = permission.parameter
      ? vars.variable(snake(permission.parameter.name), 'string', permission.parameter.description)
      : permission.functionArn;
    ctx.lambdaPermissions.push({
      tfName: `alb_${name}`,
      statementId: `AllowAlb-${name}`,
      functionName: fn,
      sourceArn: tgArn(permission.backend),
    });
    ctx.lambdaTargets.push({
      tfName: name,
      targetGroupArn: tgArn(permission.backend),
      functionArn: fn,
      permission: `alb_${name}`,
    });
  }
  for (const tg of plan.targetGroups)
    for (const target of tg.ipTargets ?? [])
      ctx.ipTargets.push({
        tfName: tgNames.get(tg.backend)!,
        targetGroupArn: tgArn(tg.backend),
        ip: target.ip,
        port: target.port,
      });
  for (const tg of plan.targetGroups)
    vars.output(
      `target_group_arn_${tgNames.get(tg.backend)!}`,
      `Target group of backend ${tg.backend}`,
      tgArn(tg.backend),
    );
  if (full) {
    vars.output('load_balancer_dns_name', 'DNS name of the load balancer', expr('aws_lb.this.dns_name'));
    vars.output('load_balancer_arn', 'ARN of the load balancer', expr('aws_lb.this.arn'));
  }

  if (plan.waf && plan.waf.rules.length > 0) ctx.waf = wafContext(model, plan.waf.rules, full, vars);
  return ctx;
}

type ActionsOf = (a: AlbActions) => ActionContext[];

function httpsListeners(
  plan: AlbPlan,
  names: Map<string, string>,
  actionsOf: ActionsOf,
  vars: ModuleInterface,
): ListenerContext[] {
  const sslPolicy = vars.variable('ssl_policy', 'string', 'TLS policy of the HTTPS listeners', {
    default: DEFAULT_SSL_POLICY,
  });
  const certificate = vars.variable(
    'certificate_arn',
    'string',
    'ACM certificate ARN for the HTTPS listener',
  );
  return plan.listeners.map((l) => ({
    tfName: names.get(l.name)!,
    port: listenerPort(l, 'HTTPS'),
    protocol: 'HTTPS',
    certificateArn: certificate,
    sslPolicy,
    defaultActions: actionsOf(l.defaultAction),
  }));
}

/**
 * Behind a VPC link the listener speaks plain HTTP: HTTP API private integrations use HTTP
 * unless given a TLS configuration, and the traffic stays inside the VPC.
 */
function privateListeners(
  plan: AlbPlan,
  names: Map<string, string>,
  actionsOf: ActionsOf,
): ListenerContext[] {
  return plan.listeners.map((l) => ({
    tfName: names.get(l.name)!,
    port: listenerPort(l, 'HTTP'),
    protocol: 'HTTP',
    defaultActions: actionsOf(l.defaultAction),
  }));
}

/**
 * `get_v2_books_1a2b3c`: the first route the rule serves, for the reader, and a hash of the
 * rule's identity (the plan's stable name, within its listener when stages have their own),
 * which keeps rules that share a first route apart.
 */
function ruleTfName(listener: AlbListener, rule: AlbRule): string {
  const main = listener.name === 'main';
  const identity = main ? rule.name : `${listener.name}:${rule.name}`;
  const readable = snake(`${main ? '' : `${listener.name} `}${rule.routes[0] ?? rule.name}`).slice(0, 48);
  return `${readable}_${shortHash(identity, 6)}`;
}

function ruleContext(
  rule: AlbRule,
  tfName: string,
  listenerArn: HclExpr,
  actionsOf: (a: AlbActions) => ActionContext[],
): RuleContext {
  return {
    tfName,
    routes: rule.routes,
    summary: rule.routes.length ? rule.routes.join(', ') : 'requests no other rule matches',
    listenerArn,
    priority: rule.priority,
    conditions: rule.conditions.map(conditionContext),
    actions: actionsOf(rule.actions),
    transforms: rule.transforms.map((t) => ({ type: t.type, regex: t.regex, replace: t.replace })),
  };
}
