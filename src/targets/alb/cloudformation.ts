/**
 * The AlbPlan as a CloudFormation template. Two shapes:
 *  - `listener-rules` (default): rules, target groups and WAF for an existing listener,
 *    given as the `ListenerArn` parameter (one per stage when stages have listeners);
 *  - `full`: also the load balancer, an HTTPS listener per stage group and an HTTP listener
 *    that redirects to HTTPS.
 * On an existing listener gateplan cannot change the default action, so the plan's default
 * becomes a last rule (priority 50000) matching every path of the API's hosts.
 */
import { pascalId, shortHash } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import type {
  AlbActions,
  AlbAuthAction,
  AlbCondition,
  AlbListener,
  AlbPlan,
  AlbRateLimit,
  AlbRule,
  AlbTargetGroup,
} from './plan.js';
import { ALB_QUOTAS } from './plan.js';
import { listenerPort, REDIRECT_PORT } from './listener-ports.js';
import { sortKeys } from '../../util/order.js';
import { fitBytes } from '../cfn-text.js';
import { yamlText } from '../../format/yaml.js';

type Template = Record<string, unknown>;
type Parameters = Record<string, Record<string, unknown>>;

/** TLS 1.3 with 1.2 fallback: AWS's recommended policy for new HTTPS listeners. */
const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export function targetGroupLogicalId(backend: string): string {
  return `TargetGroup${pascalId(backend, 40)}${shortHash(backend, 6)}`;
}

/**
 * Listener rules are keyed by priority, not by name: a priority is unique on a listener, so
 * one logical id per priority makes every deploy update rules in place. A rule renamed by a
 * spec change (it now serves one more route) keeps its priority and so its resource, where a
 * name-derived id would have CloudFormation create the new rule while the old one still holds
 * the priority ("PriorityInUse"). The rule's name and routes travel in its Metadata for review.
 */
export function ruleLogicalId(rule: AlbRule, listener: AlbListener): string {
  return `Rule${listener.name === 'main' ? '' : pascalId(listener.name, 20)}P${rule.priority}`;
}

function listenerParameter(listener: AlbListener): string {
  return listener.name === 'main' ? 'ListenerArn' : `ListenerArn${pascalId(listener.name, 40)}`;
}

function listenerLogicalId(listener: AlbListener): string {
  return listener.name === 'main' ? 'HttpsListener' : `HttpsListener${pascalId(listener.name, 40)}`;
}

/** The rule that stands in for the listener's default action on a listener gateplan does not own. */
export function fallbackRule(model: RouteModel, listener: AlbListener): AlbRule {
  const hosts =
    model.alb.stageMode === 'host'
      ? listener.stages.flatMap((name) => (model.stages[name]?.host ? [model.stages[name]!.host!] : []))
      : [];
  const conditions: AlbCondition[] = [];
  if (hosts.length && hosts.length <= ALB_QUOTAS.valuesPerCondition)
    conditions.push({ field: 'host-header', values: hosts });
  conditions.push({ field: 'path-pattern', values: ['/*'] });
  return {
    name: 'Fallback',
    priority: ALB_QUOTAS.maxPriority,
    conditions,
    actions: listener.defaultAction,
    transforms: [],
    routes: [],
    stages: listener.stages,
  };
}

