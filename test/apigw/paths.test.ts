/**
 * Mixed path segments on API Gateway: widened to one whole-segment variable, and the backend
 * still receives the path exactly as requested — checked by serving requests from the emitted
 * document the way API Gateway does (gateway-sim.ts), not by reading gateplan's own helpers.
 */
import { describe, expect, it } from 'vitest';
import { oas } from '../support/check.js';
import { backendPath, serve } from './gateway-sim.js';
import { API_TARGETS, documentOf, modelFrom, run, testTargetCode, type ApiTarget } from './support.js';

const op = (extra = '') => `{ ${extra}responses: { '200': { description: ok } } }`;

function api(paths: string, root = ''): string {
  return oas(`x-gateplan:
  backends:
    svc: { url: 'https://svc.internal/base' }
    other: { url: 'https://other.internal' }
    fn: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:fn' }
  defaults: { backend: svc }
${root}paths:
${paths}`);
}

const MIXED = api(`  /2010-04-01/Accounts/{Sid}.json:
    get: ${op()}
  /repos/{owner}/compare/{base}...{head}:
    get: ${op()}
  /files/{id}/thumbnail.{extension}:
    get: ${op()}
  /v{version}/items:
    get: ${op()}
  /models/{name}:predict:
    post: ${op()}
  /lambda/{name}.txt:
    get: ${op(`'x-gateplan': { backend: fn }, `)}
`);

/** Serves a request from the target's document the way API Gateway does: the backend must receive the path as requested. */
async function expectOriginalPath(spec: string, target: ApiTarget, method: string, path: string) {
  const result = run(await modelFrom(spec), target);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const served = serve(documentOf(result), method, path);
  expect(served, 'no route serves the request').toBeDefined();
  expect(backendPath(served!, target === 'apigw-rest' ? 'rest' : 'http')).toBe('/base' + path);
}

describe.each(API_TARGETS)('%s: the backend receives the original path', (target) => {
  it.each([
    ['GET', '/2010-04-01/Accounts/AC1.json'],
    ['GET', '/repos/octo/compare/main...topic'],
    ['GET', '/files/f1/thumbnail.png'],
    ['GET', '/v2/items'],
    ['POST', '/models/m1:predict'],
  ])('%s %s', (method, path) => expectOriginalPath(MIXED, target, method, path));

  it('a Lambda proxy gets the request as made: its path variable holds the whole segment', async () => {
    const result = run(await modelFrom(MIXED), target);
    const served = serve(documentOf(result), 'GET', '/lambda/readme.txt')!;
    expect(served.resource).toBe('/lambda/{name}');
    expect(served.variables).toEqual({ name: 'readme.txt' });
    expect(served.operation['x-amazon-apigateway-integration'].type).toBe('aws_proxy');
  });
});

