import { child } from '../../model/document.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { routeLabel } from '../../model/routes.js';
import type { Backend, Route } from '../../model/types.js';
import { lambdaInvocationUri, parseHttpUrl, parseLambdaArn, stageVariableRef } from './addresses.js';
import { Substituted } from './substitution.js';
import { parameterizeKept } from './kept-references.js';
import type { StackParameter } from './plan.js';
import type { BackendVariables } from './plan.js';
import type { GatewayRoute } from './gateway-routes.js';
import { renameInIntegration } from './rename-in-integration.js';

/**
 * The gateway route's path with each variable written `{name}` (greedy ones too), for
 * integration URIs. A widened variable holds its whole segment (`AC1.json`), so the URI
 * carries the segment exactly once and the backend receives the path as requested.
 */
export function integrationPath(gateway: GatewayRoute): string {
  if (gateway.segments.length === 0) return '/';
  return gateway.segments.map((s) => '/' + (s.kind === 'literal' ? s.value : `{${s.name}}`)).join('');
}

/** The names of the gateway route's path variables, greedy included. */
export function pathVariables(gateway: GatewayRoute): string[] {
  return gateway.segments.flatMap((s) => (s.kind === 'literal' ? [] : [s.name]));
}

/**
 * `scheme://${stageVariables.<backend>Host}/base/route/{id}`: the backend URL with its host in
 * a stage variable. The route's full path is forwarded, as the ALB target forwards it.
 */
export function httpBackendUri(
  backend: Backend,
  gateway: GatewayRoute,
  vars: BackendVariables,
): string | undefined {
  if (backend.target.kind !== 'http') return undefined;
  const address = parseHttpUrl(backend.target.url);
  if (!address) return undefined;
  const hostVar = vars.host.get(backend.name);
  const host = hostVar ? stageVariableRef(hostVar) : address.host;
  const path = integrationPath(gateway);
  return `${address.scheme}://${host}${address.basePath}${path === '/' && address.basePath ? '' : path}`;
}

/**
 * A Lambda proxy integration's target, named through the backend's stage variable when it has
 * one so each stage can call its own function. API Gateway invokes Lambda with POST whatever
 * the route's method.
 */
export function lambdaProxy(
  backend: string,
  functionArn: string,
  vars: BackendVariables,
): { type: 'aws_proxy'; httpMethod: 'POST'; uri: string | Substituted } {
  const address = parseLambdaArn(functionArn);
  const fnVar = vars.fn.get(backend);
  return {
    type: 'aws_proxy',
    httpMethod: 'POST',
    uri: lambdaInvocationUri(address, fnVar ? stageVariableRef(fnVar) : address.name),
  };
}

/**
 * The route's own `x-amazon-apigateway-integration`, when its backend was made from it: it is
 * re-emitted as written, since it may carry templates and mappings the model does not, with
 * its references to path variables following any rename.
 */
export function keptIntegration(
  gateway: GatewayRoute,
  api: 'rest' | 'http',
): Record<string, unknown> | undefined {
  const { existingIntegration, usesExistingIntegration } = gateway.route;
  if (!usesExistingIntegration || !existingIntegration) return undefined;
  return renameInIntegration(structuredClone(existingIntegration), gateway.renames, api);
}

/**
 * A kept integration about to be deployed, with its references to the template the spec came
 * from as stack parameters (added to `parameters`), said once per route (GP155).
 */
export function withStackParameters(
  route: Route,
  kept: Record<string, unknown>,
  parameters: StackParameter[],
  diagnostics: Diagnostic[],
): Record<string, unknown> {
  const { integration, references } = parameterizeKept(kept, parameters);
  if (references.length > 0) {
    diagnostics.push(
      diagnostic(
        'GP155',
        child(route.where, 'x-amazon-apigateway-integration'),
        {
          route: routeLabel(route),
          references: references.map((r) => r.written).join(', '),
          parameters: references.map((r) => r.parameter).join(', '),
        },
        route.id,
      ),
    );
  }
  return integration;
}

/** `${...}` references API Gateway resolves itself; anything else is a template language's. */
const RESOLVED = /^(stageVariables\.|AWS::(Region|AccountId|Partition)$)/;

export function expressionDiagnostics(route: Route, integration: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const where = child(route.where, 'x-amazon-apigateway-integration');
  for (const field of ['uri', 'credentials', 'connectionId']) {
    const value = integration[field];
    // A stack parameter now (kept-references.ts): what the stack fills in, not a copied expression.
    if (value === undefined || value instanceof Substituted) continue;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const foreign =
      typeof value !== 'string' || [...value.matchAll(/\$\{([^}]*)\}/g)].some((m) => !RESOLVED.test(m[1]!));
    if (foreign) {
      out.push(
        diagnostic(
          'GP121',
          child(where, field),
          { route: routeLabel(route), field, value: text.slice(0, 120) },
          route.id,
        ),
      );
    }
  }
  return out;
}
