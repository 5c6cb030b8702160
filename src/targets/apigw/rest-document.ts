import { requestChecks } from '../../model/validation.js';
import { child } from '../../model/document.js';
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import { routeLogicalId } from '../../model/ids.js';
import type { Route, RouteModel } from '../../model/types.js';
import { documentDiagnostics, importable } from './checks/index.js';
import { gatewayRoutes, type GatewayRoute } from './gateway-routes.js';
import { mergeAuthStates } from './auth-states.js';
import { apiTitle, layoutApi, servedRoutes, type ApiLayout } from './layout.js';
import type { ApiPart } from './split.js';
import {
  methodKey,
  operationParameters,
  operationResponses,
  sortedRecord,
  uniqueOperationIds,
} from './operation.js';
import { restSecurity, unsupportedSchemeDiagnostics } from './rest-auth.js';
import { LEAVE_OUT, newAuthState, nothingLeftFix, type AuthState } from './route-security.js';
import { corsGatewayResponses, preflightOperation } from './rest-cors.js';
import { integrationResponses, restIntegration } from './rest-integration.js';
import { modelNames, toRestSchema } from './rest-schema.js';
import { planBackendVariables } from './variables.js';
import type { BackendVariables } from './plan.js';
import { byEntryKey } from '../../util/order.js';
import { dict } from '../../util/dict.js';

export interface RestDocumentParts {
  /** One import document per API: one, or one per part of a split. */
  documents: RestApiDocument[];
  layout: ApiLayout;
  diagnostics: Diagnostic[];
  /** Every document's auth, merged: API keys, stack parameters, findings. */
  auth: AuthState;
  variables: BackendVariables;
}

export interface RestApiDocument {
  part: ApiPart;
  document: Record<string, unknown>;
  /** This API's own schemes and authorizer permissions. */
  auth: AuthState;
  /** The gateway routes the document serves, by the id of each route they serve (the rest were left out, with a diagnostic). */
  included: Map<string, GatewayRoute>;
}

/**
 * The REST API import documents: OpenAPI 3.0 whatever the input's version (the model is
 * version-neutral and 3.0 is what REST import reads best), with an integration on every
 * operation and the `x-amazon-apigateway-*` settings the API needs; one per API when the
 * API is split (`layout.ts`). Pure.
 */
export function restDocumentParts(model: RouteModel): RestDocumentParts {
  const root: Where = { file: model.source.file, pointer: '' };
  const gateway = gatewayRoutes(model, 'rest');
  const layout = layoutApi(model, gateway, 'rest');
  const diagnostics = [...documentDiagnostics(model, gateway, 'rest'), ...layout.diagnostics];
  if (model.catchAll)
    diagnostics.push(diagnostic('GP122', child(root, 'x-gateplan', 'catchAll'), { backend: model.catchAll }));
  const variables = planBackendVariables(model, 'rest');
  const documents = layout.parts.map((part) => restDocument(model, part, variables, diagnostics));
  const auth = mergeAuthStates(documents.map((d) => d.auth));
  // Also with no operations at all (GP024): CreateDeployment refuses a REST API without methods.
  if (documents.every((d) => d.included.size === 0)) {
    const fix = nothingLeftFix(model, new Set(documents.flatMap((d) => [...d.included.keys()])));
    diagnostics.push(diagnostic('GP129', child(root, 'paths'), { fix }));
  }
  diagnostics.push(...auth.diagnostics, ...unsupportedSchemeDiagnostics(auth, 'REST'));
  if (model.cors?.allowCredentials && model.cors.allowOrigins.includes('*')) {
    diagnostics.push(diagnostic('GP123', child(root, 'x-gateplan', 'defaults', 'cors')));
  }
  return { documents, layout, diagnostics, auth, variables };
}

