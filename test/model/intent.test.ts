import { describe, expect, it } from 'vitest';
import { check, oas } from '../support/check.js';
import type { RouteModel } from '../../src/model/types.js';

const ok = { responses: { '200': { description: 'ok' } } };
const json = (doc: object) => JSON.stringify(doc, null, 1);

async function model(spec: string, files: Record<string, string> = {}): Promise<RouteModel> {
  const result = await check(spec, files, {}, spec.trimStart().startsWith('{') ? 'api.json' : 'api.yaml');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  return result.model!;
}

function backendOf(m: RouteModel, label: string): unknown {
  const route = m.routes.find((r) => `${r.method} ${r.path}` === label);
  if (!route)
    throw new Error(`no route ${label}: ${m.routes.map((r) => `${r.method} ${r.path}`).join(', ')}`);
  return 'backend' in route.backend ? route.backend.backend : route.backend.weighted;
}

describe('the public x-gateplan contract', () => {
  it('accepts the minimal form from the docs unchanged', async () => {
    const m = await model(
      oas(`x-gateplan:
  backends:
    users:  { url: 'http://users.internal:8080' }
    orders: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:orders' }
  defaults: { backend: users }
paths:
  /orders/{id}:
    get: { x-gateplan: { backend: orders }, parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }
  /users:
    get: { responses: { '200': { description: ok } } }
`),
    );
    expect(backendOf(m, 'GET /orders/{id}')).toBe('orders');
    expect(backendOf(m, 'GET /users')).toBe('users');
    expect(m.backends.orders!.target).toEqual({
      kind: 'lambda',
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
    });
    expect(m.backends.users!.targetGroup).toMatchObject({ targetType: 'ip', protocol: 'HTTP', port: 8080 });
  });
});

describe('precedence: defaults < config rules < path item < operation', () => {
  const backends = {
    a: { url: 'http://a' },
    b: { url: 'http://b' },
    c: { url: 'http://c' },
    d: { url: 'http://d' },
  };
  const spec = json({
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    'x-gateplan': { backends, defaults: { backend: 'a', timeoutMs: 1000 } },
    paths: {
      '/orders': {
        get: { tags: ['orders'], ...ok },
        post: { tags: ['orders'], operationId: 'placeOrder', ...ok },
      },
      '/orders/{id}/items': {
        'x-gateplan': { backend: 'c' },
        parameters: [{ name: 'id', in: 'path', required: true }],
        get: { tags: ['orders'], ...ok },
        put: { tags: ['orders'], 'x-gateplan': { backend: 'd', timeoutMs: 500 }, ...ok },
      },
      '/users': { get: { tags: ['users'], ...ok } },
    },
  });
  const config = `defaults: { timeoutMs: 2000 }
rules:
  - match: { tag: orders }
    set: { backend: b, throttle: { rate: 5, burst: 10 } }
  - match: { operationId: placeOrder }
    set: { backend: d }
  - match: { path: '/orders/*/items', method: get }
    set: { timeoutMs: 3000 }
`;

  it('applies every layer in order, key by key', async () => {
    const m = await model(spec, { 'gateplan.yaml': config });
    expect(backendOf(m, 'GET /users')).toBe('a');
    expect(backendOf(m, 'GET /orders')).toBe('b');
    expect(backendOf(m, 'POST /orders')).toBe('d');
    expect(backendOf(m, 'GET /orders/{id}/items')).toBe('c');
    expect(backendOf(m, 'PUT /orders/{id}/items')).toBe('d');
    const byLabel = Object.fromEntries(m.routes.map((r) => [`${r.method} ${r.path}`, r]));
    expect(byLabel['GET /users']!.timeoutMs).toBe(2000);
    expect(byLabel['GET /orders/{id}/items']!.timeoutMs).toBe(3000);
    expect(byLabel['PUT /orders/{id}/items']!.timeoutMs).toBe(500);
    expect(byLabel['GET /orders']!.throttle).toEqual({ rate: 5, burst: 10 });
    expect(byLabel['GET /users']!.throttle).toBeUndefined();
  });

  it('uses --config FILE instead of the file beside the spec', async () => {
    const result = await check(
      spec,
      { 'gateplan.yaml': config, 'other.yaml': 'defaults: { backend: c }\n' },
      { config: 'other.yaml' },
      'api.json',
    );
    expect(backendOf(result.model!, 'GET /orders')).toBe('c');
  });

  it('ignores the config file with config: false', async () => {
    const result = await check(spec, { 'gateplan.yaml': config }, { config: false }, 'api.json');
    expect(backendOf(result.model!, 'GET /orders')).toBe('a');
  });

  it('lets gateplan.yaml define backends and stages for a spec without x-gateplan', async () => {
    const m = await model(oas(`paths:\n  /a:\n    get: { responses: { '200': { description: ok } } }\n`), {
      'gateplan.yaml': `backends: { x: { url: 'http://x' } }\ndefaults: { backend: x }\nstages: { dev: { host: dev.example.com } }\n`,
    });
    expect(backendOf(m, 'GET /a')).toBe('x');
    expect(m.stages.dev!.host).toBe('dev.example.com');
    expect(m.backends.x!.where.file).toBe('gateplan.yaml');
  });

  it('downgrades a code with severity: in gateplan.yaml', async () => {
    const result = await check(
      oas(`paths:\n  /a:\n    get: { responses: { '200': { description: ok } } }\n`),
      {
        'gateplan.yaml': `severity: { GP042: warn, GP024: off }\n`,
      },
    );
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['GP042', 'warn']]);
  });
});

