/**
 * Proof obligations for a compiled ALB plan, checked with the matcher: every route's
 * sample request, in every stage, lands on the route's backends (after the stage canary)
 * with the route's authentication, and requests for undeclared paths reach the default.
 * Expectations come from the route model, not from the compiler's own action builder.
 */
import { parsePathTemplate, pathShape } from '../../src/model/paths.js';
import type { Route, RouteModel, Stage } from '../../src/model/types.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { matchListener, type AlbRequest } from '../../src/targets/alb/match.js';
import type { AlbListener, AlbPlan } from '../../src/targets/alb/plan.js';
import { routeAuth } from '../../src/model/route-auth.js';

/** Sample values never equal a literal segment of a spec (they start with `zz`); a greedy tail takes `depth` segments. */
export function samplePath(route: Route, depth = 1): string {
  if (route.segments.length === 0) return '/';
  return route.segments
    .map((s, i) => {
      if (s.kind === 'literal') return '/' + s.value;
      if (s.kind === 'param') return `/zz${i}`;
      if (s.kind === 'mixed')
        return '/' + s.parts.map((p, j) => (p.kind === 'text' ? p.value : `zz${i}m${j}`)).join('');
      return Array.from({ length: depth }, (_, d) => `/zz${i}g${d}`).join('');
    })
    .join('');
}

/**
 * Which route owns a path, the way API Gateway resolves it: the template that matches
 * with the most specific segment first (literal over parameter over greedy), then the
 * exact method over `ANY`.
 */
export function owningRoute(model: RouteModel, method: string, path: string, query = ''): Route | undefined {
  const parts = path === '/' ? [] : path.slice(1).split('/');
  const matching = model.routes.filter((r) => templateMatches(r.segments, parts));
  if (!matching.length) return undefined;
  const rank = (r: Route) =>
    r.segments.map((s) => (s.kind === 'literal' ? 0 : s.kind === 'mixed' ? 1 : s.kind === 'param' ? 2 : 3));
  const best = matching.reduce((a, b) => (compareRanks(rank(b), rank(a)) < 0 ? b : a));
  const shape = (r: Route) => r.id.slice(r.id.indexOf(' ')).split('?')[0];
  const sameShape = matching.filter(
    (r) => compareRanks(rank(r), rank(best)) === 0 && shape(r) === shape(best),
  );
  // A path key's query (`/responses?beta=true`) owns the requests that carry it, ahead of the bare path.
  const asked = query.split('&');
  const carries = (r: Route) => r.pathQuery!.split('&').every((pair) => asked.includes(pair));
  const reachable = [
    ...sameShape.filter((r) => r.pathQuery !== undefined && carries(r)),
    ...sameShape.filter((r) => r.pathQuery === undefined),
  ];
  return reachable.find((r) => r.method === method) ?? reachable.find((r) => r.method === 'ANY');
}

function templateMatches(segments: Route['segments'], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.kind === 'greedy') return parts.length > i && parts.slice(i).every(Boolean);
    if (i >= parts.length || !parts[i]) return false;
    if (s.kind === 'literal' && parts[i] !== s.value) return false;
    if (s.kind === 'mixed' && !mixedRegex(s).test(parts[i]!)) return false;
  }
  return parts.length === segments.length;
}

