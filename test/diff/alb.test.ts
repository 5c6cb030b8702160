import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../support/pipeline.js';
import { BASE, brief, patch, report } from './helpers.js';

const albChanges = async (baseText: string, revisionText: string) =>
  (await report(baseText, revisionText, { targets: ['alb'] })).changes.filter((c) => c.scope === 'alb');

const ME_ROUTE = `  /users/me:
    get:
      operationId: getMe
      x-gateplan: { backend: orders }
      responses: { '200': { description: ok } }
  /users/{id}:
`;

describe('ALB diff', () => {
  it('reports nothing for identical versions', async () => {
    expect(await albChanges(BASE, BASE)).toEqual([]);
  });

  it('names the requests a new route steals from an existing one (shadowing)', async () => {
    const revision = patch(['  /users/{id}:\n', ME_ROUTE]);
    const changes = await albChanges(BASE, revision);
    const shadowed = changes.filter((c) => c.code === 'GP454');
    expect(shadowed.map((c) => c.args.request)).toEqual([
      'GET dev.shop.example.com/users/me',
      'GET shop.example.com/users/me',
    ]);
    for (const c of shadowed) {
      expect(c.classification).toBe('breaking');
      expect(c.args).toMatchObject({
        baseRoute: 'GET /users/{id}',
        route: 'GET /users/me',
        before: 'users',
        after: 'orders',
      });
      expect(c.args.rule).toMatch(/^[A-Za-z0-9]+$/);
      // The old route's location in the old file, the capturing route's in the new one.
      expect(c.base?.pointer).toBe('/paths/~1users~1{id}/get');
      expect(c.revision?.pointer).toBe('/paths/~1users~1me/get');
    }
    // The compiler folds the new route into the rule that already forwards to orders.
    const grown = changes.filter((c) => c.code === 'GP456');
    expect(grown.map((c) => [c.classification, c.args.detail])).toEqual([
      ['safe', 'now also serves GET /users/me; conditions changed'],
    ]);
  });

  it('a new path key with a query takes only the requests that carry it, from the bare path (shadowing)', async () => {
    const revision = patch([
      '  /users/{id}:\n',
      `  /users?beta=true:\n    get:\n      operationId: listUsersBeta\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n  /users/{id}:\n`,
    ]);
    const changes = (await albChanges(BASE, revision)).filter((c) => c.args.request?.includes('/users'));
    expect(changes.map((c) => [c.code, c.args.request, c.args.baseRoute, c.args.route])).toEqual([
      ['GP454', 'GET dev.shop.example.com/users?beta=true', 'GET /users', 'GET /users?beta=true'],
      ['GP454', 'GET shop.example.com/users?beta=true', 'GET /users', 'GET /users?beta=true'],
    ]);
  });

  it('a request that matched no operation before is safe to route somewhere new', async () => {
    const revision = patch([
      '  /orders/{id}:\n',
      `  /users/{id}/avatar:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get:\n      operationId: getAvatar\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`,
    ]);
    const changes = await albChanges(BASE, revision);
    const newlyRouted = changes.filter((c) => c.code === 'GP455');
    expect(newlyRouted.map((c) => [c.classification, c.args.request, c.args.after, c.args.route])).toEqual([
      ['safe', 'GET dev.shop.example.com/users/42/avatar', 'orders', 'GET /users/{id}/avatar'],
      ['safe', 'GET shop.example.com/users/42/avatar', 'orders', 'GET /users/{id}/avatar'],
    ]);
    expect(changes.filter((c) => c.classification === 'breaking')).toEqual([]);
  });

  it('a route moved to another backend reroutes its requests (breaking) in every stage', async () => {
    const revision = patch(['x-gateplan: { backend: orders }', 'x-gateplan: { backend: users-v2 }']);
    const rerouted = (await albChanges(BASE, revision)).filter((c) => c.code === 'GP453');
    expect(rerouted.map((c) => [c.classification, c.args.request, c.args.before, c.args.after])).toEqual([
      ['breaking', 'GET dev.shop.example.com/orders/42', 'orders', 'users-v2'],
      ['breaking', 'GET shop.example.com/orders/42', 'orders', 'users-v2'],
    ]);
  });

  it('a removed route: its requests now reach the default action', async () => {
    const revision = patch([
      `  /orders/{id}:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get:\n      operationId: getOrder\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n`,
      '',
    ]);
    const changes = await albChanges(BASE, revision);
    expect(changes.filter((c) => c.code === 'GP453').map((c) => [c.args.request, c.args.after])).toEqual([
      ['GET dev.shop.example.com/orders/42', 'fixed response 404'],
      ['GET shop.example.com/orders/42', 'fixed response 404'],
    ]);
    expect(changes.some((c) => c.code === 'GP451')).toBe(true);
  });

  it('a canary change is not a per-request change', async () => {
    const revision = patch(['canary: { percent: 10,', 'canary: { percent: 50,']);
    expect(
      brief(await albChanges(BASE, revision)).filter((c) => c.code === 'GP453' || c.code === 'GP454'),
    ).toEqual([]);
  });

  it('a quota newly exceeded is breaking', async () => {
    const api = (n: number) =>
      `openapi: 3.0.3\ninfo: { title: big, version: '1' }\nx-gateplan:\n  backends:\n${Array.from({ length: n }, (_, i) => `    b${i}: { url: 'http://b${i}.internal' }\n`).join('')}paths:\n${Array.from(
        { length: n },
        (_, i) =>
          `  /p${i}:\n    get:\n      x-gateplan: { backend: b${i} }\n      responses: { '200': { description: ok } }\n`,
      ).join('')}`;
    const quotas = (await albChanges(api(100), api(101))).filter((c) => c.code === 'GP460');
    expect(brief(quotas)).toEqual([
      {
        code: 'GP460',
        kind: 'quota-newly-exceeded',
        classification: 'breaking',
        args: {
          target: 'alb',
          quota: 'listener rules per load balancer',
          before: '100',
          after: '101',
          limit: '100',
        },
      },
      {
        code: 'GP460',
        kind: 'quota-newly-exceeded',
        classification: 'breaking',
        args: {
          target: 'alb',
          quota: 'target groups per load balancer',
          before: '100',
          after: '101',
          limit: '100',
        },
      },
    ]);
  });
});

