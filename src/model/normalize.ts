import { backendCheckedNotes, readAuthSchemes, readSecurity, type ExternalSchemeIntent } from './auth.js';
import {
  applySeverity,
  dedupeDiagnostics,
  diagnostic,
  sortDiagnostics,
  type Diagnostic,
  type SeverityOverrides,
  type Where,
} from '../diagnostics/diagnostic.js';
import { asString, child, DocumentReader, isObject } from './document.js';
import { backendFromIntegration, buildBackend } from './intent/backends.js';
import type { RawConfig, RawRootIntent, RawRouteSettings, RawStage } from './intent/raw.js';
import {
  compileSelector,
  corsOf,
  describeSelector,
  resolveSettings,
  type Selectable,
  type SettingsLayer,
} from './intent/settings.js';
import { validateIntent } from './intent/validate.js';
import { shortList } from '../format/list.js';
import { findOperations, type FoundOperation } from './operations.js';
import { keptDeclaration, routeConflicts } from './same-route.js';
import { checkable } from './validation.js';
import {
  formatSegments,
  joinBasePath,
  parsePathTemplate,
  pathParamNames,
  pathShape,
  splitPathKey,
} from './paths.js';
import { collectSchemas } from './schemas.js';
import type { SpecInput } from './input.js';
import { relocateModel } from './relocate.js';
import type { Backend, Canary, MatchConditions, Param, Route, RouteModel, Stage } from './types.js';
import { dict, own } from '../util/dict.js';
import { sortKeys } from '../util/order.js';
import { jsonPathOf } from '../util/pointer.js';
import { compareRoutes, routeLabel } from './routes.js';

export interface NormalizeOptions {
  /** Per-code severity overrides; merged over the config file's `severity`. */
  severity?: SeverityOverrides;
}