function mixedRegex(segment: Extract<Route['segments'][number], { kind: 'mixed' }>): RegExp {
  const body = segment.parts
    .map((p) => (p.kind === 'text' ? p.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[^/]+'))
    .join('');
  return new RegExp(`^${body}$`);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** A request the route owns (see `owningRoute`), or undefined when more specific routes shadow it entirely. */
export function sampleRequest(model: RouteModel, route: Route, stage: Stage): AlbRequest | undefined {
  const prefix = model.alb.stageMode === 'path' ? (stage.pathPrefix ?? '') : '';
  const method = route.method === 'ANY' ? undeclaredMethod(model, route) : route.method;
  const query = route.match?.query
    ? Object.entries(route.match.query).map(([k, v]): [string, string] => [k, v.replace(/\*/g, 'zz')])
    : undefined;
  const path = [1, 2, 3]
    .map((depth) => samplePath(route, depth))
    .find((p) => owningRoute(model, method, p, route.pathQuery) === route);
  if (path === undefined) return undefined;
  // A stage's root is its bare prefix (`/dev`), which the rewrite turns into `/`.
  const request: AlbRequest = { method, path: prefix && path === '/' ? prefix : prefix + path };
  const host =
    route.match?.hosts?.[0]?.replace(/\*/g, 'zz') ??
    (model.alb.stageMode === 'host' ? stage.host : undefined);
  if (host) request.host = host;
  if (route.match?.headers) {
    request.headers = Object.fromEntries(
      Object.entries(route.match.headers).map(([k, v]) => [k, v[0]!.replace(/\*/g, 'zz')]),
    );
  }
  if (query) request.query = query;
  if (route.match?.sourceIps?.[0]) request.sourceIp = route.match.sourceIps[0].split('/')[0]!;
  return request;
}

/** For an `ANY` route: a method no sibling route at the same path declares. */
function undeclaredMethod(model: RouteModel, route: Route): string {
  const shape = route.id.slice(route.id.indexOf(' ') + 1);
  const taken = new Set(model.routes.filter((r) => r.id.endsWith(' ' + shape)).map((r) => r.method));
  return (
    ['PATCH', 'PUT', 'POST', 'DELETE', 'GET', 'OPTIONS', 'HEAD', 'TRACE'].find(
      (m) => !taken.has(m as Route['method']),
    ) ?? 'PATCH'
  );
}

/** `compileAlb` with its automata re-check of every listener's rule order (GP217 fails the test). */
export function compileVerified(model: RouteModel): AlbPlan {
  const plan = compileAlb(model, { verify: true });
  const failed = plan.diagnostics.filter((d) => d.code === 'GP217');
  if (failed.length)
    throw new Error(`rule verification failed: ${JSON.stringify(failed.map((d) => d.args))}`);
  return plan;
}

/** Backends with a non-zero share after the stage's canary, from the model alone. */
export function expectedBackends(route: Route, stage: Stage): string[] {
  const base =
    'backend' in route.backend ? [{ backend: route.backend.backend, weight: 1 }] : route.backend.weighted;
  const out = new Set<string>();
  for (const { backend, weight } of base) {
    if (weight === 0) continue;
    const canary = stage.canary && stage.canary.percent > 0 ? stage.canary.backends[backend] : undefined;
    if (!canary || stage.canary!.percent < 100) out.add(backend);
    if (canary) out.add(canary);
  }
  return [...out].sort();
}

/** A route model built in memory: http backends, one stage unless given. */
export function modelOf(
  routes: { method: Route['method']; path: string; backend: string }[],
  extra: Partial<RouteModel> = {},
  extraBackends: string[] = [],
): RouteModel {
  const where = { file: 'mem.yaml', pointer: '' };
  const backends: RouteModel['backends'] = {};
  for (const name of [...routes.map((r) => r.backend), ...extraBackends]) {
    backends[name] ??= {
      name,
      target: { kind: 'http', url: `http://${name}.internal` },
      targetGroup: { targetType: 'ip' },
      where,
    };
  }
  return {
    api: { title: 'mem', version: '1', servers: [], basePath: '' },
    source: { file: 'mem.yaml', format: 'openapi-3.0' },
    backends,
    routes: routes.map((r) => {
      const parsed = parsePathTemplate(r.path);
      if (!parsed.ok) throw new Error(`${r.path}: ${parsed.reason}`);
      const segments = parsed.segments;
      const shape = pathShape(segments);
      return {
        id: `${r.method} ${shape}`,
        method: r.method,
        path: r.path,
        segments,
        tags: [],
        backend: { backend: r.backend },
        params: [],
        responses: {},
        deprecated: false,
        where,
      };
    }),
    stages: { prod: { name: 'prod', variables: {}, where } },
    auth: {},
    alb: { stageMode: 'host', stack: 'listener-rules', unmatched: 'backend' },
    binaryMediaTypes: [],
    endpoint: { type: 'regional', vpcEndpointIds: [] },
    schemas: {},
    diagnostics: [],
    ...extra,
  };
}

export function listenerFor(plan: AlbPlan, stage: Stage): AlbListener {
  return plan.listeners.find((l) => l.stages.includes(stage.name))!;
}

export interface Miss {
  route: string;
  stage: string;
  request: AlbRequest;
  expected: string[];
  got: string[] | string;
}

/** Every route × stage whose sample request does not reach its backends, or loses its path. */
export function misroutedRequests(
  model: RouteModel,
  plan: AlbPlan,
  options: { checkAuth?: boolean } = {},
): Miss[] {
  const misses: Miss[] = [];
  for (const stage of Object.values(model.stages)) {
    for (const route of model.routes) {
      const request = sampleRequest(model, route, stage);
      if (!request) continue;
      const miss = missFor(model, plan, stage, route, request, options);
      if (miss) misses.push(miss);
    }
  }
  return misses;
}

/** How `request` (in `stage`) misses `route`'s backends, auth or path; undefined when it lands right. */
export function missFor(
  model: RouteModel,
  plan: AlbPlan,
  stage: Stage,
  route: Route,
  request: AlbRequest,
  options: { checkAuth?: boolean } = {},
): Miss | undefined {
  const match = matchListener(listenerFor(plan, stage), request);
  const expected = expectedBackends(route, stage);
  const t = match.actions.terminal;
  const got =
    t.type === 'forward'
      ? t.targets
          .filter((x) => x.weight > 0)
          .map((x) => x.backend)
          .sort()
      : `${t.type} ${'statusCode' in t ? t.statusCode : ''}`;
  const mock = expected.length === 1 && model.backends[expected[0]!]?.target.kind === 'mock';
  const denied = deniedByAlb(model, route, stage);
  const ok = route.leftOutOf?.includes('alb')
    ? got === 'fixed-response 404'
    : denied
      ? got === 'fixed-response 401'
      : mock
        ? t.type === 'fixed-response'
        : JSON.stringify(got) === JSON.stringify(expected);
  const prefix = model.alb.stageMode === 'path' ? (stage.pathPrefix ?? '') : '';
  const pathOk = match.forwardedPath === (request.path.slice(prefix.length) || '/');
  const authOk = denied || !options.checkAuth || authMatches(model, route, match.actions.auth?.scheme);
  return ok && pathOk && authOk && match.rule
    ? undefined
    : { route: route.id, stage: stage.name, request, expected, got };
}

/** The login ALB runs for the route: its one gateway-checked scheme, when ALB can run it. */
function authMatches(model: RouteModel, route: Route, scheme: string | undefined): boolean {
  const auth = routeAuth(model, route);
  return scheme === (auth.kind === 'gateway' ? auth.requirement.schemes[0]!.name : undefined);
}

/**
 * Whether ALB must answer 401 (fail closed): the route requires a check ALB cannot run — a
 * scheme other than one Cognito or OpenID Connect login, alternatives, an undeclared scheme,
 * or any login before an HTTP/2 or gRPC target group, whose rules may only forward.
 */
export function deniedByAlb(model: RouteModel, route: Route, stage: Stage): boolean {
  const auth = routeAuth(model, route);
  if (auth.kind === 'undeclared' || auth.kind === 'alternatives') return true;
  if (auth.kind !== 'gateway') return false;
  const schemes = auth.requirement.schemes;
  const scheme = schemes.length === 1 ? model.auth[schemes[0]!.name]?.scheme : undefined;
  const login = scheme?.kind === 'oidc' || (scheme?.kind === 'cognito' && scheme.userPoolArns.length > 0);
  if (!login) return true;
  return expectedBackends(route, stage).some((b) =>
    ['HTTP2', 'GRPC'].includes(model.backends[b]?.targetGroup.protocolVersion ?? ''),
  );
}

/** Requests for paths no route declares, at the top level: they must reach the default action. */
export function unmatchedRequests(model: RouteModel): AlbRequest[] {
  const firsts = new Set(
    model.routes.map((r) => (r.segments[0]?.kind === 'literal' ? r.segments[0].value : '')),
  );
  const requests: AlbRequest[] = [];
  for (const name of ['zz-nothing-here', 'ZZ-Other', 'zz9']) {
    if (firsts.has(name) || firsts.has('')) continue;
    for (const stage of Object.values(model.stages)) {
      const host = model.alb.stageMode === 'host' ? stage.host : undefined;
      const prefix = model.alb.stageMode === 'path' ? (stage.pathPrefix ?? '') : '';
      for (const method of ['GET', 'POST']) {
        requests.push({ method, path: `${prefix}/${name}/x`, ...(host ? { host } : {}) });
        requests.push({ method, path: `${prefix}/${name}`, ...(host ? { host } : {}) });
      }
    }
  }
  return requests;
}

/** Unmatched requests that did not reach the default action. */
export function strayRequests(model: RouteModel, plan: AlbPlan): { request: AlbRequest; rule: string }[] {
  const out: { request: AlbRequest; rule: string }[] = [];
  for (const request of unmatchedRequests(model)) {
    for (const listener of plan.listeners) {
      const match = matchListener(listener, request);
      if (match.rule) out.push({ request, rule: match.rule.name });
    }
  }
  return out;
}

/** Whether any operation takes this method and path (HEAD follows GET); less specific templates count too. */
export function declares(model: RouteModel, method: string, path: string): boolean {
  const parts = path === '/' ? [] : path.slice(1).split('/');
  return model.routes.some(
    (r) =>
      templateMatches(r.segments, parts) &&
      (r.method === method || r.method === 'ANY' || (method === 'HEAD' && r.method === 'GET')),
  );
}

const PROBE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * Requests next to each route's sample that no operation declares: one segment deeper, a
 * sibling literal in place of the last segment, and every other method on the sample path.
 * Host, headers and stage prefix stay those of the sample, so only the path or method is off.
 */
export function undeclaredProbes(model: RouteModel): { stage: Stage; request: AlbRequest }[] {
  const out: { stage: Stage; request: AlbRequest }[] = [];
  const seen = new Set<string>();
  for (const stage of Object.values(model.stages)) {
    const prefix = model.alb.stageMode === 'path' ? (stage.pathPrefix ?? '') : '';
    for (const route of model.routes) {
      const sample = sampleRequest(model, route, stage);
      if (!sample) continue;
      const path = sample.path.slice(prefix.length) || '/';
      const parent = path.slice(0, path.lastIndexOf('/'));
      const candidates = [
        ...PROBE_METHODS.map((method) => ({ method, path })),
        { method: sample.method, path: (path === '/' ? '' : path) + '/zz-deeper' },
        ...(path === '/' ? [] : [{ method: sample.method, path: parent + '/zz-sibling' }]),
      ];
      for (const c of candidates) {
        if (declares(model, c.method, c.path)) continue;
        const request = {
          ...sample,
          method: c.method,
          path: prefix && c.path === '/' ? prefix : prefix + c.path,
        };
        const key = JSON.stringify([stage.name, request]);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ stage, request });
      }
    }
  }
  return out;
}

/** Undeclared probes that a rule took instead of the default action. */
export function leakedProbes(model: RouteModel, plan: AlbPlan): { request: AlbRequest; rule: string }[] {
  return undeclaredProbes(model).flatMap(({ stage, request }) => {
    const match = matchListener(listenerFor(plan, stage), request);
    return match.rule ? [{ request, rule: match.rule.name }] : [];
  });
}
