import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';
import { BASE, patch } from './helpers.js';
import { writeSpec } from '../support/pipeline.js';
import { runCli as run } from '../support/cli.js';

const TIGHTER = patch(['{ rate: 100, burst: 200 }', '{ rate: 10, burst: 200 }']);
const REMOVED = patch([
  "    delete:\n      operationId: deleteUser\n      security: [{ iam: [] }]\n      responses: { '204': { description: gone } }\n",
  '',
]);

describe('gateplan diff (CLI)', () => {
  it('--fail-on sets exit 1 only at or above the class', async () => {
    const base = writeSpec(BASE);
    const risky = writeSpec(TIGHTER);
    expect((await run(['diff', base, risky])).code).toBe(0);
    expect((await run(['diff', base, risky, '--fail-on', 'breaking'])).code).toBe(0);
    expect((await run(['diff', base, risky, '--fail-on', 'risky'])).code).toBe(1);
    expect((await run(['diff', base, writeSpec(REMOVED), '--fail-on', 'breaking'])).code).toBe(1);
    expect((await run(['diff', base, writeSpec(BASE), '--fail-on', 'any'])).code).toBe(0);
  });

  it('json output follows the documented schema', async () => {
    const { stdout, code } = await run(['diff', writeSpec(BASE), writeSpec(REMOVED), '--format', 'json']);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'config',
      'summary',
      'base',
      'revision',
      'changes',
      'diagnostics',
    ]);
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.config).toBe(null);
    expect(parsed.base.config).toBe(null);
    expect(parsed.summary).toEqual({ breaking: 1, risky: 0, safe: 0, errors: 0, warnings: 0, infos: 0 });
    const [change] = parsed.changes;
    expect(Object.keys(change)).toEqual([
      'code',
      'kind',
      'classification',
      'scope',
      'route',
      'message',
      'args',
      'base',
      'revision',
      'fingerprint',
      'docs',
    ]);
    expect(change).toMatchObject({
      code: 'GP403',
      kind: 'method-removed',
      classification: 'breaking',
      scope: 'routes',
      route: 'DELETE /users/{}',
      message: 'method DELETE removed from /users/{id} (was → users)',
      revision: null,
      base: { pointer: '/paths/~1users~1{id}/delete', line: 27, column: 5 },
    });
  });

  it('markdown and github formats carry the classification', async () => {
    const base = writeSpec(BASE);
    const revision = writeSpec(REMOVED);
    const md = (await run(['diff', base, revision, '--format', 'markdown'])).stdout;
    expect(md).toContain('### gateplan diff: 1 breaking, 0 risky, 0 safe');
    expect(md).toContain('| 🔴 breaking | method-removed | `DELETE /users/{id}` | users |  |');
    expect(md).toContain('<details open>');
    const gh = (await run(['diff', base, revision, '--format', 'github'])).stdout;
    expect(gh).toBe(
      `::error file=${revision.replace(/:/g, '%3A')},title=GP403 method-removed (breaking)::method DELETE removed from /users/{id} (was → users)\n`,
    );
  });

  it('usage errors exit 2', async () => {
    const spec = writeSpec(BASE);
    expect((await run(['diff', spec])).code).toBe(2);
    expect((await run(['diff', spec, spec, '--base', 'HEAD'])).code).toBe(2);
    expect((await run(['diff', spec, spec, '--target', 'nginx'])).code).toBe(2);
  });

  it('--base reads the spec, its $ref files and gateplan.yaml as of a git revision', async () => {
    const dir = tempDir({
      'api/api.yaml': BASE.replace(
        "      responses: { '200': { description: ok } }\n  /users/{id}:",
        "      responses: { $ref: 'parts.yaml#/listResponses' }\n  /users/{id}:",
      ),
      'api/parts.yaml': "listResponses: { '200': { description: ok } }\n",
      'api/gateplan.yaml': 'rules:\n  - match: { operationId: getUser }\n    set: { timeoutMs: 5000 }\n',
    });
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
        cwd: dir,
        stdio: 'pipe',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    // The working tree changes the config file only: the old timeout must come from the committed one.
    writeFileSync(
      join(dir, 'api/gateplan.yaml'),
      'rules:\n  - match: { operationId: getUser }\n    set: { timeoutMs: 2000 }\n',
    );
    writeFileSync(join(dir, 'api/parts.yaml'), "listResponses: { '200': { description: still ok } }\n");

    const { code, stdout, stderr } = await run([
      'diff',
      join(dir, 'api/api.yaml'),
      '--base',
      'HEAD',
      '--format',
      'json',
      '--fail-on',
      'risky',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const parsed = JSON.parse(stdout);
    expect(parsed.base.file).toBe('HEAD:api/api.yaml');
    expect(parsed.changes.map((c: { code: string; message: string }) => [c.code, c.message])).toEqual([
      ['GP411', 'GET /users/{id} integration timeout shortens from 5000 ms to 2000 ms'],
    ]);
    expect(parsed.changes[0].base.file).toBe('HEAD:api/api.yaml');

    expect((await run(['diff', join(dir, 'api/api.yaml'), '--base', 'no-such-rev'])).code).toBe(2);
    // --overlay files are read as of the revision too, wherever they sit in the repository.
    const overlay = (ms: number) =>
      `overlay: 1.0.0\ninfo: { title: t, version: '1' }\nactions:\n  - target: "$.paths['/users'].get"\n    update: { x-gateplan: { timeoutMs: ${ms} } }\n`;
    writeFileSync(join(dir, 'overlays.yaml'), overlay(1000));
    git('add', '.');
    git('commit', '-q', '-m', 'overlay');
    writeFileSync(join(dir, 'overlays.yaml'), overlay(500));
    const overlaid = await run([
      'diff',
      join(dir, 'api/api.yaml'),
      '--base',
      'HEAD',
      '--overlay',
      join(dir, 'overlays.yaml'),
      '--format',
      'json',
    ]);
    expect(overlaid.stderr).toBe('');
    // The config change is committed with it now: only the overlay's edit remains.
    expect(JSON.parse(overlaid.stdout).changes.map((c: { message: string }) => c.message)).toEqual([
      'GET /users integration timeout shortens from 1000 ms to 500 ms',
    ]);

    // A revision is never passed to git as an option.
    expect((await run(['diff', join(dir, 'api/api.yaml'), '--base=--output=/tmp/x'])).code).toBe(2);
  });
});
