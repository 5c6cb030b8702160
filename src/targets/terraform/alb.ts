import { diagnostic, type Diagnostic } from '../../model/diagnostics/diagnostic.js';
import { pascalId, shortHash } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import type {
  AlbActions,
  AlbCondition,
  AlbListener,
  AlbPlan,
  AlbRateLimit,
  AlbRule,
  AlbTargetGroup,
} from '../alb/plan.js';
import { expr, tfName as snake, type HclExpr, type HclValue } from './hcl.js';
import type { ModuleInterface } from './module.js';
import { uniqueTfNames } from './names.js';
import { fallbackRule } from '../alb/cloudformation.js';

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
  lambdaTargets: { tfName: string; targetGroupArn: HclExpr; functionArn: string; permission: string }[];
  lambdaPermissions: { tfName: string; statementId: string; functionName: string; sourceArn: HclExpr }[];
  waf?: WafContext;
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

export interface ConditionContext {
  pathPattern?: { values?: string[]; regexValues?: string[] };
  hostHeader?: { values?: string[]; regexValues?: string[] };
  httpHeader?: { name: string; values: string[] };
  httpRequestMethod?: { values: string[] };
  queryString?: { key?: string; value: string }[];
  sourceIp?: { values: string[] };
}

export interface ActionContext {
  type: string;
  order?: number;
  targetGroupArn?: HclExpr;
  forward?: {
    targetGroups: { arn: HclExpr; weight: number }[];
    stickiness?: { enabled: boolean; duration: number };
  };
  fixedResponse?: { contentType: string; messageBody: string; statusCode: string };
  redirect?: { protocol: string; port: string; statusCode: string };
  /** APIs answer 401 rather than redirect to a login page: `on_unauthenticated_request = "deny"`. */
  authenticateCognito?: {
    userPoolArn: string;
    userPoolClientId: HclValue;
    userPoolDomain: HclValue;
    onUnauthenticatedRequest: string;
  };
  authenticateOidc?: {
    issuer: HclValue;
    authorizationEndpoint: HclValue;
    tokenEndpoint: HclValue;
    userInfoEndpoint: HclValue;
    clientId: HclValue;
    clientSecret: HclExpr;
    onUnauthenticatedRequest: string;
  };
}

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

export interface WafContext {
  name: string;
  metricName: string;
  associate: HclExpr;
  rules: {
    name: string;
    priority: number;
    limit: number;
    windowSeconds: number;
    routes: string[];
    scopeDown?: WafStatement;
  }[];
}

/** A WAF statement tree: one matcher, or `and`/`or` of statements. */
export interface WafStatement {
  byteMatch?: { searchString: string; field: 'method' | 'host'; transformation: string };
  regexMatch?: { regex: string };
  and?: WafStatement[];
  or?: WafStatement[];
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

export interface AlbRenderOptions {
  /** The "both" topology: the load balancer is internal, reached through a VPC link. */
  internal: boolean;
}

export function albContext(
  model: RouteModel,
  plan: AlbPlan,
  vars: ModuleInterface,
  options: AlbRenderOptions,
  diagnostics: Diagnostic[],
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
    targetGroups: plan.targetGroups.map((tg) =>
      targetGroupContext(model, tg, tgNames.get(tg.backend)!, vars, diagnostics),
    ),
    lambdaTargets: [],
    lambdaPermissions: [],
  };