/** Builds the route model from a loaded spec. Pure: reads only what `load` returned. */
export function normalize(spec: SpecInput, options: NormalizeOptions = {}): RouteModel {
  const entry = spec.sources.entry;
  const rootWhere: Where = { file: entry.display, pointer: '' };
  const doc = spec.document;
  const swagger2 = spec.format === 'swagger-2.0';
  const reader = new DocumentReader(spec.sources);
  const diagnostics: Diagnostic[] = [...spec.diagnostics];

  const rootIntent = readRootIntent(doc, rootWhere, diagnostics);
  const config = readConfig(spec.config, diagnostics);
  const intent = mergeRoot(rootIntent.value, config.value);

  const backends = readBackends(rootIntent, config, diagnostics);
  const auth = readAuthSchemes(
    reader,
    doc,
    rootWhere,
    swagger2,
    externalAuthIntent(rootIntent, config),
    diagnostics,
  );
  const servers = readServers(doc, swagger2);
  const basePath = intent.basePath ?? inferBasePath(doc, swagger2, servers);

  const found = findOperations(reader, doc, rootWhere, swagger2);
  const rules = (config.value?.rules ?? []).map((rule, i) => ({
    rule,
    index: i,
    test: compileSelector(rule.match),
    where: child(config.where!, 'rules', i),
    used: false,
  }));

  const excludes = (config.value?.exclude ?? []).map((selector, i) => ({
    selector,
    test: compileSelector(selector),
    where: child(config.where!, 'exclude', i),
    left: [] as string[],
  }));

  const routes: Route[] = [];
  const unvalidated: Route[] = [];
  const byId = new Map<string, Route>();
  const byOperationId = new Map<string, Route>();
  for (const op of found) {
    const excluded = excludes.find((e) => e.test(selectable(op)));
    if (excluded) {
      excluded.left.push(`${op.method} ${op.rawPath}`);
      continue;
    }
    const route = buildRoute(op, {
      basePath,
      inferredSchemas: spec.format.startsWith('postman'),
      unvalidated,
      rootSecurity: doc.security,
      auth,
      backends,
      intentDefaults: [
        ...(rootIntent.value?.defaults
          ? [{ settings: rootIntent.value.defaults, where: child(rootIntent.where, 'defaults') }]
          : []),
        ...(config.value?.defaults
          ? [{ settings: config.value.defaults, where: child(config.where!, 'defaults') }]
          : []),
      ],
      rules,
      diagnostics,
    });
    if (!route) continue;
    const existing = byId.get(route.id);
    if (existing) {
      const kept = keptDeclaration(existing, route);
      const dropped = kept === route ? existing : route;
      diagnostics.push(duplicateFinding(kept, dropped));
      if (kept === existing) continue;
      routes.splice(routes.indexOf(existing), 1);
      if (existing.operationId && byOperationId.get(existing.operationId) === existing)
        byOperationId.delete(existing.operationId);
    }
    if (route.operationId) {
      const other = byOperationId.get(route.operationId);
      if (other) {
        diagnostics.push(
          diagnostic(
            'GP025',
            child(route.where, 'operationId'),
            { operationId: route.operationId, route: routeLabel(route), other: routeLabel(other) },
            route.id,
          ),
        );
      } else {
        byOperationId.set(route.operationId, route);
      }
    }
    byId.set(route.id, route);
    routes.push(route);
  }

  for (const e of excludes) {
    const selector = describeSelector(e.selector);
    diagnostics.push(
      e.left.length
        ? diagnostic('GP030', e.where, { selector, count: e.left.length, routes: shortList(e.left, 3) })
        : diagnostic('GP031', e.where, { selector }),
    );
  }
  for (const rule of rules) {
    if (!rule.used)
      diagnostics.push(
        diagnostic('GP043', rule.where, { index: rule.index, selector: describeSelector(rule.rule.match) }),
      );
  }
  if (found.length === 0) diagnostics.push(diagnostic('GP024', child(rootWhere, 'paths')));
  const wouldValidate = unvalidated.filter(
    (r) => routes.includes(r) && (checkable(r).body || checkable(r).params),
  );
  if (wouldValidate.length > 0)
    diagnostics.push(
      diagnostic('GP035', rootWhere, { count: wouldValidate.length, route: routeLabel(wouldValidate[0]!) }),
    );
  const webhooks = isObject(doc.webhooks) ? Object.keys(doc.webhooks).length : 0;
  if (webhooks > 0) diagnostics.push(diagnostic('GP026', child(rootWhere, 'webhooks'), { count: webhooks }));

  diagnostics.push(...backendCheckedNotes(auth, routes));
  addIntegrationBackends(routes, backends, diagnostics);
  checkBackends(routes, backends, diagnostics);

  const { stages, listenerPorts } = readStages(rootIntent, config, backends, diagnostics);
  if (intent.catchAll !== undefined && !own(backends, intent.catchAll)) {
    diagnostics.push(diagnostic('GP051', child(rootIntent.where, 'catchAll'), { backend: intent.catchAll }));
  }

  routes.sort(compareRoutes);
  diagnostics.push(...reader.diagnostics);
  const info = isObject(doc.info) ? doc.info : {};
  const cors = intent.defaults?.cors;
  const model: RouteModel = {
    api: {
      title: asString(info.title) ?? 'API',
      version: asString(info.version) ?? '0',
      ...(asString(info.description) ? { description: asString(info.description) } : {}),
      servers,
      basePath,
    },
    source: { file: entry.display, format: spec.format },
    backends: sortKeys(backends),
    routes,
    stages,
    auth,
    alb: {
      stageMode: intent.alb?.stages ?? 'host',
      stack: intent.alb?.stack ?? 'listener-rules',
      unmatched: intent.alb?.unmatched ?? 'backend',
      ...(Object.keys(listenerPorts).length ? { listenerPorts } : {}),
    },
    ...(cors ? { cors: corsOf(cors) } : {}),
    binaryMediaTypes: intent.binaryMediaTypes ?? stringList(doc['x-amazon-apigateway-binary-media-types']),
    endpoint: {
      type: intent.endpoint?.type ?? 'regional',
      vpcEndpointIds: intent.endpoint?.vpcEndpointIds ?? [],
    },
    schemas: collectSchemas(reader, routes, rootWhere, swagger2),
    diagnostics: [],
  };
  if (intent.catchAll !== undefined && own(backends, intent.catchAll)) model.catchAll = intent.catchAll;
  const overrides = { ...(config.value?.severity as SeverityOverrides | undefined), ...options.severity };
  if (Object.keys(overrides).length) model.severity = overrides;
  if (intent.quotas && Object.keys(intent.quotas).length) model.quotas = { ...intent.quotas };
  model.diagnostics = sortDiagnostics(
    applySeverity(dedupeDiagnostics([...diagnostics, ...reader.diagnostics]), overrides),
  );
  if (spec.origins) relocateModel(model, spec.origins);
  return model;
}

