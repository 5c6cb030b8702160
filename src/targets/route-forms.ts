import type { RouteModel } from '../model/types.js';
import { albRouteForms } from './alb/route-forms.js';
import { apigwRouteForms } from './apigw/route-forms.js';
import type { RouteForm } from './route-form.js';

export type { RouteForm } from './route-form.js';

/** The front doors whose route handling `routeForms` describes. */
export const ROUTE_FORM_TARGETS = ['apigw-rest', 'apigw-http', 'alb'] as const;
export type RouteFormTarget = (typeof ROUTE_FORM_TARGETS)[number];

/**
 * What each front door makes of each route (route id → target → form): where `inspect` and
 * `explain` read the template a target actually matches, and why it differs from the spec's.
 */
export function routeForms(model: RouteModel): Map<string, Record<RouteFormTarget, RouteForm>> {
  const rest = apigwRouteForms(model, 'rest');
  const http = apigwRouteForms(model, 'http');
  const alb = albRouteForms(model);
  return new Map(
    model.routes.map((r) => [
      r.id,
      { 'apigw-rest': rest.get(r.id)!, 'apigw-http': http.get(r.id)!, alb: alb.get(r.id)! },
    ]),
  );
}