  if (full) {
    ctx.loadBalancer = {
      name: `${kebab(model.api.title)}`.slice(0, 32).replace(/-+$/, '') || 'gateplan',
      internal: options.internal
        ? true
        : vars.variable('internal', 'bool', 'Whether the load balancer is internal', { default: false }),
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
    ctx.lambdaPermissions.push({
      tfName: `alb_${name}`,
      statementId: `AllowAlb-${name}`,
      functionName: permission.functionArn,
      sourceArn: tgArn(permission.backend),
    });
    ctx.lambdaTargets.push({
      tfName: name,
      targetGroupArn: tgArn(permission.backend),
      functionArn: permission.functionArn,
      permission: `alb_${name}`,
    });
  }
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
  return plan.listeners.map((l, i) => ({
    tfName: names.get(l.name)!,
    // Stage-per-listener mode gives each stage its own port: 443, 1443, 2443… in stage order.
    port: 443 + i * 1000,
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
  return plan.listeners.map((l, i) => ({
    tfName: names.get(l.name)!,
    port: 80 + i * 1000,
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

function targetGroupContext(
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
  args.sort((a, b) => (a.name < b.name ? -1 : 1));
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

function conditionContext(c: AlbCondition): ConditionContext {
  switch (c.field) {
    case 'path-pattern':
      return { pathPattern: valuesOrRegex(c) };
    case 'host-header':
      return { hostHeader: valuesOrRegex(c) };
    case 'http-header':
      return { httpHeader: { name: c.name, values: c.values } };
    case 'http-request-method':
      return { httpRequestMethod: { values: c.values } };
    case 'query-string':
      return {
        queryString: c.values.map((v) =>
          v.key === undefined ? { value: v.value } : { key: v.key, value: v.value },
        ),
      };
    case 'source-ip':
      return { sourceIp: { values: c.values } };
  }
}

function valuesOrRegex(c: { values?: string[]; regexValues?: string[] }): {
  values?: string[];
  regexValues?: string[];
} {
  return c.regexValues ? { regexValues: c.regexValues } : { values: c.values ?? [] };
}

function actionContexts(
  actions: AlbActions,
  tgArn: (backend: string) => HclExpr,
  vars: ModuleInterface,
): ActionContext[] {
  const out: ActionContext[] = [];
  const auth = actions.auth;
  if (auth?.type === 'authenticate-cognito') {
    const stem = `cognito_${snake(auth.scheme)}`;
    out.push({
      type: 'authenticate-cognito',
      authenticateCognito: {
        userPoolArn: auth.userPoolArn,
        onUnauthenticatedRequest: 'deny',
        userPoolClientId:
          auth.clientId ??
          vars.variable(
            `${stem}_client_id`,
            'string',
            `Cognito app client id for security scheme ${auth.scheme}`,
          ),
        userPoolDomain:
          auth.domain ??
          vars.variable(
            `${stem}_domain`,
            'string',
            `Cognito user pool domain for security scheme ${auth.scheme}`,
          ),
      },
    });
  } else if (auth?.type === 'authenticate-oidc') {
    const stem = `oidc_${snake(auth.scheme)}`;
    const v = (field: string, value: string | undefined, what: string): HclValue =>
      value ??
      vars.variable(
        `${stem}_${field}`,
        'string',
        `OIDC ${what} for security scheme ${auth.scheme}${auth.discoveryUrl ? ` (see ${auth.discoveryUrl})` : ''}`,
      );
    out.push({
      type: 'authenticate-oidc',
      authenticateOidc: {
        issuer: v('issuer', auth.issuer, 'issuer'),
        authorizationEndpoint: v(
          'authorization_endpoint',
          auth.authorizationEndpoint,
          'authorization endpoint',
        ),
        tokenEndpoint: v('token_endpoint', auth.tokenEndpoint, 'token endpoint'),
        userInfoEndpoint: v('user_info_endpoint', auth.userInfoEndpoint, 'user info endpoint'),
        clientId: v('client_id', auth.clientId, 'client id'),
        onUnauthenticatedRequest: 'deny',
        clientSecret: vars.variable(
          `${stem}_client_secret`,
          'string',
          `OIDC client secret for security scheme ${auth.scheme}`,
          {
            sensitive: true,
          },
        ),
      },
    });
  }
  const t = actions.terminal;
  if (t.type === 'forward') {
    const single = t.targets.length === 1 && t.stickinessSeconds === undefined;
    out.push(
      single
        ? { type: 'forward', targetGroupArn: tgArn(t.targets[0]!.backend) }
        : {
            type: 'forward',
            forward: {
              targetGroups: t.targets.map((x) => ({ arn: tgArn(x.backend), weight: x.weight })),
              ...(t.stickinessSeconds !== undefined
                ? { stickiness: { enabled: true, duration: t.stickinessSeconds } }
                : {}),
            },
          },
    );
  } else if (t.type === 'fixed-response') {
    out.push({
      type: 'fixed-response',
      fixedResponse: { contentType: t.contentType, messageBody: t.body, statusCode: t.statusCode },
    });
  } else {
    out.push({
      type: 'redirect',
      redirect: { protocol: t.protocol, port: t.port, statusCode: t.statusCode },
    });
  }
  // ALB runs actions by `order`; it is only needed when authentication comes first.
  if (out.length > 1) out.forEach((a, i) => (a.order = i + 1));
  return out;
}

function wafContext(
  model: RouteModel,
  rules: AlbRateLimit[],
  full: boolean,
  vars: ModuleInterface,
): WafContext {
  return {
    name: `${kebab(model.api.title) || 'gateplan'}-rate-limits`,
    metricName: `gateplan-${pascalId(model.api.title, 60)}`,
    associate: full
      ? expr('aws_lb.this.arn')
      : vars.variable('load_balancer_arn', 'string', 'ARN of the load balancer the WAF rate limits protect'),
    rules: rules.map((r, i) => ({
      name: r.name,
      // WAF needs unique priorities; the plan lists its rate rules in their evaluation order.
      priority: i,
      limit: r.limit,
      windowSeconds: r.windowSeconds,
      routes: r.routes,
      ...(scopeDown(r) ? { scopeDown: scopeDown(r)! } : {}),
    })),
  };
}

function scopeDown(rule: AlbRateLimit): WafStatement | undefined {
  const entries = rule.scope
    .map((s) => {
      const parts: WafStatement[] = [];
      if (s.method)
        parts.push({ byteMatch: { searchString: s.method, field: 'method', transformation: 'NONE' } });
      if (s.pathRegex) parts.push({ regexMatch: { regex: s.pathRegex } });
      if (s.host)
        parts.push({
          byteMatch: { searchString: s.host.toLowerCase(), field: 'host', transformation: 'LOWERCASE' },
        });
      return parts.length === 1 ? parts[0]! : parts.length > 1 ? { and: parts } : undefined;
    })
    .filter((s): s is WafStatement => s !== undefined);
  if (entries.length === 0 || entries.length < rule.scope.length) return undefined;
  return entries.length === 1 ? entries[0] : { or: entries };
}

function kebab(text: string): string {
  return snake(text).replace(/_/g, '-');
}
