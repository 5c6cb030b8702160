/**
 * One table per diff code (GP400–GP460): each case diffs two inline versions of a spec and
 * lists the code's changes with where each sits in the old spec and in the new one. Most
 * versions are BASE (test/diff/helpers.ts) with one edit, so the case shows what changed.
 */
import { describe, expect } from 'vitest';
import { testDiffCode } from '../support/diff-code.js';
import { BASE, patch } from './helpers.js';

const USERS = '/paths/~1users/get';
const USER = '/paths/~1users~1{id}/get';
const DELETE_USER = '/paths/~1users~1{id}/delete';
const ORDER = '/paths/~1orders~1{id}/get';
const at = (pointer: string, line?: number) => (line === undefined ? { pointer } : { pointer, line });
const both = (pointer: string) => ({ base: at(pointer), revision: at(pointer) });

const ORDERS_PATH = `  /orders/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      operationId: getOrder
      x-gateplan: { backend: orders }
      responses: { '200': { description: ok } }
`;
const DELETE_OP = `    delete:
      operationId: deleteUser
      security: [{ iam: [] }]
      responses: { '204': { description: gone } }
`;
const HEALTH = `  /health:\n    get:\n      operationId: health\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`;
const POST_USERS = `  /users:\n    post:\n      operationId: createUser\n      responses: { '201': { description: made } }\n    get:\n`;

const split = (a: number, b: number) =>
  patch([
    '      operationId: getUser\n',
    `      operationId: getUser\n      x-gateplan: { backend: { users: ${a}, users-v2: ${b} } }\n`,
  ]);
const withAuth = (security: string) => patch(['security: [{ iam: [] }]', `security: ${security}`]);
const throttle = (rate: number, burst: number) =>
  patch(['{ rate: 100, burst: 200 }', `{ rate: ${rate}, burst: ${burst} }`]);
const timeout = (ms: number) =>
  patch(['x-gateplan: { backend: orders }', `x-gateplan: { backend: orders, timeoutMs: ${ms} }`]);
const cors = (origins: string, credentials = false) =>
  patch([
    'x-gateplan: { backend: orders }',
    `x-gateplan: { backend: orders, cors: { allowOrigins: [${origins}], allowCredentials: ${credentials} } }`,
  ]);
const match = (tenant: string) =>
  patch([
    'x-gateplan: { backend: orders }',
    `x-gateplan: { backend: orders, match: { headers: { X-Tenant: ['${tenant}'] } } }`,
  ]);
const usersAt = (url: string) =>
  patch(["users: { url: 'http://users.internal:8080' }", `users: { url: '${url}' }`]);
const catchAll = (backend: string) =>
  patch([
    '  defaults: { backend: users, timeoutMs: 10000 }\n',
    `  defaults: { backend: users, timeoutMs: 10000 }\n  catchAll: ${backend}\n`,
  ]);

