import type { Diagnostic, SeverityOverrides, Where } from '../diagnostics/diagnostic.js';

/** HTTP methods an OpenAPI operation can carry. */
export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
/** `ANY` comes from `x-amazon-apigateway-any-method`: every method not declared explicitly. */
export type RouteMethod = HttpMethod | 'ANY';

/** One segment of a path template: `/users/{id}/{proxy+}` is literal, param, greedy. */
export type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string }
  /** `{name+}`: one or more segments, always last. */
  | { kind: 'greedy'; name: string }
  /**
   * Text and parameters inside one segment: `{Sid}.json`, `{base}...{head}`, `v{version}`.
   * At least one parameter and one text part; two parameters are always separated by text.
   */
  | { kind: 'mixed'; parts: SegmentPart[] };

/** A piece of a mixed segment. */
export type SegmentPart = { kind: 'text'; value: string } | { kind: 'param'; name: string };

export type SourceFormat = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'postman-2.0' | 'postman-2.1';

/** ALB target-group settings a backend may carry; ignored by API Gateway targets. */
export interface TargetGroupSettings {
  targetType?: 'ip' | 'instance' | 'lambda';
  port?: number;
  protocol?: 'HTTP' | 'HTTPS';
  protocolVersion?: 'HTTP1' | 'HTTP2' | 'GRPC';
  health?: HealthCheck;
  algorithm?: 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
  stickiness?: Stickiness;
  deregistrationDelaySeconds?: number;
  slowStartSeconds?: number;
}

export interface HealthCheck {
  path: string;
  intervalSeconds?: number;
  timeoutSeconds?: number;
  healthyThreshold?: number;
  unhealthyThreshold?: number;
  /** HTTP codes ("200", "200-299") or gRPC codes for GRPC target groups. */
  matcher?: string;
}

export interface Stickiness {
  type: 'lb_cookie' | 'app_cookie';
  durationSeconds?: number;
  /** Required for `app_cookie`. */
  cookieName?: string;
}

/** Where requests for a backend go. The kind decides the integration on each front door. */
export type BackendTarget =
  | { kind: 'http'; url: string; vpcLink?: VpcLinkRef }
  | { kind: 'lambda'; functionArn: string }
  | { kind: 'mock'; statusCode: number; body?: string }
  | { kind: 's3'; bucket: string; key?: string; roleArn?: string; region?: string }
  | { kind: 'kinesis'; streamName: string; roleArn?: string; region?: string }
  /** An integration URI copied from an existing `x-amazon-apigateway-integration`, kept verbatim. */
  | { kind: 'apigw-integration'; integration: Record<string, unknown> };

/** Private integration: API Gateway reaches the backend through a VPC link. */
export interface VpcLinkRef {
  /** VPC link id; when absent the stack takes it as a parameter. */
  id?: string;
  /** HTTP APIs integrate with a load balancer listener ARN (or a parameter when absent). */
  listenerArn?: string;
}

export interface Backend {
  name: string;
  target: BackendTarget;
  targetGroup: TargetGroupSettings;
  where: Where;
}

/** A route sends all its traffic to one backend, or splits it by weight (A/B). */
export type BackendRef = { backend: string } | { weighted: { backend: string; weight: number }[] };

export interface Throttle {
  /** Steady-state requests per second. */
  rate: number;
  /** Token-bucket burst size. */
  burst: number;
}

/** Requests one API key may make per period; API Gateway counts them in a usage plan. */
export interface Quota {
  /** Requests allowed per period. */
  limit: number;
  period: 'DAY' | 'WEEK' | 'MONTH';
  /** Requests subtracted from the limit in the first period only. */
  offset?: number;
}

export interface Cors {
  allowOrigins: string[];
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  allowCredentials: boolean;
  maxAgeSeconds?: number;
}

export interface Canary {
  /** Share of the stage's traffic sent to the canary, 0–100. */
  percent: number;
  /** Backend substitutions for canary traffic: stable backend name → canary backend name. */
  backends: Record<string, string>;
}

