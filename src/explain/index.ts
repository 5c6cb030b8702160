import { GateplanError } from '../diagnostics/errors.js';
import { indexRoutes } from '../model/precedence.js';
import { routeLabel } from '../model/routes.js';
import { HTTP_METHODS, type Route, type RouteModel } from '../model/types.js';
import { didYouMean } from '../util/suggest.js';
import { compileAlb, type AlbRequest } from '../targets/alb/index.js';
import { explainRequest, explanationText as albText, type AlbExplanation } from '../targets/alb/explain.js';
import { explainGateway, gatewayExplanationText, type GatewayExplanation } from './gateway.js';

export type { AlbExplanation, GatewayExplanation };

/** The front doors whose routing `explain` replays. */
export const EXPLAIN_TARGETS = ['alb', 'apigw-rest', 'apigw-http'] as const;
export type ExplainTarget = (typeof EXPLAIN_TARGETS)[number];

export type Explanation = ({ target: 'alb' } & AlbExplanation) | GatewayExplanation;

export interface ExplainRequest {
  /** HTTP method; any case. */
  method: string;
  /**
   * Request path without the stage's path prefix (it is added when the stage routes by prefix);
   * a query string (`/books?q=1`) is read as query parameters, not as part of the path.
   */
  path: string;
  /** Host header; default: the stage's host when stages route by host. */
  host?: string;
  headers?: Record<string, string>;
  query?: [string, string][];
  sourceIp?: string;
  /** Stage whose host, path prefix or listener (or whose variables and canary) to use; default: the first. */
  stage?: string;
  /** Default `alb`. */
  target?: ExplainTarget;
}

/**
 * Which ALB listener rule, or which API Gateway route and integration, serves a request and
 * which operation it reaches: the target's own plan, matched the way that front door matches.
 * An unknown stage or method is a usage error.
 */
export function explain(model: RouteModel, given: ExplainRequest): Explanation {
  const request = { ...given, ...splitQuery(given.path, given.query), method: checkedMethod(given.method) };
  const stageName = request.stage ?? Object.keys(model.stages)[0]!;
  const stage = model.stages[stageName];
  if (!stage)
    throw new GateplanError(
      'usage',
      `unknown stage "${stageName}"; stages: ${Object.keys(model.stages).join(', ')}`,
    );
  const target = given.target ?? 'alb';
  if (target !== 'alb') {
    const { method, path, query } = request;
    const explained = explainGateway(model, target, { method, path, ...(query ? { query } : {}) }, stageName);
    const owner = operationOf(model, request.method, request.path, target);
    const weighted = owner && model.routes.find((r) => r.id === owner.id)?.backend;
    if (weighted && 'weighted' in weighted)
      explained.notes.push(
        `the operation's weights (${weighted.weighted.map((w) => `${w.backend} ${w.weight}`).join(', ')}) are not applied: API Gateway cannot split one route by weight (GP106)`,
      );
    return { ...explained, ...(owner ? { operation: owner } : {}) };
  }
  const prefix =
    model.alb.stageMode === 'path' && stage.pathPrefix && !request.path.startsWith(stage.pathPrefix + '/')
      ? stage.pathPrefix
      : '';
  const albRequest: AlbRequest = {
    method: request.method,
    path: prefix + (request.path.startsWith('/') ? request.path : '/' + request.path),
  };
  const host = request.host ?? (model.alb.stageMode === 'host' ? stage.host : undefined);
  if (host) albRequest.host = host;
  if (request.headers) albRequest.headers = request.headers;
  if (request.query) albRequest.query = request.query;
  if (request.sourceIp) albRequest.sourceIp = request.sourceIp;
  const explained = explainRequest(model, compileAlb(model), albRequest, stageName);
  const route = explained.route && model.routes.find((r) => r.id === explained.route!.id);
  const canary = stage.canary;
  const folded =
    canary && canary.percent > 0 && route ? backendsOf(route.backend).filter((b) => canary.backends[b]) : [];
  return {
    target: 'alb',
    ...explained,
    ...(folded.length
      ? {
          canary: {
            stage: stageName,
            percent: canary!.percent,
            backends: Object.fromEntries(folded.map((b) => [b, canary!.backends[b]!])),
          },
        }
      : {}),
  };
}

export function explanationText(e: Explanation): string {
  return e.target === 'alb' ? albText(e) : gatewayExplanationText(e);
}

function backendsOf(ref: Route['backend']): string[] {
  return 'backend' in ref ? [ref.backend] : ref.weighted.map((w) => w.backend);
}

/** The operation of the spec that owns the request, read the way the front door reads methods. */
function operationOf(model: RouteModel, method: string, path: string, target: ExplainTarget) {
  const route = indexRoutes(model.routes).owner(method, path, {
    reading: target === 'apigw-rest' ? 'path-first' : 'method-first',
  });
  return route
    ? {
        id: route.id,
        label: routeLabel(route),
        ...(route.operationId ? { operationId: route.operationId } : {}),
      }
    : undefined;
}

/** A method API Gateway and ALB can route; anything else is a usage error, not a request that matches nothing. */
function checkedMethod(method: string): string {
  const upper = method.toUpperCase();
  if ((HTTP_METHODS as readonly string[]).includes(upper)) return upper;
  throw new GateplanError(
    'usage',
    `unknown HTTP method "${method}"${didYouMean(upper, HTTP_METHODS)}; methods: ${HTTP_METHODS.join(', ')}`,
  );
}

/** `/books?q=1#top` → path `/books` and the query pair `q=1` (after any given with `--query`). */
function splitQuery(
  path: string,
  query: [string, string][] | undefined,
): { path: string; query?: [string, string][] } {
  const withoutFragment = path.split('#')[0]!;
  const at = withoutFragment.indexOf('?');
  if (at < 0) return { path: withoutFragment, ...(query ? { query } : {}) };
  const pairs = [...new URLSearchParams(withoutFragment.slice(at + 1))];
  const all = [...(query ?? []), ...pairs];
  return { path: withoutFragment.slice(0, at), ...(all.length ? { query: all } : {}) };
}
