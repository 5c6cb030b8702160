import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { routeLabel } from '../../model/routes.js';
import type { Route, RouteModel } from '../../model/types.js';
import { stageVariableRef } from './addresses.js';
import { AWS_PARTITION, AWS_REGION, sub } from './substitution.js';
import {
  expressionDiagnostics,
  httpBackendUri,
  keptIntegration,
  withStackParameters,
  lambdaProxy,
  pathVariables,
} from './integration-common.js';
import { primaryBackend } from './route-backend.js';
import type { BackendVariables } from './plan.js';
import type { GatewayRoute } from './gateway-routes.js';

/** Default REST integration timeout (API Gateway's own default and maximum without a quota raise). */
const DEFAULT_TIMEOUT_MS = 29_000;

/** The `x-amazon-apigateway-integration` for a REST method, by backend kind. */
export function restIntegration(
  model: RouteModel,
  gateway: GatewayRoute,
  vars: BackendVariables,
  diagnostics: Diagnostic[],
): Record<string, unknown> | undefined {
  const route = gateway.route;
  const written = keptIntegration(gateway, 'rest');
  if (written) {
    const kept = withStackParameters(route, written, vars.parameters, diagnostics);
    diagnostics.push(...expressionDiagnostics(route, kept));
    return kept;
  }
  const backend = primaryBackend(model, route);
  if (!backend) return undefined;
  const target = backend.target;
  const timeout = { timeoutInMillis: route.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const pathMapping = Object.fromEntries(
    pathVariables(gateway).map((n) => [`integration.request.path.${n}`, `method.request.path.${n}`]),
  );
  const withMapping = Object.keys(pathMapping).length ? { requestParameters: pathMapping } : {};
  switch (target.kind) {
    case 'http': {
      const uri = httpBackendUri(backend, gateway, vars);
      if (!uri) return undefined;
      const link = vars.vpcLink.get(backend.name);
      return {
        type: 'http_proxy',
        httpMethod: route.method,
        uri,
        ...(link
          ? { connectionType: 'VPC_LINK', connectionId: stageVariableRef(link) }
          : { connectionType: 'INTERNET' }),
        ...withMapping,
        passthroughBehavior: 'when_no_match',
        ...timeout,
      };
    }
    case 'lambda':
      return {
        ...lambdaProxy(backend.name, target.functionArn, vars),
        passthroughBehavior: 'when_no_match',
        ...timeout,
      };
    case 'mock': {
      const status = String(target.statusCode);
      return {
        type: 'mock',
        requestTemplates: { 'application/json': JSON.stringify({ statusCode: target.statusCode }) },
        passthroughBehavior: 'when_no_match',
        responses: {
          default: {
            statusCode: status,
            ...(target.body !== undefined
              ? { responseTemplates: { 'application/json': literalTemplate(target.body) } }
              : {}),
          },
        },
      };
    }
    case 's3': {
      if (!target.roleArn) {
        diagnostics.push(roleMissing('s3', backend.name, route));
        return undefined;
      }
      const variables = pathVariables(gateway);
      const key =
        target.key ?? (variables.length ? `{${variables[variables.length - 1]}}` : gateway.path.slice(1));
      return {
        type: 'aws',
        httpMethod: S3_METHODS[route.method] ?? 'GET',
        uri: sub`arn:${AWS_PARTITION}:apigateway:${target.region ?? AWS_REGION}:s3:path/${target.bucket}/${key}`,
        credentials: target.roleArn,
        ...withMapping,
        passthroughBehavior: 'when_no_match',
        responses: {
          default: {
            statusCode: '200',
            responseParameters: {
              'method.response.header.Content-Type': 'integration.response.header.Content-Type',
            },
          },
        },
        ...timeout,
      };
    }
    case 'kinesis': {
      if (!target.roleArn) {
        diagnostics.push(roleMissing('kinesis', backend.name, route));
        return undefined;
      }
      // PutRecord wants the payload base64-encoded and a partition key; the request id spreads load.
      const template = `{"StreamName": ${JSON.stringify(target.streamName)}, "Data": "$util.base64Encode($input.body)", "PartitionKey": "$context.requestId"}`;
      return {
        type: 'aws',
        httpMethod: 'POST',
        uri: sub`arn:${AWS_PARTITION}:apigateway:${target.region ?? AWS_REGION}:kinesis:action/PutRecord`,
        credentials: target.roleArn,
        requestTemplates: { 'application/json': template },
        passthroughBehavior: 'never',
        responses: { default: { statusCode: '200' } },
        ...timeout,
      };
    }
    case 'apigw-integration':
      diagnostics.push(...expressionDiagnostics(route, target.integration));
      return structuredClone(target.integration);
  }
}

/** S3's object API by the route's method; other methods read. */
const S3_METHODS: Record<string, string> = {
  GET: 'GET',
  HEAD: 'HEAD',
  PUT: 'PUT',
  POST: 'PUT',
  DELETE: 'DELETE',
};

function roleMissing(service: string, backend: string, route: Route): Diagnostic {
  return diagnostic('GP127', route.where, { service, backend, route: routeLabel(route) }, route.id);
}

/** Status code → method response headers an integration's responses use; the operation must declare them. */
export function integrationResponses(integration: Record<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const responses = integration.responses;
  if (typeof responses !== 'object' || responses === null) return out;
  for (const r of Object.values(responses as Record<string, unknown>)) {
    if (typeof r !== 'object' || r === null) continue;
    const response = r as Record<string, unknown>;
    if (typeof response.statusCode !== 'string' && typeof response.statusCode !== 'number') continue;
    const params =
      typeof response.responseParameters === 'object' && response.responseParameters !== null
        ? response.responseParameters
        : {};
    const headers = Object.keys(params)
      .filter((k) => k.startsWith('method.response.header.'))
      .map((k) => k.slice('method.response.header.'.length));
    const status = String(response.statusCode);
    out.set(status, [...new Set([...(out.get(status) ?? []), ...headers])].sort());
  }
  return out;
}

/**
 * A mapping template (Velocity) that answers `text` as written. A mock body is the user's text,
 * not a template: `$input.params('q')` would echo the request and `##` comment out the rest.
 * Text holding what Velocity reads (`$`, `#`, `\\`) is sent base64-encoded and decoded by
 * API Gateway's `$util.base64Decode`, whose result is not parsed again.
 */
export function literalTemplate(text: string): string {
  return /[$#\\]/.test(text) ? `$util.base64Decode("${Buffer.from(text, 'utf8').toString('base64')}")` : text;
}
