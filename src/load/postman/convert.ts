import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { HTTP_METHODS } from '../../model/types.js';
import { Origins } from '../overlay/origins.js';
import { securityOf } from './auth.js';
import { requestItems, type RequestItem } from './collection.js';
import { requestBody } from './body.js';
import { convertSegment, paramName, type ConvertedSegment } from './segments.js';
import { descriptionOf, isObject, parseUrl, type PostmanUrl } from './url.js';
import type { Variables } from './variables.js';
import { encodePointer } from '../../util/pointer.js';
import { dict } from '../../util/dict.js';
import { textOf } from '../../util/text.js';

export interface Converted {
  /** An OpenAPI 3.0 document, built in memory. */
  document: Record<string, unknown>;
  /** Maps pointers of `document` back into the collection. */
  origins: Origins;
  diagnostics: Diagnostic[];
}

/** Headers OpenAPI describes elsewhere (content negotiation, security), so not as parameters. */
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

type Operation = Record<string, unknown> & { parameters: Record<string, unknown>[] };

/**
 * Turns a Postman v2.0/v2.1 collection into OpenAPI 3.0: one operation per method and path
 * (requests repeating one are merged, with a finding), folders as tags, base URLs as servers
 * whose `{{variables}}` become server variables. `file` is the collection's display path.
 */
export function convertCollection(
  collection: Record<string, unknown>,
  file: string,
  variables: Variables,
): Converted {
  const origins = new Origins(file);
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string) => ({ file, pointer });
  const info = isObject(collection.info) ? collection.info : {};
  origins.set('/info', at('/info'), false);
  origins.set('/paths', at('/item'), false);

  const servers = new ServerList(variables, origins, diagnostics, file);
  const tags = new Set<string>();
  const paramNames = new Map<string, string>();
  const tagList: Record<string, unknown>[] = [];
  const schemes: Record<string, Record<string, unknown>> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  const operations = new Map<
    string,
    { operation: Operation; item: RequestItem; pointer: string; server?: string }
  >();

  for (const item of requestItems(collection)) {
    const method = textOf(item.request.method ?? 'GET').toUpperCase();
    if (!(HTTP_METHODS as readonly string[]).includes(method)) {
      diagnostics.push(
        diagnostic('GP506', at(`${item.pointer}/request/method`), { name: item.name, method }),
      );
      continue;
    }
    const url = parseUrl(item.request.url);
    if (!url) {
      diagnostics.push(diagnostic('GP503', at(`${item.pointer}/request`), { name: item.name }));
      continue;
    }
    const server = servers.add(url.base, `${item.pointer}/request/url`);
    const rawPath = [...(server?.prefix ?? []), ...url.path];
    const segments = rawPath.map((s) => convertSegment(s, variables));
    sameParamNames(segments, paramNames);
    uniqueParamNames(segments);
    const path = '/' + segments.map((s) => (s.kind === 'literal' ? s.value : `{${s.name}}`)).join('/');
    const shape = segments.map((s) => (s.kind === 'literal' ? s.value : '{}')).join('/');
    reportSegments(rawPath, segments, item, file, diagnostics);
    const key = `${method} /${shape}`;
    const pathPointer = encodePointer(['paths', path]);
    const opPointer = `${pathPointer}/${method.toLowerCase()}`;

    const parameters = parametersOf(item, url, rawPath, segments);
    const body =
      method === 'GET' || method === 'HEAD' ? undefined : requestBody(item.request.body, item.request.header);
    const existing = operations.get(key);
    if (existing) {
      diagnostics.push(
        diagnostic('GP500', at(item.pointer), {
          name: item.name,
          route: `${method} ${path}`,
          first: existing.item.name,
        }),
      );
      mergeInto(existing.operation, parameters, body, item, origins, existing.pointer);
      continue;
    }

    const operation: Operation = { summary: item.name, parameters: [] };
    const description = descriptionOf(item.request.description).description;
    if (description) operation.description = description;
    if (item.folders.length > 0) {
      const tag = item.folders.map((f) => f.name).join(' > ');
      if (!tags.has(tag)) {
        tags.add(tag);
        const folder = item.folders[item.folders.length - 1]!;
        origins.set(`/tags/${tagList.length}`, at(folder.pointer), false);
        tagList.push({ name: tag, ...descriptionOf(folder.description) });
      }
      operation.tags = [tag];
    }
    const security = item.auth ? securityOf(item.auth.value) : undefined;
    if (security?.kind === 'public') operation.security = [];
    if (security?.kind === 'scheme') {
      operation.security = [{ [security.name]: [] }];
      if (!schemes[security.name]) {
        schemes[security.name] = security.scheme;
        origins.set(
          encodePointer(['components', 'securitySchemes', security.name]),
          at(item.auth!.pointer),
          false,
        );
      }
    }
    mergeInto(operation, parameters, body, item, origins, opPointer);
    const responses = responsesOf(item);
    if (responses) {
      operation.responses = responses;
      origins.set(`${opPointer}/responses`, at(`${item.pointer}/response`), false);
    }
    paths[path] ??= {};
    if (!origins.has(pathPointer)) origins.set(pathPointer, at(item.pointer), false);
    paths[path]![method.toLowerCase()] = operation;
    origins.set(opPointer, at(item.pointer), false);
    operations.set(key, {
      operation,
      item,
      pointer: opPointer,
      ...(server !== undefined ? { server: server.url } : {}),
    });
  }

  const serverList = servers.list();
  if (serverList.length > 1) {
    for (const { operation, server } of operations.values()) {
      if (server !== undefined) operation.servers = [serverList.find((s) => s.url === server)];
    }
  }
  for (const { operation } of operations.values()) {
    if (operation.parameters.length === 0) delete (operation as Record<string, unknown>).parameters;
  }

  const document: Record<string, unknown> = {
    openapi: '3.0.3',
    info: {
      title: typeof info.name === 'string' && info.name !== '' ? info.name : 'Postman collection',
      version: typeof info.version === 'string' ? info.version : '1.0.0',
      ...descriptionOf(info.description),
    },
    ...(serverList.length > 0 ? { servers: serverList } : {}),
    ...(tagList.length > 0 ? { tags: tagList } : {}),
    paths,
    ...(Object.keys(schemes).length > 0 ? { components: { securitySchemes: schemes } } : {}),
  };
  return { document, origins, diagnostics };
}

