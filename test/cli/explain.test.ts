/**
 * `gateplan explain` for every front door: a query string in the path is a query, a stage
 * canary is named where ALB folds it into the weights, and API Gateway's own matching (literal
 * over variable over greedy; REST picks the resource first, HTTP APIs the route and method;
 * a split API by its longest base path mapping) picks the route and the integration.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/pipeline.js';
import { runCli as run } from '../support/cli.js';
import { spawnCli } from '../support/spawn.js';
import { writeSpec } from '../support/temp.js';

const BOOKSTORE = join(REPO, 'specs/bookstore.yaml');
const SPLIT = join(REPO, 'specs/split-api/openapi.yaml');

/** Literal, variable and greedy templates side by side, methods that differ between them, and a catch-all. */
const PRECEDENCE = `openapi: 3.0.3
info: { title: P, version: '1' }
x-gateplan:
  backends:
    web: { url: 'http://web.internal:8080' }
    fn: { lambda: 'arn:aws:lambda:eu-west-1:123456789012:function:fallback' }
  defaults: { backend: web }
  catchAll: fn
paths:
  /pets/dog/1:
    get: { operationId: dogOne, responses: { '200': { description: ok } } }
  /pets/dog/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { operationId: dogById, responses: { '200': { description: ok } } }
    delete: { operationId: deleteDog, responses: { '200': { description: ok } } }
  /pets/{proxy+}:
    parameters: [{ name: proxy, in: path, required: true, schema: { type: string } }]
    get: { operationId: anyPet, responses: { '200': { description: ok } } }
`;

interface GatewayJson {
  answer?: string;
  mapping?: string;
  integration?: { type: string; target: string };
  canary?: { percent: number; target?: string };
  notes: string[];
  operation?: { operationId?: string };
  /** ALB: the operation (its `rule` is the listener rule). */
  route?: { key?: string; isDefault?: boolean; operationId?: string };
  request: { path: string; query?: [string, string][] };
}