describe('route changes', () => {
  testDiffCode('GP400', [
    {
      name: 'a new path: only the new spec has it',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', HEALTH]),
      expect: [{ base: null, revision: at('/paths/~1health/get', 32), args: { route: 'GET /health' } }],
    },
    {
      name: 'a new method on a path that exists is a method, not a route',
      base: BASE,
      revision: patch(['  /users:\n    get:\n', POST_USERS]),
      expect: [],
    },
  ]);

  testDiffCode('GP401', [
    {
      name: 'a path removed: only the old spec has it',
      base: BASE,
      revision: patch([ORDERS_PATH, '']),
      expect: [{ base: at(ORDER, 33), revision: null, args: { route: 'GET /orders/{id}' } }],
    },
    {
      name: 'one of two methods removed is a method, not a route',
      base: BASE,
      revision: patch([DELETE_OP, '']),
      expect: [],
    },
  ]);

  testDiffCode('GP402', [
    {
      name: 'a method added beside one that exists',
      base: BASE,
      revision: patch(['  /users:\n    get:\n', POST_USERS]),
      expect: [
        { base: null, revision: at('/paths/~1users/post', 18), args: { method: 'POST', path: '/users' } },
      ],
    },
    {
      name: 'a new path is a route, not a method',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', HEALTH]),
      expect: [],
    },
  ]);

  testDiffCode('GP403', [
    {
      name: 'a method removed while the path keeps another',
      base: BASE,
      revision: patch([DELETE_OP, '']),
      expect: [
        { base: at(DELETE_USER, 27), revision: null, args: { method: 'DELETE', path: '/users/{id}' } },
      ],
    },
    {
      name: 'the whole path removed is a route, not a method',
      base: BASE,
      revision: patch([ORDERS_PATH, '']),
      expect: [],
    },
  ]);

  testDiffCode('GP404', [
    {
      name: 'a route moved to another backend',
      base: BASE,
      revision: patch(['x-gateplan: { backend: orders }', 'x-gateplan: { backend: users-v2 }']),
      expect: [{ ...both(ORDER), args: { before: 'orders', after: 'users-v2' } }],
    },
    {
      name: 'starting a split sends requests to a backend that served none',
      base: BASE,
      revision: split(90, 10),
      expect: [{ ...both(USER), args: { before: 'users', after: 'users 90 / users-v2 10' } }],
    },
    { name: 'the same backends with new weights', base: split(90, 10), revision: split(50, 50), expect: [] },
  ]);

  testDiffCode('GP405', [
    {
      name: 'the same backends with new weights',
      base: split(90, 10),
      revision: split(50, 50),
      expect: [
        { ...both(USER), args: { before: 'users 90 / users-v2 10', after: 'users 50 / users-v2 50' } },
      ],
    },
    {
      name: 'the same shares written with other numbers',
      base: split(1, 1),
      revision: split(50, 50),
      expect: [],
    },
  ]);

  testDiffCode('GP406', [
    {
      name: 'a public route now requires a key',
      base: BASE,
      revision: patch([
        '      operationId: getUser\n',
        '      operationId: getUser\n      security: [{ key: [] }]\n',
      ]),
      expect: [{ ...both(USER), args: { before: 'public', after: 'key' } }],
    },
    {
      name: 'a route that required auth requires another',
      base: BASE,
      revision: withAuth('[{ key: [] }]'),
      expect: [],
    },
  ]);

  testDiffCode('GP407', [
    {
      name: 'a route made public',
      base: BASE,
      revision: withAuth('[]'),
      expect: [{ ...both(DELETE_USER), args: { before: 'iam', after: 'public' } }],
    },
    {
      name: 'an alternative added',
      base: BASE,
      revision: withAuth('[{ key: [] }, { iam: [] }]'),
      expect: [],
    },
  ]);

  testDiffCode('GP408', [
    {
      name: 'one scheme replaced by another',
      base: BASE,
      revision: withAuth('[{ key: [] }]'),
      expect: [{ ...both(DELETE_USER), args: { before: 'iam', after: 'key' } }],
    },
    {
      name: 'an alternative added keeps the old one',
      base: BASE,
      revision: withAuth('[{ key: [] }, { iam: [] }]'),
      expect: [],
    },
  ]);

  testDiffCode('GP418', [
    {
      name: 'an alternative added keeps the old one',
      base: BASE,
      revision: withAuth('[{ key: [] }, { iam: [] }]'),
      expect: [{ ...both(DELETE_USER), args: { before: 'iam', after: 'iam or key' } }],
    },
    {
      name: 'both schemes required at once is narrower',
      base: BASE,
      revision: withAuth('[{ key: [], iam: [] }]'),
      expect: [],
    },
  ]);

  testDiffCode('GP409', [
    {
      name: 'a smaller burst',
      base: BASE,
      revision: throttle(100, 50),
      expect: [{ ...both(USERS), args: { before: '100/s burst 200', after: '100/s burst 50' } }],
    },
    { name: 'a larger burst', base: BASE, revision: throttle(100, 400), expect: [] },
  ]);

  testDiffCode('GP410', [
    {
      name: 'throttling removed',
      base: BASE,
      revision: patch(['      x-gateplan: { throttle: { rate: 100, burst: 200 } }\n', '']),
      expect: [{ ...both(USERS), args: { before: '100/s burst 200', after: 'none' } }],
    },
    { name: 'a lower rate', base: BASE, revision: throttle(10, 200), expect: [] },
  ]);

  testDiffCode('GP411', [
    {
      name: 'a shorter timeout than the default',
      base: BASE,
      revision: timeout(3000),
      expect: [{ ...both(ORDER), args: { before: '10000 ms', after: '3000 ms' } }],
    },
    { name: 'a longer one', base: BASE, revision: timeout(20000), expect: [] },
  ]);

  testDiffCode('GP412', [
    {
      name: 'a longer timeout',
      base: timeout(3000),
      revision: BASE,
      expect: [{ ...both(ORDER), args: { before: '3000 ms', after: '10000 ms' } }],
    },
    { name: 'a shorter one', base: timeout(20000), revision: timeout(3000), expect: [] },
  ]);

  testDiffCode('GP413', [
    {
      name: 'an origin no longer allowed',
      base: cors('"https://a.example", "https://b.example"'),
      revision: cors('"https://a.example"'),
      expect: [{ ...both(ORDER), args: { detail: 'origins https://b.example no longer allowed' } }],
    },
    {
      name: 'credentials now allowed only widens',
      base: cors('"https://a.example"'),
      revision: cors('"https://a.example"', true),
      expect: [],
    },
  ]);

  testDiffCode('GP414', [
    {
      name: 'credentials now allowed',
      base: cors('"https://a.example"'),
      revision: cors('"https://a.example"', true),
      expect: [{ ...both(ORDER), args: { detail: 'credentials now allowed' } }],
    },
    {
      name: 'an origin removed only narrows',
      base: cors('"https://a.example", "https://b.example"'),
      revision: cors('"https://a.example"'),
      expect: [],
    },
  ]);

  testDiffCode('GP415', [
    {
      name: 'another header value required',
      base: match('a*'),
      revision: match('b*'),
      expect: [{ ...both(ORDER) }],
    },
    { name: 'the same condition', base: match('a*'), revision: match('a*'), expect: [] },
  ]);

  testDiffCode('GP416', [
    {
      name: 'a backend kept under its name points elsewhere',
      base: BASE,
      revision: usersAt('http://users.internal:9090'),
      expect: [
        {
          ...both('/x-gateplan/backends/users'),
          args: {
            backend: 'users',
            before: 'http://users.internal:8080',
            after: 'http://users.internal:9090',
          },
        },
      ],
    },
    {
      name: 'routes moved to a backend with another name',
      base: BASE,
      revision: patch(
        ["users: { url: 'http://users.internal:8080' }", "people: { url: 'http://users.internal:9090' }"],
        ['backend: users,', 'backend: people,'],
      ),
      expect: [],
    },
  ]);

  testDiffCode('GP417', [
    {
      name: 'requests no route declares get a backend',
      base: BASE,
      revision: catchAll('users'),
      expect: [{ ...both(''), args: { before: 'the 404 response', after: 'users' } }],
    },
    { name: 'the same catch-all', base: catchAll('users'), revision: catchAll('users'), expect: [] },
  ]);
});

