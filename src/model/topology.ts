/**
 * The "both" topology (`--for apigw+alb`): an HTTP API in front, a VPC link to a private ALB
 * behind it. Each front door sees the API through its own rewrite of the model; the targets
 * and `cost` read these views, so the topology is decided once.
 */
import type { Backend, RouteModel, Stage } from './types.js';
import { dict } from '../util/dict.js';

/**
 * The "both" topology's load balancer, as API Gateway reaches it. A private integration
 * replaces the Host header with its own and prefixes the path with the stage name (HTTP
 * API private integrations, developer guide), so the ALB tells stages apart by that prefix,
 * which the compiled rules strip again, never by host (so stages get no listeners of their
 * own, and no listener ports). Authorization, CORS and throttling
 * are the HTTP API's job in front: rules that also authenticated would deny every request
 * (API Gateway carries no ALB session cookie), and WAF would throttle twice.
 */
export function albBehindApiModel(model: RouteModel): RouteModel {
  const stages = dict<Stage>();
  for (const [name, stage] of Object.entries(model.stages)) {
    const { host: _host, pathPrefix: _prefix, throttle: _throttle, ...rest } = stage;
    stages[name] = name === '$default' ? rest : { ...rest, pathPrefix: `/${name}` };
  }
  const { cors: _cors, ...withoutCors } = model;
  const { listenerPorts: _ports, ...alb } = model.alb;
  return {
    ...withoutCors,
    stages,
    alb: { ...alb, stageMode: 'path' },
    routes: model.routes.map((route) => {
      const { auth: _auth, cors: _routeCors, throttle: _routeThrottle, ...rest } = route;
      return rest;
    }),
  };
}

/** The one backend of the HTTP API in the "both" topology: the private ALB, through a VPC link. */
export const ALB_BACKEND = 'alb';

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
  const stages = dict<Stage>();
  for (const [name, stage] of Object.entries(model.stages)) {
    const { canary: _canary, ...rest } = stage;
    stages[name] = rest;
  }
  return {
    ...model,
    backends: dict([[ALB_BACKEND, alb]]),
    routes: model.routes.map((route) => {
      const { existingIntegration: _kept, usesExistingIntegration: _uses, ...rest } = route;
      return { ...rest, backend: { backend: ALB_BACKEND } };
    }),
    stages,
    ...(model.catchAll ? { catchAll: ALB_BACKEND } : {}),
  };
}