async function explainJson(args: string[]): Promise<GatewayJson> {
  const result = await run(['explain', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as GatewayJson;
}

describe('explain reads a query string in the path as a query', () => {
  for (const target of ['alb', 'apigw-rest', 'apigw-http']) {
    it(`--target ${target}: GET '/v2/books?q=1' is GET /v2/books with q=1`, async () => {
      const e = await explainJson([BOOKSTORE, 'GET', '/v2/books?q=1&limit=5', '--target', target]);
      expect(e.request.path).toBe('/v2/books');
      expect(e.request.query).toEqual([
        ['q', '1'],
        ['limit', '5'],
      ]);
      expect((target === 'alb' ? e.route : e.operation)?.operationId).toBe('listBooks');
    });
  }

  it('prints the query after the path (the launcher, as a shell passes the quoted path)', async () => {
    const { stdout } = await spawnCli(['explain', BOOKSTORE, 'GET', '/v2/books?q=1']);
    expect(stdout.split('\n')[0]).toBe('GET dev.api.bookstore.example.com/v2/books?q=1 on listener main');
    expect(stdout).toContain('operation GET /v2/books (listBooks)');
  });
});

describe('explain says where a stage canary goes', () => {
  it('ALB: the canary is folded into the forward weights', async () => {
    const { stdout } = await run(['explain', BOOKSTORE, 'GET', '/v2/books/42', '--stage', 'prod']);
    expect(stdout).toContain('forward to catalog (weight 81, 81%), catalog-v2 (weight 19, 19%)');
    expect(stdout).toContain(
      '  canary    stage prod sends 10% of catalog → catalog-v2: folded into these weights',
    );
    // dev has no canary: nothing to fold.
    const dev = await run(['explain', BOOKSTORE, 'GET', '/v2/books/42', '--stage', 'dev']);
    expect(dev.stdout).not.toContain('canary');
  });

  it('REST: the canary share goes to the canary backend through its stage variable overrides', async () => {
    const e = await explainJson([BOOKSTORE, 'GET', '/v2/books/42', '--stage', 'prod', '-t', 'apigw-rest']);
    expect(e.integration?.target).toBe('http://catalog.internal:8080/v2/books/42');
    expect(e.canary).toEqual({ percent: 10, target: 'http://catalog-v2.internal:8080/v2/books/42' });
    expect(e.notes.join('\n')).toContain('cannot split one route by weight (GP106)');
  });

  it('HTTP API: says the canary is not applied', async () => {
    const e = await explainJson([BOOKSTORE, 'GET', '/v2/books/42', '--stage', 'prod', '-t', 'apigw-http']);
    expect(e.canary).toBeUndefined();
    expect(e.notes).toContain("stage prod's canary (10%) is not applied: HTTP APIs have no canary");
  });
});

describe('explain --target apigw-rest|apigw-http: API Gateway’s own matching', () => {
  const spec = () => writeSpec(PRECEDENCE);

  // The rows of the routing table in AWS's "Routing API requests" (HTTP API routes page).
  const cases: [method: string, path: string, rest: string | undefined, http: string][] = [
    ['GET', '/pets/dog/1', 'GET /pets/dog/1', 'GET /pets/dog/1'],
    ['GET', '/pets/dog/2', 'GET /pets/dog/{id}', 'GET /pets/dog/{id}'],
    ['GET', '/pets/cat/1', 'GET /pets/{proxy+}', 'GET /pets/{proxy+}'],
    // REST picks the resource /pets/dog/1 first, which has no DELETE; an HTTP API takes the route that has it.
    ['DELETE', '/pets/dog/1', undefined, 'DELETE /pets/dog/{id}'],
    ['POST', '/pets/cat', undefined, '$default'],
  ];
  for (const [method, path, rest, http] of cases) {
    it(`${method} ${path}: REST ${rest ?? 'answers 403'}, HTTP API ${http}`, async () => {
      const file = spec();
      const r = await explainJson([file, method, path, '-t', 'apigw-rest']);
      if (rest) expect(r.route?.key).toBe(rest);
      else {
        expect(r.route).toBeUndefined();
        expect(r.answer).toContain('403 {"message":"Missing Authentication Token"}');
      }
      const h = await explainJson([file, method, path, '-t', 'apigw-http']);
      expect(h.route?.key).toBe(http);
      expect(h.route?.isDefault).toBe(http === '$default');
    });
  }

  it('names the integration with the path variables and the stage’s host filled in', async () => {
    const file = spec();
    const greedy = await explainJson([file, 'GET', '/pets/cat/1/photo', '-t', 'apigw-rest']);
    expect(greedy.integration).toMatchObject({
      type: 'http_proxy',
      target: 'http://web.internal:8080/pets/cat/1/photo',
    });
    const byId = await explainJson([file, 'GET', '/pets/dog/7', '-t', 'apigw-http']);
    expect(byId.integration?.target).toBe('http://web.internal:8080/pets/dog/7');
    const fallback = await explainJson([file, 'POST', '/anything', '-t', 'apigw-http']);
    expect(fallback.integration).toMatchObject({ type: 'aws_proxy' });
    expect(fallback.integration?.target).toContain('function:fallback');
  });

  it('prints route, integration and operation in text', async () => {
    const { stdout, code } = await run(['explain', spec(), 'GET', '/pets/dog/7', '-t', 'apigw-rest']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'GET /pets/dog/7 on the REST API, stage prod',
        '  route       GET /pets/dog/{id}',
        '  integration http_proxy GET http://web.internal:8080/pets/dog/7',
        '  operation   GET /pets/dog/{id} (dogById)',
        '',
      ].join('\n'),
    );
  });

  it('a split API: the longest base path mapping takes the request and strips it', async () => {
    const put = await explainJson([SPLIT, 'PUT', '/v1/customers/r03/7', '-t', 'apigw-rest']);
    expect(put.mapping).toBe('v1/customers');
    expect(put.route?.key).toBe('PUT /r03/{id}');
    expect(put.integration?.target).toBe('https://api.internal/v1/customers/r03/7');
    const status = await explainJson([SPLIT, 'GET', '/v1/status', '-t', 'apigw-http']);
    expect(status.mapping).toBe('v1/status');
    expect(status.route?.key).toBe('GET /');
    const none = await explainJson([SPLIT, 'GET', '/v2/x', '-t', 'apigw-rest']);
    expect(none.answer).toContain('no base path mapping');
  });
});