const DEV = '    dev: { host: dev.shop.example.com, throttle: { rate: 50, burst: 100 } }\n';
const PROD =
  'prod: { host: shop.example.com, throttle: { rate: 1000, burst: 2000 }, canary: { percent: 10, backends: { users: users-v2 } } }';
const prod = (settings: string) => patch([PROD, `prod: { ${settings} }`]);
const PROD_AT = '/x-gateplan/stages/prod';

describe('stage changes', () => {
  testDiffCode('GP420', [
    {
      name: 'a new stage',
      base: BASE,
      revision: patch([DEV, `${DEV}    test: { host: test.shop.example.com }\n`]),
      expect: [{ base: null, revision: at('/x-gateplan/stages/test', 11), args: { stage: 'test' } }],
    },
    {
      name: 'a stage renamed is one removed and one added',
      base: BASE,
      revision: patch(['    dev:', '    staging:']),
      expect: [{ base: null, revision: at('/x-gateplan/stages/staging') }],
    },
    {
      name: 'a stage that changes its host',
      base: BASE,
      revision: patch(['dev.shop.example.com', 'dev2.shop.example.com']),
      expect: [],
    },
  ]);

  testDiffCode('GP421', [
    {
      name: 'a stage removed',
      base: BASE,
      revision: patch([DEV, '']),
      expect: [{ base: at('/x-gateplan/stages/dev', 10), revision: null, args: { stage: 'dev' } }],
    },
    {
      name: 'a stage that changes its host',
      base: BASE,
      revision: patch(['dev.shop.example.com', 'dev2.shop.example.com']),
      expect: [],
    },
  ]);

  testDiffCode('GP422', [
    {
      name: 'a stage on another host',
      base: BASE,
      revision: patch(['dev.shop.example.com', 'dev2.shop.example.com']),
      expect: [
        {
          ...both('/x-gateplan/stages/dev'),
          args: { before: 'host dev.shop.example.com', after: 'host dev2.shop.example.com' },
        },
      ],
    },
    {
      name: 'the same host with other throttling',
      base: BASE,
      revision: patch(['rate: 50, burst: 100', 'rate: 40, burst: 100']),
      expect: [],
    },
  ]);

  testDiffCode('GP423', [
    {
      name: 'a lower stage rate',
      base: BASE,
      revision: patch(['rate: 50, burst: 100', 'rate: 40, burst: 100']),
      expect: [
        { ...both('/x-gateplan/stages/dev'), args: { before: '50/s burst 100', after: '40/s burst 100' } },
      ],
    },
    {
      name: 'a higher one',
      base: BASE,
      revision: patch(['rate: 50, burst: 100', 'rate: 60, burst: 100']),
      expect: [],
    },
  ]);

  testDiffCode('GP424', [
    {
      name: 'a higher stage rate',
      base: BASE,
      revision: patch(['rate: 50, burst: 100', 'rate: 60, burst: 100']),
      expect: [
        { ...both('/x-gateplan/stages/dev'), args: { before: '50/s burst 100', after: '60/s burst 100' } },
      ],
    },
    {
      name: 'a lower one',
      base: BASE,
      revision: patch(['rate: 50, burst: 100', 'rate: 40, burst: 100']),
      expect: [],
    },
  ]);

  testDiffCode('GP425', [
    {
      name: 'a larger canary',
      base: BASE,
      revision: patch(['canary: { percent: 10,', 'canary: { percent: 50,']),
      expect: [{ ...both(PROD_AT), args: { stage: 'prod' } }],
    },
    {
      name: 'a smaller one',
      base: BASE,
      revision: patch(['canary: { percent: 10,', 'canary: { percent: 5,']),
      expect: [],
    },
  ]);

  testDiffCode('GP426', [
    {
      name: 'the canary removed',
      base: BASE,
      revision: prod('host: shop.example.com, throttle: { rate: 1000, burst: 2000 }'),
      expect: [{ ...both(PROD_AT), args: { stage: 'prod' } }],
    },
    {
      name: 'a larger one',
      base: BASE,
      revision: patch(['canary: { percent: 10,', 'canary: { percent: 50,']),
      expect: [],
    },
  ]);

  testDiffCode('GP427', [
    {
      name: 'the canary substitutes another backend',
      base: BASE,
      revision: patch(['backends: { users: users-v2 }', 'backends: { orders: users-v2 }']),
      expect: [{ ...both(PROD_AT), args: { before: 'users→users-v2', after: 'orders→users-v2' } }],
    },
    {
      name: 'a canary removed is a smaller canary, not a substitution',
      base: BASE,
      revision: prod('host: shop.example.com, throttle: { rate: 1000, burst: 2000 }'),
      expect: [],
    },
  ]);

  testDiffCode('GP428', [
    {
      name: 'a variable added',
      base: BASE,
      revision: patch([
        'dev: { host: dev.shop.example.com,',
        'dev: { host: dev.shop.example.com, variables: { tier: gold },',
      ]),
      expect: [{ ...both('/x-gateplan/stages/dev'), args: { detail: 'tier added (gold)' } }],
    },
    {
      name: 'no variables on either side',
      base: BASE,
      revision: patch(['rate: 50, burst: 100', 'rate: 40, burst: 100']),
      expect: [],
    },
  ]);
});

