/**
 * `gateplan explain … --target apigw-rest|apigw-http`: which route of the emitted API a request
 * reaches under API Gateway's own matching, the integration behind it (its address filled in
 * from the stage's variables), and what a stage canary does with it.
 *
 * The routes are read from the import document the target emits, so what was widened
 * (`{Sid}.json` → `{Sid}`), renamed or left out is matched as API Gateway holds it. Matching,
 * per segment from the left, prefers a literal over a variable over a greedy `{name+}`
 * (model/precedence.ts). REST APIs pick the resource first, then its method or `ANY`: a
 * resource without the method answers 403 "Missing Authentication Token". HTTP APIs match
 * method and path together, then fall back to the `$default` route, else 404. An API split
 * under a custom domain is picked first by the longest base path mapping that prefixes the
 * path, which the mapping strips (docs/design.md cites each rule).
 */
import { parsePathTemplate } from '../model/paths.js';
import { indexRoutes, pathParts } from '../model/precedence.js';
import type { RouteMethod, RouteModel, Segment } from '../model/types.js';
import { buildHttpPlan, buildRestPlan } from '../targets/apigw/index.js';
import type { ApiDocumentPlan, PlanValue } from '../targets/apigw/plan.js';
import { DEFAULT_ROUTE_PATH } from '../targets/apigw/http-document.js';

export type GatewayTarget = 'apigw-rest' | 'apigw-http';

export interface GatewayRequest {
  method: string;
  path: string;
  query?: [string, string][];
}

export interface GatewayExplanation {
  target: GatewayTarget;
  stage: string;
  request: GatewayRequest;
  /** In a split: the custom domain's base path mapping that took the request ('' is the empty mapping). */
  mapping?: string;
  /** The route (REST: resource and method) that takes the request; absent when API Gateway answers itself. */
  route?: { key: string; isDefault: boolean };
  /** What the client gets when no route takes the request. */
  answer?: string;
  integration?: { type: string; target: string; httpMethod?: string };
  /** REST: the canary's share of the stage, and where its requests go when that differs. */
  canary?: { percent: number; target?: string };
  notes: string[];
  /** The operation of the spec that owns the request (OpenAPI's precedence, read as this API type reads methods). */
  operation?: { id: string; label: string; operationId?: string };
}

interface GatewayMethod {
  method: RouteMethod;
  segments: Segment[];
  key: string;
  integration: Record<string, unknown>;
}

export function explainGateway(
  model: RouteModel,
  target: GatewayTarget,
  request: GatewayRequest,
  stageName: string,
): GatewayExplanation {
  const plan = target === 'apigw-rest' ? buildRestPlan(model) : buildHttpPlan(model);
  const stage = plan.stages.find((s) => s.name === stageName)!;
  const base = { target, stage: stageName, request, notes: [] as string[] };
  const canary = model.stages[stageName]?.canary;
  if (canary && target === 'apigw-http')
    base.notes.push(
      `stage ${stageName}'s canary (${canary.percent}%) is not applied: HTTP APIs have no canary`,
    );
  const mapped = mappedApi(plan.apis, request.path);
  const split = plan.apis.length > 1 || plan.apis[0]?.basePath !== '';
  if (!mapped)
    return {
      ...base,
      answer: '403 {"message":"Forbidden"} (no base path mapping of the custom domain takes it)',
    };
  const { methods, fallback } = gatewayMethods(mapped.api.document);
  const reading = target === 'apigw-rest' ? 'path-first' : 'method-first';
  const found =
    indexRoutes(methods).owner(request.method, mapped.path, { reading }) ??
    (target === 'apigw-http' ? fallback : undefined);
  const where = split ? { mapping: mapped.api.basePath } : {};
  if (!found)
    return {
      ...base,
      ...where,
      answer:
        target === 'apigw-rest'
          ? '403 {"message":"Missing Authentication Token"} (no resource and method take it)'
          : '404 {"message":"Not Found"} (no route takes it, and the API has no $default route)',
    };
  const integration = found.integration;
  const bound = found === fallback ? {} : bindings(found.segments, mapped.path);
  const address = (overrides: Record<string, PlanValue>) =>
    integrationTarget(integration, { ...stage.variables, ...overrides }, (name) =>
      target === 'apigw-http' ? bound[name] : restPathValue(integration, name, bound),
    );
  const explanation: GatewayExplanation = {
    ...base,
    ...where,
    route: { key: found.key, isDefault: found === fallback },
    integration: {
      type: String(integration.type),
      target: address({}),
      ...(typeof integration.httpMethod === 'string' ? { httpMethod: integration.httpMethod } : {}),
    },
  };
  if (stage.canary) {
    const canaryTarget = address(stage.canary.variableOverrides);
    explanation.canary = {
      percent: stage.canary.percent,
      ...(canaryTarget !== explanation.integration!.target ? { target: canaryTarget } : {}),
    };
  }
  return explanation;
}

