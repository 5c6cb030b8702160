import { describe, expect, it } from 'vitest';
import type { Code } from '../../src/diagnostics/catalog.js';
import type { RouteModel } from '../../src/model/types.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { matchListener } from '../../src/targets/alb/match.js';
import type { AlbPlan } from '../../src/targets/alb/plan.js';
import { modelOf as loadModel, writeSpec } from '../support/pipeline.js';
import { compileVerified, misroutedRequests, modelOf, strayRequests } from './support.js';

const codes = (plan: AlbPlan) => plan.diagnostics.map((d) => d.code);
const diag = (plan: AlbPlan, code: Code) => plan.diagnostics.find((d) => d.code === code);

async function specModel(body: string): Promise<RouteModel> {
  return loadModel(writeSpec(`openapi: 3.0.3\ninfo: { title: T, version: '1' }\n${body}`));
}

const backends = `  backends:
    a: { url: 'http://a.internal' }
    b: { url: 'http://b.internal' }
`;

describe('ALB compiler: routing', () => {
  it('gives a prefix owned by one backend a single rule: /orders + /orders/*', async () => {
    const model = modelOf([
      { method: 'GET', path: '/orders', backend: 'orders' },
      { method: 'POST', path: '/orders', backend: 'orders' },
      { method: 'GET', path: '/orders/{id}', backend: 'orders' },
      { method: 'POST', path: '/orders/{id}/cancel', backend: 'orders' },
      { method: 'GET', path: '/users/{id}', backend: 'users' },
    ]);
    const plan = compileAlb(model);
    const orders = plan.listeners[0]!.rules.find((r) => r.routes.includes('GET /orders'))!;
    expect(orders.conditions).toEqual([{ field: 'path-pattern', values: ['/orders', '/orders/*'] }]);
    expect(plan.usage.rules).toBe(2);
    // Plus the rule that stands in for the default action on an existing listener.
    expect(plan.usage.fallbackRules).toBe(1);
  });

  it('adds method conditions only where two backends share a path', () => {
    const model = modelOf([
      { method: 'GET', path: '/items', backend: 'read' },
      { method: 'POST', path: '/items', backend: 'write' },
      { method: 'GET', path: '/other', backend: 'read' },
    ]);
    const plan = compileAlb(model);
    expect(misroutedRequests(model, plan)).toEqual([]);
    // One rule per backend; the one evaluated first names its methods, the other needs none.
    const [first, second] = plan.listeners[0]!.rules;
    expect(plan.listeners[0]!.rules).toHaveLength(2);
    expect(first!.conditions.some((c) => c.field === 'http-request-method')).toBe(true);
    expect(second!.conditions.some((c) => c.field === 'http-request-method')).toBe(false);
  });

  it('sends HEAD where GET goes unless the spec routes HEAD itself', () => {
    const model = modelOf([
      { method: 'GET', path: '/items', backend: 'read' },
      { method: 'POST', path: '/items', backend: 'write' },
      { method: 'PUT', path: '/items', backend: 'write' },
    ]);
    const listener = compileAlb(model).listeners[0]!;
    expect(matchListener(listener, { method: 'HEAD', path: '/items' }).actions.terminal).toMatchObject({
      targets: [{ backend: 'read' }],
    });
    expect(matchListener(listener, { method: 'PUT', path: '/items' }).actions.terminal).toMatchObject({
      targets: [{ backend: 'write' }],
    });
  });

  it('puts literal paths before the parameter pattern that would also match them', () => {
    const model = modelOf([
      { method: 'GET', path: '/users/me', backend: 'me' },
      { method: 'GET', path: '/users/{id}', backend: 'users' },
    ]);
    const plan = compileAlb(model);
    const listener = plan.listeners[0]!;
    expect(matchListener(listener, { method: 'GET', path: '/users/me' }).rule?.routes).toEqual([
      'GET /users/me',
    ]);
    expect(matchListener(listener, { method: 'GET', path: '/users/42' }).rule?.routes).toEqual([
      'GET /users/{}',
    ]);
  });

  it("writes a path with a parameter as an anchored regex: a wildcard would also match '/' (GP206)", () => {
    const model = modelOf([
      { method: 'GET', path: '/x/{id}', backend: 'a' },
      { method: 'GET', path: '/x/{id}/y', backend: 'b' },
      { method: 'GET', path: '/{proxy+}', backend: 'b' },
    ]);
    const plan = compileAlb(model);
    const rule = plan.listeners[0]!.rules.find((r) => r.routes.includes('GET /x/{}'))!;
    expect(rule.conditions).toContainEqual({ field: 'path-pattern', regexValues: ['^/x/[^/]+$'] });
    expect(diag(plan, 'GP206')?.args.routes).toBe('GET /x/{id}, GET /x/{id}/y, GET /{proxy+}');
    expect(misroutedRequests(model, plan)).toEqual([]);
  });

  it('routes unmatched requests to the catch-all backend when one is named', async () => {
    const model = await specModel(`x-gateplan:
${backends}  defaults: { backend: a }
  catchAll: b
paths:
  /a: { get: { responses: { '200': { description: ok } } } }
`);
    const plan = compileAlb(model);
    expect(plan.listeners[0]!.defaultAction).toEqual({
      terminal: { type: 'forward', targets: [{ backend: 'b', weight: 100 }] },
    });
    expect(matchListener(plan.listeners[0]!, { method: 'GET', path: '/zzz' }).actions.terminal).toMatchObject(
      { targets: [{ backend: 'b' }] },
    );
  });

  it('answers mock backends with a fixed response', async () => {
    const model = await specModel(`x-gateplan:
  backends: { stub: { mock: { statusCode: 418, body: '{"tea":true}' } } }
  defaults: { backend: stub }
paths:
  /tea: { get: { responses: { '200': { description: ok } } } }
`);
    const rule = compileAlb(model).listeners[0]!.rules[0]!;
    expect(rule.actions.terminal).toEqual({
      type: 'fixed-response',
      statusCode: '418',
      contentType: 'application/json',
      body: '{"tea":true}',
    });
  });

  it('adds extra match conditions (host, header, query, source IP) ahead of the path rules', async () => {
    const model = await specModel(`x-gateplan:
${backends}  defaults: { backend: a }
paths:
  /things/{id}:
    get:
      x-gateplan:
        backend: b
        match: { headers: { x-beta: ['yes'] }, query: { v: '2' }, sourceIps: ['10.0.0.0/8'] }
      responses: { '200': { description: ok } }
    put: { responses: { '200': { description: ok } } }
`);
    const plan = compileAlb(model);
    expect(misroutedRequests(model, plan)).toEqual([]);
    const listener = plan.listeners[0]!;
    const plain = matchListener(listener, { method: 'GET', path: '/things/1' });
    expect(plain.actions.terminal).toMatchObject({ targets: [{ backend: 'a' }] });
    const beta = matchListener(listener, {
      method: 'GET',
      path: '/things/1',
      headers: { 'X-Beta': 'yes' },
      query: [['v', '2']],
      sourceIp: '10.2.3.4',
    });
    expect(beta.actions.terminal).toMatchObject({ targets: [{ backend: 'b' }] });
  });
});