export function renderTemplate(model: RouteModel, plan: AlbPlan): string {
  const parameters: Parameters = {};
  const resources: Record<string, unknown> = {};
  const outputs: Record<string, unknown> = {};
  const full = plan.stack === 'full';
  const needsVpc = plan.targetGroups.some((tg) => tg.targetType !== 'lambda');
  if (needsVpc || full) {
    parameters.VpcId = { Type: 'AWS::EC2::VPC::Id', Description: 'VPC of the IP and instance target groups' };
  }

  if (full) {
    Object.assign(parameters, {
      Subnets: {
        Type: 'List<AWS::EC2::Subnet::Id>',
        Description: 'At least two subnets in different Availability Zones',
      },
      SecurityGroups: {
        Type: 'List<AWS::EC2::SecurityGroup::Id>',
        Description: 'Security groups of the load balancer',
      },
      Scheme: { Type: 'String', AllowedValues: ['internet-facing', 'internal'], Default: 'internet-facing' },
      CertificateArn: { Type: 'String', Description: 'ACM certificate for the HTTPS listener(s)' },
      SslPolicy: { Type: 'String', Default: DEFAULT_SSL_POLICY },
    });
    resources.LoadBalancer = {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: {
        Type: 'application',
        Scheme: { Ref: 'Scheme' },
        Subnets: { Ref: 'Subnets' },
        SecurityGroups: { Ref: 'SecurityGroups' },
        Tags: [{ Key: 'gateplan:api', Value: model.api.title }],
      },
    };
    resources.HttpRedirectListener = {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'LoadBalancer' },
        Port: REDIRECT_PORT,
        Protocol: 'HTTP',
        DefaultActions: [
          { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
        ],
      },
    };
    outputs.LoadBalancerDnsName = { Value: { 'Fn::GetAtt': ['LoadBalancer', 'DNSName'] } };
  }

  for (const tg of plan.targetGroups) {
    const id = targetGroupLogicalId(tg.backend);
    if (tg.lambdaArn) resources[`${id}InvokePermission`] = lambdaPermission(tg);
    if (tg.lambdaParameter)
      parameters[tg.lambdaParameter.name] = { Type: 'String', Description: tg.lambdaParameter.description };
    resources[id] = targetGroup(tg, id);
    outputs[`${id}Arn`] = { Value: { Ref: id } };
  }

  for (const listener of plan.listeners) {
    const listenerRef = full ? { Ref: listenerLogicalId(listener) } : { Ref: listenerParameter(listener) };
    if (full) {
      resources[listenerLogicalId(listener)] = {
        Type: 'AWS::ElasticLoadBalancingV2::Listener',
        Properties: {
          LoadBalancerArn: { Ref: 'LoadBalancer' },
          Port: listenerPort(listener, 'HTTPS'),
          Protocol: 'HTTPS',
          Certificates: [{ CertificateArn: { Ref: 'CertificateArn' } }],
          SslPolicy: { Ref: 'SslPolicy' },
          DefaultActions: actions(listener.defaultAction, parameters),
        },
      };
    } else {
      parameters[listenerParameter(listener)] = {
        Type: 'String',
        Description: `ARN of the HTTPS listener that serves ${listener.stages.length === 1 ? `stage ${listener.stages[0]}` : `stages ${listener.stages.join(', ')}`}`,
      };
    }
    const rules = full ? listener.rules : [...listener.rules, fallbackRule(model, listener)];
    for (const rule of rules) {
      resources[ruleLogicalId(rule, listener)] = {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Metadata: { gateplan: { rule: rule.name, routes: rule.routes } },
        Properties: {
          ListenerArn: listenerRef,
          Priority: rule.priority,
          Conditions: rule.conditions.map(condition),
          Actions: actions(rule.actions, parameters),
          ...(rule.transforms.length
            ? {
                Transforms: rule.transforms.map((t) => ({
                  Type: 'url-rewrite',
                  UrlRewriteConfig: { Rewrites: [{ Regex: t.regex, Replace: t.replace }] },
                })),
              }
            : {}),
        },
      };
    }
  }

  if (plan.waf) {
    if (!full)
      parameters.LoadBalancerArn = {
        Type: 'String',
        Description: 'ARN of the load balancer the WAF rate limits protect',
      };
    resources.RateLimitWebAcl = webAcl(model, plan.waf.rules);
    resources.RateLimitWebAclAssociation = {
      Type: 'AWS::WAFv2::WebACLAssociation',
      Properties: {
        ResourceArn: full ? { Ref: 'LoadBalancer' } : { Ref: 'LoadBalancerArn' },
        WebACLArn: { 'Fn::GetAtt': ['RateLimitWebAcl', 'Arn'] },
      },
    };
  }

  const template: Template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: fitBytes(description(model, plan)),
    ...(Object.keys(parameters).length ? { Parameters: sortKeys(parameters) } : {}),
    Resources: resources,
    ...(Object.keys(outputs).length ? { Outputs: outputs } : {}),
  };
  return yamlText(template);
}

function description(model: RouteModel, plan: AlbPlan): string {
  const shape =
    plan.stack === 'full'
      ? 'load balancer, HTTPS listener(s) and'
      : 'rules for an existing HTTPS listener, with';
  const waf = plan.waf
    ? ' Throttles are WAF rate-based rules: per client IP over a 60-second window, not API Gateway token buckets.'
    : '';
  return `gateplan: ${model.api.title} ${model.api.version} on an Application Load Balancer: ${shape} target groups.${waf}`;
}

