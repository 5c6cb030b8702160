/**
 * The plans the Terraform target renders. They come from the same builders the
 * CloudFormation targets use, so both outputs route the same way; nothing here decides routing.
 */
import { Substituted } from '../apigw/substitution.js';
import { behindAlbModel } from '../../model/topology.js';
import type { RouteModel } from '../../model/types.js';
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
  const param = (value: unknown) => {
    const only = value instanceof Substituted && value.parts.length === 1 ? value.parts[0] : undefined;
    return only !== undefined && typeof only !== 'string' && 'param' in only ? only.param : undefined;
  };
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