interface RouteContext {
  basePath: string;
  /** Request schemas were made up from examples (a Postman collection): not validated by default. */
  inferredSchemas: boolean;
  /** Routes whose validation was turned off because their schemas were inferred. */
  unvalidated: Route[];
  rootSecurity: unknown;
  auth: RouteModel['auth'];
  backends: Record<string, Backend>;
  intentDefaults: SettingsLayer[];
  rules: {
    rule: NonNullable<RawConfig['rules']>[number];
    test: ReturnType<typeof compileSelector>;
    where: Where;
    used: boolean;
  }[];
  diagnostics: Diagnostic[];
}

function buildRoute(op: FoundOperation, ctx: RouteContext): Route | undefined {
  const pathWhere = op.pathItemWhere;
  const invalid = (reason: string) => {
    ctx.diagnostics.push(diagnostic('GP023', pathWhere, { path: op.rawPath, reason }));
    return undefined;
  };
  const key = splitPathKey(op.rawPath);
  if (!key.ok) return invalid(key.reason);
  const parsed = parsePathTemplate(joinBasePath(ctx.basePath, key.path));
  if (!parsed.ok) return invalid(parsed.reason);
  const { path: rawPath, query } = key;
  const segments = parsed.segments;
  const path = formatSegments(segments);
  if (rawPath.length > 1 && rawPath.endsWith('/')) {
    ctx.diagnostics.push(diagnostic('GP028', pathWhere, { path: op.rawPath, routed: path }));
  }
  const asked = query !== undefined ? `?${query}` : '';
  const id = `${op.method} ${pathShape(segments)}${asked}`;
  const label = `${op.method} ${path}${asked}`;
  const tags = Array.isArray(op.operation.tags) ? op.operation.tags.map(String) : [];
  const operationId = asString(op.operation.operationId);

  const params = reconcilePathParams(op, pathParamNames(segments), id, label, path, ctx.diagnostics);

  const layers: SettingsLayer[] = [...ctx.intentDefaults];
  for (const rule of ctx.rules) {
    if (rule.test(selectable(op))) {
      rule.used = true;
      layers.push({ settings: rule.rule.set, where: child(rule.where, 'set') });
    }
  }
  for (const [owner, ownerWhere] of [
    [op.pathItem, pathWhere],
    [op.operation, op.where],
  ] as const) {
    if (owner['x-gateplan'] === undefined) continue;
    const at = child(ownerWhere, 'x-gateplan');
    const checked = validateIntent('operation', owner['x-gateplan'], at);
    ctx.diagnostics.push(...checked.diagnostics);
    if (checked.value) layers.push({ settings: checked.value as RawRouteSettings, where: at });
  }
  const settings = resolveSettings(layers);
  const integration = isObject(op.operation['x-amazon-apigateway-integration'])
    ? op.operation['x-amazon-apigateway-integration']
    : undefined;

  const route: Route = {
    id,
    method: op.method,
    path,
    ...(query !== undefined ? { pathQuery: query } : {}),
    segments,
    tags,
    backend: settings.backend?.value ?? { backend: '' },
    params,
    responses: op.responses,
    deprecated: op.operation.deprecated === true,
    where: op.where,
  };
  if (operationId) route.operationId = operationId;
  if (settings.name) route.name = settings.name;
  const summary = asString(op.operation.summary);
  if (summary) route.summary = summary;
  const security = readSecurity(op.operation.security ?? ctx.rootSecurity);
  if (security) {
    route.auth = security;
    for (const requirement of security) {
      for (const scheme of requirement.schemes) {
        if (!own(ctx.auth, scheme.name)) {
          const at =
            op.operation.security !== undefined
              ? child(op.where, 'security')
              : { file: op.where.file, pointer: '/security' };
          ctx.diagnostics.push(diagnostic('GP044', at, { scheme: scheme.name, route: label }, id));
        }
      }
    }
  }
  if (settings.throttle) route.throttle = settings.throttle;
  if (settings.timeoutMs !== undefined) route.timeoutMs = settings.timeoutMs;
  if (settings.validate !== undefined) route.validate = settings.validate;
  else if (ctx.inferredSchemas) {
    route.validate = false;
    ctx.unvalidated.push(route);
  }
  if (settings.cors) route.cors = settings.cors;
  const match = withPathQuery(settings.match, key.pairs);
  if (match) route.match = match;
  if (settings.health) route.health = true;
  if (settings.leaveOutOf?.length) route.leftOutOf = settings.leaveOutOf;
  if (op.requestBody) route.requestBody = op.requestBody;
  if (integration) route.existingIntegration = integration;
  // Which layer named the backend matters for the "unknown backend" location.
  backendWhere.set(route, settings.backend?.where);
  return route;
}

