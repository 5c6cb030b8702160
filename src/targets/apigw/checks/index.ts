import type { Code } from '../../../diagnostics/catalog.js';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import type { ApiKind, GatewayRoute, GatewayRoutes } from '../gateway-routes.js';
import { backendAddresses } from './backend-addresses.js';
import { timeouts } from './timeouts.js';
import { GATEWAY_METHODS, unknownMethods } from './unknown-methods.js';
import { weightedRoutes } from './weighted-routes.js';

/** A check an import document runs before it serves a route: what it finds, never what it writes. */
export type DocumentCheck = (model: RouteModel, gateway: GatewayRoutes, api: ApiKind) => Diagnostic[];

/**
 * The checks, listed by the codes they report, and the API types they apply to. (Findings
 * made while a document is written — parameters REST cannot declare, schemas it cannot
 * model, integrations it cannot build — come from the builders themselves.)
 */
export const DOCUMENT_CHECKS: readonly {
  codes: readonly Code[];
  apis: readonly ApiKind[];
  check: DocumentCheck;
}[] = [
  { codes: ['GP103'], apis: ['rest', 'http'], check: unknownMethods },
  { codes: ['GP106'], apis: ['rest', 'http'], check: weightedRoutes },
  { codes: ['GP113', 'GP114'], apis: ['rest', 'http'], check: timeouts },
  { codes: ['GP124', 'GP126'], apis: ['rest', 'http'], check: backendAddresses },
];

/** What an import document reports before it serves a route: the gateway's own findings, then every check. */
export function documentDiagnostics(model: RouteModel, gateway: GatewayRoutes, api: ApiKind): Diagnostic[] {
  return [
    ...gateway.diagnostics,
    ...DOCUMENT_CHECKS.filter((c) => c.apis.includes(api)).flatMap((c) => c.check(model, gateway, api)),
  ];
}

/** True when API Gateway can import the route (the document leaves out routes that are errors). */
export function importable(gateway: GatewayRoute): boolean {
  return GATEWAY_METHODS.has(gateway.route.method);
}