function condition(c: AlbCondition): Record<string, unknown> {
  switch (c.field) {
    case 'path-pattern':
      return {
        Field: c.field,
        PathPatternConfig: c.regexValues ? { RegexValues: c.regexValues } : { Values: c.values },
      };
    case 'host-header':
      return {
        Field: c.field,
        HostHeaderConfig: c.regexValues ? { RegexValues: c.regexValues } : { Values: c.values },
      };
    case 'http-header':
      return { Field: c.field, HttpHeaderConfig: { HttpHeaderName: c.name, Values: c.values } };
    case 'http-request-method':
      return { Field: c.field, HttpRequestMethodConfig: { Values: c.values } };
    case 'query-string':
      return {
        Field: c.field,
        QueryStringConfig: {
          Values: c.values.map((v) => ({ ...(v.key !== undefined ? { Key: v.key } : {}), Value: v.value })),
        },
      };
    case 'source-ip':
      return { Field: c.field, SourceIpConfig: { Values: c.values } };
  }
}

function actions(a: AlbActions, parameters: Parameters): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (a.auth) out.push({ Order: 1, ...authAction(a.auth, parameters) });
  const order = out.length + 1;
  const t = a.terminal;
  if (t.type === 'forward') {
    if (t.targets.length === 1 && !t.stickinessSeconds) {
      out.push({
        Type: 'forward',
        Order: order,
        TargetGroupArn: { Ref: targetGroupLogicalId(t.targets[0]!.backend) },
      });
    } else {
      out.push({
        Type: 'forward',
        Order: order,
        ForwardConfig: {
          TargetGroups: t.targets.map((x) => ({
            TargetGroupArn: { Ref: targetGroupLogicalId(x.backend) },
            Weight: x.weight,
          })),
          ...(t.stickinessSeconds
            ? { TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: t.stickinessSeconds } }
            : {}),
        },
      });
    }
  } else if (t.type === 'fixed-response') {
    out.push({
      Type: 'fixed-response',
      Order: order,
      FixedResponseConfig: { StatusCode: t.statusCode, ContentType: t.contentType, MessageBody: t.body },
    });
  } else {
    out.push({
      Type: 'redirect',
      Order: order,
      RedirectConfig: { Protocol: t.protocol, Port: t.port, StatusCode: t.statusCode },
    });
  }
  return out;
}

/** APIs answer 401 instead of redirecting to a login page (`OnUnauthenticatedRequest: deny`). */
function authAction(auth: AlbAuthAction, parameters: Parameters): Record<string, unknown> {
  const prefix = pascalId(auth.scheme, 40);
  const param = (name: string, description: string, secret = false) => {
    parameters[prefix + name] = {
      Type: 'String',
      Description: description,
      ...(secret ? { NoEcho: true } : {}),
    };
    return { Ref: prefix + name };
  };
  if (auth.type === 'authenticate-cognito') {
    return {
      Type: 'authenticate-cognito',
      AuthenticateCognitoConfig: {
        UserPoolArn: auth.userPoolArn,
        UserPoolClientId:
          auth.clientId ?? param('UserPoolClientId', `Cognito app client of security scheme ${auth.scheme}`),
        UserPoolDomain:
          auth.domain ?? param('UserPoolDomain', `Cognito domain prefix of security scheme ${auth.scheme}`),
        OnUnauthenticatedRequest: 'deny',
      },
    };
  }
  const from = auth.discoveryUrl ? ` (see ${auth.discoveryUrl})` : '';
  return {
    Type: 'authenticate-oidc',
    AuthenticateOidcConfig: {
      Issuer: auth.issuer ?? param('Issuer', `OIDC issuer of ${auth.scheme}${from}`),
      AuthorizationEndpoint:
        auth.authorizationEndpoint ??
        param('AuthorizationEndpoint', `OIDC authorization endpoint of ${auth.scheme}${from}`),
      TokenEndpoint:
        auth.tokenEndpoint ?? param('TokenEndpoint', `OIDC token endpoint of ${auth.scheme}${from}`),
      UserInfoEndpoint:
        auth.userInfoEndpoint ??
        param('UserInfoEndpoint', `OIDC user info endpoint of ${auth.scheme}${from}`),
      ClientId: auth.clientId ?? param('ClientId', `OIDC client id for ${auth.scheme}`),
      ClientSecret: param('ClientSecret', `OIDC client secret for ${auth.scheme}`, true),
      OnUnauthenticatedRequest: 'deny',
    },
  };
}