const backendWhere = new WeakMap<Route, Where | undefined>();

/**
 * Two operations whose paths differ only in parameter names are one route to every front
 * door. When they agree on everything a front door does, one route serves both (GP151): the
 * backend receives each request's path unchanged. Otherwise it is an error naming what differs.
 */
function duplicateFinding(kept: Route, dropped: Route): Diagnostic {
  const conflicts = routeConflicts(kept, dropped);
  if (conflicts.length === 0) {
    return diagnostic(
      'GP151',
      dropped.where,
      { route: routeLabel(dropped), kept: kept.path, dropped: dropped.path },
      kept.id,
    );
  }
  return diagnostic(
    'GP020',
    dropped.where,
    {
      route: routeLabel(dropped),
      path: dropped.path,
      other: kept.path,
      differs: conflicts.join(', '),
      target: jsonPathOf(dropped.where.pointer),
    },
    kept.id,
  );
}

/**
 * Reconciles declared path parameters with the template: an undeclared one is added as a
 * required string (real specs often forget them), a declared one the path lacks is dropped,
 * since API Gateway rejects mappings for parameters the path does not have. Both are reported.
 */
function reconcilePathParams(
  op: FoundOperation,
  names: string[],
  id: string,
  label: string,
  path: string,
  diagnostics: Diagnostic[],
): Param[] {
  const declared = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  const params = op.params.filter((p) => p.in !== 'path' || names.includes(p.name));
  for (const name of names) {
    if (declared.includes(name)) continue;
    diagnostics.push(diagnostic('GP021', op.where, { name, route: label }, id));
    params.push({ name, in: 'path', required: true, schema: { type: 'string' } });
  }
  for (const name of declared) {
    if (!names.includes(name)) {
      diagnostics.push(
        diagnostic('GP022', op.paramWhere.get(`path:${name}`) ?? op.where, { name, path }, id),
      );
    }
  }
  return params;
}

/**
 * Routes that name no backend but carry an API Gateway integration get a backend made from
 * it. A route whose backend is the one its own integration describes is served by that
 * integration as written (`usesExistingIntegration`), since it may carry templates and
 * mappings the model does not; the targets read that decision instead of re-deriving it.
 */
function addIntegrationBackends(
  routes: Route[],
  backends: Record<string, Backend>,
  diagnostics: Diagnostic[],
): void {
  for (const route of routes) {
    if (!route.existingIntegration) continue;
    const made = backendFromIntegration(
      route.existingIntegration,
      child(route.where, 'x-amazon-apigateway-integration'),
    );
    if (!made || !('backend' in route.backend)) continue;
    if (route.backend.backend === '') {
      if (!own(backends, made.backend.name)) backends[made.backend.name] = made.backend;
      route.backend = { backend: made.backend.name };
      if (made.verbatim) {
        const type = String(route.existingIntegration.type ?? '').toLowerCase();
        diagnostics.push(
          diagnostic(
            'GP045',
            made.backend.where,
            { type, route: routeLabel(route), backend: made.backend.name },
            route.id,
          ),
        );
      }
    }
    if (route.backend.backend === made.backend.name) route.usesExistingIntegration = true;
  }
}

