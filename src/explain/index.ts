import { GateplanError } from '../diagnostics/errors.js';
import { HTTP_METHODS, type RouteModel } from '../model/types.js';
import { didYouMean } from '../util/suggest.js';
import { compileAlb, type AlbRequest } from '../targets/alb/index.js';
import { explainRequest, explanationText, type AlbExplanation } from '../targets/alb/explain.js';

export { explanationText, type AlbExplanation };

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
  /** Stage whose host, path prefix or listener to use; default: the first. */
  stage?: string;
}

/**
 * Which ALB listener rule serves a request, what it does and which operation it reaches:
 * the model's ALB plan, matched the way ALB evaluates rules. An unknown stage is a usage error.
 */
export function explain(model: RouteModel, given: ExplainRequest): AlbExplanation {
  const request = { ...given, ...splitQuery(given.path, given.query), method: checkedMethod(given.method) };
  const stageName = request.stage ?? Object.keys(model.stages)[0]!;
  const stage = model.stages[stageName];
  if (!stage)
    throw new GateplanError(
      'usage',
      `unknown stage "${stageName}"; stages: ${Object.keys(model.stages).join(', ')}`,
    );
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
  return explainRequest(model, compileAlb(model), albRequest, stageName);
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