describe('ALB compiler: cross-cutting sub-resources', () => {
  it('routes a path key with a query (`/responses?beta=true`) on its query, ahead of the plain path', async () => {
    const model = await specModel(`x-gateplan:
${backends}  defaults: { backend: a }
paths:
  /responses:
    post: { responses: { '200': { description: ok } } }
  /responses?beta=true:
    post: { x-gateplan: { backend: b }, responses: { '200': { description: ok } } }
`);
    const plan = compileVerified(model);
    expect(misroutedRequests(model, plan)).toEqual([]);
    const listener = plan.listeners[0]!;
    const reach = (query?: [string, string][]) =>
      matchListener(listener, { method: 'POST', path: '/responses', ...(query ? { query } : {}) }).actions
        .terminal;
    expect(reach()).toMatchObject({ targets: [{ backend: 'a' }] });
    expect(reach([['beta', 'false']])).toMatchObject({ targets: [{ backend: 'a' }] });
    expect(reach([['beta', 'true']])).toMatchObject({ targets: [{ backend: 'b' }] });
    expect(
      reach([
        ['x', '1'],
        ['beta', 'true'],
      ]),
    ).toMatchObject({ targets: [{ backend: 'b' }] });
  });

  it('serves a sub-resource every service hands to a shared backend with one regex rule', () => {
    const routes = Array.from({ length: 12 }, (_, s) => [
      { method: 'GET' as const, path: `/tenants/{t}/service${s}`, backend: `svc${s}` },
      { method: 'GET' as const, path: `/tenants/{t}/service${s}/{id}`, backend: `svc${s}` },
      { method: 'DELETE' as const, path: `/tenants/{t}/service${s}/{id}/items/{item}`, backend: `svc${s}` },
      { method: 'GET' as const, path: `/tenants/{t}/service${s}/{id}/audit`, backend: 'audit' },
    ]).flat();
    const model = modelOf(routes);
    const plan = compileAlb(model);
    expect(misroutedRequests(model, plan)).toEqual([]);
    expect(strayRequests(model, plan)).toEqual([]);
    const audit = plan.listeners[0]!.rules.filter(
      (r) => r.actions.terminal.type === 'forward' && r.actions.terminal.targets[0]!.backend === 'audit',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.conditions).toEqual([
      { field: 'path-pattern', regexValues: ['^/tenants/[^/]+/[^/]+/[^/]+/audit$'] },
    ]);
    expect(plan.listeners[0]!.rules).toHaveLength(13);
  });

  it('keeps them apart when another backend declares a path the wider pattern would take', () => {
    const routes = [
      ...Array.from({ length: 4 }, (_, s) => ({
        method: 'GET' as const,
        path: `/t/{t}/s${s}/{id}/audit`,
        backend: 'audit',
      })),
      { method: 'GET' as const, path: '/t/{t}/{kind}/{id}/audit', backend: 'generic' },
    ];
    const model = modelOf(routes);
    expect(misroutedRequests(model, compileAlb(model))).toEqual([]);
  });
});

