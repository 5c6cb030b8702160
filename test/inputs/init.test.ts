import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scaffoldConfig } from '../../src/init/scaffold.js';
import { load } from '../../src/load/index.js';
import { catalog } from '../../src/diagnostics/catalog.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { normalize } from '../../src/model/normalize.js';
import { announceCorpus, CORPUS_DIR, corpusEntries } from '../support/corpus.js';
import { REPO } from '../support/pipeline.js';
import { tempDir } from '../support/temp.js';
import { runCli as run } from '../support/cli.js';

const spec = `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers:
  - url: https://api.shop.example/v1
  - url: https://sandbox.api.shop.example/v1
paths:
  /orders:
    get: { tags: [orders], responses: { '200': { description: ok } } }
  /orders/{id}:
    get:
      tags: [orders]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /users:
    get: { tags: [users, admin], responses: { '200': { description: ok } } }
  /health:
    get: { responses: { '200': { description: ok } } }
`;

/** Intent errors and unassigned routes: what a scaffold must never cause. */
function intentErrors(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.code === 'GP042' || (catalog[d.code].stage === 'intent' && d.severity === 'error'))
    .map((d) => `${d.code} ${d.where.file}${d.where.pointer}`);
}

describe('gateplan init', () => {
  it('writes a commented gateplan.yaml with the schema line, a backend and stage per server', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    const { code, stdout } = await run(['init', join(dir, 'api.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('2 backend(s), 2 stage(s), 4 of 4 route(s) assigned (by server)');
    const text = readFileSync(join(dir, 'gateplan.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+gateplan\.schema\.json$/);
    expect(parse(text)).toEqual({
      backends: {
        api: { url: 'https://api.shop.example' },
        'sandbox-api': { url: 'https://sandbox.api.shop.example' },
      },
      stages: { api: {}, 'sandbox-api': {} },
      defaults: { backend: 'api' },
    });
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir });
    if (!loaded.ok) throw new Error('load failed');
    const model = normalize(loaded.spec);
    expect(intentErrors(model.diagnostics)).toEqual([]);
    expect(Object.keys(model.stages)).toEqual(['api', 'sandbox-api']);
  });

  it('leaves out path keys no front door can route, saying why, and generate accepts the file as written', async () => {
    const dir = tempDir({
      'api.yaml': spec.replace(
        'paths:\n',
        "paths:\n  /<upload_url>:\n    put: { responses: { '200': { description: ok } } }\n  /files/{name.json:\n    get: { responses: { '200': { description: ok } } }\n",
      ),
    });
    const { code } = await run(['init', join(dir, 'api.yaml')]);
    expect(code).toBe(0);
    const text = readFileSync(join(dir, 'gateplan.yaml'), 'utf8');
    expect(text).toContain('# /<upload_url>: segment "<upload_url>" has characters no front door routes on');
    expect(parse(text).exclude).toEqual([{ path: '/<upload_url>' }, { path: '/files/\\{name.json' }]);
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir });
    if (!loaded.ok) throw new Error('load failed');
    const model = normalize(loaded.spec);
    expect(model.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.diagnostics.filter((d) => d.code === 'GP030').map((d) => d.args.routes)).toEqual([
      'PUT /<upload_url>',
      'GET /files/{name.json',
    ]);
    expect(model.routes.map((r) => r.path)).not.toContain('/<upload_url>');
  });

  it('--by tag writes a backend per tag, rules by tag and a default for untagged routes', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    expect((await run(['init', join(dir, 'api.yaml'), '--by', 'tag'])).code).toBe(0);
    const config = parse(readFileSync(join(dir, 'gateplan.yaml'), 'utf8')) as {
      rules: unknown[];
      defaults: unknown;
      backends: object;
    };
    // /users is tagged users and admin: the last rule (users) wins, so no admin backend goes unused.
    expect(Object.keys(config.backends)).toEqual(['orders', 'users', 'default']);
    expect(config.defaults).toEqual({ backend: 'default' });
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir });
    if (!loaded.ok) throw new Error('load failed');
    const model = normalize(loaded.spec);
    expect(model.diagnostics.filter((d) => d.code === 'GP049')).toEqual([]);
    expect(model.routes.map((r) => `${r.path} ${'backend' in r.backend ? r.backend.backend : ''}`)).toEqual([
      '/v1/health default',
      '/v1/orders orders',
      '/v1/orders/{id} orders',
      '/v1/users users',
    ]);
  });

  it('refuses to overwrite an existing gateplan.yaml without --force (exit 2), and overwrites with it', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    expect((await run(['init', join(dir, 'api.yaml')])).code).toBe(0);
    writeFileSync(join(dir, 'gateplan.yaml'), '# mine\n');
    // The spec's own file is written only where the folder's file belongs to other specs.
    expect(existsSync(join(dir, 'api.gateplan.yaml'))).toBe(false);
    const own = tempDir({ 'api.yaml': spec, 'api.gateplan.yaml': '# mine\n' });
    const refused = await run(['init', join(own, 'api.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('GP520');
    expect(refused.stderr).toContain('api.gateplan.yaml already exists');
    expect(readFileSync(join(own, 'api.gateplan.yaml'), 'utf8')).toBe('# mine\n');
    const forced = await run(['init', join(own, 'api.yaml'), '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(own, 'api.gateplan.yaml'), 'utf8')).toContain('backends:');
  });

  it('--format json says what it wrote', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    const written = await run(['init', join(dir, 'api.yaml'), '--format', 'json']);
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ summary: { backends: 2, routes: 4 }, by: 'server' });
    expect((JSON.parse(written.stdout) as { file: string }).file).toMatch(/gateplan\.yaml$/);
  });

  it("beside a folder's gateplan.yaml (or .yml), a second spec gets its own config and the first keeps its", async () => {
    for (const shared of ['gateplan.yaml', 'gateplan.yml']) {
      const dir = tempDir({ 'shop.yaml': spec, 'billing.yaml': spec, [shared]: "# the shop's\n" });
      const init = await run(['init', join(dir, 'billing.yaml')]);
      expect(init.code).toBe(0);
      expect(init.stdout).toContain('billing.gateplan.yaml: 2 backend(s)');
      expect(init.stdout).toContain(`${shared} is left as it is: billing.yaml now reads`);
      expect(readFileSync(join(dir, shared), 'utf8')).toBe("# the shop's\n");
      // --force overwrites only the spec's own file, never the shared one.
      expect((await run(['init', join(dir, 'billing.yaml'), '--force'])).code).toBe(0);
      expect(readFileSync(join(dir, shared), 'utf8')).toBe("# the shop's\n");
      const lint = await run(['lint', join(dir, 'billing.yaml')]);
      expect(lint.stderr).toMatch(/^config: .*billing\.gateplan\.yaml$/m);
      const shop = await run(['lint', join(dir, 'shop.yaml'), '--format', 'json']);
      expect(JSON.parse(shop.stdout).config).toMatch(new RegExp(`${shared.replace('.', '\\.')}$`));
    }
  });

  it('--config writes the file there (never beside the spec), and generate --config reads it', async () => {
    const dir = tempDir({ 'specs/api.yaml': spec });
    const config = join(dir, 'deploy', 'shop.gateplan.yaml');
    const init = await run(['init', join(dir, 'specs', 'api.yaml'), '--config', config]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('shop.gateplan.yaml: 2 backend(s)');
    expect(existsSync(join(dir, 'specs', 'gateplan.yaml'))).toBe(false);
    expect(readFileSync(config, 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    const generated = await run([
      'generate',
      join(dir, 'specs', 'api.yaml'),
      '--config',
      config,
      '--target',
      'apigw-http',
      '--out',
      join(dir, 'out'),
    ]);
    expect(generated.code).toBe(0);
    expect(readFileSync(join(dir, 'out', 'apigw-http', 'template.yaml'), 'utf8')).toContain(
      'api.shop.example',
    );
  });

  it('--config refuses an existing file without --force; --no-config is a usage error', async () => {
    const dir = tempDir({ 'api.yaml': spec, 'mine.yaml': '# mine\n' });
    const refused = await run(['init', join(dir, 'api.yaml'), '--config', join(dir, 'mine.yaml')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('GP520');
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe('# mine\n');
    const noConfig = await run(['init', join(dir, 'api.yaml'), '--no-config']);
    expect(noConfig.code).toBe(2);
    expect(noConfig.stderr).toContain('--no-config');
    expect(existsSync(join(dir, 'gateplan.yaml'))).toBe(false);
  });

  it('writes an auth: choice for each scheme some front door cannot check, and generate serves those routes', async () => {
    const secured = `openapi: 3.0.3
info: { title: Vendor, version: '1' }
servers: [{ url: 'https://api.vendor.example' }]
components:
  securitySchemes:
    basic: { type: http, scheme: basic }
    bearer: { type: http, scheme: bearer }
    unused: { type: oauth2, flows: {} }
    authorizer:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer: { type: token, authorizerUri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations' }
security: [{ basic: [] }, { bearer: [] }]
paths:
  /charges:
    get: { responses: { '200': { description: ok } } }
  /admin:
    get: { security: [{ authorizer: [] }], responses: { '200': { description: ok } } }
  /legacy:
    get: { security: [{ ghost: [] }], responses: { '200': { description: ok } } }
`;
    const dir = tempDir({ 'api.yaml': secured });
    const init = await run(['init', join(dir, 'api.yaml')]);
    expect(init.stdout).toContain('3 security scheme(s) checked by the backend');
    const text = readFileSync(join(dir, 'gateplan.yaml'), 'utf8');
    expect(text).toMatch(
      /# basic: HTTP basic \(header Authorization\); no front door can check it\n {2}basic: \{ enforcedBy: backend \}/,
    );
    expect(text).toContain('  bearer: { enforcedBy: backend }');
    expect(text).toContain('  ghost: { enforcedBy: backend }');
    expect(text).toContain('  # authorizer: { enforcedBy: backend }');
    expect(text).not.toContain('unused');
    expect(parse(text).auth).toEqual({
      basic: { enforcedBy: 'backend' },
      bearer: { enforcedBy: 'backend' },
      ghost: { enforcedBy: 'backend' },
    });
    const out = join(dir, 'out');
    const generated = await run([
      'generate',
      join(dir, 'api.yaml'),
      '--target',
      'apigw-rest,apigw-http,alb',
      '--out',
      out,
    ]);
    expect(generated.code, generated.stderr).toBe(0);
    const rest = JSON.parse(readFileSync(join(out, 'apigw-rest', 'openapi.json'), 'utf8'));
    expect(rest.paths['/charges'].get.security).toEqual([]);
    expect(rest.paths['/legacy'].get.security).toEqual([]);
    expect(rest.paths['/admin'].get.security).toEqual([{ authorizer: [] }]);
    // ALB cannot run the Lambda authorizer: /admin answers 401 there.
    expect(readFileSync(join(out, 'alb', 'template.yaml'), 'utf8')).toContain('StatusCode: "401"');
    expect(generated.stderr).toMatch(/info GP053 no front door checks security scheme basic/);
  });

  it('leaves routes the spec already routes alone, assigning the rest one by one', async () => {
    const partial = spec.replace(
      "  /health:\n    get: { responses: { '200': { description: ok } } }",
      "  /health:\n    get:\n      responses: { '200': { description: ok } }\n      x-amazon-apigateway-integration: { type: mock }\n  /files/(all)*:\n    get: { responses: { '200': { description: ok } } }",
    );
    const dir = tempDir({ 'api.yaml': partial });
    const loaded0 = await load(join(dir, 'api.yaml'), { cwd: dir, config: false });
    if (!loaded0.ok) throw new Error('load failed');
    const scaffold = scaffoldConfig(normalize(loaded0.spec), {
      by: 'server',
      schemaRef: 's.json',
      spec: 'api.yaml',
    });
    expect(scaffold.assigned).toBe(4);
    writeFileSync(join(dir, 'gateplan.yaml'), scaffold.text);
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir });
    if (!loaded.ok) throw new Error('load failed');
    const model = normalize(loaded.spec);
    expect(intentErrors(model.diagnostics)).toEqual([]);
    expect(model.diagnostics.filter((d) => d.code === 'GP043')).toEqual([]);
    expect(model.routes.find((r) => r.path === '/v1/health')!.backend).toEqual({ backend: 'mock' });
    expect(model.routes.find((r) => r.path === '/v1/files/(all)*')!.backend).toEqual({ backend: 'api' });
  });
});

/** `--by server`, the default, is the first step of test/deployability.test.ts, which goes on to generate. */
describe.runIf(announceCorpus())('gateplan init --by tag round-trips every corpus spec', () => {
  for (const entry of corpusEntries()) {
    it.each(['tag'] as const)(
      `${entry.id} --by %s`,
      async (by) => {
        const bare = await load(entry.file, { cwd: CORPUS_DIR, config: false });
        if (!bare.ok) throw new Error(JSON.stringify(bare.diagnostics));
        const before = normalize(bare.spec);
        const scaffold = scaffoldConfig(before, { by, schemaRef: 'gateplan.schema.json', spec: entry.id });
        // Written to a temporary folder, never beside the corpus spec.
        const dir = tempDir({ 'gateplan.yaml': scaffold.text });
        const loaded = await load(entry.file, { cwd: CORPUS_DIR, config: join(dir, 'gateplan.yaml') });
        if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
        const after = normalize(loaded.spec);
        expect(after.routes.length).toBe(before.routes.length);
        // Intent errors the spec causes by itself (e.g. an undeclared security scheme) are not init's.
        const own = new Set(intentErrors(before.diagnostics).filter((d) => !d.startsWith('GP042')));
        expect(intentErrors(after.diagnostics).filter((d) => !own.has(d))).toEqual([]);
        expect(after.routes.every((r) => !('backend' in r.backend) || r.backend.backend !== '')).toBe(true);
        // By tag, every backend written gets a route: none is reported unused (GP049).
        if (by === 'tag')
          expect(after.diagnostics.filter((d) => d.code === 'GP049' && d.where.file.startsWith(dir))).toEqual(
            [],
          );
      },
      30_000,
    );
  }
});

describe('gateplan init next to intent the spec already has', () => {
  it('never reuses the name of a backend or stage the spec declares', async () => {
    const own = spec.replace(
      'paths:\n',
      "x-gateplan:\n  backends: { api: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:api' } }\n  stages: { api: { throttle: { rate: 5, burst: 10 } } }\npaths:\n  /own:\n    get: { x-gateplan: { backend: api }, responses: { '200': { description: ok } } }\n",
    );
    const dir = tempDir({ 'api.yaml': own });
    expect((await run(['init', join(dir, 'api.yaml')])).code).toBe(0);
    const text = readFileSync(join(dir, 'gateplan.yaml'), 'utf8');
    const config = parse(text) as { backends: Record<string, unknown>; stages?: unknown };
    expect(Object.keys(config.backends)).toEqual(['api-2', 'sandbox-api']);
    expect(config.stages).toBeUndefined();
    expect(text).toContain('# Stages: the spec declares api;');
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir });
    if (!loaded.ok) throw new Error('load failed');
    const model = normalize(loaded.spec);
    expect(intentErrors(model.diagnostics)).toEqual([]);
    expect(model.stages.api?.throttle).toEqual({ rate: 5, burst: 10 });
    expect(model.routes.find((r) => r.path === '/v1/own')!.backend).toEqual({ backend: 'api' });
    expect(model.routes.find((r) => r.path === '/v1/orders')!.backend).toEqual({ backend: 'api-2' });
  });
});

