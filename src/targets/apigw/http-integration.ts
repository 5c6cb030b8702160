import { pascalId } from '../../model/ids.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { routeLabel } from '../../model/routes.js';
import type { Backend, Route, RouteModel } from '../../model/types.js';
import {
  expressionDiagnostics,
  httpBackendUri,
  keptIntegration,
  lambdaProxy,
  withStackParameters,
} from './integration-common.js';
import { HTTP_API_INTEGRATION_TYPES, integrationType } from '../door-support.js';
import type { PrivateLinkPlan, StackParameter } from './plan.js';
import { primaryBackend } from './route-backend.js';
import { vpcLinkValue } from './variables.js';
import type { BackendVariables, PlanValue } from './plan.js';
import type { GatewayRoute } from './gateway-routes.js';
import { sub, type Substituted } from './substitution.js';

/** HTTP APIs allow at most 30 s, and that is also their default. */
const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * Payload format 1.0 for Lambda: the event a REST API sends, so one function serves both
 * targets unchanged.
 */
const PAYLOAD_FORMAT = '1.0';
/** Fields of a REST integration an HTTP API also reads; the rest would be import warnings. */
const HTTP_FIELDS = [
  'type',
  'httpMethod',
  'uri',
  'connectionType',
  'connectionId',
  'credentials',
  'integrationSubtype',
  'payloadFormatVersion',
  'timeoutInMillis',
  'tlsConfig',
];

/** The `x-amazon-apigateway-integration` for an HTTP API route (or the `$default` route). */
export function httpIntegration(
  model: RouteModel,
  gateway: GatewayRoute,
  vars: BackendVariables,
  parameters: StackParameter[],
  privateLinks: Map<string, PrivateLinkPlan>,
  diagnostics: Diagnostic[],
): Record<string, unknown> | undefined {
  const kept = keptIntegration(gateway, 'http');
  if (kept) return keptForHttp(gateway.route, kept, parameters, diagnostics);
  const backend = primaryBackend(model, gateway.route);
  if (!backend) return undefined;
  return backendIntegration(backend, gateway, vars, parameters, privateLinks, diagnostics);
}

/** `privateLinks` collects the VPC link and listener of each backend reached through one. */
export function backendIntegration(
  backend: Backend,
  gateway: GatewayRoute,
  vars: BackendVariables,
  parameters: StackParameter[],
  privateLinks: Map<string, PrivateLinkPlan>,
  diagnostics: Diagnostic[],
): Record<string, unknown> | undefined {
  const route = gateway.route;
  const target = backend.target;
  const timeoutInMillis = Math.min(route.timeoutMs ?? DEFAULT_TIMEOUT_MS, DEFAULT_TIMEOUT_MS);
  const unsupported = (feature: string, fix: string) => {
    diagnostics.push(diagnostic('GP128', route.where, { feature, route: routeLabel(route), fix }, route.id));
    return undefined;
  };
  switch (target.kind) {
    case 'http': {
      if (target.vpcLink) {
        const link = {
          backend: backend.name,
          vpcLink: vpcLinkValue(backend, parameters),
          listener: listenerValue(backend, parameters),
        };
        privateLinks.set(backend.name, link);
        return {
          type: 'http_proxy',
          httpMethod: route.method,
          connectionType: 'VPC_LINK',
          connectionId: placeholder(link.vpcLink),
          uri: placeholder(link.listener),
          payloadFormatVersion: PAYLOAD_FORMAT,
          timeoutInMillis,
        };
      }
      const uri = httpBackendUri(backend, gateway, vars);
      if (!uri) return undefined;
      return {
        type: 'http_proxy',
        httpMethod: route.method,
        uri,
        payloadFormatVersion: PAYLOAD_FORMAT,
        timeoutInMillis,
      };
    }
    case 'lambda':
      return {
        ...lambdaProxy(backend.name, target.functionArn, vars),
        payloadFormatVersion: PAYLOAD_FORMAT,
        timeoutInMillis,
      };
    case 'mock':
      return unsupported(
        'mock integrations',
        'send the route to a Lambda or URL backend with a gateplan.yaml rule (`rules: [{ match: { operationId: … }, set: { backend: … } }]`), or deploy this API with --target apigw-rest',
      );
    case 's3':
      return unsupported(
        'S3 integrations',
        'front the bucket with a Lambda backend, sending the route there with a gateplan.yaml rule (`rules: [{ match: { operationId: … }, set: { backend: … } }]`), or deploy this API with --target apigw-rest',
      );
    case 'kinesis':
      return unsupported(
        'Kinesis integrations',
        'write to the stream from a Lambda backend, sending the route there with a gateplan.yaml rule (`rules: [{ match: { operationId: … }, set: { backend: … } }]`), or deploy this API with --target apigw-rest',
      );
    case 'apigw-integration':
      return keptForHttp(route, target.integration, parameters, diagnostics);
  }
}

/** A kept integration, if it is a proxy type HTTP APIs accept, reduced to the fields they read. */
function keptForHttp(
  route: Route,
  written: Record<string, unknown>,
  parameters: StackParameter[],
  diagnostics: Diagnostic[],
): Record<string, unknown> | undefined {
  const type = integrationType(written);
  if (!HTTP_API_INTEGRATION_TYPES.has(type)) {
    const fix =
      'send the route to a Lambda or URL backend with a gateplan.yaml rule (`rules: [{ match: { operationId: … }, set: { backend: … } }]`), or deploy this API with --target apigw-rest';
    diagnostics.push(
      diagnostic(
        'GP128',
        route.where,
        { feature: `${type || 'untyped'} integrations`, route: routeLabel(route), fix },
        route.id,
      ),
    );
    return undefined;
  }
  const integration = withStackParameters(route, written, parameters, diagnostics);
  diagnostics.push(...expressionDiagnostics(route, integration));
  const out: Record<string, unknown> = {};
  for (const field of HTTP_FIELDS)
    if (integration[field] !== undefined) out[field] = structuredClone(integration[field]);
  out.type = type;
  out.payloadFormatVersion ??= PAYLOAD_FORMAT;
  if (typeof out.timeoutInMillis === 'number')
    out.timeoutInMillis = Math.min(out.timeoutInMillis, DEFAULT_TIMEOUT_MS);
  return out;
}

function listenerValue(backend: Backend, parameters: StackParameter[]): PlanValue {
  if (backend.target.kind === 'http' && backend.target.vpcLink?.listenerArn)
    return backend.target.vpcLink.listenerArn;
  const name = `${pascalId(backend.name)}ListenerArn`;
  if (!parameters.some((p) => p.name === name)) {
    parameters.push({
      name,
      description: `ARN of the load balancer listener behind backend ${backend.name} (private integration)`,
    });
  }
  return { param: name };
}

/** A parameter's value in the document: a placeholder the stack fills in. */
function placeholder(value: PlanValue): string | Substituted {
  return typeof value === 'string' ? value : sub`${value}`;
}
