import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { generate } from '../../src/targets/generate.js';
import { FRONT_DOORS } from '../../src/targets/terraform/index.js';
import { runCli } from '../support/cli.js';
import { check, oas } from '../support/check.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { tempDir } from '../support/temp.js';
import { parseModule, schemaProblems } from '../terraform/support/check.js';

const intent = (backend: string, extra = '') =>
  `x-gateplan:\n  backends: { b: ${backend} }\n  defaults: { backend: b }\n${extra}`;
const ok = `responses: { '200': { description: ok } }`;

describe('a mock body on a REST API is text, not a mapping template', () => {
  const body = "hello $input.params('q') ## the rest \\ ${x} #if(true)";
  it.each([
    [
      body,
      (t: string) =>
        Buffer.from(/^\$util\.base64Decode\("([A-Za-z0-9+/=]*)"\)$/.exec(t)![1]!, 'base64').toString(),
    ],
    ['{"message": "not here"}', (t: string) => t],
  ])('%s answers exactly that', async (text, decoded) => {
    const model = await modelOf(
      writeSpec(
        oas(
          `${intent(`{ mock: { statusCode: 503, body: ${JSON.stringify(text)} } }`)}paths:\n  /a: { get: { ${ok} } }\n`,
        ),
      ),
    );
    const document = JSON.parse(
      generate(model, { targets: ['apigw-rest'] }).artifacts.find(
        (a) => a.path === 'apigw-rest/openapi.json',
      )!.content,
    );
    const template = document.paths['/a'].get['x-amazon-apigateway-integration'].responses.default
      .responseTemplates['application/json'] as string;
    expect(decoded(template)).toBe(text);
  });
});

describe('characters YAML 1.1 reads as line breaks or not at all', () => {
  it('are escaped in CloudFormation templates, which read back to the same text', async () => {
    const title = 'a\u0085b\u2028c\u2029d\u0086e\ufeff';
    const model = await modelOf(
      writeSpec(
        oas(`${intent("{ url: 'http://b.internal' }")}paths:\n  /a: { get: { ${ok} } }\n`).replace(
          'title: T',
          `title: ${JSON.stringify(title)}`,
        ),
      ),
    );
    for (const artifact of generate(model, { targets: ['apigw-rest', 'apigw-http', 'alb'] }).artifacts) {
      if (!artifact.path.endsWith('template.yaml')) continue;
      expect(artifact.content, artifact.path).not.toMatch(/[\u0080-\u009f\u2028\u2029\ufeff]/);
      const template = parseYaml(artifact.content) as { Description: string };
      expect(template.Description, artifact.path).toContain(title);
    }
  });
});

describe('a stage named like an HCL keyword', () => {
  it.each(FRONT_DOORS)(
    'terraform --for %s names its blocks so HCL and the provider schema accept them',
    async (door) => {
      const model = await modelOf(
        writeSpec(
          oas(
            `${intent("{ url: 'http://b.internal' }", "  stages: { 'True': {}, 'False': {}, 'null': {} }\n")}paths:\n  /a: { get: { ${ok} } }\n`,
          ),
        ),
      );
      const result = generate(model, { targets: ['terraform'], for: door });
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const files = Object.fromEntries(
        result.artifacts.map((a) => [a.path.replace(/^terraform\//, ''), a.content]),
      );
      expect(schemaProblems(await parseModule(files))).toEqual([]);
    },
  );
});

describe('a byte order mark', () => {
  it('is read in JSON as in YAML, and positions are those of the text without it', async () => {
    const spec = JSON.stringify({
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: { '/a': { get: { responses: { '200': { description: 'ok' } } } } },
    });
    const plain = await check(spec, {}, {}, 'api.json');
    const json = await check('\ufeff' + spec, {}, {}, 'api.json');
    const yaml = await check('\ufeff' + oas(`paths:\n  /a: { get: { ${ok} } }\n`));
    for (const { model, diagnostics } of [json, yaml]) {
      expect(model?.routes.map((r) => r.id)).toEqual(['GET /a']);
      expect(diagnostics.map((d) => d.code)).toContain('GP042');
    }
    const where = (r: typeof json) => r.diagnostics.find((d) => d.code === 'GP042')!.where;
    expect(where(json)).toEqual(where(plain));
  });
});

describe('a Postman request whose url object names neither host nor path', () => {
  it('is skipped as a request without a URL (GP503), not routed as GET /', async () => {
    const collection = {
      info: { name: 'c', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        { name: 'nowhere', request: { method: 'GET', url: { path: null, host: null } } },
        { name: 'empty', request: { method: 'POST', url: { path: [], host: [] } } },
        { name: 'real', request: { method: 'GET', url: 'https://api.example.com/items' } },
      ],
    };
    const dir = tempDir({ 'c.json': JSON.stringify(collection) });
    const loaded = await load(join(dir, 'c.json'), { cwd: dir, config: false });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const model = normalize(loaded.spec);
    expect(model.routes.map((r) => r.id)).toEqual(['GET /items']);
    expect(model.diagnostics.filter((d) => d.code === 'GP503').map((d) => d.args.name)).toEqual([
      'nowhere',
      'empty',
    ]);
  });
});

describe('a REST API without methods', () => {
  it('is an error (GP129), so nothing is written, when the spec has no operations (GP024)', async () => {
    const file = writeSpec(oas(`${intent("{ url: 'http://b.internal' }")}paths: {}\n`));
    const out = join(tempDir(), 'out');
    const run = await runCli(['generate', file, '-t', 'apigw-rest', '--out', out]);
    expect(run.stderr).toContain('GP024');
    expect(run.stderr).toContain('GP129');
    expect(run.code).toBe(1);
    expect(() => readdirSync(out)).toThrow();
  });

  it('is an error (GP129) when every route is left out, here for an OAuth 2 scheme REST cannot enforce', async () => {
    const model = await modelOf(
      writeSpec(
        oas(
          `${intent("{ url: 'http://b.internal' }")}security: [{ o: [] }]\ncomponents: { securitySchemes: { o: { type: oauth2, flows: { clientCredentials: { tokenUrl: 'https://t.example.com', scopes: {} } } } } }\npaths:\n  /a: { get: { ${ok} } }\n`,
        ),
      ),
    );
    const codes = generate(model, { targets: ['apigw-rest'] }).diagnostics.map((d) => d.code);
    expect(codes).toContain('GP108');
    expect(codes).toContain('GP129');
  });
});
