import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectLocated, expectOutputsParse } from '../support/located.js';
import { propertyRuns } from '../support/runs.js';
import { scaffoldConfig } from '../../src/init/scaffold.js';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { RouteModel } from '../../src/model/types.js';
import { generate } from '../../src/targets/generate.js';
import { targets } from '../../src/targets/registry.js';
import { check } from '../support/check.js';
import { announceCorpus, CORPUS_DIR, corpusEntries } from '../support/corpus.js';
import { tempDir } from '../support/temp.js';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** method, path and parameters (in:name) of every route: what a front door routes on. */
function routes(model: RouteModel): string[] {
  return model.routes.map((r) =>
    `${r.method} ${r.path} ${r.params.map((p) => `${p.in}:${p.name}`).join(',')}`.trim(),
  );
}

const shop = {
  info: { name: 'Shop', schema: V21 },
  auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{token}}' }] },
  variable: [{ key: 'baseUrl', value: 'https://api.shop.example/v1' }],
  item: [
    {
      name: 'orders',
      item: [
        {
          name: 'get order',
          request: {
            method: 'GET',
            url: {
              raw: '{{baseUrl}}/orders/:orderId?expand=items',
              host: ['{{baseUrl}}'],
              path: ['orders', ':orderId'],
              query: [{ key: 'expand', value: 'items' }],
              variable: [{ key: 'orderId', description: 'the order' }],
            },
          },
        },
        {
          name: 'get order again',
          request: { method: 'GET', url: '{{baseUrl}}/orders/{{orderId}}?verbose=1' },
        },
      ],
    },
    {
      name: 'create order',
      request: {
        method: 'POST',
        header: [
          { key: 'Content-Type', value: 'application/json' },
          { key: 'X-Trace', value: '1' },
        ],
        body: { mode: 'raw', raw: '{"sku": "a", "qty": 2}' },
        url: '{{baseUrl}}/orders',
      },
    },
    {
      name: 'status',
      auth: { type: 'noauth' },
      request: { method: 'GET', url: '{{baseUrl}}/v{{apiVersion}}/status' },
    },
  ],
};
const shopText = JSON.stringify(shop, null, 2);

