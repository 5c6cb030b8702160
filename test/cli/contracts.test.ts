/**
 * The CLI's output contracts, command by command: JSON alone on stdout with a schema version,
 * summary counts and the config; the same exit code for the same kind of failure everywhere;
 * colour, suggestions and the command list. In process where a process adds nothing; the
 * streams, the environment and bare `gateplan` through the real launcher.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../support/cli.js';
import { spawnCli } from '../support/spawn.js';
import { tempDir, writeSpec } from '../support/temp.js';

const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends: { b: { url: 'http://b' }, spare: { url: 'http://spare' } }
  defaults: { backend: b }
paths:
  /a: { get: { operationId: getA, responses: { '200': { description: ok } } } }
`;
const api = writeSpec(spec);
const other = writeSpec(spec.replace('  /a:', '  /b:'));

/** Every command, with what it needs besides the spec; `init` writes into a fresh folder each time. */
const COMMANDS: Record<string, () => string[]> = {
  generate: () => ['generate', api, '--out', join(tempDir(), 'out')],
  lint: () => ['lint', api],
  inspect: () => ['inspect', api],
  diff: () => ['diff', api, other],
  explain: () => ['explain', api, 'GET', '/a'],
  init: () => ['init', writeSpec(spec.replace(/x-gateplan:[\s\S]*?paths:/, 'paths:'))],
  compare: () => ['compare', api],
  cost: () => ['cost', api],
  codes: () => ['codes'],
};
const READS_SPEC = Object.keys(COMMANDS).filter((c) => c !== 'codes');