export interface Stage {
  name: string;
  /** Host the stage answers on (ALB host-header emulation, custom domains). */
  host?: string;
  /** Path prefix the stage answers under (ALB path-prefix emulation). */
  pathPrefix?: string;
  variables: Record<string, string>;
  throttle?: Throttle;
  /** Per-key request quota; only usage plans (REST APIs with API-key routes) can enforce it. */
  quota?: Quota;
  canary?: Canary;
  where: Where;
}

export type AuthScheme =
  | { kind: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; paramName: string }
  | { kind: 'iam' }
  | { kind: 'cognito'; userPoolArns: string[]; clientId?: string; domain?: string }
  | { kind: 'jwt'; issuer?: string; audience: string[]; identitySource: string }
  | {
      kind: 'oidc';
      openIdConnectUrl?: string;
      issuer?: string;
      authorizationEndpoint?: string;
      tokenEndpoint?: string;
      userInfoEndpoint?: string;
      clientId?: string;
    }
  | {
      kind: 'lambda';
      mode: 'token' | 'request';
      /** Lambda function ARN of the authorizer; a stack parameter when absent. */
      functionArn?: string;
      /** Identity sources as API Gateway REST names (`method.request.header.Authorization`). */
      identitySources: string[];
      resultTtlSeconds?: number;
    }
  | { kind: 'http-basic' }
  | { kind: 'oauth2'; flows: Record<string, unknown> }
  /** Declared only by `auth:` in gateplan.yaml or the root x-gateplan, which says who checks it. */
  | { kind: 'unspecified' };

/** Where a request carries the credential a scheme checks. */
export interface CredentialSource {
  in: 'header' | 'query' | 'cookie';
  name: string;
}

export interface NamedAuthScheme {
  name: string;
  scheme: AuthScheme;
  /**
   * Who checks the credentials: `gateway`, every front door with an authorizer of its own (a
   * door that has none for the scheme leaves its routes out); `backend`, no front door at all:
   * the credentials pass through unchanged (`auth.<scheme>.enforcedBy: backend`).
   */
  enforcedBy: 'gateway' | 'backend';
  /** The header (or query parameter, or cookie) the credential travels in. */
  credential: CredentialSource;
  where: Where;
}

/** One alternative of an OpenAPI `security` list: every scheme in it must pass (AND). */
export interface AuthRequirement {
  schemes: { name: string; scopes: string[] }[];
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** JSON Schema of the value, as written in the spec (refs resolved one level). */
  schema?: Record<string, unknown>;
  description?: string;
}

export interface RequestBody {
  required: boolean;
  /** Media type → schema (named-schema `$ref`s point into RouteModel.schemas) and where it was written. */
  content: Record<string, { schema?: unknown; where: Where }>;
}

export interface ResponseSpec {
  description: string;
  content: Record<string, { schema?: unknown }>;
  headers: string[];
}

/** Extra ALB-style match conditions beyond method and path. */
export interface MatchConditions {
  hosts?: string[];
  headers?: Record<string, string[]>;
  query?: Record<string, string>;
  sourceIps?: string[];
}

/** Request validation on a route: nothing (`false`), the body, the parameters, or both. */
export type RequestValidation = false | 'body' | 'params' | 'all';

/** The front doors a route can be served by (Terraform renders each of them too). */
export const FRONT_DOOR_IDS = ['apigw-rest', 'apigw-http', 'alb'] as const;
export type FrontDoorId = (typeof FRONT_DOOR_IDS)[number];

