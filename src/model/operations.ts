import { HTTP_METHODS, type Param, type RequestBody, type ResponseSpec, type RouteMethod } from './types.js';
import { child, isObject, type DocumentReader } from './document.js';
import type { Where } from '../diagnostics/diagnostic.js';
import { dict } from '../util/dict.js';

/** An operation as found in the document, its `$ref`s followed, before intent is applied. */
export interface FoundOperation {
  /** Path template as written under `paths` (base path not yet folded in). */
  rawPath: string;
  method: RouteMethod;
  operation: Record<string, unknown>;
  where: Where;
  pathItem: Record<string, unknown>;
  pathItemWhere: Where;
  params: Param[];
  /** Where each parameter is declared, by `in:name`. */
  paramWhere: Map<string, Where>;
  requestBody?: RequestBody;
  responses: Record<string, ResponseSpec>;
}

const ANY_METHOD = 'x-amazon-apigateway-any-method';

export function findOperations(
  reader: DocumentReader,
  document: Record<string, unknown>,
  rootWhere: Where,
  swagger2: boolean,
): FoundOperation[] {
  const paths = document.paths;
  if (!isObject(paths)) return [];
  const found: FoundOperation[] = [];
  for (const [rawPath, rawItem] of Object.entries(paths)) {
    if (rawPath.startsWith('x-')) continue;
    const itemRef = reader.deref(rawItem, child(rootWhere, 'paths', rawPath));
    if (!itemRef || !isObject(itemRef.value)) continue;
    const pathItem = itemRef.value;
    const pathItemWhere = itemRef.where;
    const shared = collectParams(reader, pathItem.parameters, child(pathItemWhere, 'parameters'));
    const keys: [string, RouteMethod][] = [
      ...HTTP_METHODS.map((m): [string, RouteMethod] => [m.toLowerCase(), m]),
      [ANY_METHOD, 'ANY'],
    ];
    for (const [key, method] of keys) {
      if (!(key in pathItem)) continue;
      const opRef = reader.deref(pathItem[key], child(pathItemWhere, key));
      if (!opRef || !isObject(opRef.value)) continue;
      const operation = opRef.value;
      const own = collectParams(reader, operation.parameters, child(opRef.where, 'parameters'));
      const merged = new Map(shared);
      for (const [k, v] of own) merged.set(k, v);
      const params = [...merged.values()].map((p) => p.param);
      const publicParams = params
        .filter((p) => p.in === 'path' || p.in === 'query' || p.in === 'header' || p.in === 'cookie')
        .map(({ rawIn: _rawIn, rawSchema: _rawSchema, where: _where, ...param }) => param);
      const paramWhere = new Map([...merged].map(([k, v]) => [k, v.where]));
      const body = swagger2
        ? swaggerBody(params, operation, document)
        : openapiBody(reader, operation.requestBody, child(opRef.where, 'requestBody'));
      found.push({
        rawPath,
        method,
        operation,
        where: opRef.where,
        pathItem,
        pathItemWhere,
        params: publicParams,
        paramWhere,
        requestBody: body,
        responses: collectResponses(reader, operation.responses, child(opRef.where, 'responses'), swagger2),
      });
    }
  }
  return found;
}

type RawParam = Param & { rawIn: string; rawSchema?: unknown; where: Where };

function collectParams(
  reader: DocumentReader,
  list: unknown,
  where: Where,
): Map<string, { param: RawParam; where: Where }> {
  const out = new Map<string, { param: RawParam; where: Where }>();
  if (!Array.isArray(list)) return out;
  list.forEach((entry, i) => {
    const ref = reader.deref(entry, child(where, i));
    if (!ref || !isObject(ref.value)) return;
    const p = ref.value;
    if (typeof p.name !== 'string' || typeof p.in !== 'string') return;
    const param: RawParam = {
      name: p.name,
      in: p.in as Param['in'],
      rawIn: p.in,
      required: p.required === true || p.in === 'path',
      where: ref.where,
    };
    if (isObject(p.schema)) param.schema = p.schema;
    else if (typeof p.type === 'string')
      param.schema = { type: p.type, ...(p.format ? { format: p.format } : {}) };
    if (p.in === 'body') param.rawSchema = p.schema;
    if (typeof p.description === 'string') param.description = p.description;
    out.set(`${p.in}:${p.name}`, { param, where: ref.where });
  });
  return out;
}

function swaggerBody(
  params: Param[],
  operation: Record<string, unknown>,
  document: Record<string, unknown>,
): RequestBody | undefined {
  const consumes = (Array.isArray(operation.consumes) ? operation.consumes : document.consumes) as
    string[] | undefined;
  const body = (params as RawParam[]).find((p) => p.rawIn === 'body');
  if (body) {
    const types = consumes?.length ? consumes : ['application/json'];
    const where = child(body.where, 'schema');
    return {
      required: body.required,
      content: Object.fromEntries(types.map((t) => [t, { schema: body.rawSchema, where }])),
    };
  }
  const form = (params as RawParam[]).filter((p) => p.rawIn === 'formData');
  if (form.length === 0) return undefined;
  const type = consumes?.find((t) => t.startsWith('multipart/')) ?? 'application/x-www-form-urlencoded';
  const schema = {
    type: 'object',
    properties: Object.fromEntries(form.map((p) => [p.name, p.schema ?? {}])),
    required: form.filter((p) => p.required).map((p) => p.name),
  };
  return { required: form.some((p) => p.required), content: { [type]: { schema, where: form[0]!.where } } };
}

function openapiBody(reader: DocumentReader, raw: unknown, where: Where): RequestBody | undefined {
  if (raw === undefined) return undefined;
  const ref = reader.deref(raw, where);
  if (!ref || !isObject(ref.value)) return undefined;
  const content: RequestBody['content'] = dict();
  if (isObject(ref.value.content)) {
    for (const [type, media] of Object.entries(ref.value.content)) {
      const at = child(ref.where, 'content', type, 'schema');
      content[type] =
        isObject(media) && media.schema !== undefined ? { schema: media.schema, where: at } : { where: at };
    }
  }
  return { required: ref.value.required === true, content };
}

function collectResponses(
  reader: DocumentReader,
  raw: unknown,
  where: Where,
  swagger2: boolean,
): Record<string, ResponseSpec> {
  const out = dict<ResponseSpec>();
  if (!isObject(raw)) return out;
  for (const [status, entry] of Object.entries(raw)) {
    if (status.startsWith('x-')) continue;
    const ref = reader.deref(entry, child(where, status));
    if (!ref || !isObject(ref.value)) continue;
    const r = ref.value;
    const content: ResponseSpec['content'] = dict();
    if (!swagger2 && isObject(r.content)) {
      for (const type of Object.keys(r.content)) content[type] = {};
    } else if (swagger2 && r.schema !== undefined) {
      content['application/json'] = {};
    }
    out[status] = {
      description: typeof r.description === 'string' ? r.description : '',
      content,
      headers: isObject(r.headers) ? Object.keys(r.headers).sort() : [],
    };
  }
  return out;
}
