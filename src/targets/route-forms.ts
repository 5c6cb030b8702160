import type { RouteModel } from '../model/types.js';
import { albRouteForms } from './alb/route-forms.js';
import { apigwRouteForms } from './apigw/route-forms.js';
import type { RouteForm } from './route-form.js';
import { doorRoutes } from './door-routes.js';

export type { RouteForm } from './route-form.js';

/** The front doors whose route handling `routeForms` describes. */
export const ROUTE_FORM_TARGETS = ['apigw-rest', 'apigw-http', 'alb'] as const;
export type RouteFormTarget = (typeof ROUTE_FORM_TARGETS)[number];

/**
 * What each front door makes of each route (route id → target → form): where `inspect` and
 * `explain` read the template a target actually matches, and why it differs from the spec's.
 */
export function routeForms(model: RouteModel): Map<string, Record<RouteFormTarget, RouteForm>> {
  // Each API Gateway door holds only the routes gateplan.yaml does not leave out of it.
  const rest = apigwRouteForms(doorRoutes(model, 'apigw-rest').model, 'rest');
  const http = apigwRouteForms(doorRoutes(model, 'apigw-http').model, 'http');
  const alb = albRouteForms(model);
  const leftOut: RouteForm = { notes: ['left out: leaveOutOf (GP152)'] };
  return new Map(
    model.routes.map((r) => {
      const albForm = alb.get(r.id)!;
      return [
        r.id,
        {
          'apigw-rest': rest.get(r.id) ?? leftOut,
          'apigw-http': http.get(r.id) ?? leftOut,
          alb: r.leftOutOf?.includes('alb')
            ? { ...albForm, notes: [...albForm.notes, 'answers 404: leaveOutOf (GP152)'] }
            : albForm,
        },
      ];
    }),
  );
}
