import type { FrontDoorId } from '../types.js';

/** Intent exactly as written in `x-gateplan` or `gateplan.yaml`, after schema validation. */

export type RawBackendRef = string | Record<string, number>;

export interface RawThrottle {
  rate: number;
  burst: number;
}

export interface RawCors {
  allowOrigins?: string[];
  allowMethods?: string[];
  allowHeaders?: string[];
  exposeHeaders?: string[];
  allowCredentials?: boolean;
  maxAge?: number;
}

export interface RawRouteSettings {
  backend?: RawBackendRef;
  throttle?: RawThrottle;
  timeoutMs?: number;
  validate?: false | 'body' | 'params' | 'all';
  cors?: RawCors | boolean;
  match?: {
    hosts?: string[];
    headers?: Record<string, string[]>;
    query?: Record<string, string>;
    sourceIps?: string[];
  };
  name?: string;
  health?: boolean;
  leaveOutOf?: FrontDoorId[];
}

export interface RawBackend {
  url?: string;
  lambda?: string;
  mock?: { statusCode?: number; body?: string };
  s3?: { bucket: string; key?: string; role?: string; region?: string };
  kinesis?: { stream: string; role?: string; region?: string };
  vpcLink?: boolean | { id?: string; listenerArn?: string };
  targetType?: 'ip' | 'instance' | 'lambda';
  port?: number;
  protocol?: 'HTTP' | 'HTTPS';
  protocolVersion?: 'HTTP1' | 'HTTP2' | 'GRPC';
  health?:
    | string
    | {
        path: string;
        intervalSeconds?: number;
        timeoutSeconds?: number;
        healthyThreshold?: number;
        unhealthyThreshold?: number;
        matcher?: string;
      };
  algorithm?: 'round_robin' | 'least_outstanding_requests' | 'weighted_random';
  stickiness?: { type: 'lb_cookie' | 'app_cookie'; durationSeconds?: number; cookieName?: string };
  deregistrationDelaySeconds?: number;
  slowStartSeconds?: number;
}

export interface RawStage {
  host?: string;
  pathPrefix?: string;
  listenerPort?: number;
  variables?: Record<string, string>;
  throttle?: RawThrottle;
  quota?: { limit: number; period: 'DAY' | 'WEEK' | 'MONTH'; offset?: number };
  canary?: { percent: number; backends?: Record<string, string> };
}

export interface RawRootIntent {
  auth?: Record<string, RawSecuritySchemeIntent>;
  backends?: Record<string, RawBackend>;
  defaults?: RawRouteSettings;
  catchAll?: string;
  stages?: Record<string, RawStage>;
  basePath?: string;
  endpoint?: { type?: 'regional' | 'edge' | 'private'; vpcEndpointIds?: string[] };
  binaryMediaTypes?: string[];
  quotas?: { restResources?: number; httpRoutes?: number; albRules?: number };
  alb?: {
    stages?: 'host' | 'path' | 'listener';
    stack?: 'listener-rules' | 'full';
    unmatched?: 'backend' | 'default';
  };
}

export interface RawSelector {
  tag?: string;
  path?: string;
  operationId?: string;
  method?: string;
}

export interface RawConfig extends RawRootIntent {
  rules?: { match: RawSelector; set: RawRouteSettings }[];
  exclude?: RawSelector[];
  severity?: Record<string, 'error' | 'warn' | 'info' | 'off'>;
}

export interface RawSecuritySchemeIntent {
  cognito?: { userPoolArns: string[]; clientId?: string; domain?: string };
  jwt?: { issuer?: string; audience?: string[]; identitySource?: string };
  lambda?: {
    functionArn?: string;
    type?: 'token' | 'request';
    identitySource?: string[];
    resultTtlSeconds?: number;
  };
  oidc?: {
    issuer?: string;
    authorizationEndpoint?: string;
    tokenEndpoint?: string;
    userInfoEndpoint?: string;
    clientId?: string;
  };
  iam?: boolean;
  enforcedBy?: 'gateway' | 'backend';
}
