import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Quota, Throttle } from '../../model/types.js';

/**
 * What surrounds an API Gateway import document, described without CloudFormation or
 * Terraform syntax so both renderers share one plan.
 */

/** A literal, or the value of a stack parameter the user supplies. */
export type PlanValue = string | { param: string };

export interface StackParameter {
  /** Alphanumeric; also how the import document refers to it, as `${Name}`. */
  name: string;
  description: string;
}

export interface RouteThrottle {
  /** The API (`ApiDocumentPlan.id`) whose stage the setting belongs to. */
  apiId: string;
  routeId: string;
  /** The route's path as its API knows the resource, e.g. `/v2/books/{bookId}` (below the API's base path when split). */
  resourcePath: string;
  /** `GET`…, or `*` for an ANY route. */
  method: string;
  /** HTTP API route key, e.g. `GET /v2/books/{bookId}` (`ANY /x` for ANY). */
  routeKey: string;
  throttle: Throttle;
}

export interface StagePlan {
  name: string;
  /** PascalCase stem of the stage's logical ids; stages whose names clean up alike (`a-b`, `a_b`) get distinct ones. */
  id: string;
  variables: Record<string, PlanValue>;
  /** Stage-wide throttle (every method). */
  throttle?: Throttle;
  /** Per-route throttles, sorted by route id. */
  routeThrottles: RouteThrottle[];
  /** REST only: the canary's share and the variable overrides that point it at the canary backends. */
  canary?: { percent: number; variableOverrides: Record<string, PlanValue> };
}

/** Permission for API Gateway to invoke one Lambda function. */
export interface LambdaPermissionPlan {
  /** Stable stem for names and logical ids. */
  id: string;
  /** The API (`ApiDocumentPlan.id`) allowed to invoke it. */
  apiId: string;
  /** Function ARN, or name when only a name is known. */
  functionName: PlanValue;
  /** Appended to the API's execute-api ARN: `/*` for routes, `/authorizers/*` for authorizers. */
  sourcePath: string;
}

export interface UsagePlanPlan {
  id: string;
  name: string;
  stage: string;
  /** The stage's `StagePlan.id`. */
  stageId: string;
  throttle?: Throttle;
  quota?: Quota;
}

/** One API of the deployment and its import document. */
export interface ApiDocumentPlan {
  /**
   * Stable stem for logical ids and file names: '' for the only API, or for the API at the
   * custom domain's root in a split; else from the base path (`V1Customers`).
   */
  id: string;
  /** The custom-domain base path mapped to this API (`v1/customers`); '' for none. */
  basePath: string;
  name: string;
  /** The import document, as written to `openapi.json` (`openapi-<base path>.json` in a split). */
  document: Record<string, unknown>;
  /** Its JSON text and a short hash of that text (redeploys when it changes). */
  documentJson: string;
  documentHash: string;
}

/** A split API's custom domain: one regional domain name per stage, mapping each API by base path. */
export interface DomainPlan {
  /** ACM certificate for every stage's domain name (regional: in the API's Region). */
  certificateArn: PlanValue;
  stages: { stage: string; domainName: PlanValue }[];
  /** Stack parameters for what only the user knows (certificate, domain names); the documents never refer to them. */
  parameters: StackParameter[];
}

export interface ApiPlanBase {
  name: string;
  description?: string;
  /** The APIs deployed: one, or the parts of a split, sorted by base path. */
  apis: ApiDocumentPlan[];
  /** Present when the API is split: the custom domain that maps the APIs by base path. */
  domain?: DomainPlan;
  stages: StagePlan[];
  lambdaPermissions: LambdaPermissionPlan[];
  /** Values the user supplies; the document refers to them as `${Name}`. */
  parameters: StackParameter[];
  diagnostics: Diagnostic[];
}

export interface RestPlan extends ApiPlanBase {
  kind: 'rest';
  endpoint: { type: 'REGIONAL' | 'EDGE' | 'PRIVATE'; vpcEndpointIds: string[] };
  usagePlans: UsagePlanPlan[];
}

export interface HttpPlan extends ApiPlanBase {
  kind: 'http';
  /** How the API reaches each backend it serves through a VPC link, by backend name. */
  privateLinks: PrivateLinkPlan[];
}

/** A private integration's two ends: the VPC link, and the load balancer listener it targets. */
export interface PrivateLinkPlan {
  backend: string;
  vpcLink: PlanValue;
  listener: PlanValue;
}

/**
 * Stage variables that carry each backend's address, so one document serves every stage:
 * an HTTP backend's host, a Lambda backend's function name, a REST VPC link's id. A stage's
 * own `variables` override them (point `dev` at another host), and a canary overrides them
 * to send its share of traffic to the canary backend.
 */
export interface BackendVariables {
  /** Backend name → variable holding its `host[:port]`. */
  host: Map<string, string>;
  /** Backend name → variable holding its function name (`name` or `name:alias`). */
  fn: Map<string, string>;
  /** Backend name → variable holding its VPC link id (REST only). */
  vpcLink: Map<string, string>;
  /** Default value of each variable, by variable name. */
  defaults: Record<string, PlanValue>;
  parameters: StackParameter[];
}