/** Every method of the document as a route precedence.ts can index, and the HTTP API's `$default`. */
function gatewayMethods(document: Record<string, unknown>): {
  methods: GatewayMethod[];
  fallback?: GatewayMethod;
} {
  const paths = (document.paths ?? {}) as Record<
    string,
    Record<string, { 'x-amazon-apigateway-integration'?: Record<string, unknown> }>
  >;
  const methods: GatewayMethod[] = [];
  let fallback: GatewayMethod | undefined;
  for (const [path, item] of Object.entries(paths)) {
    for (const [key, operation] of Object.entries(item)) {
      const integration = operation['x-amazon-apigateway-integration'];
      if (!integration) continue;
      const method = (key === 'x-amazon-apigateway-any-method' ? 'ANY' : key.toUpperCase()) as RouteMethod;
      if (path === DEFAULT_ROUTE_PATH) {
        fallback = { method, segments: [], key: '$default', integration };
        continue;
      }
      const parsed = parsePathTemplate(path);
      if (parsed.ok)
        methods.push({ method, segments: parsed.segments, key: `${method} ${path}`, integration });
    }
  }
  return { methods, ...(fallback ? { fallback } : {}) };
}

/**
 * The API whose base path mapping is the longest that prefixes the path, and the path it sees
 * with the mapping stripped; the empty mapping takes what no other does.
 */
function mappedApi(
  apis: readonly ApiDocumentPlan[],
  path: string,
): { api: ApiDocumentPlan; path: string } | undefined {
  const parts = pathParts(path);
  let best: { api: ApiDocumentPlan; depth: number } | undefined;
  for (const api of apis) {
    const prefix = api.basePath === '' ? [] : api.basePath.split('/');
    if (prefix.some((p, i) => parts[i] !== p)) continue;
    if (!best || prefix.length > best.depth) best = { api, depth: prefix.length };
  }
  return best && { api: best.api, path: '/' + parts.slice(best.depth).join('/') };
}

/** Path variable → the request text it binds (a greedy one: the rest of the path). */
function bindings(segments: readonly Segment[], path: string): Record<string, string> {
  const parts = pathParts(path);
  const bound: Record<string, string> = {};
  segments.forEach((segment, i) => {
    if (segment.kind === 'param') bound[segment.name] = parts[i]!;
    else if (segment.kind === 'greedy') bound[segment.name] = parts.slice(i).join('/');
  });
  return bound;
}

/** REST fills the URI's `{name}` from `integration.request.path.name`, mapped from a method request path variable. */
function restPathValue(
  integration: Record<string, unknown>,
  name: string,
  bound: Record<string, string>,
): string | undefined {
  const mapping = (integration.requestParameters ?? {}) as Record<string, string>;
  const from = /^method\.request\.path\.(.+)$/.exec(mapping[`integration.request.path.${name}`] ?? '')?.[1];
  return from === undefined ? undefined : bound[from];
}

/** Where the integration sends the request: `${stageVariables.x}` filled from the stage, `{name}` from the path. */
function integrationTarget(
  integration: Record<string, unknown>,
  variables: Record<string, PlanValue>,
  pathValue: (name: string) => string | undefined,
): string {
  const uri = typeof integration.uri === 'string' ? integration.uri : '';
  const filled = uri
    .replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
      const value = variables[name];
      if (value === undefined) return whole;
      return typeof value === 'string' ? value : `\${${value.param}}`;
    })
    .replace(/(?<!\$)\{([A-Za-z0-9_.]+)\}/g, (whole, name: string) => pathValue(name) ?? whole);
  if (filled) return filled;
  return integration.type === 'mock' ? 'a mock response' : String(integration.type);
}

export function gatewayExplanationText(e: GatewayExplanation): string {
  const query = e.request.query?.length
    ? '?' + e.request.query.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')
    : '';
  const kind = e.target === 'apigw-rest' ? 'REST API' : 'HTTP API';
  const lines = [`${e.request.method} ${e.request.path}${query} on the ${kind}, stage ${e.stage}`];
  if (e.mapping !== undefined)
    lines.push(
      `  api         mapped at ${e.mapping === '' ? '(none), the empty base path' : `/${e.mapping}`}`,
    );
  if (e.route) {
    lines.push(`  route       ${e.route.isDefault ? '$default (no other route takes it)' : e.route.key}`);
    const i = e.integration!;
    lines.push(`  integration ${i.type}${i.httpMethod ? ` ${i.httpMethod}` : ''} ${i.target}`);
  } else {
    lines.push(`  answer      ${e.answer}`);
  }
  if (e.canary)
    lines.push(
      e.canary.target
        ? `  canary      ${e.canary.percent}% of the stage's requests go to ${e.canary.target}`
        : `  canary      ${e.canary.percent}% of the stage's requests, to the same integration`,
    );
  for (const note of e.notes) lines.push(`  note        ${note}`);
  lines.push(
    e.operation
      ? `  operation   ${e.operation.label}${e.operation.operationId ? ` (${e.operation.operationId})` : ''}`
      : '  operation   none: no operation of the spec declares this method and path',
  );
  return lines.join('\n') + '\n';
}
