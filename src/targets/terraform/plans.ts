/**
 * The plans the Terraform target renders. They come from the same builders the
 * CloudFormation targets use, so both outputs route the same way; nothing here decides routing.
 */
import type { Backend, RouteModel, Stage } from '../../model/types.js';
import { compileAlb } from '../alb/compile.js';
import type { AlbPlan } from '../alb/plan.js';
import type { HttpPlan, RestPlan } from '../apigw/plan.js';
import { buildHttpPlan, buildRestPlan } from '../apigw/stack.js';

export function restPlan(model: RouteModel): RestPlan {
  return buildRestPlan(model);
}

export function httpPlan(model: RouteModel): HttpPlan {
  return buildHttpPlan(model);
}

export function albPlan(model: RouteModel): AlbPlan {
  return compileAlb(model);
}

/**
 * The "both" topology's load balancer, as API Gateway reaches it. A private integration
 * replaces the Host header with its own and prefixes the path with the stage name (HTTP
 * API private integrations, developer guide), so the ALB tells stages apart by that prefix,
 * which the compiled rules strip again, never by host. Authorization, CORS and throttling
 * are the HTTP API's job in front: rules that also authenticated would deny every request
 * (API Gateway carries no ALB session cookie), and WAF would throttle twice.
 */
export function albBehindApiModel(model: RouteModel): RouteModel {
  const stages: Record<string, Stage> = {};
  for (const [name, stage] of Object.entries(model.stages)) {
    const { host: _host, pathPrefix: _prefix, throttle: _throttle, ...rest } = stage;
    stages[name] = name === '$default' ? rest : { ...rest, pathPrefix: `/${name}` };
  }
  const { cors: _cors, ...withoutCors } = model;
  return {
    ...withoutCors,
    stages,
    albStageMode: 'path',
    routes: model.routes.map((route) => {
      const { auth: _auth, cors: _routeCors, throttle: _routeThrottle, ...rest } = route;
      return rest;
    }),
  };
}

/** The one backend of the HTTP API in the "both" topology: the private ALB, through a VPC link. */
const ALB_BACKEND = 'alb';

/**
 * The "both" topology's HTTP API: the model with every route sent to the load balancer
 * through a VPC link. Splits, canaries and the catch-all stay with the ALB plan, which
 * still compiles from the original model.
 */
export function behindAlbModel(model: RouteModel): RouteModel {
  const where = { file: model.source.file, pointer: '' };
  const alb: Backend = {
    name: ALB_BACKEND,
    target: { kind: 'http', url: 'https://alb.internal', vpcLink: {} },
    targetGroup: {},
    where,
  };
  const stages: Record<string, Stage> = {};
  for (const [name, stage] of Object.entries(model.stages)) {
    const { canary: _canary, ...rest } = stage;
    stages[name] = rest;
  }
  return {
    ...model,
    backends: { [ALB_BACKEND]: alb },
    routes: model.routes.map((route) => {
      const { existingIntegration: _kept, ...rest } = route;
      return { ...rest, backend: { backend: ALB_BACKEND } };
    }),
    stages,
    ...(model.catchAll ? { catchAll: ALB_BACKEND } : {}),
  };
}

/**
 * The HTTP plan of the "both" topology, and the two document parameters its private
 * integrations use: the VPC link id and the listener ARN (read from the document itself).
 */
export function behindAlb(model: RouteModel): {
  plan: HttpPlan;
  vpcLinkParam?: string;
  listenerParam?: string;
} {
  const plan = httpPlan(behindAlbModel(model));
  const integration = firstIntegration(plan.document);
  const param = (value: unknown) =>
    typeof value === 'string' ? /^\$\{([A-Za-z0-9]+)\}$/.exec(value)?.[1] : undefined;
  const vpcLinkParam = param(integration?.['connectionId']);
  const listenerParam = param(integration?.['uri']);
  return { plan, ...(vpcLinkParam ? { vpcLinkParam } : {}), ...(listenerParam ? { listenerParam } : {}) };
}

function firstIntegration(document: Record<string, unknown>): Record<string, unknown> | undefined {
  const paths = (document['paths'] ?? {}) as Record<
    string,
    Record<string, { 'x-amazon-apigateway-integration'?: Record<string, unknown> }>
  >;
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const integration = op?.['x-amazon-apigateway-integration'];
      if (integration && integration['connectionType'] === 'VPC_LINK') return integration;
    }
  }
  return undefined;
}