describe('ALB compiler: RPC-style names', () => {
  it('serves a family of calls with one stem pattern when no other backend shares the stem', () => {
    const calls = ['postMessage', 'delete', 'update', 'getPermalink'];
    const routes = [
      ...calls.map((c) => ({ method: 'POST' as const, path: `/api/chat.${c}`, backend: 'chat' })),
      ...calls.map((c) => ({ method: 'GET' as const, path: `/api/users.${c}`, backend: 'users' })),
      ...calls.map((c) => ({ method: 'POST' as const, path: `/api/files.${c}`, backend: 'files' })),
      { method: 'GET' as const, path: '/api/chat.info', backend: 'users' },
    ];
    const model = modelOf(routes);
    const plan = compileAlb(model);
    expect(misroutedRequests(model, plan)).toEqual([]);
    const values = plan.listeners[0]!.rules.flatMap((r) =>
      r.conditions.flatMap((c) => (c.field === 'path-pattern' ? (c.regexValues ?? []) : [])),
    );
    expect(values).toContain('^/api/files\\.[^/]*$');
    expect(values.filter((v) => v.startsWith('^/api/chat\\.[^/]*'))).toEqual([]);
  });
});

describe('ALB compiler: quotas', () => {
  it('keeps unrelated priorities when one route is added or removed', () => {
    const base = [
      { method: 'GET' as const, path: '/books', backend: 'catalog' },
      { method: 'GET' as const, path: '/books/{id}', backend: 'catalog' },
      { method: 'GET' as const, path: '/books/{id}/reviews', backend: 'reviews' },
      { method: 'GET' as const, path: '/orders/{id}', backend: 'orders' },
      { method: 'POST' as const, path: '/orders', backend: 'orders' },
      { method: 'GET' as const, path: '/users/me', backend: 'accounts' },
      { method: 'GET' as const, path: '/users/{id}', backend: 'users' },
    ];
    const before = compileAlb(modelOf(base)).listeners[0]!.rules;
    const after = compileAlb(modelOf([...base, { method: 'GET', path: '/authors/{id}', backend: 'authors' }]))
      .listeners[0]!.rules;
    const priority = new Map(after.map((r) => [r.name, r.priority]));
    expect(before.filter((r) => priority.get(r.name) !== r.priority)).toEqual([]);
  });
});