describe('widened segments', () => {
  testTargetCode('GP135', [
    ...API_TARGETS.map((target) => ({
      name: 'a parameter with a suffix',
      target,
      spec: api(`  /Accounts/{Sid}.json:\n    get: ${op()}\n`),
      expect: [
        {
          pointer: '/paths/~1Accounts~1{Sid}.json/get',
          severity: 'info',
          args: { route: 'GET /Accounts/{Sid}.json', gateway: 'GET /Accounts/{Sid}', segments: '{Sid}.json' },
        },
      ],
      writes: true,
    })),
    {
      name: 'two parameters in one segment become one variable named after both',
      target: 'apigw-rest',
      spec: api(`  /compare/{base}...{head}:\n    get: ${op()}\n`),
      expect: [
        { pointer: '/paths/~1compare~1{base}...{head}/get', args: { gateway: 'GET /compare/{base_head}' } },
      ],
    },
    {
      name: 'whole-segment parameters are not widened',
      target: 'apigw-http',
      spec: api(`  /Accounts/{Sid}:\n    get: ${op()}\n`),
      expect: [],
    },
  ]);

  testTargetCode('GP136', [
    ...API_TARGETS.map((target) => ({
      name: 'two suffixes on one segment with different backends',
      target,
      spec: api(
        `  /a/{x}.json:\n    get: ${op()}\n  /a/{x}.xml:\n    get: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1a~1{x}.xml/get',
          args: {
            route: 'GET /a/{x}.xml',
            other: 'GET /a/{x}.json',
            gateway: 'GET /a/{x}',
            differ: 'backend',
          },
        },
      ],
      writes: false,
    })),
    {
      name: 'the operation the spec declares with a whole-segment variable keeps the gateway route',
      target: 'apigw-rest',
      spec: api(
        `  /a/{z}:\n    get: ${op()}\n  /a/{a}.json:\n    get: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      expect: [{ pointer: '/paths/~1a~1{a}.json/get', args: { other: 'GET /a/{z}' } }],
    },
    {
      name: 'an ANY operation whose requests a widened GET would take',
      target: 'apigw-http',
      spec: api(
        `  /a/{id}:\n    x-amazon-apigateway-any-method: ${op()}\n  /a/{x}.json:\n    get: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      expect: [{ pointer: '/paths/~1a~1{x}.json/get', args: { other: 'ANY /a/{id}' } }],
    },
    {
      name: 'different auth',
      target: 'apigw-rest',
      spec: api(
        `  /a/{x}.json:\n    get: ${op()}\n  /a/{x}.xml:\n    get: ${op('security: [{ sig: [] }], ')}\n`,
        `  auth:\n    sig: { iam: true }\n`,
      ).replace(
        'paths:',
        'components:\n  securitySchemes:\n    sig: { type: apiKey, in: header, name: Authorization }\npaths:',
      ),
      expect: [{ pointer: '/paths/~1a~1{x}.xml/get', args: { differ: 'auth' } }],
    },
    {
      name: 'operations served alike share one gateway route',
      target: 'apigw-rest',
      spec: api(`  /a/{x}.json:\n    get: ${op()}\n  /a/{x}.xml:\n    get: ${op()}\n`),
      expect: [],
      writes: true,
    },
    {
      name: 'different methods are different gateway routes',
      target: 'apigw-http',
      spec: api(
        `  /a/{x}.json:\n    get: ${op()}\n  /a/{x}.xml:\n    put: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      expect: [],
      writes: true,
    },
  ]);

  it('operations served alike are one method of one resource, and both reach the backend unchanged', async () => {
    const model = await modelFrom(api(`  /a/{x}.json:\n    get: ${op()}\n  /a/{x}.xml:\n    get: ${op()}\n`));
    const document = documentOf(run(model, 'apigw-rest'));
    expect(Object.keys(document.paths)).toEqual(['/a/{x}']);
    for (const path of ['/a/1.json', '/a/1.xml'])
      expect(backendPath(serve(document, 'GET', path)!, 'rest')).toBe('/base' + path);
  });

  it('operations that differ only in their body share a route that validates neither body (REST)', async () => {
    const body = (type: string) =>
      `requestBody: { content: { application/json: { schema: { type: object, required: [${type}] } } } }, `;
    const model = await modelFrom(
      api(`  /a/{x}.json:\n    post: ${op(body('a'))}\n  /a/{x}.xml:\n    post: ${op(body('b'))}\n`),
    );
    const result = run(model, 'apigw-rest');
    expect(result.diagnostics.filter((d) => d.code === 'GP136')).toEqual([]);
    const operation = documentOf(result).paths['/a/{x}'].post;
    expect(operation.requestBody).toBeUndefined();
    expect(operation['x-amazon-apigateway-request-validator']).toBeUndefined();
  });

  it('with GP136 lowered, the widened operation is left out and the declared one keeps its backend', async () => {
    const model = await modelFrom(
      api(
        `  /a/{z}:\n    get: ${op()}\n  /a/{a}.json:\n    get: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      { 'gateplan.yaml': 'severity: { GP136: warn }\n' },
    );
    const document = documentOf(run(model, 'apigw-rest'));
    // {a} (from {a}.json) and {z} share the position under /a: the first name in code-unit order is kept.
    expect(Object.keys(document.paths)).toEqual(['/a/{a}']);
    expect(document.paths['/a/{a}'].get['x-amazon-apigateway-integration'].uri).toContain('svcHost');
  });
});

/** Literal segments with characters API Gateway refuses (`(`, `'`, `=`, `$`, `@` …), and variable names it refuses. */
const REFUSED = api(`  /batchs(Material='iron',Batch='10'):
    get: ${op()}
  /some/$test:
    get: ${op()}
  /users/a@b/posts:
    get: ${op()}
  /x/{a[0]}:
    get: { parameters: [{ name: 'a[0]', in: path, required: true }], responses: { '200': { description: ok } } }
`);

describe.each(API_TARGETS)('%s: refused characters are held as variables', (target) => {
  it.each([
    ['GET', "/batchs(Material='iron',Batch='10')"],
    ['GET', '/some/$test'],
    ['GET', '/users/a@b/posts'],
    ['GET', '/x/7'],
  ])('%s %s reaches the backend as requested', (method, path) =>
    expectOriginalPath(REFUSED, target, method, path),
  );

  it('every path key of the document is one API Gateway accepts', async () => {
    const document = documentOf(run(await modelFrom(REFUSED), target));
    for (const key of Object.keys(document.paths))
      for (const part of key.split('/').slice(1))
        expect(part).toMatch(/^([A-Za-z0-9_.,:-]+|\{[A-Za-z0-9:._$-]+\+?\})$/);
  });
});

describe('refused literals and variable names', () => {
  testTargetCode('GP142', [
    ...API_TARGETS.map((target) => ({
      name: 'an @ in a segment',
      target,
      spec: api(`  /users/a@b/posts:\n    get: ${op()}\n`),
      expect: [
        {
          pointer: '/paths/~1users~1a@b~1posts/get',
          severity: 'info',
          args: { route: 'GET /users/a@b/posts', gateway: 'GET /users/{segment2}/posts', segments: '"a@b"' },
        },
      ],
      writes: true,
    })),
    {
      name: 'the variable takes a name the route does not use',
      target: 'apigw-rest',
      spec: api(
        `  /{segment1}/$x:\n    get: { parameters: [{ name: segment1, in: path, required: true }], responses: { '200': { description: ok } } }\n  /$y/{segment2}:\n    get: { parameters: [{ name: segment2, in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      expect: [
        { pointer: '/paths/~1$y~1{segment2}/get', args: { gateway: 'GET /{segment1}/{segment2}' } },
        { pointer: '/paths/~1{segment1}~1$x/get', args: { gateway: 'GET /{segment1}/{segment2}' } },
      ],
    },
    {
      name: 'punctuation API Gateway accepts stays literal',
      target: 'apigw-http',
      spec: api(`  /v1.2/a_b,c:d-e:\n    get: ${op()}\n`),
      expect: [],
    },
  ]);

  testTargetCode('GP136', [
    {
      name: 'a refused literal beside a variable served by another backend',
      target: 'apigw-rest',
      spec: api(
        `  /some/{id}:\n    get: { parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }\n  /some/$test:\n    get: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1some~1$test/get',
          args: {
            route: 'GET /some/$test',
            other: 'GET /some/{id}',
            gateway: 'GET /some/{id}',
            differ: 'backend',
          },
        },
      ],
      writes: false,
    },
  ]);

  testTargetCode('GP143', [
    ...API_TARGETS.map((target) => ({
      name: 'brackets in a path variable',
      target,
      spec: api(
        `  /x/{a[0]}:\n    get: { parameters: [{ name: 'a[0]', in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1x~1{a[0]}/get',
          severity: 'info',
          args: { route: 'GET /x/{a[0]}', names: '{a[0]} as {a_0_}' },
        },
      ],
      writes: true,
    })),
    {
      name: 'a name API Gateway accepts is kept',
      target: 'apigw-rest',
      spec: api(
        `  /x/{a.b:c$}:\n    get: { parameters: [{ name: 'a.b:c$', in: path, required: true }], responses: { '200': { description: ok } } }\n`,
      ),
      expect: [],
    },
  ]);
});

/** A path key with a query (`/responses?beta=true`): ALB matches the query, API Gateway the path only. */
const QUERIED = api(`  /responses:
    post: ${op()}
  /responses?beta=true:
    post: ${op()}
  /only?v=2:
    get: ${op()}
`);

describe('path keys with a query', () => {
  testTargetCode('GP144', [
    ...API_TARGETS.map((target) => ({
      name: 'a query in the path key',
      target,
      spec: QUERIED,
      expect: [
        {
          pointer: '/paths/~1only?v=2/get',
          severity: 'info',
          args: { route: 'GET /only?v=2', gateway: 'GET /only', query: 'v=2' },
        },
        {
          pointer: '/paths/~1responses?beta=true/post',
          severity: 'info',
          args: { route: 'POST /responses?beta=true', gateway: 'POST /responses', query: 'beta=true' },
        },
      ],
      writes: true,
    })),
  ]);

  testTargetCode('GP145', [
    ...API_TARGETS.map((target) => ({
      name: 'the same path with and without a query, served by different backends',
      target,
      spec: api(
        `  /responses:\n    post: ${op()}\n  /responses?beta=true:\n    post: ${op(`'x-gateplan': { backend: other }, `)}\n`,
      ),
      expect: [
        {
          pointer: '/paths/~1responses?beta=true/post',
          args: {
            route: 'POST /responses?beta=true',
            other: 'POST /responses',
            gateway: 'POST /responses',
            differ: 'backend',
          },
        },
      ],
      writes: false,
    })),
    {
      name: 'served alike, they share the gateway route',
      target: 'apigw-rest',
      spec: QUERIED,
      expect: [],
      writes: true,
    },
  ]);

  it.each(API_TARGETS)(
    '%s: one gateway route serves both, and the backend receives the query',
    async (target) => {
      const document = documentOf(run(await modelFrom(QUERIED), target));
      expect(Object.keys(document.paths).sort()).toEqual(['/only', '/responses']);
      expect(
        backendPath(serve(document, 'POST', '/responses')!, target === 'apigw-rest' ? 'rest' : 'http'),
      ).toBe('/base/responses');
    },
  );
});