export interface Route {
  /** Stable identity: METHOD plus the path with parameter names erased, e.g. `GET /users/{}`. */
  id: string;
  method: RouteMethod;
  /** The path template as written, with base path folded in. */
  path: string;
  /**
   * The query a path key carries after its path (`beta=true` of `/responses?beta=true`): the
   * operation is the path's for requests with that query. Its pairs are also in `match.query`
   * (the ALB routes on them; API Gateway cannot), and the route's identity and label include it.
   */
  pathQuery?: string;
  segments: Segment[];
  operationId?: string;
  /** `x-gateplan.name`, used for ids in preference to operationId. */
  name?: string;
  summary?: string;
  tags: string[];
  backend: BackendRef;
  /** `undefined`: no `security` applies. `[]`: explicitly public (`security: []`). */
  auth?: AuthRequirement[];
  throttle?: Throttle;
  timeoutMs?: number;
  /**
   * `x-gateplan.validate`: what API Gateway REST checks before the backend sees a request.
   * Absent: whatever the operation describes (its body schema, its required parameters).
   */
  validate?: RequestValidation;
  cors?: Cors;
  match?: MatchConditions;
  /** Marked by `x-gateplan.health: true`: its path becomes its backend's health check. */
  health?: boolean;
  /**
   * Front doors that do not serve this route (`leaveOutOf`), sorted: each leaves it out as if
   * the spec did not declare it, and says so; the other front doors serve it.
   */
  leftOutOf?: FrontDoorId[];
  params: Param[];
  requestBody?: RequestBody;
  responses: Record<string, ResponseSpec>;
  deprecated: boolean;
  /** An `x-amazon-apigateway-integration` the input already carried on this operation. */
  existingIntegration?: Record<string, unknown>;
  /**
   * The route's backend is the one `existingIntegration` describes, so API Gateway serves it
   * with that integration as written (decided once, in normalize).
   */
  usesExistingIntegration?: true;
  where: Where;
}

/** How the ALB target deploys the API (`x-gateplan.alb`); no other target reads these. */
export interface AlbSettings {
  /** How ALB emulates stages: a host header, a path prefix, or a listener each. */
  stageMode: 'host' | 'path' | 'listener';
  /** ALB stack shape: rules on an existing listener, or a whole load balancer. */
  stack: 'listener-rules' | 'full';
  /**
   * Where ALB sends requests no operation declares: `backend` lets a backend that owns a
   * whole prefix take the rest of it (fewer rules); `default` sends them to the default action.
   */
  unmatched: 'backend' | 'default';
  /**
   * Stage name → the port of its HTTPS listener, from `stages.<name>.listenerPort`: where a
   * listener per stage listens. A port is intent, not a counter, so adding a stage never
   * moves another stage's listener. Absent for a stage: 443.
   */
  listenerPorts?: Record<string, number>;
}

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
  /** Server URLs as written (Swagger 2.0: built from schemes/host/basePath). */
  servers: string[];
  /** Path prefix folded into every route (from basePath or the first server URL). */
  basePath: string;
}

/**
 * Adjustable AWS quotas the user has had raised (`x-gateplan.quotas`); absent keys mean AWS's
 * defaults. Every quota check reads these, and says when a deployment relies on one.
 */
export interface RaisedQuotas {
  /** API Gateway REST API "Resources per API" (default 300). */
  restResources?: number;
  /** API Gateway HTTP API "Routes per API" (default 300). */
  httpRoutes?: number;
  /** Elastic Load Balancing "Rules per Application Load Balancer" (default 100). */
  albRules?: number;
}

export interface RouteModel {
  api: ApiInfo;
  source: { file: string; format: SourceFormat };
  backends: Record<string, Backend>;
  /** Sorted by path, then method; one per method + path template. */
  routes: Route[];
  stages: Record<string, Stage>;
  auth: Record<string, NamedAuthScheme>;
  /**
   * Where requests no operation declares go: the ALB default action and the HTTP API
   * `$default` route; `undefined` means a JSON 404.
   */
  catchAll?: string;
  /** Choices only the ALB target reads (`x-gateplan.alb`). */
  alb: AlbSettings;
  cors?: Cors;
  binaryMediaTypes: string[];
  endpoint: { type: 'regional' | 'edge' | 'private'; vpcEndpointIds: string[] };
  /** Named schemas (`components.schemas` / `definitions`) for targets that re-emit models. */
  schemas: Record<string, unknown>;
  /** Quotas raised for this account; absent when none is declared. */
  quotas?: RaisedQuotas;
  /** `severity:` overrides from gateplan.yaml, which targets apply to their own findings too. */
  severity?: SeverityOverrides;
  diagnostics: Diagnostic[];
}