describe('--format json: one JSON document on stdout, nothing on stderr', () => {
  it.each(Object.keys(COMMANDS))('%s', async (command) => {
    const result = await run([...COMMANDS[command]!(), '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(document.schemaVersion).toBe(1);
    expect(document.summary).toMatchObject({
      errors: expect.any(Number),
      warnings: expect.any(Number),
      infos: expect.any(Number),
    });
    expect(Array.isArray(document.diagnostics)).toBe(true);
    // Which config the run used is a field (null: none); init writes one and codes reads no spec.
    if (command !== 'codes' && command !== 'init') expect(document).toHaveProperty('config', null);
  });

  it('lint counts its findings in the summary: the unused backend', async () => {
    const document = JSON.parse((await run(['lint', api, '--format', 'json'])).stdout);
    expect(document.summary).toEqual({ specs: 1, skipped: 0, routes: 1, errors: 0, warnings: 0, infos: 1 });
    expect(document.diagnostics.map((d: { code: string }) => d.code)).toEqual(['GP049']);
  });

  it.each(READS_SPEC)('%s: a spec that cannot be loaded is a JSON error too (exit 2)', async (command) => {
    const args = COMMANDS[command]!().map((a) => (a === api ? join(tempDir(), 'missing.yaml') : a));
    if (command === 'init') args[1] = join(tempDir(), 'missing.yaml');
    const result = await run([...args, '--format', 'json']);
    expect(result.code).toBe(2);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({
      schemaVersion: 1,
      error: { kind: 'input' },
      summary: { errors: 1 },
      diagnostics: [{ code: 'GP001' }],
    });
  });

  it('a usage error under --format json is JSON too', async () => {
    const result = await run(['lint', api, '--format', 'json', '--fail-onn', 'warn']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { kind: 'usage' }, diagnostics: [] });
    expect(result.stderr).toContain('--fail-onn: did you mean --fail-on?');
  });
});

describe('exit codes: the same failure, the same code, on every command', () => {
  it.each(READS_SPEC.filter((c) => c !== 'init'))('%s: a missing --config is 2', async (command) => {
    const result = await run([...COMMANDS[command]!(), '--config', join(tempDir(), 'nope.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.yaml error GP001 cannot read .*nope\.yaml: no such file/);
    expect(result.stdout).toBe('');
  });

  it.each(Object.keys(COMMANDS))(
    '%s: an unknown option is 2, with the option it probably meant',
    async (command) => {
      const result = await run([...COMMANDS[command]!(), '--colr']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Unknown argument: colr');
      expect(result.stderr).toContain('--colr: did you mean --color?');
    },
  );

  it('explain with a method that is no HTTP method is 2', async () => {
    const result = await run(['explain', api, 'FOO', '/x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^gateplan: unknown HTTP method "FOO"; methods: GET, PUT/);
    expect((await run(['explain', api, 'PSOT', '/x'])).stderr).toContain('did you mean "POST"?');
  });

  it('an unknown command is 2, with the command it probably meant', async () => {
    const result = await run(['lnt', api]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"lnt" is not a command; did you mean "lint"?');
  });

  it('init --no-config is a usage error (2)', async () => {
    expect((await run(['init', api, '--no-config'])).code).toBe(2);
  });
});

describe('which config a run used', () => {
  it('is one line on stderr in text output, and the JSON `config` field', async () => {
    const withConfig = writeSpec(spec, 'shop.yaml', {
      'shop.gateplan.yaml': 'defaults: { timeoutMs: 5000 }\n',
    });
    const text = await run(['inspect', withConfig]);
    expect(text.stderr.split('\n').filter((l) => l.startsWith('config: '))).toEqual([
      expect.stringMatching(/^config: .*shop\.gateplan\.yaml$/),
    ]);
    const none = await run(['inspect', api]);
    expect(none.stderr).toMatch(
      /^config: none \(no api\.gateplan\.yaml or gateplan\.yaml beside .*api\.yaml\)$/m,
    );
    expect((await run(['inspect', withConfig, '--no-config'])).stderr).toMatch(
      /^config: none \(--no-config\)$/m,
    );
    const json = JSON.parse((await run(['inspect', withConfig, '--format', 'json'])).stdout);
    expect(json.config).toMatch(/shop\.gateplan\.yaml$/);
  });

  it('an unknown key in gateplan.yaml is a finding that names the key it probably meant', async () => {
    const typo = writeSpec(spec, 'api.yaml', { 'gateplan.yaml': "backnds: { x: { url: 'http://x' } }\n" });
    const result = await run(['lint', typo]);
    expect(result.stdout).toMatch(
      /gateplan\.yaml:1:1 error GP050 .*unknown key "backnds"; did you mean "backends"\?/,
    );
  });

  it('the spec’s own <name>.gateplan.yaml wins over the folder’s gateplan.yaml; they are not merged', async () => {
    const dir = tempDir({
      'shop.yaml': spec.replace(/x-gateplan:[\s\S]*?paths:/, 'paths:'),
      'gateplan.yaml': "backends: { shared: { url: 'http://shared' } }\ndefaults: { backend: shared }\n",
      'shop.gateplan.yaml': "backends: { own: { url: 'http://own' } }\ndefaults: { backend: own }\n",
    });
    const json = JSON.parse((await run(['inspect', join(dir, 'shop.yaml'), '--format', 'json'])).stdout);
    expect(json.routes.map((r: { backend: string }) => r.backend)).toEqual(['own']);
    expect(Object.keys(json.backends)).toEqual(['own']);
  });
});

describe('colour', () => {
  it.each(Object.keys(COMMANDS))('%s takes --no-color and --color', async (command) => {
    expect((await run([...COMMANDS[command]!(), '--no-color'])).code).toBe(0);
    expect((await run([...COMMANDS[command]!(), '--color'])).code).toBe(0);
  });

  it('follows FORCE_COLOR and NO_COLOR on a pipe; the flags win', async () => {
    const lint = (env: Record<string, string | undefined>, ...flags: string[]) =>
      spawnCli(['lint', api, '--fail-on', 'none', ...flags], { env }).then((r) => r.stdout);
    const ansi = '\u001b[';
    expect(await lint({})).not.toContain(ansi);
    expect(await lint({ FORCE_COLOR: '1' })).toContain(ansi);
    expect(await lint({ FORCE_COLOR: '0' })).not.toContain(ansi);
    expect(await lint({ FORCE_COLOR: '1' }, '--no-color')).not.toContain(ansi);
    expect(await lint({ NO_COLOR: '1' }, '--color')).toContain(ansi);
  });
});

describe('the real launcher', () => {
  it('bare `gateplan` lists all nine commands on stderr and exits 2', async () => {
    const result = await spawnCli([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    for (const command of Object.keys(COMMANDS))
      expect(result.stderr).toMatch(new RegExp(`gateplan ${command}\\b`));
  });

  it('generate --format json | jq: stdout is the document, findings inside it', async () => {
    const bad = writeSpec(spec.replace('defaults: { backend: b }', 'defaults: {}'));
    const result = await spawnCli(['generate', bad, '--format', 'json', '--out', join(tempDir(), 'o')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout);
    expect(document.summary).toMatchObject({ files: 0, written: 0, errors: 1 });
    expect(document.diagnostics.map((d: { code: string }) => d.code)).toContain('GP042');
  });
});