function checkBackends(routes: Route[], backends: Record<string, Backend>, diagnostics: Diagnostic[]): void {
  const known = Object.keys(backends).sort().join(', ') || '(none defined)';
  const used = new Set<string>();
  for (const route of routes) {
    const refs =
      'backend' in route.backend ? [route.backend.backend] : route.backend.weighted.map((w) => w.backend);
    const where = backendWhere.get(route) ?? route.where;
    if ('weighted' in route.backend && route.backend.weighted.every((w) => w.weight === 0)) {
      diagnostics.push(diagnostic('GP046', where, { route: routeLabel(route) }, route.id));
    }
    for (const name of refs) {
      if (name === '') {
        diagnostics.push(diagnostic('GP042', route.where, { route: routeLabel(route) }, route.id));
      } else if (!own(backends, name)) {
        diagnostics.push(
          diagnostic(
            'GP041',
            child(where, 'backend'),
            { backend: name, route: routeLabel(route), known },
            route.id,
          ),
        );
      } else {
        used.add(name);
      }
    }
  }
  for (const backend of Object.values(backends)) {
    if (!used.has(backend.name))
      diagnostics.push(diagnostic('GP049', backend.where, { backend: backend.name }));
  }
}

function readRootIntent(
  doc: Record<string, unknown>,
  rootWhere: Where,
  diagnostics: Diagnostic[],
): { value?: RawRootIntent; where: Where } {
  const where = child(rootWhere, 'x-gateplan');
  if (doc['x-gateplan'] === undefined) return { where };
  const checked = validateIntent('root', doc['x-gateplan'], where);
  diagnostics.push(...checked.diagnostics);
  return { value: checked.value, where };
}

function readConfig(
  file: SpecInput['config'],
  diagnostics: Diagnostic[],
): { value?: RawConfig; where?: Where } {
  if (!file) return {};
  const where = { file: file.display, pointer: '' };
  if (file.value === null || file.value === undefined) return { value: {}, where };
  const checked = validateIntent('config', file.value, where);
  diagnostics.push(...checked.diagnostics);
  return { value: checked.value, where };
}

/**
 * API-wide settings: the config file's top-level keys override the root `x-gateplan`'s.
 * (Backends and stages are read per source, to keep their locations.)
 */
function mergeRoot(root: RawRootIntent | undefined, config: RawConfig | undefined): RawRootIntent {
  const r = root ?? {};
  const c = config ?? {};
  const merged: RawRootIntent = { ...r, ...withoutConfigOnly(c) };
  if (r.defaults || c.defaults) merged.defaults = { ...r.defaults, ...c.defaults };
  return merged;
}

function withoutConfigOnly(config: RawConfig): RawRootIntent {
  const {
    rules: _rules,
    severity: _severity,
    $schema: _schema,
    ...rest
  } = config as RawConfig & { $schema?: string };
  return rest;
}

/** `auth:` from the root `x-gateplan`, then from `gateplan.yaml` (which wins). */
function externalAuthIntent(
  root: { value?: RawRootIntent; where: Where },
  config: { value?: RawConfig; where?: Where },
): ExternalSchemeIntent {
  const out: ExternalSchemeIntent = dict();
  for (const { value, where } of [root, config]) {
    for (const [name, intent] of Object.entries(value?.auth ?? {})) {
      out[name] = { intent: { ...own(out, name)?.intent, ...intent }, where: child(where!, 'auth', name) };
    }
  }
  return out;
}

/** Backends from the root `x-gateplan`, then the config file's (which win on a name clash). */
function readBackends(
  root: { value?: RawRootIntent; where: Where },
  config: { value?: RawConfig; where?: Where },
  diagnostics: Diagnostic[],
): Record<string, Backend> {
  const out = dict<Backend>();
  for (const { value, where } of [root, config]) {
    for (const [name, raw] of Object.entries(value?.backends ?? {})) {
      const backend = buildBackend(name, raw, child(where!, 'backends', name), diagnostics);
      if (backend) out[name] = backend;
    }
  }
  return out;
}

/**
 * Stages from the root `x-gateplan` and the config file (config wins); one `prod` stage when
 * none. Their ALB listener ports go to `model.alb`, which only the ALB target reads.
 */
