import { GateplanError } from '../diagnostics/errors.js';
import type { RouteModel } from '../model/types.js';
import { compileAlb, type AlbRequest } from '../targets/alb/index.js';
import { explainRequest, explanationText, type AlbExplanation } from '../targets/alb/explain.js';

export { explanationText, type AlbExplanation };

export interface ExplainRequest {
  /** HTTP method; any case. */
  method: string;
  /** Request path without the stage's path prefix (it is added when the stage routes by prefix). */
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
export function explain(model: RouteModel, request: ExplainRequest): AlbExplanation {
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
    method: request.method.toUpperCase(),
    path: prefix + (request.path.startsWith('/') ? request.path : '/' + request.path),
  };
  const host = request.host ?? (model.alb.stageMode === 'host' ? stage.host : undefined);
  if (host) albRequest.host = host;
  if (request.headers) albRequest.headers = request.headers;
  if (request.query) albRequest.query = request.query;
  if (request.sourceIp) albRequest.sourceIp = request.sourceIp;
  return explainRequest(model, compileAlb(model), albRequest, stageName);
}
