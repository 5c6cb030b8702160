/**
 * `x-gateplan.validate: false | body | params | all`: what API Gateway REST checks before the
 * backend sees a request. A Postman collection's schemas are made up from example bodies
 * (`{"year": 2015}` becomes `type: integer`, a GraphQL body requires `query`), so they are not
 * validated unless the route says so.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/targets/generate.js';
import type { RouteModel } from '../../src/model/types.js';
import { check, oas, testCode } from '../support/check.js';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A collection with one JSON body (inferred schema) and one GraphQL body. */
const collection = JSON.stringify({
  info: { name: 'Books', schema: V21 },
  item: [
    {
      name: 'add book',
      request: {
        method: 'POST',
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: { mode: 'raw', raw: '{"title": "Dune", "year": 2015}' },
        url: 'https://api.books.example/books',
      },
    },
    {
      name: 'search',
      request: {
        method: 'POST',
        body: { mode: 'graphql', graphql: { query: '{ books { title } }' } },
        url: 'https://api.books.example/graphql',
      },
    },
  ],
});
const backend = `backends: { app: { url: 'http://app.internal' } }\ndefaults: { backend: app }\n`;

/** Each REST operation's request validator, `-` for none: `POST /books body`. */
function validators(model: RouteModel): string[] {
  const doc = JSON.parse(
    generate(model, { targets: ['apigw-rest'] }).artifacts.find((a) => a.path === 'apigw-rest/openapi.json')!
      .content,
  ) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => method !== 'options')
      .map(
        ([method, op]) =>
          `${method.toUpperCase()} ${path} ${String(op['x-amazon-apigateway-request-validator'] ?? '-')}`,
      ),
  );
}

describe('request validation is a route setting', () => {
  it('a Postman collection: off by default, so example-shaped schemas never reject real traffic', async () => {
    const { model } = await check(
      collection,
      { 'gateplan.yaml': backend },
      {},
      'books.postman_collection.json',
    );
    expect(model!.routes.map((r) => r.validate)).toEqual([false, false]);
    expect(validators(model!)).toEqual(['POST /books -', 'POST /graphql -']);
    // Nothing validated, so nothing for the HTTP API to leave out either.
    const http = generate(model!, { targets: ['apigw-http'] }).diagnostics;
    expect(http.filter((d) => d.code === 'GP112')).toEqual([]);
  });

  it('turned on per route where the schema was checked (gateplan.yaml rule)', async () => {
    const config = `${backend}rules:\n  - match: { path: /books }\n    set: { validate: body }\n`;
    const { model, diagnostics } = await check(
      collection,
      { 'gateplan.yaml': config },
      {},
      'books.postman_collection.json',
    );
    expect(validators(model!)).toEqual(['POST /books body', 'POST /graphql -']);
    expect(diagnostics.find((d) => d.code === 'GP035')?.args).toMatchObject({
      count: '1',
      route: 'POST /graphql',
    });
  });

  it('an OpenAPI operation: validated as described unless the route narrows it', async () => {
    const op = (setting: string) =>
      `{ ${setting}parameters: [{ name: q, in: query, required: true, schema: { type: string } }], requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }`;
    const spec = oas(
      `x-gateplan:\n  ${backend.replace('\n', '\n  ')}paths:\n  /a:\n    post: ${op('')}\n  /b:\n    post: ${op('x-gateplan: { validate: false }, ')}\n  /c:\n    post: ${op('x-gateplan: { validate: params }, ')}\n  /d:\n    post: ${op('x-gateplan: { validate: body }, ')}\n`,
    );
    const { model, diagnostics } = await check(spec);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(validators(model!)).toEqual(['POST /a all', 'POST /b -', 'POST /c params', 'POST /d body']);
  });

  it('only false, body, params or all', async () => {
    const spec = oas(
      `x-gateplan:\n  ${backend.replace('\n', '\n  ')}paths:\n  /a:\n    post: { x-gateplan: { validate: yes }, responses: { '200': { description: ok } } }\n`,
    );
    const { diagnostics } = await check(spec);
    const invalid = diagnostics.find((d) => d.where.pointer === '/paths/~1a/post/x-gateplan/validate');
    expect(invalid?.severity).toBe('error');
  });
});

describe('model diagnostics', () => {
  testCode('GP035', [
    {
      name: 'a collection with bodies: said once for the API',
      file: 'books.postman_collection.json',
      spec: collection,
      files: { 'gateplan.yaml': backend },
      expect: [{ pointer: '', severity: 'info', args: { route: 'POST /books' } }],
    },
    {
      name: 'every route decides for itself',
      file: 'books.postman_collection.json',
      spec: collection,
      files: {
        'gateplan.yaml': `${backend.replace('defaults: { backend: app }', 'defaults: { backend: app, validate: false }')}`,
      },
      expect: [],
    },
  ]);
});