describe('API Gateway changes', () => {
  testDiffCode('GP440', [
    {
      name: 'a path under a new prefix adds its resources',
      base: BASE,
      revision: patch([
        '  /orders/{id}:\n',
        `  /admin/stats:\n    get:\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`,
      ]),
      targets: ['apigw-rest'],
      expect: [
        { base: null, revision: at('/paths/~1admin~1stats/get'), args: { path: '/admin' } },
        { base: null, revision: at('/paths/~1admin~1stats/get'), args: { path: '/admin/stats' } },
      ],
    },
    {
      name: 'HTTP APIs have routes, not resources',
      base: BASE,
      revision: patch([
        '  /orders/{id}:\n',
        `  /admin/stats:\n    get:\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`,
      ]),
      targets: ['apigw-http'],
      expect: [],
    },
  ]);

  testDiffCode('GP441', [
    {
      name: 'a path removed takes its resources',
      base: BASE,
      revision: patch([ORDERS_PATH, '']),
      targets: ['apigw-rest'],
      expect: [
        { base: at(ORDER), revision: null, args: { path: '/orders' } },
        { base: at(ORDER), revision: null, args: { path: '/orders/{id}' } },
      ],
    },
    {
      name: 'a parameter renamed keeps the resource',
      base: BASE,
      revision: BASE.replaceAll('{id}', '{userId}').replaceAll('name: id,', 'name: userId,'),
      targets: ['apigw-rest'],
      expect: [],
    },
  ]);

  testDiffCode('GP442', [
    {
      name: 'a method added',
      base: BASE,
      revision: patch(['  /users:\n    get:\n', POST_USERS]),
      targets: ['apigw-http'],
      expect: [{ base: null, revision: at('/paths/~1users/post'), args: { method: 'POST', path: '/users' } }],
    },
    {
      name: 'a method kept under a renamed parameter',
      base: BASE,
      revision: BASE.replaceAll('{id}', '{userId}').replaceAll('name: id,', 'name: userId,'),
      targets: ['apigw-http'],
      expect: [],
    },
  ]);

  testDiffCode('GP443', [
    {
      name: 'a method removed',
      base: BASE,
      revision: patch([DELETE_OP, '']),
      targets: ['apigw-rest'],
      expect: [{ base: at(DELETE_USER), revision: null, args: { method: 'DELETE', path: '/users/{id}' } }],
    },
    {
      name: 'a method whose backend changes stays',
      base: BASE,
      revision: patch(['x-gateplan: { backend: orders }', 'x-gateplan: { backend: users-v2 }']),
      targets: ['apigw-rest'],
      expect: [],
    },
  ]);
});

