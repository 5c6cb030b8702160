import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/pipeline.js';
import { tempDir, writeSpec } from '../support/temp.js';
import { runCli as run } from '../support/cli.js';

const BOOKSTORE = join(REPO, 'specs/bookstore.yaml');
const good = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths:
  /a: { get: { operationId: getA, responses: { '200': { description: ok } } } }
`;

describe('gateplan inspect', () => {
  it('prints every route with method, path, operationId and backend as JSON', async () => {
    const { code, stdout } = await run(['inspect', BOOKSTORE, '--format', 'json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { routes: Record<string, unknown>[] };
    expect(parsed.routes).toHaveLength(15);
    for (const route of parsed.routes)
      expect(Object.keys(route)).toEqual(
        expect.arrayContaining(['method', 'path', 'operationId', 'backend']),
      );
    expect(parsed.routes.find((r) => r.operationId === 'getOrder')).toMatchObject({
      method: 'GET',
      path: '/v2/orders/{orderId}',
      backend: 'orders',
    });
  });

  it('prints a table with source lines', async () => {
    const { code, stdout } = await run(['inspect', BOOKSTORE]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^GET\s+\/v2\/orders\/\{orderId\}\s+getOrder\s+orders\s+cognito\s+-\s+.*bookstore\.yaml:\d+:\d+$/m,
    );
  });
  it('shows `backend:` in AUTH where no front door checks the credentials, and lint says so once', async () => {
    const spec = writeSpec(
      good.replace(
        'paths:',
        "components: { securitySchemes: { basic: { type: http, scheme: basic, x-gateplan: { enforcedBy: backend } } } }\nsecurity: [{ basic: [] }]\npaths:\n  /b: { get: { responses: { '200': { description: ok } } } }",
      ),
    );
    const inspect = await run(['inspect', spec]);
    expect(inspect.stdout).toMatch(/^GET\s+\/a\s+getA\s+b\s+backend: basic\s/m);
    const lint = await run(['lint', spec, '--fail-on', 'info']);
    expect(lint.stdout.match(/GP053/g)).toHaveLength(1);
    expect(lint.stdout).toContain('no front door checks security scheme basic (http-basic)');
    expect(lint.stdout).toContain('(2 route(s))');
  });
});

describe('gateplan inspect: what each front door made of a route', () => {
  const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths:
  /Accounts/{Sid}.json: { get: { responses: { '200': { description: ok } } } }
  /users/{id}: { get: { responses: { '200': { description: ok } } } }
  /users/{userId}/posts: { get: { responses: { '200': { description: ok } } } }
`;

  it('the table names the widened and renamed templates', async () => {
    const { stdout } = await run(['inspect', writeSpec(spec)]);
    expect(stdout).toMatch(
      /^GET\s+\/Accounts\/\{Sid\}\.json\s.*rest\+http: \/Accounts\/\{Sid\} \(widened \{Sid\}\.json\); alb: =/m,
    );
    expect(stdout).toMatch(
      /^GET\s+\/users\/\{userId\}\/posts\s.*rest\+http: \/users\/\{id\}\/posts \(\{userId\} as \{id\}\); alb: =/m,
    );
    expect(stdout).toMatch(/^GET\s+\/users\/\{id\}\s+-\s+b\s+-\s+-\s+=\s/m);
  });

  it('JSON gives the form per target', async () => {
    const { stdout } = await run(['inspect', writeSpec(spec), '--format', 'json']);
    const routes = (JSON.parse(stdout) as { routes: { path: string; targets: Record<string, unknown> }[] })
      .routes;
    expect(routes.find((r) => r.path === '/Accounts/{Sid}.json')!.targets).toEqual({
      'apigw-rest': { route: 'GET /Accounts/{Sid}', notes: ['widened {Sid}.json'] },
      'apigw-http': { route: 'GET /Accounts/{Sid}', notes: ['widened {Sid}.json'] },
      alb: { route: 'GET /Accounts/{Sid}.json', notes: [] },
    });
  });
});

