import { describe, expect, it } from 'vitest';
import { sampleRequests } from '../../src/diff/requests.js';
import { operationFor } from '../../src/diff/serve.js';
import { modelOf, writeSpec } from '../support/pipeline.js';

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
x-gateplan: { backends: { a: { url: 'http://a' } }, defaults: { backend: a } }
paths:
  /files/{path+}:
    get: { responses: { '200': { description: ok } } }
  /files/{id}:
    get: { responses: { '200': { description: ok } } }
  /files/latest:
    get: { responses: { '200': { description: ok } } }
  /search:
    get:
      x-gateplan: { match: { headers: { X-Beta: ['on*'] }, query: { mode: 'fast' } } }
      responses: { '200': { description: ok } }
    x-amazon-apigateway-any-method: { responses: { '200': { description: ok } } }
`;

describe('sample requests', () => {
  it('one request per route, plus deeper-path and undeclared-method probes', async () => {
    const model = await modelOf(writeSpec(SPEC));
    const samples = sampleRequests(model).map(
      (r) =>
        `${r.origin} ${r.method} ${r.apiPath}${Object.keys(r.headers).length ? ' ' + JSON.stringify(r.headers) : ''}${Object.keys(r.query).length ? ' ' + JSON.stringify(r.query) : ''}`,
    );
    expect(samples).toEqual([
      'route GET /files/42',
      'probe POST /files/42',
      'probe GET /files/42/extra',
      'route GET /files/a/b.txt',
      'probe POST /files/a/b.txt',
      'route GET /files/latest',
      'probe POST /files/latest',
      'probe GET /files/latest/extra',
      'route GET /search {"x-beta":"onx"} {"mode":"fast"}',
      'route GET /search',
      'probe GET /search/extra {"x-beta":"onx"} {"mode":"fast"}',
      'probe GET /search/extra',
    ]);
  });

  it('operationFor prefers literal over parameter over greedy, and an explicit method over ANY', async () => {
    const model = await modelOf(writeSpec(SPEC));
    expect(operationFor(model, 'GET', '/files/latest')?.path).toBe('/files/latest');
    expect(operationFor(model, 'GET', '/files/42')?.path).toBe('/files/{id}');
    expect(operationFor(model, 'GET', '/files/a/b')?.path).toBe('/files/{path+}');
    expect(operationFor(model, 'POST', '/files/42')).toBeUndefined();
    expect(operationFor(model, 'GET', '/search')?.method).toBe('GET');
    expect(operationFor(model, 'DELETE', '/search')?.method).toBe('ANY');
    expect(operationFor(model, 'GET', '/files')).toBeUndefined();
  });
});