/**
 * `/orders/:id` and `/orders/:orderId/items` name one path level differently, which neither
 * OpenAPI nor API Gateway's resource tree allows: the first name seen at a level is used for
 * every request below it.
 */
function sameParamNames(segments: ConvertedSegment[], seen: Map<string, string>): void {
  let prefix = '';
  for (const s of segments) {
    prefix += '/' + (s.kind === 'literal' ? s.value : '{}');
    if (s.kind !== 'param') continue;
    const first = seen.get(prefix);
    if (first === undefined) seen.set(prefix, s.name);
    else s.name = first;
  }
}

/** `/{{id}}/{{id}}` would declare `id` twice: later ones are numbered. */
function uniqueParamNames(segments: ConvertedSegment[]): void {
  const seen = new Set<string>();
  for (const s of segments) {
    if (s.kind !== 'param') continue;
    let name = s.name;
    for (let n = 2; seen.has(name); n++) name = `${s.name}_${n}`;
    s.name = name;
    seen.add(name);
  }
}

function reportSegments(
  rawPath: string[],
  segments: ConvertedSegment[],
  item: RequestItem,
  file: string,
  diagnostics: Diagnostic[],
): void {
  const where = { file, pointer: `${item.pointer}/request/url` };
  segments.forEach((s, i) => {
    if (s.kind === 'param' && s.mixed)
      diagnostics.push(diagnostic('GP501', where, { segment: rawPath[i]!, param: s.name }));
    if (s.kind === 'literal' && s.encodedFrom !== undefined) {
      diagnostics.push(
        diagnostic('GP502', where, { segment: JSON.stringify(s.encodedFrom), encoded: s.value }),
      );
    }
  });
}

interface SourcedParam {
  param: Record<string, unknown>;
  pointer: string;
}

function parametersOf(
  item: RequestItem,
  url: PostmanUrl,
  rawPath: string[],
  segments: ConvertedSegment[],
): SourcedParam[] {
  const urlPointer = `${item.pointer}/request/url`;
  const out: SourcedParam[] = [];
  segments.forEach((s, i) => {
    if (s.kind !== 'param') return;
    const raw = rawPath[i]!;
    const declared = url.variables.get(raw.startsWith(':') ? raw.slice(1) : raw);
    out.push({
      param: {
        name: s.name,
        in: 'path',
        required: true,
        schema: { type: 'string' },
        ...(declared?.description ? { description: declared.description } : {}),
      },
      pointer: declared ? `${urlPointer}/variable/${declared.index}` : urlPointer,
    });
  });
  for (const q of url.query) {
    out.push({
      param: { name: q.key, in: 'query', required: false, schema: { type: 'string' } },
      pointer: q.index === -1 ? urlPointer : `${urlPointer}/query/${q.index}`,
    });
  }
  const headers = Array.isArray(item.request.header) ? item.request.header : [];
  headers.forEach((h, index) => {
    if (!isObject(h) || typeof h.key !== 'string' || h.key === '' || h.disabled === true) return;
    if (RESERVED_HEADERS.has(h.key.toLowerCase())) return;
    out.push({
      param: {
        name: h.key,
        in: 'header',
        required: false,
        schema: { type: 'string' },
        ...descriptionOf(h.description),
      },
      pointer: `${item.pointer}/request/header/${index}`,
    });
  });
  return out;
}

