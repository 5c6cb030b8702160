import { describe, expect, it } from 'vitest';
import { check, oas, testCode } from '../support/check.js';

const intent = `x-gateplan:\n  backends: { b: { url: 'http://b.internal' }, c: { lambda: 'arn:aws:lambda:us-east-1:1:function:c' } }\n  defaults: { backend: b }\n`;
const ok = (paths: string, extra = '') => oas(`${intent}${extra}paths:\n${paths}`);
const op = `{ responses: { '200': { description: ok } } }`;

describe('model diagnostics', () => {
  testCode('GP020', [
    {
      name: 'two templates that differ only in parameter names, with different backends',
      spec: ok(
        `  /users/{name}:\n    get: { x-gateplan: { backend: c }, parameters: [{ name: name, in: path, required: true }], responses: { '200': { description: ok } } }\n  /users/{id}:\n    get: { parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      // {id} sorts first, so it is kept whichever comes first in the document.
      expect: [
        {
          pointer: '/paths/~1users~1{name}/get',
          args: { route: 'GET /users/{name}', other: '/users/{id}', differs: 'backend' },
        },
      ],
    },
    {
      name: 'different security and required query parameters',
      spec: ok(
        `  /users/{id}:\n    get: { security: [], parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }\n  /users/{name}:\n    get: { parameters: [{ name: name, in: path, required: true }, { name: q, in: query, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1users~1{name}/get',
          args: { differs: 'security, query, header and cookie parameters' },
        },
      ],
    },
    {
      name: 'the same shape with different methods is fine',
      spec: ok(
        `  /users/{id}:\n    get: { parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }\n  /users/{name}:\n    put: { parameters: [{ name: name, in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      expect: [],
    },
  ]);

  testCode('GP151', [
    {
      name: 'two templates that agree on everything but parameter names share one route',
      spec: ok(
        `  /users/{name}:\n    get: { parameters: [{ name: name, in: path, required: true }, { name: X-Tenant, in: header, required: true }], responses: { '200': { description: ok } } }\n  /users/{id}:\n    get: { parameters: [{ name: id, in: path, required: true }, { name: x-tenant, in: header, required: true }], responses: { '200': { description: by id } } }\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1users~1{name}/get',
          severity: 'info',
          args: { route: 'GET /users/{name}', kept: '/users/{id}', dropped: '/users/{name}' },
        },
      ],
    },
  ]);

  it('GP151: the shared route is the declaration whose path sorts first, whatever the document order', async () => {
    const paths = [
      `  /users/{name}:\n    get: { operationId: byName, parameters: [{ name: name, in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      `  /users/{id}:\n    get: { operationId: byId, parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }\n`,
    ];
    for (const order of [paths, [...paths].reverse()]) {
      const { model } = await check(ok(order.join('')));
      expect(model!.routes.map((r) => `${r.path} ${r.operationId}`)).toEqual(['/users/{id} byId']);
    }
  });

  testCode('GP021', [
    {
      name: 'undeclared {id}',
      spec: ok(`  /orders/{id}:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1orders~1{id}/get', line: 8, severity: 'warn' }],
    },
    {
      name: 'declared on the path item',
      spec: ok(`  /orders/{id}:\n    parameters: [{ name: id, in: path, required: true }]\n    get: ${op}\n`),
      expect: [],
    },
    {
      name: 'declared through a $ref',
      spec:
        ok(
          `  /orders/{id}:\n    get: { parameters: [{ $ref: '#/components/parameters/Id' }], responses: { '200': { description: ok } } }\n`,
          '',
        ) + `components:\n  parameters:\n    Id: { name: id, in: path, required: true }\n`,
      expect: [],
    },
  ]);

  it('GP021: the undeclared parameter is added to the route as a required string', async () => {
    const { model } = await check(ok(`  /orders/{id}:\n    get: ${op}\n`));
    expect(model!.routes[0]!.params).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
  });

  testCode('GP022', [
    {
      name: 'declared in: path but not in the template',
      spec: ok(
        `  /orders:\n    get: { parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      expect: [{ pointer: '/paths/~1orders/get/parameters/0', severity: 'warn' }],
    },
  ]);

  testCode('GP023', [
    {
      name: 'a parameter inside a segment is a route (mixed segment), not an error',
      spec: ok(`  /compare/{base}...{head}:\n    get: ${op}\n`),
      expect: [],
    },
    {
      name: 'a query string in a path key is the path for requests with that query, not an error',
      spec: ok(`  /search?beta=true:\n    get: ${op}\n  /search:\n    get: ${op}\n`),
      expect: [],
    },
    {
      name: 'a query that names no parameter',
      spec: ok(`  /search?&:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1search?&' }],
    },
    {
      name: 'a query no rule can compare',
      spec: ok(`  /search?q=a b:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1search?q=a b' }],
    },
    {
      name: 'an RFC 6570 placeholder in angle brackets',
      spec: ok(`  /uploads/<upload_url>:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1uploads~1<upload_url>' }],
    },
    {
      name: 'two parameters with no text between them cannot be told apart',
      spec: ok(`  /files/{name}{ext}:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1files~1{name}{ext}' }],
    },
    {
      name: 'a greedy parameter inside a mixed segment',
      spec: ok(`  /files/{path+}.json:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1files~1{path+}.json' }],
    },
    {
      name: 'an unclosed brace',
      spec: ok(`  /files/{name.json:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1files~1{name.json' }],
    },
    {
      name: 'greedy not last',
      spec: ok(`  /files/{path+}/meta:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1files~1{path+}~1meta' }],
    },
  ]);

  testCode('GP024', [
    {
      name: 'no paths at all',
      spec: oas(`${intent}paths: {}\n`),
      expect: [{ pointer: '/paths', severity: 'warn' }],
    },
  ]);

  testCode('GP025', [
    {
      name: 'operationId used twice',
      spec: ok(
        `  /a:\n    get: { operationId: same, responses: { '200': { description: ok } } }\n  /b:\n    get: { operationId: same, responses: { '200': { description: ok } } }\n`,
      ),
      expect: [{ pointer: '/paths/~1b/get/operationId' }],
    },
  ]);

  testCode('GP026', [
    {
      name: '3.1 webhooks are not routed',
      spec: `openapi: 3.1.0\ninfo: { title: T, version: '1' }\n${intent}paths:\n  /a:\n    get: ${op}\nwebhooks:\n  newPet:\n    post: ${op}\n`,
      expect: [{ pointer: '/webhooks', severity: 'info', args: { count: '1' } }],
    },
  ]);

  testCode('GP028', [
    {
      name: 'a trailing slash is dropped, and said so once per path',
      spec: ok(`  /orders/:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1orders~1', severity: 'info', args: { routed: '/orders' } }],
    },
  ]);

  testCode('GP052', [
    {
      name: 'auth intent for a scheme the spec does not declare',
      spec: ok(`  /a:\n    get: ${op}\n`),
      files: { 'gateplan.yaml': `auth:\n  ghost: {}\n` },
      expect: [{ pointer: '/auth/ghost' }],
    },
    {
      name: 'auth intent that says what the scheme is declares it',
      spec: ok(`  /a:\n    get: ${op}\n`),
      files: { 'gateplan.yaml': `auth:\n  ghost: { iam: true }\n  other: { enforcedBy: backend }\n` },
      expect: [],
    },
  ]);

  testCode('GP053', [
    {
      name: 'a scheme the backend checks, once for all its routes',
      spec: ok(
        `  /a:\n    get: { security: [{ basic: [] }], responses: { '200': { description: ok } } }\n  /b:\n    get: { security: [{ basic: [] }], responses: { '200': { description: ok } } }\n`,
        `components:\n  securitySchemes:\n    basic: { type: http, scheme: basic }\n`,
      ),
      files: { 'gateplan.yaml': `auth:\n  basic: { enforcedBy: backend }\n` },
      expect: [
        {
          pointer: '/components/securitySchemes/basic',
          severity: 'info',
          args: { scheme: 'basic', kind: 'http-basic', credential: 'header Authorization', count: '2' },
        },
      ],
    },
    {
      name: 'a scheme the backend checks that no route requires says nothing',
      spec: ok(
        `  /a:\n    get: ${op}\n`,
        `components:\n  securitySchemes:\n    basic: { type: http, scheme: basic }\n`,
      ),
      files: { 'gateplan.yaml': `auth:\n  basic: { enforcedBy: backend }\n` },
      expect: [],
    },
  ]);

  testCode('GP040', [
    {
      name: 'unknown key in an operation x-gateplan',
      spec: ok(`  /a:\n    get: { x-gateplan: { backnd: b }, responses: { '200': { description: ok } } }\n`),
      expect: [
        {
          pointer: '/paths/~1a/get/x-gateplan',
          args: { reason: 'unknown key "backnd"; did you mean "backend"?' },
        },
      ],
    },
    {
      name: 'wrong type deep in the root block',
      spec: oas(
        `x-gateplan:\n  backends: { b: { url: 'http://b', port: 'eighty' } }\n  defaults: { backend: b }\npaths:\n  /a:\n    get: ${op}\n`,
      ),
      expect: [{ pointer: '/x-gateplan/backends/b/port', line: 4 }],
    },
    {
      name: 'a stage quota with a period API Gateway does not have',
      spec: ok(`  /a:\n    get: ${op}\n`, `  stages: { prod: { quota: { limit: 100, period: YEAR } } }\n`),
      expect: [{ pointer: '/x-gateplan/stages/prod/quota/period' }],
    },
  ]);

  testCode('GP041', [
    {
      name: 'operation names an unknown backend',
      spec: ok(
        `  /a:\n    get: { x-gateplan: { backend: nope }, responses: { '200': { description: ok } } }\n`,
      ),
      expect: [{ pointer: '/paths/~1a/get/x-gateplan/backend', args: { backend: 'nope', known: 'b, c' } }],
    },
    {
      name: 'a weighted split names an unknown backend',
      spec: ok(
        `  /a:\n    get: { x-gateplan: { backend: { b: 50, d: 50 } }, responses: { '200': { description: ok } } }\n`,
      ),
      expect: [{ pointer: '/paths/~1a/get/x-gateplan/backend', args: { backend: 'd' } }],
    },
  ]);

  testCode('GP042', [
    {
      name: 'no backend anywhere',
      spec: oas(`paths:\n  /a:\n    get: ${op}\n`),
      expect: [{ pointer: '/paths/~1a/get' }],
    },
  ]);

  testCode('GP030', [
    {
      name: 'a path key that is not a path, left out by gateplan.yaml',
      spec: ok(`  /<upload_url>:\n    put: ${op}\n  /a:\n    get: ${op}\n`),
      files: { 'gateplan.yaml': 'exclude:\n  - path: /<upload_url>\n' },
      expect: [
        { pointer: '/exclude/0', severity: 'info', args: { count: '1', routes: 'PUT /<upload_url>' } },
      ],
    },
    {
      name: 'by tag and method, several at once',
      spec: ok(
        `  /a:\n    get: { tags: [internal], responses: { '200': { description: ok } } }\n    put: { tags: [internal], responses: { '200': { description: ok } } }\n  /b:\n    get: ${op}\n`,
      ),
      files: { 'gateplan.yaml': 'exclude:\n  - { tag: internal, method: get }\n' },
      expect: [{ pointer: '/exclude/0', args: { count: '1', routes: 'GET /a' } }],
    },
  ]);

  testCode('GP031', [
    {
      name: 'an exclude entry that selects nothing',
      spec: ok(`  /a:\n    get: ${op}\n`),
      files: { 'gateplan.yaml': 'exclude:\n  - path: /nothing/**\n' },
      expect: [{ pointer: '/exclude/0', severity: 'warn' }],
    },
  ]);

  testCode('GP043', [
    {
      name: 'a config rule that selects nothing',
      spec: ok(`  /a:\n    get: ${op}\n`),
      files: { 'gateplan.yaml': `rules:\n  - match: { tag: nothing }\n    set: { backend: c }\n` },
      expect: [{ pointer: '/rules/0', severity: 'warn' }],
    },
  ]);

  testCode('GP044', [
    {
      name: 'a security requirement naming no scheme',
      spec: ok(`  /a:\n    get: { security: [{ ghost: [] }], responses: { '200': { description: ok } } }\n`),
      expect: [{ pointer: '/paths/~1a/get/security' }],
    },
    {
      name: 'the scheme declared in gateplan.yaml, as the fix says',
      spec: ok(`  /a:\n    get: { security: [{ ghost: [] }], responses: { '200': { description: ok } } }\n`),
      files: { 'gateplan.yaml': `auth: { ghost: { enforcedBy: backend } }\n` },
      expect: [],
    },
  ]);

  testCode('GP045', [
    {
      name: 'a non-proxy AWS integration is kept verbatim',
      spec: oas(
        `paths:\n  /a:\n    post:\n      responses: { '200': { description: ok } }\n      x-amazon-apigateway-integration: { type: aws, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:dynamodb:action/PutItem' }\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1a/post/x-amazon-apigateway-integration',
          severity: 'info',
          args: { backend: 'aws-dynamodb' },
        },
      ],
    },
  ]);

  testCode('GP046', [
    {
      name: 'all weights zero',
      spec: ok(
        `  /a:\n    get: { x-gateplan: { backend: { b: 0, c: 0 } }, responses: { '200': { description: ok } } }\n`,
      ),
      expect: [{ pointer: '/paths/~1a/get/x-gateplan' }],
    },
  ]);

  testCode('GP047', [
    {
      name: 'canary names an unknown backend',
      spec: ok(
        `  /a:\n    get: ${op}\n`,
        `  stages: { prod: { canary: { percent: 5, backends: { b: b2 } } } }\n`,
      ),
      expect: [{ pointer: '/x-gateplan/stages/prod/canary/backends/b', args: { backend: 'b2' } }],
    },
  ]);

  testCode('GP048', [
    {
      name: 'a backend with both url and lambda',
      spec: oas(
        `x-gateplan:\n  backends: { b: { url: 'http://b', lambda: 'arn:aws:lambda:us-east-1:1:function:f' } }\npaths: {}\n`,
      ),
      expect: [{ pointer: '/x-gateplan/backends/b', args: { found: 'url, lambda' } }],
    },
  ]);

  testCode('GP049', [
    {
      name: 'a backend no route uses',
      spec: ok(`  /a:\n    get: ${op}\n`),
      expect: [{ pointer: '/x-gateplan/backends/c', severity: 'info' }],
    },
  ]);

  testCode('GP050', [
    {
      name: 'gateplan.yaml with an unknown key',
      spec: ok(`  /a:\n    get: ${op}\n`),
      files: { 'gateplan.yaml': `backendz: {}\n` },
      expect: [{ pointer: '', args: { reason: 'unknown key "backendz"; did you mean "backends"?' } }],
    },
  ]);

  testCode('GP051', [
    {
      name: 'catchAll names an unknown backend',
      spec: ok(`  /a:\n    get: ${op}\n`).replace(
        '  defaults: { backend: b }\n',
        '  defaults: { backend: b }\n  catchAll: nope\n',
      ),
      expect: [{ pointer: '/x-gateplan/catchAll' }],
    },
  ]);
});