function readStages(
  root: { value?: RawRootIntent; where: Where },
  config: { value?: RawConfig; where?: Where },
  backends: Record<string, Backend>,
  diagnostics: Diagnostic[],
): { stages: Record<string, Stage>; listenerPorts: Record<string, number> } {
  const declared = new Map<string, { raw: RawStage; where: Where }>();
  for (const { value, where } of [root, config]) {
    for (const [name, raw] of Object.entries(value?.stages ?? {}))
      declared.set(name, { raw, where: child(where!, 'stages', name) });
  }
  const listenerPorts = dict<number>();
  if (declared.size === 0)
    return {
      stages: dict([['prod', { name: 'prod', variables: dict(), where: root.where }]]),
      listenerPorts,
    };
  const out = dict<Stage>();
  for (const name of [...declared.keys()].sort()) {
    const { raw: s, where } = declared.get(name)!;
    const stage: Stage = { name, variables: dict(Object.entries(s.variables ?? {})), where };
    if (s.host) stage.host = s.host;
    if (s.pathPrefix) stage.pathPrefix = s.pathPrefix.replace(/\/+$/, '');
    if (s.listenerPort !== undefined) listenerPorts[name] = s.listenerPort;
    if (s.throttle) stage.throttle = { ...s.throttle };
    if (s.quota) stage.quota = { ...s.quota };
    if (s.canary) {
      const canary: Canary = {
        percent: s.canary.percent,
        backends: dict(Object.entries(s.canary.backends ?? {})),
      };
      for (const [stable, replacement] of Object.entries(canary.backends)) {
        for (const backend of [stable, replacement]) {
          if (!own(backends, backend))
            diagnostics.push(
              diagnostic('GP047', child(where, 'canary', 'backends', stable), { stage: name, backend }),
            );
        }
      }
      stage.canary = canary;
    }
    out[name] = stage;
  }
  return { stages: out, listenerPorts };
}

function readServers(doc: Record<string, unknown>, swagger2: boolean): string[] {
  if (swagger2) {
    if (typeof doc.host !== 'string') return [];
    const schemes = Array.isArray(doc.schemes) && doc.schemes.length ? doc.schemes.map(String) : ['https'];
    const base = typeof doc.basePath === 'string' ? doc.basePath : '';
    return schemes.map((s) => `${s}://${doc.host}${base}`);
  }
  if (!Array.isArray(doc.servers)) return [];
  return doc.servers.filter(isObject).map((s) => substituteVariables(String(s.url ?? '/'), s.variables));
}

function substituteVariables(url: string, variables: unknown): string {
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = isObject(variables) ? variables[name] : undefined;
    return isObject(v) && v.default !== undefined ? String(v.default) : whole;
  });
}

/** Swagger `basePath`; for OpenAPI 3 the `basePath` server variable, else the first server URL's path. */
function inferBasePath(doc: Record<string, unknown>, swagger2: boolean, servers: string[]): string {
  if (swagger2) return normalizeBase(typeof doc.basePath === 'string' ? doc.basePath : '');
  const first = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? doc.servers[0] : undefined;
  const vars = isObject(first?.variables) ? first.variables : {};
  if (isObject(vars.basePath) && vars.basePath.default !== undefined)
    return normalizeBase(String(vars.basePath.default));
  const url = servers[0];
  if (!url) return '';
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(url)?.[1] ?? (url.startsWith('/') ? url : '');
  return normalizeBase(path.includes('{') ? '' : path);
}

function normalizeBase(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : '/' + trimmed;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The route's match conditions: the query its path key carries, then what its settings add (those win per name). */
function withPathQuery(
  settings: MatchConditions | undefined,
  pairs: [string, string][],
): MatchConditions | undefined {
  if (pairs.length === 0) return settings;
  return { ...settings, query: { ...Object.fromEntries(pairs), ...settings?.query } };
}

/** What a gateplan.yaml selector sees of an operation: the path key as the spec writes it. */
function selectable(op: FoundOperation): Selectable {
  const operationId = asString(op.operation.operationId);
  return {
    path: op.rawPath,
    method: op.method,
    tags: Array.isArray(op.operation.tags) ? op.operation.tags.map(String) : [],
    ...(operationId ? { operationId } : {}),
  };
}