describe('Postman collections', () => {
  it('become routes: :id and {{var}} segments are parameters, the base URL a server, folders tags', async () => {
    const { model } = await check(shopText, {}, {}, 'collection.json');
    expect(model!.source.format).toBe('postman-2.1');
    expect(model!.api.servers).toEqual(['https://api.shop.example']);
    expect(routes(model!)).toEqual([
      'POST /v1/orders header:X-Trace',
      'GET /v1/orders/{orderId} path:orderId,query:expand,query:verbose',
      'GET /v1/{apiVersion}/status path:apiVersion',
    ]);
    const order = model!.routes[1]!;
    expect(order.tags).toEqual(['orders']);
    expect(order.params[0]!.description).toBe('the order');
    expect(model!.routes[0]!.requestBody?.content['application/json']?.schema).toEqual({
      type: 'object',
      properties: { sku: { type: 'string' }, qty: { type: 'integer' } },
    });
  });

  it('points routes and findings into the collection, with lines', async () => {
    const { model, diagnostics } = await check(shopText, {}, {}, 'collection.json');
    expect(model!.routes[1]!.where).toMatchObject({ file: 'collection.json', pointer: '/item/0/item/0' });
    const duplicate = diagnostics.find((d) => d.code === 'GP500');
    const line = shopText.split('\n').findIndex((l) => l.includes('"name": "get order again"'));
    expect(duplicate).toMatchObject({
      severity: 'warn',
      where: { file: 'collection.json', pointer: '/item/0/item/1', line },
      args: { route: 'GET /v1/orders/{orderId}', first: 'get order' },
    });
    const mixed = diagnostics.find((d) => d.code === 'GP501');
    expect(mixed?.where.pointer).toBe('/item/2/request/url');
  });

  it('carries collection auth, and noauth makes a request public', async () => {
    const { model } = await check(shopText, {}, {}, 'collection.json');
    expect(model!.auth.bearerAuth?.where.pointer).toBe('/auth');
    expect(model!.routes[1]!.auth).toEqual([{ schemes: [{ name: 'bearerAuth', scopes: [] }] }]);
    expect(model!.routes[2]!.auth).toEqual([]);
  });

  it('maps AWS Signature v4 to IAM and API keys to apiKey schemes', async () => {
    const c = {
      info: { name: 'A', schema: V21 },
      item: [
        { name: 'signed', request: { method: 'GET', url: 'http://h/a', auth: { type: 'awsv4', awsv4: [] } } },
        {
          name: 'keyed',
          request: {
            method: 'GET',
            url: 'http://h/b',
            auth: {
              type: 'apikey',
              apikey: [
                { key: 'key', value: 'api_key' },
                { key: 'in', value: 'query' },
              ],
            },
          },
        },
      ],
    };
    const { model } = await check(JSON.stringify(c), {}, {}, 'a.json');
    expect(model!.auth.sigv4?.scheme).toEqual({ kind: 'iam' });
    expect(model!.auth['apiKey-apikey']?.scheme).toMatchObject({
      kind: 'apiKey',
      in: 'query',
      paramName: 'api_key',
    });
    expect(model!.routes.map((r) => r.auth?.[0]?.schemes[0]?.name)).toEqual(['sigv4', 'apiKey-apikey']);
  });

  it('takes variable values from --postman-env over the collection', async () => {
    const env = {
      name: 'staging',
      values: [
        { key: 'baseUrl', value: 'https://staging.shop.example/v2', enabled: true },
        { key: 'apiVersion', value: '3' },
      ],
    };
    const { model, diagnostics } = await check(
      shopText,
      { 'env.json': JSON.stringify(env) },
      { postmanEnvironment: 'env.json' },
      'collection.json',
    );
    expect(model!.api.servers).toEqual(['https://staging.shop.example']);
    expect(routes(model!)).toContain('GET /v2/v3/status');
    expect(diagnostics.filter((d) => d.code === 'GP501')).toEqual([]);
  });

  it('a base URL variable with a path and the same URL written out are one server and one route', async () => {
    const c = {
      info: { name: 'S', schema: V21 },
      variable: [{ key: 'baseUrl', value: 'https://api.shop.example/v1/' }],
      item: [
        { name: 'by variable', request: { method: 'GET', url: '{{baseUrl}}/users' } },
        { name: 'written out', request: { method: 'GET', url: 'https://api.shop.example/v1/users' } },
      ],
    };
    const { model, diagnostics } = await check(JSON.stringify(c), {}, {}, 's.json');
    expect(model!.api.servers).toEqual(['https://api.shop.example']);
    expect(routes(model!)).toEqual(['GET /v1/users']);
    expect(diagnostics.filter((d) => d.code === 'GP500').map((d) => d.where.pointer)).toEqual(['/item/1']);
  });

  it('names a path level the same for every request, as the first request named it', async () => {
    const c = {
      info: { name: 'S', schema: V21 },
      item: [
        { name: 'get', request: { method: 'GET', url: 'http://h/orders/:id' } },
        { name: 'delete', request: { method: 'DELETE', url: 'http://h/orders/:orderId' } },
        { name: 'items', request: { method: 'GET', url: 'http://h/orders/{{order}}/items/:itemId' } },
      ],
    };
    const { model } = await check(JSON.stringify(c), {}, {}, 's.json');
    expect(routes(model!)).toEqual([
      'GET /orders/{id} path:id',
      'DELETE /orders/{id} path:id',
      'GET /orders/{id}/items/{itemId} path:id,path:itemId',
    ]);
  });

  it('refuses an environment file that is not one (GP505)', async () => {
    const { model, diagnostics } = await check(
      shopText,
      { 'env.json': '{"values": 3}' },
      { postmanEnvironment: 'env.json' },
      'collection.json',
    );
    expect(model).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.where.file])).toEqual([['GP505', 'env.json']]);
  });

  it('reads v2.0 collections with bare URL strings', async () => {
    const v20 = {
      info: { name: 'Old', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [{ name: 'item', request: 'http://localhost:8080/items/:id' }],
    };
    const { model } = await check(JSON.stringify(v20), {}, {}, 'old.json');
    expect(model!.source.format).toBe('postman-2.0');
    expect(model!.api.servers).toEqual(['http://localhost:8080']);
    expect(routes(model!)).toEqual(['GET /items/{id} path:id']);
  });

  it('skips requests without a URL (GP503) or with a method OpenAPI lacks (GP506), and says which', async () => {
    const c = {
      info: { name: 'S', schema: V21 },
      item: [
        { name: 'no url', request: { method: 'GET', url: { raw: '' } } },
        { name: 'purge', request: { method: 'PURGE', url: 'http://h/cache' } },
        { name: 'ok', request: { method: 'GET', url: 'http://h/ok' } },
      ],
    };
    const { model, diagnostics } = await check(JSON.stringify(c), {}, {}, 's.json');
    expect(routes(model!)).toEqual(['GET /ok']);
    expect(diagnostics.filter((d) => d.code === 'GP503').map((d) => d.where.pointer)).toEqual([
      '/item/0/request',
    ]);
    expect(
      diagnostics.filter((d) => d.code === 'GP506').map((d) => [d.where.pointer, d.args.method]),
    ).toEqual([['/item/1/request/method', 'PURGE']]);
  });

  it('a base URL variable without a value becomes an empty server variable, reported once (GP504)', async () => {
    const c = {
      info: { name: 'S', schema: V21 },
      item: [
        { name: 'a', request: { method: 'GET', url: '{{host}}/a' } },
        { name: 'b', request: { method: 'GET', url: '{{host}}/b' } },
      ],
    };
    const { model, diagnostics } = await check(JSON.stringify(c), {}, {}, 's.json');
    expect(routes(model!)).toEqual(['GET /a', 'GET /b']);
    expect(
      diagnostics.filter((d) => d.code === 'GP504').map((d) => [d.where.pointer, d.args.variable]),
    ).toEqual([['/item/0/request/url', '{{host}}']]);
  });

  it('routes characters no front door routes on percent-encoded, and says so (GP502)', async () => {
    const c = {
      info: { name: 'E', schema: V21 },
      item: [{ name: 'e', request: { method: 'GET', url: 'http://h/caf\u00e9/a b' } }],
    };
    const { model, diagnostics } = await check(JSON.stringify(c), {}, {}, 'e.json');
    expect(routes(model!)).toEqual(['GET /caf%C3%A9/a%20b']);
    expect(
      diagnostics
        .filter((d) => d.code === 'GP502')
        .map((d) => d.args.encoded)
        .sort(),
    ).toEqual(['a%20b', 'caf%C3%A9']);
  });
});