/** One REST API's document: the part's routes, at their paths below its base path. */
function restDocument(
  model: RouteModel,
  part: ApiPart,
  variables: BackendVariables,
  diagnostics: Diagnostic[],
): RestApiDocument {
  const auth = newAuthState();
  const models = new RestModels(model, diagnostics);
  const validators = new Set<string>();
  const operationIds = uniqueOperationIds(model.routes);

  const paths: Record<string, Record<string, unknown>> = {};
  const served = new Set<GatewayRoute>();
  const byPath = new Map<string, GatewayRoute[]>();
  for (const gw of part.routes.filter(importable)) {
    const route = gw.route;
    const security = restSecurity(model, route, auth);
    if (security === LEAVE_OUT) continue;
    const integration = restIntegration(model, gw, variables, diagnostics);
    if (!integration) continue;
    const operation: Record<string, unknown> = {};
    // A greedy route standing for a subtree is no one operation: it has none of their names.
    if (!gw.claims && route.operationId && operationIds.has(route.operationId))
      operation.operationId = route.operationId;
    if (!gw.claims && route.summary) operation.summary = route.summary;
    const parameters = operationParameters(gw, diagnostics);
    if (parameters.length) operation.parameters = parameters;
    // A route shared by operations with different bodies cannot validate either one's.
    const shared = gw.alsoServes.some(
      (r) => JSON.stringify(r.requestBody) !== JSON.stringify(route.requestBody),
    );
    const body = shared || gw.claims ? undefined : models.requestBody(route);
    if (body) operation.requestBody = body;
    operation.responses = operationResponses(route, integrationResponses(integration));
    if (security) operation.security = security;
    const checks = requestChecks(route);
    const validator = validatorFor(body !== undefined && checks.body, checks.params ? parameters : []);
    if (validator) {
      validators.add(validator);
      operation['x-amazon-apigateway-request-validator'] = validator;
    }
    operation['x-amazon-apigateway-integration'] = integration;
    (paths[gw.path] ??= {})[methodKey(route)] = operation;
    served.add(gw);
    byPath.set(gw.path, [...(byPath.get(gw.path) ?? []), gw]);
  }
  for (const [path, routes] of byPath) {
    const cors = routes.find((g) => g.route.cors)?.route.cors;
    if (cors && !routes.some((g) => g.route.method === 'OPTIONS')) {
      const pathParams = operationParameters(
        { route: { ...routes[0]!.route, params: [] }, segments: routes[0]!.segments },
        [],
      );
      paths[path]!.options = preflightOperation(
        cors,
        routes.map((g) => g.route),
        pathParams,
      );
    }
  }

  const document: Record<string, unknown> = {
    openapi: '3.0.1',
    info: {
      title: apiTitle(model, part),
      version: model.api.version,
      ...(model.api.description ? { description: model.api.description } : {}),
    },
  };
  if (model.endpoint.type === 'private' && model.endpoint.vpcEndpointIds.length) {
    document.servers = [
      {
        url: '/',
        'x-amazon-apigateway-endpoint-configuration': { vpcEndpointIds: [...model.endpoint.vpcEndpointIds] },
      },
    ];
  }
  document.paths = sortedRecord(
    Object.fromEntries(Object.entries(paths).map(([p, item]) => [p, sortedRecord(item)])),
  );
  const components: Record<string, unknown> = {};
  const schemas = models.components();
  if (Object.keys(schemas).length) components.schemas = schemas;
  if (Object.keys(auth.schemes).length) components.securitySchemes = sortedRecord(auth.schemes);
  if (Object.keys(components).length) document.components = components;
  if (auth.usesApiKeys) document['x-amazon-apigateway-api-key-source'] = 'HEADER';
  if (model.binaryMediaTypes.length)
    document['x-amazon-apigateway-binary-media-types'] = [...model.binaryMediaTypes];
  if (validators.size) {
    document['x-amazon-apigateway-request-validators'] = Object.fromEntries(
      [...validators].sort().map((v) => [v, VALIDATORS[v]]),
    );
  }
  if (model.cors) document['x-amazon-apigateway-gateway-responses'] = corsGatewayResponses(model.cors);
  if (model.endpoint.type === 'private')
    document['x-amazon-apigateway-policy'] = privatePolicy(model.endpoint.vpcEndpointIds);
  return { part, document, auth, included: servedRoutes(part, served) };
}

