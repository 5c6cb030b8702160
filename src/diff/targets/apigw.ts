import { parse } from 'yaml';
import { isObject } from '../../model/document.js';
import { parsePathTemplate, pathShape } from '../../model/paths.js';
import type { RouteModel } from '../../model/types.js';
import { generate } from '../../targets/generate.js';
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
  /** Shape (`/books/{}`) → path as emitted. */
  resources: Map<string, string>;
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
    for (const [shape, path] of before.resources)
      if (!after.resources.has(shape))
        out.push(change('GP441', target, { target, path }, { base: rootOf(base) }));
    for (const [shape, path] of after.resources)
      if (!before.resources.has(shape))
        out.push(change('GP440', target, { target, path }, { revision: rootOf(revision) }));
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
  const counts =
    target === 'apigw-rest'
      ? ['REST resources', before.resources.size, after.resources.size]
      : ['HTTP API routes', before.methods.size, after.methods.size];
  out.push(
    ...quotaChanges(
      target,
      [
        { quota: String(counts[0]), limit: 300, before: Number(counts[1]), after: Number(counts[2]) },
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

function surfaceOf(target: ApigwTarget, model: RouteModel): ApigwSurface {
  const resources = new Map<string, string>();
  const methods = new Map<string, string>();
  for (const doc of importDocuments(target, model)) {
    for (const [path, item] of Object.entries(doc.paths as Record<string, unknown>)) {
      const parsed = parsePathTemplate(path);
      if (!parsed.ok) continue;
      for (let i = 0; i <= parsed.segments.length; i++) {
        const prefix = parsed.segments.slice(0, i);
        const shape = pathShape(prefix);
        if (!resources.has(shape))
          resources.set(shape, i === parsed.segments.length ? path : prefixPath(path, i));
      }
      if (!isObject(item)) continue;
      for (const key of Object.keys(item).sort()) {
        const method = OPERATION_KEYS[key];
        if (method) methods.set(`${method} ${pathShape(parsed.segments)}`, `${method} ${path}`);
      }
    }
  }
  return { resources, methods };
}

/** Every emitted file that is an OpenAPI/Swagger document with paths. */
function importDocuments(target: ApigwTarget, model: RouteModel): Record<string, unknown>[] {
  const { artifacts } = generate(model, { targets: [target] });
  const docs: Record<string, unknown>[] = [];
  for (const artifact of artifacts) {
    if (!/\.(json|ya?ml)$/.test(artifact.path)) continue;
    let value: unknown;
    try {
      value = parse(artifact.content, { maxAliasCount: -1 });
    } catch {
      continue;
    }
    if (
      isObject(value) &&
      isObject(value.paths) &&
      (value.openapi !== undefined || value.swagger !== undefined)
    )
      docs.push(value);
  }
  return docs;
}

function prefixPath(path: string, segments: number): string {
  if (segments === 0) return '/';
  return '/' + path.replace(/^\//, '').split('/').slice(0, segments).join('/');
}

function split(label: string): [string, string] {
  const space = label.indexOf(' ');
  return [label.slice(0, space), label.slice(space + 1)];
}

function rootOf(model: RouteModel) {
  return { file: model.source.file, pointer: '/paths' };
}

function routeWhere(model: RouteModel, key: string) {
  return model.routes.find((r) => r.id === key)?.where;
}
