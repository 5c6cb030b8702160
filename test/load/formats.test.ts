import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { check } from '../support/check.js';
import { tempDir } from '../support/temp.js';

const intent = { backends: { b: { url: 'http://b' } }, defaults: { backend: 'b' } };
const ok = { responses: { '200': { description: 'ok' } } };

function routesOf(result: Awaited<ReturnType<typeof check>>): string[] {
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.model!.routes.map((r) => `${r.method} ${r.path}`);
}

describe('formats', () => {
  const paths = {
    '/pets': { get: ok, post: ok },
    '/pets/{id}': { parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }], get: ok },
  };

  it.each([
    [
      'Swagger 2.0 JSON',
      'api.json',
      JSON.stringify({ swagger: '2.0', info: { title: 'T', version: '1' }, 'x-gateplan': intent, paths }),
      'swagger-2.0',
    ],
    [
      'OpenAPI 3.0 JSON',
      'api.json',
      JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1' }, 'x-gateplan': intent, paths }),
      'openapi-3.0',
    ],
    [
      'OpenAPI 3.1 JSON',
      'api.json',
      JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, 'x-gateplan': intent, paths }),
      'openapi-3.1',
    ],
    [
      'OpenAPI 3.1 without a patch number',
      'api.json',
      JSON.stringify({ openapi: '3.1', info: { title: 'T', version: '1' }, 'x-gateplan': intent, paths }),
      'openapi-3.1',
    ],
  ])('reads %s', async (_name, file, text, format) => {
    const result = await check(text, {}, {}, file);
    expect(routesOf(result)).toEqual(['GET /pets', 'POST /pets', 'GET /pets/{id}']);
    expect(result.model!.source.format).toBe(format);
  });

  it('reads YAML and JSON of the same document into the same model', async () => {
    const doc = { openapi: '3.0.3', info: { title: 'T', version: '1' }, 'x-gateplan': intent, paths };
    const yaml = `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /pets: { get: { responses: { '200': { description: ok } } }, post: { responses: { '200': { description: ok } } } }\n  /pets/{id}:\n    parameters: [{ name: id, in: path, required: true, type: string }]\n    get: { responses: { '200': { description: ok } } }\n`;
    const a = await check(JSON.stringify(doc), {}, {}, 'api.json');
    const b = await check(yaml, {}, {}, 'api.yaml');
    const strip = (m: typeof a.model) => JSON.stringify(m!.routes.map(({ where: _w, ...r }) => r));
    expect(strip(a.model)).toBe(strip(b.model));
  });

  it('expands YAML merge keys and keeps dates as strings', async () => {
    const result = await check(
      `openapi: 3.0.3\ninfo: { title: T, version: 2024-01-01 }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\nx-common: &common { summary: shared, responses: { '200': { description: ok } } }\npaths:\n  /a: { get: { <<: *common, operationId: getA } }\n`,
    );
    expect(routesOf(result)).toEqual(['GET /a']);
    expect(result.model!.routes[0]!.summary).toBe('shared');
    expect(result.model!.api.version).toBe('2024-01-01');
  });

  it('reads a gzipped spec', async () => {
    const dir = tempDir();
    const doc = { openapi: '3.0.3', info: { title: 'T', version: '1' }, 'x-gateplan': intent, paths };
    writeFileSync(join(dir, 'api.json.gz'), gzipSync(JSON.stringify(doc)));
    const loaded = await load(join(dir, 'api.json.gz'));
    expect(loaded.ok && normalize(loaded.spec).routes).toHaveLength(3);
  });
});