describe('ALB diff on the bookstore', () => {
  it('a new route that joins an existing rule renames it in place; the requests it takes matched no operation before', async () => {
    const bookstore = readFileSync(join(SPECS_DIR, 'bookstore.yaml'), 'utf8');
    const probe = `  /churn-probe:\n    get:\n      operationId: churnProbe\n      x-gateplan: { backend: catalog }\n      responses: { '200': { description: ok } }\n  /healthz:\n`;
    const { changes, summary } = await report(bookstore, bookstore.replace('  /healthz:\n', probe), {
      targets: ['alb'],
    });
    expect(summary.breaking).toBe(0);
    const alb = changes.filter((c) => c.scope === 'alb');
    // The widened rule takes a new name: one rule per stage, replaced.
    expect(alb.filter((c) => c.code === 'GP457')).toHaveLength(2);
    const widened = alb.filter((c) => c.code === 'GP456').map((c) => c.args.detail ?? '');
    expect(widened).toHaveLength(2);
    for (const detail of widened) {
      expect(detail).toMatch(/^now also serves GET \/v2\/churn-probe; conditions changed/);
      expect(detail).not.toContain('stages');
    }
    expect(alb.filter((c) => c.code === 'GP455').map((c) => c.args.request)).toEqual([
      'GET api.bookstore.example.com/v2/churn-probe',
      'GET dev.api.bookstore.example.com/v2/churn-probe',
    ]);
    expect(alb.filter((c) => c.code === 'GP450' || c.code === 'GP451')).toEqual([]);
  });
});

describe('ALB priorities', () => {
  it('a rule that must now follow a new one is re-prioritized (risky), not re-created', async () => {
    // The backend checks IAM here, so ALB forwards DELETE /users/{id} (rather than answering 401).
    const backendIam: [string, string] = [
      '  defaults:',
      '  auth: { iam: { enforcedBy: backend } }\n  defaults:',
    ];
    const revision = patch(backendIam, [
      '  /orders/{id}:\n',
      `  /users/{id}/{y}:\n    get:\n      x-gateplan: { backend: users-v2 }\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`,
    ]);
    const changes = await albChanges(patch(backendIam), revision);
    // The users rules of both stages overlap the new route and must follow it.
    const moved = changes.filter((c) => c.code === 'GP452');
    expect(moved.length).toBeGreaterThan(0);
    for (const m of moved) {
      expect(m.classification).toBe('risky');
      expect(Number(m.args.after)).not.toBe(Number(m.args.before));
    }
    // The requests of the new route matched no operation before; nothing an old route served moves.
    expect(changes.filter((c) => c.classification === 'breaking')).toEqual([]);
    expect(changes.filter((c) => c.code === 'GP455').map((c) => c.args.route)).toContain(
      'GET /users/{id}/{y}',
    );
  });
});