describe('gateplan init with hostile text in the spec', () => {
  it('keeps line breaks in server URLs and titles inside their comments', async () => {
    const hostile = `openapi: 3.0.3
info: { title: "T\\ncatchAll: evil", version: '1' }
servers: [{ url: "https://api.example.com/x\\ncatchAll: evil\\u2028" }]
paths:
  /a: { get: { responses: { '200': { description: ok } } } }
`;
    const dir = tempDir({ 'api.yaml': hostile });
    expect((await run(['init', join(dir, 'api.yaml')])).code).toBe(0);
    const text = readFileSync(join(dir, 'gateplan.yaml'), 'utf8');
    expect(parse(text)).toEqual({
      backends: { api: { url: 'https://api.example.com' } },
      stages: { api: {} },
      defaults: { backend: 'api' },
    });
    expect(text).toContain('# from server https://api.example.com/x\\u000acatchAll: evil\\u2028');
  });
});

describe('the schema line init writes', () => {
  it('points at gateplan installed in a node_modules above the file, else at the published URL', async () => {
    const { schemaRefFor } = await import('../../src/cli/commands/init.js');
    const dir = tempDir({
      'node_modules/gateplan/schema/gateplan.schema.json': '{}',
      'api/v1/spec.yaml': '',
    });
    expect(schemaRefFor(join(dir, 'api', 'v1'))).toBe(
      '../../node_modules/gateplan/schema/gateplan.schema.json',
    );
    expect(schemaRefFor(tempDir())).toBe('https://gateplan.dev/schema/gateplan.schema.json');
  });

  it('points at this package’s own schema for a spec inside the package (its examples)', async () => {
    const { schemaRefFor } = await import('../../src/cli/commands/init.js');
    expect(schemaRefFor(join(REPO, 'specs'))).toBe('../schema/gateplan.schema.json');
  });
});

describe('gateplan init when the file cannot be written', () => {
  it('exits 2 with the reason instead of a stack trace', async () => {
    // A folder where the file should go: even root cannot rename a file over it.
    const dir = tempDir({ 'api.yaml': spec, 'api.gateplan.yaml/keep': '' });
    const result = await run(['init', join(dir, 'api.yaml'), '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gateplan: cannot write .*api\.gateplan\.yaml: /);
    expect(result.stderr).not.toContain('internal error');
  });
});