const ME_ROUTE = `  /users/me:\n    get:\n      operationId: getMe\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n  /users/{id}:\n`;
const AVATAR = `  /users/{id}/avatar:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get:\n      operationId: getAvatar\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`;
const STATS = `  /admin/stats:\n    get:\n      x-gateplan: { backend: users-v2 }\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`;
const NESTED = `  /users/{id}/{y}:\n    get:\n      x-gateplan: { backend: users-v2 }\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`;
const ME = '/paths/~1users~1me/get';
const STATS_OP = '/paths/~1admin~1stats/get';
const AVATAR_OP = '/paths/~1users~1{id}~1avatar/get';
const DEV_HOST = 'dev.shop.example.com';
const PROD_HOST = 'shop.example.com';

/** An API whose every route has a backend, so a rule and a target group, of its own. */
const wide = (routes: number, intent = '') =>
  `openapi: 3.0.3\ninfo: { title: wide, version: '1' }\nx-gateplan:\n${intent}  backends:\n${Array.from(
    { length: routes },
    (_, i) => `    b${i}: { url: 'http://b${i}.internal' }\n`,
  ).join('')}paths:\n${Array.from(
    { length: routes },
    (_, i) =>
      `  /p${i}:\n    get:\n      x-gateplan: { backend: b${i} }\n      responses: { '200': { description: ok } }\n`,
  ).join('')}`;
/** BASE with `count` stages. */
const staged = (count: number) =>
  patch([
    / {2}stages:\n[\s\S]*?\ncomponents:/.exec(BASE)![0],
    `  stages:\n${Array.from({ length: count }, (_, i) => `    s${i}: { host: s${i}.shop.example.com }\n`).join('')}components:`,
  ]);

