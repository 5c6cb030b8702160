import { isObject } from '../../model/document.js';
import { formatSegments, parsePathTemplate, pathShape } from '../../model/paths.js';
import type { Where } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import { buildHttpPlan, buildRestPlan } from '../../targets/apigw/stack.js';
import { doorRoutes } from '../../targets/door-routes.js';
import { quotaLimit } from '../../targets/quotas.js';
import { change } from '../change.js';
import type { RouteChange } from '../types.js';
import { quotaChanges } from './quotas.js';

export type ApigwTarget = 'apigw-rest' | 'apigw-http';

const OPERATION_KEYS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  trace: 'TRACE',
  'x-amazon-apigateway-any-method': 'ANY',
};

/** What API Gateway will hold after import: resources (REST: every path prefix) and methods, keyed by shape. */
export interface ApigwSurface {
  /** API base path and shape under it (`|/books/{}`) → path as emitted and its full shape. */
  resources: Map<string, { path: string; shape: string }>;
  /** `METHOD shape` → `METHOD path` as emitted. */
  methods: Map<string, string>;
}

/**
 * Compares the import documents the target emits for both versions. Reading the emitted
 * document, not the model, catches what the target adds on its own (CORS preflight
 * OPTIONS methods, intermediate REST resources). Parameter renames keep a resource's
 * shape and are not reported: the resource is replaced in place, clients see no change.
 */
export function diffApigw(target: ApigwTarget, base: RouteModel, revision: RouteModel): RouteChange[] {
  const before = surfaceOf(target, base);
  const after = surfaceOf(target, revision);
  const out: RouteChange[] = [];
  if (target === 'apigw-rest') {
    const removedFrom = resourceOwners(base);
    const addedBy = resourceOwners(revision);
    for (const [key, { path, shape }] of before.resources)
      if (!after.resources.has(key))
        out.push(change('GP441', target, { target, path }, { base: removedFrom.get(shape) ?? rootOf(base) }));
    for (const [key, { path, shape }] of after.resources)
      if (!before.resources.has(key))
        out.push(
          change('GP440', target, { target, path }, { revision: addedBy.get(shape) ?? rootOf(revision) }),
        );
  }
  for (const [key, label] of before.methods) {
    if (after.methods.has(key)) continue;
    const [method, path] = split(label);
    out.push(
      change(
        'GP443',
        target,
        { target, method, path },
        { route: key, base: routeWhere(base, key) ?? rootOf(base) },
      ),
    );
  }
  for (const [key, label] of after.methods) {
    if (before.methods.has(key)) continue;
    const [method, path] = split(label);
    out.push(
      change(
        'GP442',
        target,
        { target, method, path },
        { route: key, revision: routeWhere(revision, key) ?? rootOf(revision) },
      ),
    );
  }
  const [quota, key] =
    target === 'apigw-rest'
      ? (['REST resources (largest API)', 'restResources'] as const)
      : (['HTTP API routes (largest API)', 'httpRoutes'] as const);
  out.push(
    ...quotaChanges(
      target,
      [
        { quota, limit: quotaLimit(revision, key), before: before.largest, after: after.largest },
        {
          quota: 'stages per API',
          limit: 10,
          before: Object.keys(base.stages).length,
          after: Object.keys(revision.stages).length,
        },
      ],
      revision,
    ),
  );
  return out;
}

/**
 * Resources and methods of every API the target deploys (the parts of a split included),
 * labelled with the full path a client calls. Resources are keyed by their API's base path
 * and shape, so one that moves between the APIs of a split is a removal and an addition, as it
 * is in the account; methods by the full shape, as route ids are.
 */
function surfaceOf(target: ApigwTarget, model: RouteModel): ApigwSurface & { largest: number } {
  const resources = new Map<string, { path: string; shape: string }>();
  const methods = new Map<string, string>();
  // The door's own routes: those gateplan.yaml leaves out of it are not in what it deploys.
  const served = doorRoutes(model, target).model;
  const plan = target === 'apigw-rest' ? buildRestPlan(served) : buildHttpPlan(served);
  let largest = 0;
  for (const api of plan.apis) {
    const prefix = api.basePath ? '/' + api.basePath : '';
    const full = (path: string) => (prefix && path === '/' ? prefix : prefix + path);
    const mapped = prefix ? api.basePath.split('/').length : 0;
    let own = 0;
    for (const [path, item] of Object.entries(api.document.paths as Record<string, unknown>)) {
      const parsed = parsePathTemplate(full(path));
      if (!parsed.ok) continue;
      for (let i = mapped; i <= parsed.segments.length; i++) {
        const key = `${api.basePath}|${pathShape(parsed.segments.slice(mapped, i))}`;
        if (resources.has(key)) continue;
        const prefixOf = parsed.segments.slice(0, i);
        resources.set(key, { path: formatSegments(prefixOf), shape: pathShape(prefixOf) });
        if (i > mapped && target === 'apigw-rest') own++;
      }
      if (!isObject(item)) continue;
      for (const key of Object.keys(item).sort()) {
        const method = OPERATION_KEYS[key];
        if (!method) continue;
        methods.set(`${method} ${pathShape(parsed.segments)}`, `${method} ${full(path)}`);
        if (target === 'apigw-http') own++;
      }
    }
    largest = Math.max(largest, own);
  }
  return { resources, methods, largest };
}

function split(label: string): [string, string] {
  const space = label.indexOf(' ');
  return [label.slice(0, space), label.slice(space + 1)];
}

/**
 * Full resource shape → where the first operation under it is written: the change that makes
 * API Gateway create (or, gone, delete) the resource, so a review comment lands on that line.
 */
function resourceOwners(model: RouteModel): Map<string, Where> {
  const owners = new Map<string, Where>();
  for (const route of model.routes)
    for (let i = 0; i <= route.segments.length; i++) {
      const shape = pathShape(route.segments.slice(0, i));
      if (!owners.has(shape)) owners.set(shape, route.where);
    }
  return owners;
}

function rootOf(model: RouteModel) {
  return { file: model.source.file, pointer: '/paths' };
}

function routeWhere(model: RouteModel, key: string) {
  return model.routes.find((r) => r.id === key)?.where;
}
