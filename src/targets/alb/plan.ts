/**
 * The ALB plan: what `compileAlb` decides, before any output format. CloudFormation
 * (`cloudformation.ts`) and Terraform render it; `match.ts` evaluates its rules the way ALB
 * does. Everything here is plain data in the order it should be emitted.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { HealthCheck, Stickiness } from '../../model/types.js';

/** Default ALB quotas (Elastic Load Balancing user guide, "Quotas for your Application Load Balancers"). */
export const ALB_QUOTAS = {
  /** Rules per load balancer, excluding default rules (adjustable). */
  rulesPerLoadBalancer: 100,
  /** Condition values per rule, summed over its conditions. */
  valuesPerRule: 5,
  /** Match evaluations (values) in one condition. */
  valuesPerCondition: 3,
  /** `*` and `?` per rule, summed over its conditions. */
  wildcardsPerRule: 5,
  /** Target groups in one forward action. */
  targetGroupsPerAction: 5,
  targetGroupsPerLoadBalancer: 100,
  /** Length of one path pattern, host pattern or regex. */
  patternLength: 128,
  maxPriority: 50000,
} as const;

/** One listener-rule condition. `values` and `regexValues` never appear together. */
export type AlbCondition =
  | { field: 'path-pattern'; values?: string[]; regexValues?: string[] }
  | { field: 'host-header'; values?: string[]; regexValues?: string[] }
  | { field: 'http-header'; name: string; values: string[] }
  | { field: 'http-request-method'; values: string[] }
  | { field: 'query-string'; values: { key?: string; value: string }[] }
  | { field: 'source-ip'; values: string[] };

/** A target group in a forward action, named by its backend. Weights are 0–999. */
export interface AlbWeightedTarget {
  backend: string;
  weight: number;
}

/** Auth actions run before the terminal action (HTTPS listeners only). */
export interface AlbCognitoAuth {
  type: 'authenticate-cognito';
  /** The security scheme this comes from. */
  scheme: string;
  userPoolArn: string;
  /** Absent: the stack takes it as a parameter. */
  clientId?: string;
  domain?: string;
}

export interface AlbOidcAuth {
  type: 'authenticate-oidc';
  scheme: string;
  issuer?: string;
  authorizationEndpoint?: string;
  tokenEndpoint?: string;
  userInfoEndpoint?: string;
  clientId?: string;
  /** Where the endpoints can be looked up when absent (the scheme's openIdConnectUrl). */
  discoveryUrl?: string;
}

export type AlbAuthAction = AlbCognitoAuth | AlbOidcAuth;

export type AlbTerminalAction =
  | {
      type: 'forward';
      targets: AlbWeightedTarget[];
      /** Target-group stickiness across a weighted forward, in seconds. */
      stickinessSeconds?: number;
    }
  | { type: 'fixed-response'; statusCode: string; contentType: string; body: string }
  | { type: 'redirect'; protocol: 'HTTPS'; port: string; statusCode: 'HTTP_301' | 'HTTP_302' };

/** What a rule does: optional authentication, then exactly one terminal action. */
export interface AlbActions {
  auth?: AlbAuthAction;
  terminal: AlbTerminalAction;
}

/** ALB `url-rewrite` transform: used to strip a stage's path prefix. */
export interface AlbUrlRewrite {
  type: 'url-rewrite';
  regex: string;
  replace: string;
}

export interface AlbRule {
  /** Stable name (CloudFormation logical id suffix, Terraform block name). */
  name: string;
  /** 1–50000, unique within the listener; lower is evaluated first. */
  priority: number;
  conditions: AlbCondition[];
  actions: AlbActions;
  transforms: AlbUrlRewrite[];
  /** Route ids (`GET /users/{}`) this rule serves; for explain and diff. */
  routes: string[];
  /** Stages this rule serves. */
  stages: string[];
}

export interface AlbListener {
  /** `main`, or the stage name when each stage has its own listener. */
  name: string;
  stages: string[];
  /** The port its stage declares (`stages.<name>.listenerPort`); absent: the protocol's standard port. */
  port?: number;
  /** Sorted by priority. */
  rules: AlbRule[];
  /** What a request that matches no rule gets. */
  defaultAction: AlbActions;
}

/** The stickiness attributes: `aws_lb_target_group` renders them as its `stickiness` block. */
export type StickinessAttributeKey =
  | 'stickiness.enabled'
  | 'stickiness.type'
  | 'stickiness.lb_cookie.duration_seconds'
  | 'stickiness.app_cookie.duration_seconds'
  | 'stickiness.app_cookie.cookie_name';

/**
 * The target-group attributes the plan sets (CloudFormation `TargetGroupAttributes` keys). A
 * closed list, so each target that renders them must say how it renders every one.
 */
