/**
 * The folders gateplan owns: each target folder's `.gateplan-files` lists what gateplan wrote
 * there, so a file a later run no longer writes is reported by `--check` and removed by
 * `generate`, while the user's own files beside it stay. And `--check`'s diff is a real one.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArtifacts, writeArtifacts } from '../../src/write/index.js';
import { runCli as run } from '../support/cli.js';
import { spawnCli } from '../support/spawn.js';
import { tempDir, writeSpec } from '../support/temp.js';

/** How `generate` writes: each target folder carries its manifest. */
const OWNED = { manifests: true };

const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b.internal:8080' } }, defaults: { backend: b } }
paths:
  /a: { get: { operationId: getA, responses: { '200': { description: ok } } } }
`;

describe('generate: files an earlier run wrote and this one does not', () => {
  it('switching --for: --check reports apigw_rest.tf, generate removes it and keeps the user’s own files', async () => {
    const api = writeSpec(spec);
    const out = join(tempDir(), 'out');
    // As a user's shell runs it: the launcher in its own process.
    const tf = (door: string, ...more: string[]) =>
      spawnCli(['generate', api, '-t', 'terraform', '--for', door, '--out', out, ...more]);
    expect((await tf('apigw-rest')).code).toBe(0);
    expect(existsSync(join(out, 'terraform', 'apigw_rest.tf'))).toBe(true);
    expect(readFileSync(join(out, 'terraform', '.gateplan-files'), 'utf8')).toContain('\napigw_rest.tf\n');
    // What a user adds to a generated module: a backend block, terraform init's lock file.
    writeFileSync(join(out, 'terraform', 'backend.tf'), 'terraform { backend "s3" {} }\n');
    writeFileSync(join(out, 'terraform', '.terraform.lock.hcl'), '# lock\n');

    const check = await tf('alb', '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /^no longer generated \(generate removes it\): .*terraform\/apigw_rest\.tf$/m,
    );
    const json = JSON.parse((await tf('alb', '--check', '--format', 'json')).stdout);
    expect(json.files.find((f: { path: string }) => f.path.endsWith('apigw_rest.tf'))).toEqual({
      path: join(out, 'terraform', 'apigw_rest.tf'),
      status: 'orphaned',
    });

    const generated = await tf('alb');
    expect(generated.code).toBe(0);
    expect(generated.stdout).toContain(
      `removed 2 file(s) an earlier run wrote and this one does not:\n  ${out}/terraform/apigw_rest.tf\n  ${out}/terraform/openapi-rest.json\n`,
    );
    expect(existsSync(join(out, 'terraform', 'apigw_rest.tf'))).toBe(false);
    expect(existsSync(join(out, 'terraform', 'alb.tf'))).toBe(true);
    expect(readFileSync(join(out, 'terraform', 'backend.tf'), 'utf8')).toContain('backend "s3"');
    expect(existsSync(join(out, 'terraform', '.terraform.lock.hcl'))).toBe(true);
    const again = await tf('alb', '--check');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/file\(s\) in .* are up to date/);
  });

  it('one target’s run leaves another target’s folder alone', async () => {
    const api = writeSpec(spec);
    const out = join(tempDir(), 'out');
    expect((await run(['generate', api, '-t', 'apigw-rest', '--out', out])).code).toBe(0);
    expect((await run(['generate', api, '-t', 'alb', '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'apigw-rest', 'openapi.json'))).toBe(true);
    expect((await run(['generate', api, '-t', 'apigw-rest', '--out', out, '--check'])).code).toBe(0);
  });

  it('a manifest line that leaves the folder, or a listed file behind a link, is never removed', async () => {
    const out = tempDir({
      'x/.gateplan-files': '# gateplan\nold.txt\n../../victim.txt\n/etc/passwd\nlinked/file.txt\n',
      'x/old.txt': 'old\n',
      'victim.txt': 'keep\n',
      'elsewhere/file.txt': 'keep\n',
    });
    symlinkSync(join(out, 'elsewhere'), join(out, 'x', 'linked'));
    const artifacts = [{ path: 'x/new.txt', content: 'new\n' }];
    expect((await checkArtifacts(out, artifacts, OWNED)).filter((s) => s.status === 'orphaned')).toEqual([
      { path: 'x/old.txt', status: 'orphaned', diff: '' },
    ]);
    const written = await writeArtifacts(out, artifacts, OWNED);
    expect(written.removed).toEqual(['x/old.txt']);
    expect(readFileSync(join(out, 'victim.txt'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(out, 'elsewhere', 'file.txt'), 'utf8')).toBe('keep\n');
    expect(readFileSync(join(out, 'x', '.gateplan-files'), 'utf8')).toMatch(/\nnew\.txt\n$/);
  });

  it('removes the folders below an owned one that it empties', async () => {
    const out = tempDir();
    await writeArtifacts(
      out,
      [
        { path: 'api/v1/a.json', content: '1\n' },
        { path: 'api/b.json', content: '2\n' },
      ],
      OWNED,
    );
    mkdirSync(join(out, 'api', 'mine'));
    const written = await writeArtifacts(out, [{ path: 'api/b.json', content: '2\n' }], OWNED);
    expect(written.removed).toEqual(['api/v1/a.json']);
    expect(existsSync(join(out, 'api', 'v1'))).toBe(false);
    expect(existsSync(join(out, 'api', 'mine'))).toBe(true);
    expect(existsSync(join(out, 'api', 'b.json'))).toBe(true);
  });

  it('without manifests (the library default) writes only the set and removes nothing', async () => {
    const out = tempDir({ 'x/.gateplan-files': 'old.txt\n', 'x/old.txt': 'old\n' });
    const written = await writeArtifacts(out, [{ path: 'x/new.txt', content: 'new\n' }]);
    expect(written).toEqual({ written: ['x/new.txt'], unchanged: [], removed: [] });
    expect(existsSync(join(out, 'x', 'old.txt'))).toBe(true);
  });
});

describe('generate --check shows a unified diff of the changed lines', () => {
  it('with hunk headers, context and only the lines that changed', async () => {
    const out = tempDir();
    const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    await writeArtifacts(out, [{ path: 'x/file.txt', content: before }]);
    const after = before.replace('line 5\n', 'line five\n').replace('line 25\n', 'line 25\nline 25b\n');
    const [stale] = await checkArtifacts(out, [{ path: 'x/file.txt', content: after }]);
    expect(stale!.status).toBe('changed');
    expect(stale!.diff.split('\n')).toEqual([
      '--- x/file.txt (on disk)',
      '+++ x/file.txt (generated)',
      '@@ -2,7 +2,7 @@',
      ' line 2',
      ' line 3',
      ' line 4',
      '-line 5',
      '+line five',
      ' line 6',
      ' line 7',
      ' line 8',
      '@@ -23,6 +23,7 @@',
      ' line 23',
      ' line 24',
      ' line 25',
      '+line 25b',
      ' line 26',
      ' line 27',
      ' line 28',
    ]);
  });
});