const VALIDATORS: Record<string, { validateRequestBody: boolean; validateRequestParameters: boolean }> = {
  all: { validateRequestBody: true, validateRequestParameters: true },
  body: { validateRequestBody: true, validateRequestParameters: false },
  params: { validateRequestBody: false, validateRequestParameters: true },
};

/**
 * Bodies with a JSON schema and required query/header parameters are checked before the backend
 * sees them, as far as the route's `validate` setting allows (see src/model/validation.ts).
 */
function validatorFor(hasBody: boolean, parameters: Record<string, unknown>[]): string | undefined {
  const params = parameters.some((p) => p.in !== 'path' && p.required === true);
  if (hasBody && params) return 'all';
  if (hasBody) return 'body';
  return params ? 'params' : undefined;
}

/** A private API only deploys with a resource policy; this one admits the listed VPC endpoints. */
function privatePolicy(vpcEndpointIds: string[]): Record<string, unknown> {
  const statement: Record<string, unknown> = {
    Effect: 'Allow',
    Principal: '*',
    Action: 'execute-api:Invoke',
    Resource: 'execute-api:/*',
  };
  if (vpcEndpointIds.length)
    statement.Condition = { StringEquals: { 'aws:SourceVpce': [...vpcEndpointIds] } };
  return { Version: '2012-10-17', Statement: [statement] };
}

const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json(?:;.*)?$/i;

/** Request-body schemas as REST models: draft 4, alphanumeric names, inline bodies hoisted. */
class RestModels {
  private readonly names: Map<string, string>;
  private readonly hoisted: Record<string, unknown> = {};
  private readonly used = new Set<string>();

  constructor(
    private readonly model: RouteModel,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.names = modelNames(Object.keys(model.schemas));
  }

  private refName = (name: string): string => {
    this.used.add(name);
    return this.names.get(name) ?? name.replace(/[^A-Za-z0-9]/g, '');
  };

  requestBody(route: Route): Record<string, unknown> | undefined {
    if (!route.requestBody) return undefined;
    const content = dict<unknown>();
    for (const [media, { schema }] of Object.entries(route.requestBody.content).sort(byEntryKey)) {
      if (!JSON_MEDIA.test(media) || schema === undefined) continue;
      const dropped = new Set<string>();
      const converted = toRestSchema(schema, this.refName, dropped) as Record<string, unknown>;
      let ref: Record<string, unknown> = converted;
      if (typeof converted.$ref !== 'string') {
        const name = routeLogicalId(route) + 'Body';
        this.hoisted[name] = converted;
        ref = { $ref: `#/components/schemas/${name}` };
        this.report(name, dropped, child(route.where, 'requestBody'), route.id);
      }
      content[media] = { schema: ref };
    }
    if (Object.keys(content).length === 0) return undefined;
    return { required: route.requestBody.required, content };
  }

  /** Named schemas reached from request bodies (transitively), converted. */
  components(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...this.hoisted };
    const done = new Set<string>();
    let pending = [...this.used];
    while (pending.length) {
      const next: string[] = [];
      for (const name of pending.sort()) {
        if (done.has(name)) continue;
        done.add(name);
        const before = new Set(this.used);
        const dropped = new Set<string>();
        out[this.refName(name)] = toRestSchema(this.model.schemas[name] ?? {}, this.refName, dropped);
        const pointer =
          this.model.source.format === 'swagger-2.0'
            ? ['definitions', name]
            : ['components', 'schemas', name];
        this.report(
          this.refName(name),
          dropped,
          child({ file: this.model.source.file, pointer: '' }, ...pointer),
        );
        next.push(...[...this.used].filter((n) => !before.has(n)));
      }
      pending = next;
    }
    return sortedRecord(out);
  }

  private report(schema: string, dropped: Set<string>, where: Where, route?: string): void {
    if (dropped.size === 0) return;
    this.diagnostics.push(
      diagnostic('GP117', where, { keywords: [...dropped].sort().join(', '), schema }, route),
    );
  }
}