describe('paths', () => {
  const intent = `x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\n`;

  it('folds the Swagger 2.0 basePath into every route', async () => {
    const m = await model(
      `swagger: '2.0'\ninfo: { title: T, version: '1' }\nbasePath: /api/v1\n${intent}paths:\n  /pets: { get: { responses: { '200': { description: ok } } } }\n`,
    );
    expect(m.routes.map((r) => r.path)).toEqual(['/api/v1/pets']);
    expect(m.api.servers).toEqual([]);
  });

  it('folds the first server URL path, or the basePath server variable', async () => {
    const a = await model(
      oas(
        `servers: [{ url: 'https://api.example.com/v2/' }]\n${intent}paths:\n  /pets: { get: { responses: { '200': { description: ok } } } }\n`,
      ),
    );
    expect(a.routes[0]!.path).toBe('/v2/pets');
    const b = await model(
      oas(
        `servers: [{ url: 'https://{host}/{basePath}', variables: { host: { default: x.com }, basePath: { default: beta } } }]\n${intent}paths:\n  /pets: { get: { responses: { '200': { description: ok } } } }\n`,
      ),
    );
    expect(b.routes[0]!.path).toBe('/beta/pets');
    expect(b.api.servers).toEqual(['https://x.com/beta']);
  });

  it('x-gateplan.basePath overrides what the servers say', async () => {
    const m = await model(
      oas(
        `servers: [{ url: 'https://api.example.com/v2' }]\nx-gateplan: { basePath: '', backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /pets: { get: { responses: { '200': { description: ok } } } }\n`,
      ),
    );
    expect(m.routes[0]!.path).toBe('/pets');
  });

  it('parses literal, parameter and greedy segments and gives routes a name-free identity', async () => {
    const m = await model(
      oas(
        `${intent}paths:\n  /files/{bucket}/{key+}:\n    parameters: [{ name: bucket, in: path, required: true }, { name: key, in: path, required: true }]\n    get: { responses: { '200': { description: ok } } }\n`,
      ),
    );
    expect(m.routes[0]!.segments).toEqual([
      { kind: 'literal', value: 'files' },
      { kind: 'param', name: 'bucket' },
      { kind: 'greedy', name: 'key' },
    ]);
    expect(m.routes[0]!.id).toBe('GET /files/{}/{+}');
  });

  it('reads x-amazon-apigateway-any-method as an ANY route', async () => {
    const m = await model(
      oas(
        `${intent}paths:\n  /proxy:\n    x-amazon-apigateway-any-method: { responses: { '200': { description: ok } } }\n    get: { responses: { '200': { description: ok } } }\n`,
      ),
    );
    expect(m.routes.map((r) => r.method)).toEqual(['GET', 'ANY']);
  });

  it('sorts routes by path then method, whatever the document order', async () => {
    const m = await model(
      oas(
        `${intent}paths:\n  /b: { delete: { responses: { '200': { description: ok } } }, get: { responses: { '200': { description: ok } } } }\n  /a: { post: { responses: { '200': { description: ok } } } }\n`,
      ),
    );
    expect(m.routes.map((r) => r.id)).toEqual(['POST /a', 'GET /b', 'DELETE /b']);
  });
});

describe('existing API Gateway integrations become backends', () => {
  it('maps Lambda, HTTP and mock integrations', async () => {
    const m = await model(
      oas(`paths:
  /fn:
    post:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration: { type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123:function:orders/invocations' }
  /http:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: 'https://legacy.example.com/http' }
  /mock:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration: { type: mock }
`),
    );
    expect(backendOf(m, 'POST /fn')).toBe('lambda-orders');
    expect(m.backends['lambda-orders']!.target).toEqual({
      kind: 'lambda',
      functionArn: 'arn:aws:lambda:us-east-1:123:function:orders',
    });
    expect(backendOf(m, 'GET /http')).toBe('http-legacy-example-com');
    expect(m.backends['http-legacy-example-com']!.target).toEqual({
      kind: 'http',
      url: 'https://legacy.example.com',
    });
    expect(backendOf(m, 'GET /mock')).toBe('mock');
    expect(m.routes.every((r) => r.existingIntegration !== undefined)).toBe(true);
  });

  it('lets x-gateplan override the integration', async () => {
    const m = await model(
      oas(`x-gateplan: { backends: { b: { url: 'http://b' } } }
paths:
  /mock:
    get:
      x-gateplan: { backend: b }
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration: { type: mock }
`),
    );
    expect(backendOf(m, 'GET /mock')).toBe('b');
  });
});