describe('gateplan lint', () => {
  it('exits 0 on a clean spec', async () => {
    expect((await run(['lint', writeSpec(good)])).code).toBe(0);
  });

  it('exits 1 on errors and prints them like a compiler', async () => {
    const spec = writeSpec(good.replace('/a: { get: {', '/a: { get: { x-gateplan: { backend: nope },'));
    const { code, stdout } = await run(['lint', spec]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/api\.yaml:5:\d+ error GP041 backend nope is not defined \(GET \/a\)/);
    expect(stdout).toContain('fix: define it under x-gateplan.backends, or use one of: b');
  });

  it('--fail-on sets the threshold', async () => {
    const warnOnly = writeSpec(
      good
        .replace('x-gateplan: {', 'x-gateplan: { catchAll: b,')
        .replace("{ b: { url: 'http://b' } }", "{ b: { url: 'http://b' }, unused: { url: 'http://u' } }"),
    );
    expect((await run(['lint', warnOnly])).code).toBe(0);
    expect((await run(['lint', warnOnly, '--fail-on', 'info'])).code).toBe(1);
  });

  it('--format json gives machine-readable diagnostics', async () => {
    const { stdout } = await run([
      'lint',
      writeSpec(good.replace('defaults: { backend: b }', 'defaults: {}')),
      '--format',
      'json',
    ]);
    const parsed = JSON.parse(stdout) as { diagnostics: { code: string; line: number; pointer: string }[] };
    expect(parsed.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([
      ['GP049', '/x-gateplan/backends/b', 3],
      ['GP042', '/paths/~1a/get', 5],
    ]);
  });

  it('--format github emits workflow commands', async () => {
    const { stdout } = await run([
      'lint',
      writeSpec(good.replace('defaults: { backend: b }', 'defaults: {}')),
      '--format',
      'github',
    ]);
    expect(stdout).toMatch(/^::error file=.*api\.yaml,line=5,col=\d+,title=GP042::no backend for GET \/a$/m);
  });
});

describe('exit code 2', () => {
  it('for a file that does not exist', async () => {
    const { code, stderr } = await run(['lint', '/nonexistent/api.yaml']);
    expect(code).toBe(2);
    expect(stderr).toContain('GP001');
  });

  it('for unparseable input, with a location and no stack trace', async () => {
    const { code, stderr } = await run(['inspect', writeSpec('openapi: 3.0.3\ninfo: [\n')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/api\.yaml:\d+:\d+ error GP003/);
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('for bad usage', async () => {
    expect((await run(['generate'])).code).toBe(2);
    expect((await run(['lint', 'x.yaml', '--no-such-flag'])).code).toBe(2);
    expect((await run(['generate', writeSpec(good), '--target', 'nope'])).code).toBe(2);
  });
});

describe('gateplan generate', () => {
  it('writes deterministic output and --check reports staleness without writing', async () => {
    const out = join(tempDir(), 'out');
    const spec = writeSpec(good);
    expect((await run(['generate', spec, '--out', out])).code).toBe(0);
    const first = readFileSync(join(out, 'model.json'), 'utf8');
    expect((await run(['generate', spec, '--out', out])).code).toBe(0);
    expect(readFileSync(join(out, 'model.json'), 'utf8')).toBe(first);
    expect((await run(['generate', spec, '--out', out, '--check'])).code).toBe(0);

    writeFileSync(spec, good.replace('getA', 'fetchA'));
    const check = await run(['generate', spec, '--out', out, '--check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('stale: ');
    expect(check.stdout).toMatch(/^\s+\+\s+"operationId": "fetchA"$/m);
    expect(readFileSync(join(out, 'model.json'), 'utf8')).toBe(first);
  });

  it('writes nothing when the spec has errors', async () => {
    const out = join(tempDir(), 'out');
    const { code } = await run([
      'generate',
      writeSpec(good.replace('defaults: { backend: b }', 'defaults: {}')),
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('has help with examples', async () => {
    const { code, stdout } = await run(['generate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--check');
    expect(stdout).toContain('Examples:');
  });
});

describe('config selection', () => {
  it('--no-config ignores the gateplan.yaml beside the spec; --config picks another', async () => {
    const spec = writeSpec(good.replace('defaults: { backend: b }', 'defaults: {}'), 'api.yaml', {
      'gateplan.yaml': 'defaults: { backend: b }\n',
      'strict.yaml':
        "defaults: { backend: b }\nseverity: { GP049: error }\nbackends: { spare: { url: 'http://spare' } }\n",
    });
    expect((await run(['lint', spec])).code).toBe(0);
    expect((await run(['lint', spec, '--no-config'])).stdout).toContain('GP042');
    const strict = await run(['lint', spec, '--config', join(spec, '..', 'strict.yaml')]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(
      /strict\.yaml:3:\d+ error GP049 backend spare is defined but no route uses it/,
    );
  });
});

describe('findings from several targets', () => {
  it('are reported once when two targets find the same thing', async () => {
    const out = join(tempDir(), 'out');
    const { code, stderr } = await run([
      'generate',
      BOOKSTORE,
      '--target',
      'apigw-rest,apigw-http',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stderr.match(/GP106 API Gateway cannot split one route by weight/g)).toHaveLength(1);
  });
});