describe('multi-file $ref', () => {
  it('resolves path items, parameters and schemas relative to the file that holds the $ref', async () => {
    const result = await check(
      `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /pets: { $ref: 'paths/pets.yaml' }\n`,
      {
        'paths/pets.yaml': `get:\n  parameters: [{ $ref: '../common/params.yaml#/limit' }]\n  responses: { '200': { description: ok } }\npost:\n  requestBody: { content: { application/json: { schema: { $ref: '../schemas/pet.yaml' } } } }\n  responses: { '200': { description: ok } }\n`,
        'common/params.yaml': `limit: { name: limit, in: query, schema: { type: integer } }\n`,
        'schemas/pet.yaml': `type: object\nproperties:\n  name: { type: string }\n  owner: { $ref: './owner.yaml' }\n`,
        'schemas/owner.yaml': `type: object\nproperties: { id: { type: string } }\n`,
      },
    );
    expect(routesOf(result)).toEqual(['GET /pets', 'POST /pets']);
    const [get, post] = result.model!.routes;
    expect(get!.params).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
    ]);
    expect(get!.where.file).toBe('paths/pets.yaml');
    expect(post!.requestBody!.content['application/json']!.schema).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        owner: { type: 'object', properties: { id: { type: 'string' } } },
      },
    });
  });

  it('reports a problem inside a referenced file at that file and line', async () => {
    const result = await check(
      `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /pets/{id}: { $ref: 'paths/pet.yaml' }\n`,
      { 'paths/pet.yaml': `# a pet\nget:\n  responses: { '200': { description: ok } }\n` },
    );
    const d = result.diagnostics.find((x) => x.code === 'GP021')!;
    expect([d.where.file, d.where.pointer, d.where.line]).toEqual(['paths/pet.yaml', '/get', 2]);
  });

  it('handles circular schemas across files without looping', async () => {
    const result = await check(
      `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /nodes:\n    post:\n      requestBody: { content: { application/json: { schema: { $ref: 'node.yaml' } } } }\n      responses: { '200': { description: ok } }\n  /trees:\n    post:\n      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Tree' } } } }\n      responses: { '200': { description: ok } }\ncomponents:\n  schemas:\n    Tree: { type: object, properties: { children: { type: array, items: { $ref: '#/components/schemas/Tree' } } } }\n`,
      { 'node.yaml': `type: object\nproperties:\n  next: { $ref: 'node.yaml' }\n` },
    );
    expect(routesOf(result)).toEqual(['POST /nodes', 'POST /trees']);
    expect(result.model!.schemas.Tree).toEqual({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } },
    });
    expect(JSON.stringify(result.model!.routes[0]!.requestBody)).toContain('"next"');
  });

  it('follows a remote $ref only when allowed, and never reads outside the root', async () => {
    const spec = `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /a: { $ref: '../outside.yaml' }\n`;
    const dir = tempDir({
      'spec/api.yaml': spec,
      'outside.yaml': `get: { responses: { '200': { description: ok } } }\n`,
    });
    const blocked = await load(join(dir, 'spec/api.yaml'), { cwd: dir });
    expect(blocked.ok && normalize(blocked.spec).diagnostics.map((d) => d.code)).toContain('GP009');
    const widened = await load(join(dir, 'spec/api.yaml'), { cwd: dir, refRoot: dir });
    expect(widened.ok && normalize(widened.spec).routes.map((r) => r.path)).toEqual(['/a']);
  });
});

describe('remote $ref with --allow-remote-refs', () => {
  it('fetches from a server only when allowed, resolving refs inside the fetched document against its URL', async () => {
    const { createServer } = await import('node:http');
    const files: Record<string, string> = {
      '/paths.yaml': `pets:\n  get:\n    parameters: [{ $ref: 'params.yaml#/limit' }]\n    responses: { '200': { description: ok } }\n`,
      '/params.yaml': `limit: { name: limit, in: query }\n`,
    };
    const server = createServer((req, res) => {
      const body = files[req.url ?? ''];
      res.writeHead(body ? 200 : 404).end(body ?? '');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const spec = `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }\npaths:\n  /pets: { $ref: 'http://127.0.0.1:${port}/paths.yaml#/pets' }\n`;
      const blocked = await check(spec);
      expect(blocked.diagnostics.map((d) => d.code)).toContain('GP008');
      const allowed = await check(spec, {}, { allowRemoteRefs: true });
      expect(routesOf(allowed)).toEqual(['GET /pets']);
      expect(allowed.model!.routes[0]!.params.map((p) => p.name)).toEqual(['limit']);
    } finally {
      server.close();
    }
  });
});