describe('security', () => {
  it('applies root security to every operation unless the operation says otherwise', async () => {
    const m = await model(
      oas(`security: [{ key: [] }]
x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths:
  /private: { get: { responses: { '200': { description: ok } } } }
  /public: { get: { security: [], responses: { '200': { description: ok } } } }
  /either: { get: { security: [{ key: [] }, {}], responses: { '200': { description: ok } } } }
components:
  securitySchemes:
    key: { type: apiKey, name: x-api-key, in: header }
`),
    );
    const auth = Object.fromEntries(m.routes.map((r) => [r.path, r.auth]));
    expect(auth['/private']).toEqual([{ schemes: [{ name: 'key', scopes: [] }] }]);
    expect(auth['/public']).toEqual([]);
    expect(auth['/either']).toEqual([{ schemes: [{ name: 'key', scopes: [] }] }, { schemes: [] }]);
    expect(m.auth.key!.scheme).toEqual({
      kind: 'apiKey',
      name: 'x-api-key',
      in: 'header',
      paramName: 'x-api-key',
    });
  });

  it("takes scheme details from gateplan.yaml auth:, over the scheme's own x-gateplan", async () => {
    const m = await model(
      oas(`x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths: {}
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer, x-gateplan: { jwt: { issuer: 'https://old.example.com/', audience: [a] } } }
`),
      {
        'gateplan.yaml': `auth:\n  bearer: { jwt: { issuer: 'https://idp.example.com/', audience: [api] } }\n`,
      },
    );
    expect(m.auth.bearer!.scheme).toEqual({
      kind: 'jwt',
      issuer: 'https://idp.example.com/',
      audience: ['api'],
      identitySource: '$request.header.Authorization',
    });
  });

  it('classifies API Gateway authorizers', async () => {
    const m = await model(
      oas(`x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths: {}
components:
  securitySchemes:
    pool:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: cognito_user_pools
      x-amazon-apigateway-authorizer: { type: cognito_user_pools, providerARNs: ['arn:aws:cognito-idp:us-east-1:1:userpool/p'] }
    token:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authorizer: { type: token, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:auth/invocations', authorizerResultTtlInSeconds: 60 }
    sigv4: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
    oidc: { type: openIdConnect, openIdConnectUrl: 'https://idp.example.com/.well-known/openid-configuration' }
`),
    );
    expect(m.auth.pool!.scheme).toEqual({
      kind: 'cognito',
      userPoolArns: ['arn:aws:cognito-idp:us-east-1:1:userpool/p'],
    });
    expect(m.auth.token!.scheme).toEqual({
      kind: 'lambda',
      mode: 'token',
      functionArn: 'arn:aws:lambda:us-east-1:1:function:auth',
      identitySources: ['method.request.header.Authorization'],
      resultTtlSeconds: 60,
    });
    expect(m.auth.sigv4!.scheme).toEqual({ kind: 'iam' });
    expect(m.auth.oidc!.scheme).toMatchObject({
      kind: 'oidc',
      openIdConnectUrl: 'https://idp.example.com/.well-known/openid-configuration',
    });
  });
});

describe('request bodies', () => {
  it('turns Swagger 2.0 body and formData parameters into a request body', async () => {
    const m = await model(`swagger: '2.0'
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
consumes: [application/json]
paths:
  /pets:
    post:
      parameters: [{ in: body, name: pet, required: true, schema: { $ref: '#/definitions/Pet' } }]
      responses: { '200': { description: ok } }
  /upload:
    post:
      consumes: [multipart/form-data]
      parameters: [{ in: formData, name: file, type: file, required: true }]
      responses: { '200': { description: ok } }
definitions:
  Pet: { type: object, properties: { owner: { $ref: '#/definitions/Owner' } } }
  Owner: { type: object }
  Unused: { type: object }
`);
    const pets = m.routes.find((r) => r.path === '/pets')!;
    expect(pets.requestBody!.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/Pet',
    });
    expect(Object.keys(m.schemas)).toEqual(['Owner', 'Pet']);
    expect(m.schemas.Pet).toEqual({
      type: 'object',
      properties: { owner: { $ref: '#/components/schemas/Owner' } },
    });
    const upload = m.routes.find((r) => r.path === '/upload')!;
    expect(Object.keys(upload.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(upload.params).toEqual([]);
  });
});