/** Adds parameters and body media types the operation does not have yet; the first request's win. */
function mergeInto(
  operation: Operation,
  parameters: SourcedParam[],
  body: ReturnType<typeof requestBody>,
  item: RequestItem,
  origins: Origins,
  opPointer: string,
): void {
  for (const { param, pointer } of parameters) {
    if (
      operation.parameters.some(
        (p) => p.in === param.in && textOf(p.name).toLowerCase() === textOf(param.name).toLowerCase(),
      )
    )
      continue;
    origins.set(
      `${opPointer}/parameters/${operation.parameters.length}`,
      { file: origins.file, pointer },
      false,
    );
    operation.parameters.push(param);
  }
  if (!body) return;
  const current = (operation.requestBody as { content: Record<string, unknown> } | undefined)?.content;
  if (!current) {
    operation.requestBody = { content: body };
    origins.set(
      `${opPointer}/requestBody`,
      { file: origins.file, pointer: `${item.pointer}/request/body` },
      false,
    );
    return;
  }
  for (const [type, media] of Object.entries(body)) current[type] ??= media;
}

function responsesOf(item: RequestItem): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const r of item.responses) {
    if (!isObject(r) || typeof r.code !== 'number') continue;
    out[textOf(r.code)] ??= {
      description: typeof r.status === 'string' && r.status !== '' ? r.status : textOf(r.name ?? r.code),
    };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Distinct base URLs in first-seen order, as OpenAPI servers with variables. */
class ServerList {
  private readonly servers = new Map<string, Record<string, unknown>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly variables: Variables,
    private readonly origins: Origins,
    private readonly diagnostics: Diagnostic[],
    private readonly file: string,
  ) {}

  /**
   * The server for `base` (undefined when the request names no host). When every variable in
   * it has a value the server is that concrete origin, and a path in it (`{{baseUrl}}` =
   * `https://api.example.com/v1`) is returned as `prefix` for the route, so requests written
   * with and without the variable land on the same path. Otherwise the variables stay
   * server variables, defaulting to what values they have.
   */
  add(base: string, pointer: string): { url: string; prefix: string[] } | undefined {
    if (base === '') return undefined;
    const resolved = this.variables.expand(base);
    const concrete =
      resolved === undefined
        ? undefined
        : /^([A-Za-z][\w+.-]*:\/\/[^/?#\s<>{}]+)([^?#]*)/.exec(withScheme(resolved));
    if (concrete) {
      const url = concrete[1]!;
      this.register(url, {}, pointer);
      return { url, prefix: concrete[2]!.split('/').filter((p) => p !== '') };
    }
    let url = base.replace(/\{\{([^{}]*)\}\}/g, (_m, raw: string) => {
      const name = paramName(raw);
      if (this.variables.value(raw) === undefined && !this.reported.has(raw)) {
        this.reported.add(raw);
        this.diagnostics.push(diagnostic('GP504', { file: this.file, pointer }, { variable: `{{${raw}}}` }));
      }
      return `{${name}}`;
    });
    if (!url.startsWith('{')) url = withScheme(url);
    const vars = dict<{ default: string }>();
    for (const match of base.matchAll(/\{\{([^{}]*)\}\}/g))
      vars[paramName(match[1]!)] ??= { default: this.variables.value(match[1]!) ?? '' };
    this.register(url, vars, pointer);
    return { url, prefix: [] };
  }

  private register(url: string, variables: Record<string, { default: string }>, pointer: string): void {
    if (this.servers.has(url)) return;
    this.origins.set(`/servers/${this.servers.size}`, { file: this.file, pointer }, false);
    this.servers.set(url, { url, ...(Object.keys(variables).length > 0 ? { variables } : {}) });
  }

  list(): Record<string, unknown>[] {
    return [...this.servers.values()];
  }
}

/** Postman sends requests without a scheme over plain HTTP. */
function withScheme(url: string): string {
  return /^[^:/{}]+:\/\//.test(url) ? url : `http://${url}`;
}