function targetGroup(tg: AlbTargetGroup, id: string): Record<string, unknown> {
  const lambda = tg.targetType === 'lambda';
  const h = tg.health;
  const healthCheck: Record<string, unknown> = {};
  // Lambda target groups check health only when the backend asks for it.
  if (lambda) healthCheck.HealthCheckEnabled = h.source !== 'default';
  if (!lambda || h.source !== 'default') {
    healthCheck.HealthCheckPath = h.path;
    if (h.intervalSeconds !== undefined) healthCheck.HealthCheckIntervalSeconds = h.intervalSeconds;
    if (h.timeoutSeconds !== undefined) healthCheck.HealthCheckTimeoutSeconds = h.timeoutSeconds;
    if (h.healthyThreshold !== undefined) healthCheck.HealthyThresholdCount = h.healthyThreshold;
    if (h.unhealthyThreshold !== undefined) healthCheck.UnhealthyThresholdCount = h.unhealthyThreshold;
    if (h.matcher !== undefined)
      healthCheck.Matcher = tg.protocolVersion === 'GRPC' ? { GrpcCode: h.matcher } : { HttpCode: h.matcher };
  }
  return {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    ...(lambda ? { DependsOn: [`${id}InvokePermission`] } : {}),
    Properties: {
      TargetType: tg.targetType,
      ...(lambda
        ? {}
        : {
            Protocol: tg.protocol,
            Port: tg.port,
            ...(tg.protocolVersion ? { ProtocolVersion: tg.protocolVersion } : {}),
            VpcId: { Ref: 'VpcId' },
          }),
      ...healthCheck,
      ...(tg.attributes.length
        ? { TargetGroupAttributes: tg.attributes.map((a) => ({ Key: a.key, Value: a.value })) }
        : {}),
      ...(tg.lambdaArn ? { Targets: [{ Id: functionOf(tg) }] } : {}),
      ...(tg.ipTargets ? { Targets: tg.ipTargets.map((t) => ({ Id: t.ip, Port: t.port })) } : {}),
      Tags: Object.entries(tg.tags).map(([Key, Value]) => ({ Key, Value })),
    },
  };
}

/** The group's function: its ARN, or the parameter that supplies it. */
function functionOf(tg: AlbTargetGroup): unknown {
  return tg.lambdaParameter ? { Ref: tg.lambdaParameter.name } : tg.lambdaArn;
}

/**
 * The target group's ARN is not known before it exists, and it cannot register the function
 * before this permission exists, so the permission is scoped to this account's target groups.
 */
function lambdaPermission(tg: AlbTargetGroup): Record<string, unknown> {
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      Action: 'lambda:InvokeFunction',
      FunctionName: functionOf(tg),
      Principal: 'elasticloadbalancing.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: {
        'Fn::Sub':
          'arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:targetgroup/*',
      },
    },
  };
}

function webAcl(model: RouteModel, rules: AlbRateLimit[]): Record<string, unknown> {
  const metric = (name: string) => ({
    SampledRequestsEnabled: true,
    CloudWatchMetricsEnabled: true,
    MetricName: name,
  });
  return {
    Type: 'AWS::WAFv2::WebACL',
    Properties: {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      // WAF allows letters, digits, whitespace and =:#@/-,.+ only (no semicolon).
      Description:
        'gateplan throttles: rate-based rules count requests per client IP over a window, not token buckets',
      VisibilityConfig: metric(`gateplan-${pascalId(model.api.title, 60)}`),
      Rules: rules.map((r, i) => ({
        Name: r.name,
        Priority: i,
        Action: { Block: {} },
        Statement: {
          RateBasedStatement: {
            Limit: r.limit,
            EvaluationWindowSec: r.windowSeconds,
            AggregateKeyType: 'IP',
            ...(r.scope.length ? { ScopeDownStatement: scopeDown(r.scope) } : {}),
          },
        },
        VisibilityConfig: metric(r.name),
      })),
    },
  };
}

const NO_TRANSFORM = [{ Priority: 0, Type: 'NONE' }];

function scopeDown(scope: AlbRateLimit['scope']): Record<string, unknown> {
  const items = scope.map((s) => {
    const parts: Record<string, unknown>[] = [];
    if (s.method) {
      parts.push({
        ByteMatchStatement: {
          FieldToMatch: { Method: {} },
          PositionalConstraint: 'EXACTLY',
          SearchString: s.method,
          TextTransformations: NO_TRANSFORM,
        },
      });
    }
    if (s.pathRegex) {
      parts.push({
        RegexMatchStatement: {
          FieldToMatch: { UriPath: {} },
          RegexString: s.pathRegex,
          TextTransformations: NO_TRANSFORM,
        },
      });
    }
    if (s.host) {
      parts.push({
        ByteMatchStatement: {
          FieldToMatch: { SingleHeader: { Name: 'host' } },
          PositionalConstraint: 'EXACTLY',
          SearchString: s.host.toLowerCase(),
          TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }],
        },
      });
    }
    return parts.length === 1 ? parts[0]! : { AndStatement: { Statements: parts } };
  });
  return items.length === 1 ? items[0]! : { OrStatement: { Statements: items } };
}
