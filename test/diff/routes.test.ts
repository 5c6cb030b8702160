import { describe, expect, it } from 'vitest';
import { BASE, brief, models, patch, routeChanges } from './helpers.js';
import { diffModels } from '../../src/diff/index.js';

describe('route-level diff', () => {
  it('reports nothing for identical versions', async () => {
    expect(await routeChanges(BASE, BASE)).toEqual([]);
  });

  it('a new path is a safe route addition located in the new spec', async () => {
    const revision = patch([
      '  /orders/{id}:\n',
      `  /health:\n    get:\n      operationId: health\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`,
    ]);
    const changes = await routeChanges(BASE, revision);
    expect(brief(changes)).toEqual([
      {
        code: 'GP400',
        kind: 'route-added',
        classification: 'safe',
        args: { route: 'GET /health', method: 'GET', path: '/health', after: 'users' },
      },
    ]);
    expect(changes[0]!.base).toBeUndefined();
    expect(changes[0]!.revision).toMatchObject({ pointer: '/paths/~1health/get' });
    expect(changes[0]!.route).toBe('GET /health');
  });

  it('a removed path is a breaking route removal located in the old spec', async () => {
    const revision = patch([
      `  /orders/{id}:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get:\n      operationId: getOrder\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n`,
      '',
    ]);
    const { base, revision: rev } = await models(BASE, revision);
    const changes = diffModels(base, rev);
    expect(brief(changes)).toEqual([
      {
        code: 'GP401',
        kind: 'route-removed',
        classification: 'breaking',
        args: { route: 'GET /orders/{id}', method: 'GET', path: '/orders/{id}', before: 'orders' },
      },
    ]);
    expect(changes[0]!.base).toEqual({ file: base.source.file, pointer: '/paths/~1orders~1{id}/get' });
    expect(changes[0]!.revision).toBeUndefined();
  });

  it('methods added to and removed from an existing path are method changes', async () => {
    const revision = patch(
      [
        "    delete:\n      operationId: deleteUser\n      security: [{ iam: [] }]\n      responses: { '204': { description: gone } }\n",
        '',
      ],
      [
        '  /users:\n    get:\n',
        `  /users:\n    post:\n      operationId: createUser\n      responses: { '201': { description: made } }\n    get:\n`,
      ],
    );
    expect(brief(await routeChanges(BASE, revision))).toEqual([
      {
        code: 'GP403',
        kind: 'method-removed',
        classification: 'breaking',
        args: { route: 'DELETE /users/{id}', method: 'DELETE', path: '/users/{id}', before: 'users' },
      },
      {
        code: 'GP402',
        kind: 'method-added',
        classification: 'safe',
        args: { route: 'POST /users', method: 'POST', path: '/users', after: 'users' },
      },
    ]);
  });

  it('moving a route to another backend is breaking; changing only weights is risky', async () => {
    const moved = patch(['x-gateplan: { backend: orders }', 'x-gateplan: { backend: users-v2 }']);
    expect(brief(await routeChanges(BASE, moved))).toEqual([
      {
        code: 'GP404',
        kind: 'backend-changed',
        classification: 'breaking',
        args: { route: 'GET /orders/{id}', before: 'orders', after: 'users-v2' },
      },
    ]);

    const split = (a: number, b: number) =>
      patch([
        '      operationId: getUser\n',
        `      operationId: getUser\n      x-gateplan: { backend: { users: ${a}, users-v2: ${b} } }\n`,
      ]);
    expect(brief(await routeChanges(split(90, 10), split(50, 50)))).toEqual([
      {
        code: 'GP405',
        kind: 'weights-changed',
        classification: 'risky',
        args: { route: 'GET /users/{id}', before: 'users 90 / users-v2 10', after: 'users 50 / users-v2 50' },
      },
    ]);
    // Same shares written with other numbers is no change.
    expect(await routeChanges(split(1, 1), split(50, 50))).toEqual([]);
    // Starting a split sends some requests to a backend that served none of them.
    expect(brief(await routeChanges(BASE, split(90, 10)))[0]).toMatchObject({
      code: 'GP404',
      args: { before: 'users', after: 'users 90 / users-v2 10' },
    });
  });

  it('auth added is breaking, removed or widened is risky, replaced is breaking', async () => {
    const added = patch([
      '      operationId: getUser\n',
      '      operationId: getUser\n      security: [{ key: [] }]\n',
    ]);
    expect(brief(await routeChanges(BASE, added))).toEqual([
      {
        code: 'GP406',
        kind: 'auth-added',
        classification: 'breaking',
        args: { route: 'GET /users/{id}', before: 'public', after: 'key' },
      },
    ]);
    const removed = patch(['security: [{ iam: [] }]', 'security: []']);
    expect(brief(await routeChanges(BASE, removed))).toEqual([
      {
        code: 'GP407',
        kind: 'auth-removed',
        classification: 'risky',
        args: { route: 'DELETE /users/{id}', before: 'iam', after: 'public' },
      },
    ]);
    const replaced = patch(['security: [{ iam: [] }]', 'security: [{ key: [] }]']);
    expect(brief(await routeChanges(BASE, replaced))).toEqual([
      {
        code: 'GP408',
        kind: 'auth-changed',
        classification: 'breaking',
        args: { route: 'DELETE /users/{id}', before: 'iam', after: 'key' },
      },
    ]);
    const widened = patch(['security: [{ iam: [] }]', 'security: [{ key: [] }, { iam: [] }]']);
    expect(brief(await routeChanges(BASE, widened))).toEqual([
      {
        code: 'GP418',
        kind: 'auth-widened',
        classification: 'risky',
        args: { route: 'DELETE /users/{id}', before: 'iam', after: 'iam or key' },
      },
    ]);
  });

  it('throttling tightened is risky, loosened or removed is safe', async () => {
    const tighter = patch(['{ rate: 100, burst: 200 }', '{ rate: 100, burst: 50 }']);
    expect(brief(await routeChanges(BASE, tighter))).toEqual([
      {
        code: 'GP409',
        kind: 'throttle-tightened',
        classification: 'risky',
        args: { route: 'GET /users', before: '100/s burst 200', after: '100/s burst 50' },
      },
    ]);
    const removed = patch(['      x-gateplan: { throttle: { rate: 100, burst: 200 } }\n', '']);
    expect(brief(await routeChanges(BASE, removed))).toEqual([
      {
        code: 'GP410',
        kind: 'throttle-loosened',
        classification: 'safe',
        args: { route: 'GET /users', before: '100/s burst 200', after: 'none' },
      },
    ]);
  });

  it('a shorter timeout is risky, a longer one safe', async () => {
    const shorter = patch([
      'x-gateplan: { backend: orders }',
      'x-gateplan: { backend: orders, timeoutMs: 3000 }',
    ]);
    expect(brief(await routeChanges(BASE, shorter))).toEqual([
      {
        code: 'GP411',
        kind: 'timeout-shortened',
        classification: 'risky',
        args: { route: 'GET /orders/{id}', before: '10000 ms', after: '3000 ms' },
      },
    ]);
    expect(brief(await routeChanges(shorter, BASE))[0]).toMatchObject({
      code: 'GP412',
      classification: 'safe',
    });
  });

  it('CORS: removing an origin narrows (risky), adding one widens (safe)', async () => {
    const withCors = (origins: string) =>
      patch(['timeoutMs: 10000 }', `timeoutMs: 10000, cors: { allowOrigins: [${origins}] } }`]);
    const changes = await routeChanges(
      withCors('"https://a.example", "https://b.example"'),
      withCors('"https://a.example", "https://c.example"'),
    );
    const forGetUser = changes.filter((c) => c.route === 'GET /users/{}');
    expect(brief(forGetUser)).toEqual([
      {
        code: 'GP413',
        kind: 'cors-narrowed',
        classification: 'risky',
        args: { route: 'GET /users/{id}', detail: 'origins https://b.example no longer allowed' },
      },
      {
        code: 'GP414',
        kind: 'cors-widened',
        classification: 'safe',
        args: { route: 'GET /users/{id}', detail: 'origins https://c.example now allowed' },
      },
    ]);
    // Every route inherits the default, so every route reports it.
    expect(changes).toHaveLength(8);
  });

  it('stage changes: added, removed, moved, throttle, canary and variables', async () => {
    const revision = patch(
      [
        '    dev: { host: dev.shop.example.com, throttle: { rate: 50, burst: 100 } }\n',
        '    test: { host: test.shop.example.com }\n',
      ],
      [
        'prod: { host: shop.example.com, throttle: { rate: 1000, burst: 2000 }, canary: { percent: 10, backends: { users: users-v2 } } }',
        'prod: { host: www.shop.example.com, throttle: { rate: 500, burst: 2000 }, variables: { tier: gold }, canary: { percent: 25, backends: { orders: users-v2 } } }',
      ],
    );
    expect(brief(await routeChanges(BASE, revision))).toEqual([
      {
        code: 'GP421',
        kind: 'stage-removed',
        classification: 'breaking',
        args: { stage: 'dev', before: 'host dev.shop.example.com' },
      },
      {
        code: 'GP422',
        kind: 'stage-address-changed',
        classification: 'breaking',
        args: { stage: 'prod', before: 'host shop.example.com', after: 'host www.shop.example.com' },
      },
      {
        code: 'GP423',
        kind: 'stage-throttle-tightened',
        classification: 'risky',
        args: { stage: 'prod', before: '1000/s burst 2000', after: '500/s burst 2000' },
      },
      {
        code: 'GP425',
        kind: 'canary-increased',
        classification: 'risky',
        args: { stage: 'prod', before: '10%', after: '25%' },
      },
      {
        code: 'GP427',
        kind: 'canary-backends-changed',
        classification: 'risky',
        args: { stage: 'prod', before: 'users→users-v2', after: 'orders→users-v2' },
      },
      {
        code: 'GP428',
        kind: 'stage-variables-changed',
        classification: 'risky',
        args: { stage: 'prod', detail: 'tier added (gold)' },
      },
      {
        code: 'GP420',
        kind: 'stage-added',
        classification: 'safe',
        args: { stage: 'test', after: 'host test.shop.example.com' },
      },
    ]);
  });

  it('stage throttling loosened and canary shrunk are safe', async () => {
    const revision = patch(
      [
        'dev: { host: dev.shop.example.com, throttle: { rate: 50, burst: 100 } }',
        'dev: { host: dev.shop.example.com, throttle: { rate: 80, burst: 100 } }',
      ],
      ['canary: { percent: 10,', 'canary: { percent: 5,'],
    );
    expect(brief(await routeChanges(BASE, revision))).toEqual([
      {
        code: 'GP424',
        kind: 'stage-throttle-loosened',
        classification: 'safe',
        args: { stage: 'dev', before: '50/s burst 100', after: '80/s burst 100' },
      },
      {
        code: 'GP426',
        kind: 'canary-decreased',
        classification: 'safe',
        args: { stage: 'prod', before: '10%', after: '5%' },
      },
    ]);
  });

  it('extra match conditions changed are risky; a new catch-all is reported', async () => {
    const revision = patch(
      [
        '      x-gateplan: { backend: orders }\n',
        "      x-gateplan: { backend: orders, match: { headers: { X-Tenant: ['a*'] } } }\n",
      ],
      [
        '  defaults: { backend: users, timeoutMs: 10000 }\n',
        '  defaults: { backend: users, timeoutMs: 10000 }\n  catchAll: users\n',
      ],
    );
    expect(brief(await routeChanges(BASE, revision))).toEqual([
      {
        code: 'GP415',
        kind: 'match-changed',
        classification: 'risky',
        args: { route: 'GET /orders/{id}', before: 'none', after: 'header X-Tenant=a*' },
      },
      {
        code: 'GP417',
        kind: 'catch-all-changed',
        classification: 'safe',
        args: { before: 'the 404 response', after: 'users' },
      },
    ]);
  });

  it('a backend pointed at a new address is risky and counts the routes it moves', async () => {
    const revision = patch([
      "users: { url: 'http://users.internal:8080' }",
      "users: { url: 'http://users.internal:9090' }",
    ]);
    expect(brief(await routeChanges(BASE, revision))).toEqual([
      {
        code: 'GP416',
        kind: 'backend-address-changed',
        classification: 'risky',
        args: {
          backend: 'users',
          before: 'http://users.internal:8080',
          after: 'http://users.internal:9090',
          count: '3',
        },
      },
    ]);
  });

  it('fingerprints name the same change across versions, whatever moved around it', async () => {
    const edit: [string, string] = ['{ rate: 100, burst: 200 }', '{ rate: 10, burst: 20 }'];
    const plain = await routeChanges(BASE, patch(edit));
    const shifted = await routeChanges(
      `# a comment\n# that moves every line\n${BASE}`,
      `# another header\n${patch(edit)}`,
    );
    expect(shifted.map((c) => c.fingerprint)).toEqual(plain.map((c) => c.fingerprint));
    const other = await routeChanges(BASE, patch(['{ rate: 100, burst: 200 }', '{ rate: 10, burst: 30 }']));
    expect(other[0]!.fingerprint).not.toBe(plain[0]!.fingerprint);
  });
});