export type TargetGroupAttributeKey =
  | 'load_balancing.algorithm.type'
  | 'deregistration_delay.timeout_seconds'
  | 'slow_start.duration_seconds'
  | StickinessAttributeKey;

export interface AlbTargetGroup {
  /** The backend's name: the key forward actions use. */
  backend: string;
  /** ≤32 characters, `[A-Za-z0-9-]`, stable. */
  name: string;
  targetType: 'ip' | 'instance' | 'lambda';
  protocol?: 'HTTP' | 'HTTPS';
  port?: number;
  protocolVersion?: 'HTTP1' | 'HTTP2' | 'GRPC';
  health: HealthCheck & { protocol?: 'HTTP' | 'HTTPS'; source: 'backend' | 'route' | 'default' };
  /** `TargetGroupAttributes` key → value, sorted by key. */
  attributes: { key: TargetGroupAttributeKey; value: string }[];
  stickiness?: Stickiness;
  /** Lambda function registered as the only target. */
  lambdaArn?: string;
  /**
   * The function is supplied at deploy (its spec names it by a template variable): the stack
   * takes its ARN as this parameter instead of `lambdaArn`.
   */
  lambdaParameter?: { name: string; description: string };
  /** IP targets registered with the group: a backend URL whose host is an IPv4 address. */
  ipTargets?: { ip: string; port: number }[];
  /** Always includes `gateplan:backend`. */
  tags: Record<string, string>;
}

export interface AlbLambdaPermission {
  backend: string;
  functionArn: string;
  /** As the target group's `lambdaParameter`. */
  parameter?: { name: string; description: string };
}

/** A WAF rate-based rule: per client IP, counted over a window, not a token bucket. */
export interface AlbRateLimit {
  name: string;
  /** Requests per `windowSeconds` per client IP (WAF minimum 10). */
  limit: number;
  windowSeconds: 60 | 120 | 300 | 600;
  /** The throttle it comes from. */
  rate: number;
  burst: number;
  /** Requests it counts: any of these (method may be absent = any method). */
  scope: { method?: string; pathRegex?: string; host?: string }[];
  routes: string[];
  stages: string[];
}

export interface AlbWaf {
  rules: AlbRateLimit[];
}

/** How full the load balancer is, against the default quotas. */
export interface AlbUsage {
  /** Listener rules compiled from the routes. */
  rules: number;
  /** Rules standing in for the default action on listeners gateplan does not own (listener-rules shape); they count against the quota too. */
  fallbackRules: number;
  routes: number;
  rulesPerRoute: number;
  maxValuesInRule: number;
  maxWildcardsInRule: number;
  regexValues: number;
  targetGroups: number;
}

/** Why a rule's path values are regexes (GP206). */
export interface RegexNote {
  routes: string[];
  reasons: ('parameters' | 'greedy' | 'characters')[];
  /** Regex values in the rule. */
  values: number;
}

/** What the compiler could not give a route the way the spec asks; the checks report it. */
export interface AlbGaps {
  /** Security scheme → routes whose scheme ALB cannot enforce. */
  unenforced: Record<string, string[]>;
  /** Route → the one scheme ALB enforces of the route's several alternatives. */
  alternatives: Record<string, string>;
  /** Backend → routes sent to a backend kind ALB cannot reach. */
  unreachable: Record<string, string[]>;
  /** Route → the authentication dropped in front of an HTTP/2 or gRPC target group. */
  forwardOnly: Record<string, { scheme: string; backend: string; version: string }>;
  /** Route → its kept integration's type and what of it only a REST API runs: the route is not served. */
  restOnly: Record<string, { type: string; what: string }>;
  /** Rules whose path values are regexes, and why. */
  regex: RegexNote[];
}

/** One load balancer of a suggested split: the first path segments it answers. */
export interface AlbShard {
  prefixes: string[];
  rules: number;
  targetGroups: number;
}

/** How an API over a load balancer's quotas would split over several (by first path segment). */
export interface AlbSplit {
  shards: AlbShard[];
  /** Routes under a parameter at the top, which match every prefix: no split by path. */
  unsplittable?: string[];
  /** With `alb.unmatched: default`: the rules `backend` would need. */
  looseRules?: number;
}

export interface AlbPlan {
  stack: 'listener-rules' | 'full';
  stageMode: 'host' | 'path' | 'listener';
  listeners: AlbListener[];
  targetGroups: AlbTargetGroup[];
  lambdaPermissions: AlbLambdaPermission[];
  waf?: AlbWaf;
  usage: AlbUsage;
  gaps: AlbGaps;
  /** Present when the API is over a load balancer's rule or target-group quota. */
  split?: AlbSplit;
  diagnostics: Diagnostic[];
}