describe.runIf(announceCorpus())('Postman collections of the corpus', () => {
  const collections = corpusEntries().filter((e) => e.format === 'postman');

  async function corpusModel(id: string): Promise<RouteModel> {
    const entry = collections.find((e) => e.id === id)!;
    const loaded = await load(entry.file, { cwd: CORPUS_DIR, config: false });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    return normalize(loaded.spec);
  }

  it('serverless-patterns sfn-crud: {{id}} is a path parameter', async () => {
    expect(routes(await corpusModel('pm21-sp-sfn-crud'))).toEqual([
      'GET /',
      'POST /',
      'GET /{id} path:id',
      'PUT /{id} path:id',
      'DELETE /{id} path:id',
    ]);
  });

  it('openapi-to-postman webhooks collection: :petId, query and header parameters, no raw URLs', async () => {
    const model = await corpusModel('pm21-o2p-webhooks-collection');
    const pets = routes(model).filter((r) => r.includes('/pets'));
    expect(pets).toEqual([
      'GET /pets query:variable,query:variable2,header:limit',
      'POST /pets',
      'GET /pets/{petId} path:petId',
      'POST /pets/{petId}/uploadImage path:petId',
    ]);
    expect(model.routes).toHaveLength(23);
    expect(model.routes.filter((r) => r.tags.includes('webhooks')).every((r) => r.method === 'POST')).toBe(
      true,
    );
  });

  it('newman protocol-profile: eight requests on three routes, the repeats reported', async () => {
    const model = await corpusModel('pm21-newman-protocol-profile');
    expect(routes(model)).toEqual(['GET /1 header:referer', 'DELETE /1', 'POST /11']);
    expect(model.diagnostics.filter((d) => d.code === 'GP500').map((d) => d.where.pointer)).toEqual([
      '/item/0/item/1',
      '/item/1/item/1',
      '/item/2/item/0',
      '/item/2/item/1',
      '/item/2/item/2',
    ]);
  });

  /**
   * The webhooks collection authenticates with HTTP basic auth, which no API Gateway API can
   * check; an overlay gives the scheme a Lambda authorizer, as a user of the collection would.
   */
  const overlays: Record<string, string> = {
    'pm21-o2p-webhooks-collection': [
      'overlay: 1.0.0',
      'info: { title: basic auth via a Lambda authorizer, version: "1" }',
      'actions:',
      '  - target: $.components.securitySchemes.basicAuth',
      '    update:',
      '      x-gateplan: { lambda: { functionArn: "arn:aws:lambda:us-east-1:123456789012:function:basic", type: request } }',
      '',
    ].join('\n'),
  };
  /** API Gateway's literal path characters; newman's URL-encoding suite uses every other one on purpose. */
  const APIGW_SEGMENT = /^([A-Za-z0-9_\-.,:]+|\{[^{}]+\})$/;

  const ids = Object.keys(targets);
  for (const entry of collections) {
    it(`${entry.id}: generates every target with the config init writes`, async () => {
      const scaffold = scaffoldConfig(await corpusModel(entry.id), {
        by: 'tag',
        schemaRef: 'gateplan.schema.json',
        spec: entry.id,
      });
      const dir = tempDir({ 'gateplan.yaml': scaffold.text, 'overlay.yaml': overlays[entry.id] ?? '' });
      const loaded = await load(entry.file, {
        cwd: CORPUS_DIR,
        config: join(dir, 'gateplan.yaml'),
        ...(overlays[entry.id] ? { overlays: [join(dir, 'overlay.yaml')] } : {}),
      });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
      const model = normalize(loaded.spec);
      expect(model.routes.length).toBeGreaterThan(0);
      const unroutable = model.routes
        .filter((r) =>
          r.path
            .split('/')
            .filter(Boolean)
            .some((s) => !APIGW_SEGMENT.test(s)),
        )
        .map((r) => `${r.method} ${r.path}`);
      for (const id of ids) {
        const result = generate(model, { targets: [id] });
        expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        // API Gateway holds each literal it refuses as a variable, and says so (GP142) for exactly those routes.
        expect(
          [...new Set(result.diagnostics.filter((d) => d.code === 'GP142').map((d) => d.route))]
            .map((id) => model.routes.find((r) => r.id === id))
            .map((r) => r && `${r.method} ${r.path}`)
            .sort(),
        ).toEqual(id.startsWith('apigw') || id === 'terraform' ? [...unroutable].sort() : []);
        expect(result.artifacts.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('Postman collections of any shape', () => {
  it('never crash the loader: whatever the items hold becomes routes or located findings, and outputs parse', async () => {
    const { default: fc } = await import('fast-check');
    let generated = 0;
    const request = fc.record(
      {
        method: fc.oneof(fc.constantFrom('GET', 'post', 'PURGE'), fc.jsonValue()),
        url: fc.oneof(
          fc.string(),
          fc.record(
            {
              raw: fc.jsonValue(),
              host: fc.jsonValue(),
              path: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
              query: fc.jsonValue(),
              variable: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
        header: fc.jsonValue(),
        body: fc.oneof(
          fc.record(
            {
              mode: fc.constantFrom('raw', 'urlencoded', 'formdata', 'file', 'graphql'),
              raw: fc.jsonValue(),
              urlencoded: fc.jsonValue(),
              formdata: fc.jsonValue(),
              options: fc.jsonValue(),
            },
            { requiredKeys: ['mode'] },
          ),
          fc.jsonValue(),
        ),
        auth: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    const item = fc.letrec((tie) => ({
      item: fc.oneof(
        { depthSize: 'small' },
        fc.record(
          { name: fc.jsonValue(), request: fc.oneof(request, fc.jsonValue()), response: fc.jsonValue() },
          { requiredKeys: [] },
        ),
        fc.record({ name: fc.string(), item: fc.array(tie('item'), { maxLength: 3 }), auth: fc.jsonValue() }),
        fc.jsonValue(),
      ),
    })).item;
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 5 }), fc.jsonValue(), async (items, variable) => {
        const text = JSON.stringify({ info: { name: 'F', schema: V21 }, variable, item: items });
        const backend = `backends: { b: { url: 'http://b.internal' } }\ndefaults: { backend: b }\n`;
        const { model, diagnostics } = await check(text, { 'gateplan.yaml': backend }, {}, 'f.json');
        expectLocated(diagnostics, ['f.json', 'gateplan.yaml']);
        // Whatever the items hold, the collection itself is read.
        expect(model, JSON.stringify(diagnostics.map((d) => d.code))).toBeDefined();
        for (const route of model!.routes) expect(route.where.file).toBe('f.json');
        if (model!.routes.length > 0 && expectOutputsParse(model!)) generated++;
      }),
      propertyRuns(150),
    );
    expect(generated).toBeGreaterThan(5);
  });
});

describe('Postman URL forms', () => {
  it('a path element holding several segments is cut at its slashes, but not inside a variable', async () => {
    const c = {
      info: { name: 'P', schema: V21 },
      item: [
        {
          name: 'p',
          request: {
            method: 'GET',
            url: { host: ['api', 'example', 'com'], path: ['api/v1', 'users', '{{a/b}}'] },
          },
        },
      ],
    };
    const { model } = await check(JSON.stringify(c), {}, {}, 'p.json');
    expect(model!.api.servers).toEqual(['http://api.example.com']);
    expect(routes(model!)).toEqual(['GET /api/v1/users/{a_b} path:a_b']);
  });

  it('text fields that are objects with a toString key do not crash the conversion (found by fast-check)', async () => {
    const text = JSON.stringify({
      info: { name: 'F', schema: V21 },
      variable: [{ key: 'k', value: { toString: 1 } }],
      item: [{ name: 'x', request: { method: { toString: 1 }, url: { path: [{ value: { valueOf: 1 } }] } } }],
    });
    const { diagnostics } = await check(text, {}, {}, 'f.json');
    expect(diagnostics.map((d) => d.code)).toContain('GP506');
  });
});