describe('ALB compiler: everything driven from the spec', () => {
  it('bookstore: canary weights, Cognito before forward, unenforceable schemes, CORS, stages, WAF', async () => {
    const model = await loadModel('specs/bookstore.yaml');
    const plan = compileAlb(model);
    expect(misroutedRequests(model, plan, { checkAuth: true })).toEqual([]);
    expect(strayRequests(model, plan)).toEqual([]);
    const rules = plan.listeners[0]!.rules;
    const prodGet = matchListener(plan.listeners[0]!, {
      method: 'GET',
      path: '/v2/books/1',
      host: 'api.bookstore.example.com',
    });
    expect(prodGet.actions.terminal).toEqual({
      type: 'forward',
      targets: [
        { backend: 'catalog', weight: 81 },
        { backend: 'catalog-v2', weight: 19 },
      ],
    });
    const order = rules.find((r) => r.routes.includes('POST /v2/orders'))!;
    expect(order.actions.auth).toMatchObject({
      type: 'authenticate-cognito',
      userPoolArn: expect.stringContaining('userpool/'),
      clientId: '4bookstoreclientid',
    });
    expect(codes(plan)).toEqual(expect.arrayContaining(['GP201', 'GP202', 'GP203', 'GP204', 'GP213']));
    expect(diag(plan, 'GP201')?.args).toMatchObject({ scheme: 'apiKey', routes: 'GET /v2/partners/catalog' });
    expect(diag(plan, 'GP213')?.args).toMatchObject({
      route: 'GET /v2/accounts/me',
      backend: 'accounts',
      version: 'HTTP2',
    });
    expect(plan.waf!.rules.map((r) => [r.name, r.limit])).toContainEqual([
      'gateplan-routes-10-per-s-burst-20',
      620,
    ]);
    const stage = plan.waf!.rules.find((r) => r.name === 'gateplan-stage-dev')!;
    expect(stage.scope).toEqual([{ host: 'dev.api.bookstore.example.com' }]);
    const reviews = plan.targetGroups.find((t) => t.backend === 'reviews')!;
    expect(reviews.attributes).toContainEqual({ key: 'stickiness.type', value: 'lb_cookie' });
    expect(plan.lambdaPermissions).toEqual([
      { backend: 'orders', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bookstore-orders' },
    ]);
  });

  it('path-prefix stages strip the prefix with a url-rewrite transform', async () => {
    const model = await loadModel('specs/events-openapi31.yaml');
    const plan = compileAlb(model);
    const beta = matchListener(plan.listeners[0]!, { method: 'GET', path: '/beta/events/7' });
    expect(beta.rule!.transforms).toEqual([{ type: 'url-rewrite', regex: '^/beta/?(.*)$', replace: '/$1' }]);
    expect(beta.forwardedPath).toBe('/events/7');
    expect(diag(plan, 'GP203')?.args.mode).toBe('path prefix');
  });

  it('one listener per stage when asked', async () => {
    const loaded = await loadModel('specs/bookstore.yaml');
    const model = { ...loaded, alb: { ...loaded.alb, stageMode: 'listener' as const } };
    const plan = compileAlb(model);
    expect(plan.listeners.map((l) => l.name)).toEqual(['dev', 'prod']);
    expect(misroutedRequests(model, plan)).toEqual([]);
  });

  it('warns when path-prefix stages share a prefix, and serves the first stage there (GP216)', async () => {
    const model = await specModel(`x-gateplan:
${backends}  defaults: { backend: a }
  alb: { stages: path }
  stages: { prod: { pathPrefix: /live, canary: { percent: 50, backends: { a: b } } }, dev: { pathPrefix: /live }, test: { pathPrefix: /test } }
paths:
  /a: { get: { responses: { '200': { description: ok } } } }
`);
    const plan = compileAlb(model);
    const found = diag(plan, 'GP216');
    expect(found?.args).toMatchObject({ stages: 'dev, prod', prefix: '/live', winner: 'dev' });
    expect(found?.where.pointer).toBe('/x-gateplan/stages/prod');
    const live = matchListener(plan.listeners[0]!, { method: 'GET', path: '/live/a' });
    expect(live.actions.terminal).toEqual({ type: 'forward', targets: [{ backend: 'a', weight: 100 }] });
  });

  it('uses a health route for its backend and a gRPC default check for gRPC target groups', async () => {
    const model = await specModel(`x-gateplan:
  backends:
    a: { url: 'http://a.internal' }
    g: { url: 'http://g.internal', protocolVersion: GRPC }
  defaults: { backend: a }
paths:
  /status: { get: { x-gateplan: { health: true }, responses: { '200': { description: ok } } } }
  /rpc: { post: { x-gateplan: { backend: g }, responses: { '200': { description: ok } } } }
`);
    const plan = compileAlb(model);
    expect(plan.targetGroups.find((t) => t.backend === 'a')!.health).toEqual({
      path: '/status',
      source: 'route',
    });
    expect(plan.targetGroups.find((t) => t.backend === 'g')!.health).toMatchObject({
      path: '/AWS.ALB/healthcheck',
      matcher: '12',
    });
  });

  it('OpenID Connect schemes become authenticate-oidc; what ALB cannot check answers 401 (GP201, GP210) unless the backend checks it', async () => {
    const spec = (auth: string) => `x-gateplan:
${backends}  defaults: { backend: a }
${auth}components:
  securitySchemes:
    oidc: { type: openIdConnect, openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' }
    key: { type: apiKey, in: header, name: x-api-key }
paths:
  /login:
    get: { security: [{ oidc: [] }], responses: { '200': { description: ok } } }
  /either:
    get: { security: [{ oidc: [] }, { key: [] }], responses: { '200': { description: ok } } }
  /keyed:
    get: { security: [{ key: [] }], responses: { '200': { description: ok } } }
`;
    const actionsOf = (plan: AlbPlan, path: string) =>
      matchListener(plan.listeners[0]!, { method: 'GET', path }).actions;
    const plan = compileAlb(await specModel(spec('')));
    expect(actionsOf(plan, '/login').auth).toMatchObject({ type: 'authenticate-oidc', scheme: 'oidc' });
    expect(actionsOf(plan, '/either').terminal).toMatchObject({ type: 'fixed-response', statusCode: '401' });
    expect(actionsOf(plan, '/keyed').terminal).toMatchObject({ type: 'fixed-response', statusCode: '401' });
    expect(diag(plan, 'GP210')).toMatchObject({
      severity: 'error',
      args: { route: 'GET /either', alternatives: 'oidc | key', keys: 'auth.key, auth.oidc' },
    });
    expect(diag(plan, 'GP201')?.args).toMatchObject({ scheme: 'key', routes: 'GET /keyed' });

    const backend = compileAlb(await specModel(spec('  auth: { key: { enforcedBy: backend } }\n')));
    expect(actionsOf(backend, '/keyed')).toEqual({
      terminal: { type: 'forward', targets: [{ backend: 'a', weight: 100 }] },
    });
    expect(diag(backend, 'GP201')).toBeUndefined();
    // A caller with only the key would be turned away by the OpenID Connect login.
    expect(actionsOf(backend, '/either').terminal).toMatchObject({ statusCode: '401' });
  });

  it('reports backends ALB cannot forward to (GP205) and forwards wider than five target groups (GP208)', async () => {
    const model = await specModel(`x-gateplan:
  backends:
    s3: { s3: { bucket: files } }
    a: { url: 'http://a' }
    b: { url: 'http://b' }
    c: { url: 'http://c' }
    d: { url: 'http://d' }
    e: { url: 'http://e' }
    f: { url: 'http://f' }
  defaults: { backend: a }
  stages: { prod: { canary: { percent: 5, backends: { a: f } } } }
paths:
  /files: { get: { x-gateplan: { backend: s3 }, responses: { '200': { description: ok } } } }
  /split: { get: { x-gateplan: { backend: { a: 1, b: 1, c: 1, d: 1, e: 1 } }, responses: { '200': { description: ok } } } }
`);
    const plan = compileAlb(model);
    expect(diag(plan, 'GP205')?.args).toMatchObject({ backend: 's3', kind: 's3', routes: 'GET /files' });
    expect(diag(plan, 'GP208')?.args).toMatchObject({ route: 'GET /split', count: '6', quota: '5' });
  });
});