describe('ALB changes', () => {
  testDiffCode('GP450', [
    {
      name: 'a route to a backend no rule forwards to gets a rule of its own',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', STATS]),
      targets: ['alb'],
      expect: [{ base: null, revision: at(STATS_OP, 32) }],
    },
    {
      name: 'a route that joins the rule already forwarding to its backend adds none',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', AVATAR]),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP451', [
    {
      name: 'the only route of a rule removed',
      base: BASE,
      revision: patch([ORDERS_PATH, '']),
      targets: ['alb'],
      expect: [{ base: at(ORDER, 33), revision: null }],
    },
    {
      name: 'an operation renamed replaces its rule instead',
      base: BASE,
      revision: patch(['operationId: getOrder', 'operationId: fetchOrder']),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP452', [
    {
      name: 'the rules of both stages must follow a more specific new route',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', NESTED]),
      targets: ['alb'],
      expect: [both(USERS), both(USERS)],
    },
    {
      name: 'a route that overlaps no rule moves none',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', STATS]),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP453', [
    {
      name: 'a route moved to another backend reroutes its requests in every stage',
      base: BASE,
      revision: patch(['x-gateplan: { backend: orders }', 'x-gateplan: { backend: users-v2 }']),
      targets: ['alb'],
      expect: [
        {
          ...both(ORDER),
          args: { request: `GET ${DEV_HOST}/orders/42`, before: 'orders', after: 'users-v2' },
        },
        {
          ...both(ORDER),
          args: { request: `GET ${PROD_HOST}/orders/42`, before: 'orders', after: 'users-v2' },
        },
      ],
    },
    {
      name: 'a route removed: its requests reach the default action, nothing in the new spec',
      base: BASE,
      revision: patch([ORDERS_PATH, '']),
      targets: ['alb'],
      expect: [
        { base: at(ORDER), revision: null, args: { after: 'fixed response 404' } },
        { base: at(ORDER), revision: null, args: { after: 'fixed response 404' } },
      ],
    },
    {
      name: 'a canary share changed is a stage change, not a per-request one',
      base: BASE,
      revision: patch(['canary: { percent: 10,', 'canary: { percent: 50,']),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP454', [
    {
      name: 'a new literal route captures requests a templated one served',
      base: BASE,
      revision: patch(['  /users/{id}:\n', ME_ROUTE]),
      targets: ['alb'],
      expect: [DEV_HOST, PROD_HOST].map((host) => ({
        base: at(USER, 24),
        revision: at(ME, 23),
        args: { request: `GET ${host}/users/me`, baseRoute: 'GET /users/{id}', route: 'GET /users/me' },
      })),
    },
    {
      name: 'requests no operation declared are not captured from anyone',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', AVATAR]),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP455', [
    {
      name: 'a new route takes requests that matched no operation',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', AVATAR]),
      targets: ['alb'],
      expect: [DEV_HOST, PROD_HOST].map((host) => ({
        base: null,
        revision: at(AVATAR_OP),
        args: { request: `GET ${host}/users/42/avatar`, before: 'users', after: 'orders' },
      })),
    },
    {
      name: 'a route that takes requests another operation served is captured, not newly routed',
      base: BASE,
      revision: patch(['  /users/{id}:\n', ME_ROUTE]),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP456', [
    {
      name: 'a rule that starts serving a new route',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', AVATAR]),
      targets: ['alb'],
      expect: [
        {
          base: at(ORDER),
          revision: at(AVATAR_OP),
          args: { detail: 'now also serves GET /users/{}/avatar; conditions changed' },
        },
      ],
    },
    {
      name: 'a rule forwarding elsewhere',
      base: BASE,
      revision: patch(['x-gateplan: { backend: orders }', 'x-gateplan: { backend: users-v2 }']),
      targets: ['alb'],
      expect: [{ ...both(ORDER), args: { detail: 'actions changed' } }],
    },
    {
      name: 'a rule renamed with its operation, otherwise the same',
      base: BASE,
      revision: patch(['operationId: getOrder', 'operationId: fetchOrder']),
      targets: ['alb'],
      expect: [],
    },
  ]);

  testDiffCode('GP457', [
    {
      name: 'a rule renamed with its operation',
      base: BASE,
      revision: patch(['operationId: getOrder', 'operationId: fetchOrder']),
      targets: ['alb'],
      expect: [
        {
          ...both(ORDER),
          args: { before: expect.stringMatching(/^GetOrder/), after: expect.stringMatching(/^FetchOrder/) },
        },
      ],
    },
    {
      name: 'a rule of its own for a new backend replaces nothing',
      base: BASE,
      revision: patch(['  /orders/{id}:\n', STATS]),
      targets: ['alb'],
      expect: [],
    },
  ]);
});

describe('quota changes', () => {
  testDiffCode('GP460', [
    {
      name: 'the 101st rule and target group of a load balancer',
      base: wide(100),
      revision: wide(101),
      targets: ['alb'],
      expect: [
        {
          base: null,
          revision: at('/paths', 106),
          args: { quota: 'listener rules per load balancer', limit: '100' },
        },
        {
          base: null,
          revision: at('/paths'),
          args: { quota: 'target groups per load balancer', limit: '100' },
        },
      ],
    },
    {
      name: 'a raised rule quota declared: only the target groups cross theirs',
      base: wide(100),
      revision: wide(101, '  quotas: { albRules: 200 }\n'),
      targets: ['alb'],
      expect: [{ base: null, revision: at('/paths'), args: { quota: 'target groups per load balancer' } }],
    },
    {
      name: 'already over before: not newly exceeded',
      base: wide(101),
      revision: wide(102),
      targets: ['alb'],
      expect: [],
    },
    {
      name: 'the 11th stage of an API Gateway API',
      base: staged(10),
      revision: staged(11),
      targets: ['apigw-rest'],
      expect: [
        { base: null, revision: at('/paths'), args: { quota: 'stages per API', before: '10', after: '11' } },
      ],
    },
    {
      name: 'up to the quota is within it',
      base: staged(9),
      revision: staged(10),
      targets: ['apigw-http'],
      expect: [],
    },
  ]);
});
