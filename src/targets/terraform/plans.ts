/**
 * The plans the Terraform target renders. They come from the same builders the
 * CloudFormation targets use, so both outputs route the same way; nothing here decides routing.
 */
import { ALB_BACKEND, behindAlbModel } from '../../model/topology.js';
import type { RouteModel } from '../../model/types.js';
import { compileAlb } from '../alb/compile.js';
import type { AlbPlan } from '../alb/plan.js';
import type { HttpPlan, PlanValue, RestPlan } from '../apigw/plan.js';
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
 * The HTTP plan of the "both" topology, and the two document parameters its private
 * integration with the load balancer uses (the VPC link id and the listener ARN), which the
 * module fills from the resources it creates.
 */
export function behindAlb(model: RouteModel): {
  plan: HttpPlan;
  vpcLinkParam?: string;
  listenerParam?: string;
} {
  const plan = httpPlan(behindAlbModel(model));
  const link = plan.privateLinks.find((l) => l.backend === ALB_BACKEND);
  const param = (value: PlanValue | undefined) => (typeof value === 'object' ? value.param : undefined);
  const vpcLinkParam = param(link?.vpcLink);
  const listenerParam = param(link?.listener);
  return { plan, ...(vpcLinkParam ? { vpcLinkParam } : {}), ...(listenerParam ? { listenerParam } : {}) };
}
