import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { runCli as run } from '../support/cli.js';
import { tempDir, writeSpec } from '../support/temp.js';

const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths:
  /a: { get: { operationId: getA, responses: { '200': { description: ok } } } }
`;

/** Exit 2 and one line on stderr that names the path and says what is wrong: no stack trace. */
async function expectOneLine(args: string[], line: RegExp): Promise<void> {
  const result = await run(args);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(line);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('file-system trouble exits 2 with one line (issue 13.13)', () => {
  const api = writeSpec(spec);
  const dir = tempDir({ 'a-file': 'x' });

  it('--out is a file', async () => {
    await expectOneLine(
      ['generate', api, '--out', join(dir, 'a-file')],
      /^gateplan: cannot create the folder .*a-file: a file stands where a folder should be \(EEXIST\)$/m,
    );
  });

  it('--out runs through a file', async () => {
    await expectOneLine(
      ['generate', api, '--out', join(dir, 'a-file', 'out')],
      /^gateplan: cannot create the folder .*a-file\/out: a part of the path is a file, not a folder \(ENOTDIR\)$/m,
    );
  });

  it('--out has a name too long for the file system', async () => {
    await expectOneLine(
      ['generate', api, '--out', join(dir, 'x'.repeat(300))],
      /^gateplan: cannot create the folder .*xxx: the name is too long \(ENAMETOOLONG\)$/m,
    );
  });

  it('--out is a dangling symbolic link', async () => {
    const link = join(tempDir(), 'dangling');
    symlinkSync(join(dir, 'nowhere'), link);
    await expectOneLine(
      ['generate', api, '--out', link],
      /^gateplan: cannot create the folder .*dangling: no such file or folder \(or a symbolic link to nothing\) \(ENOENT\)$/m,
    );
  });

  it('cost --chart names a folder', async () => {
    const folder = tempDir();
    await expectOneLine(
      ['cost', api, '--chart', folder],
      new RegExp(`^gateplan: cannot write ${folder}: it is a folder, not a file \\(EISDIR\\)$`, 'm'),
    );
  });

  it('--templates names no folder', async () => {
    await expectOneLine(
      ['generate', api, '-t', 'terraform', '--templates', join(dir, 'none'), '--out', tempDir()],
      /^gateplan: cannot read the folder .*none: no such file or folder/m,
    );
  });

  // root ignores permission bits, so this runs only for an ordinary user (as CI's developers do)
  it.skipIf(process.getuid?.() === 0)('--out is a read-only folder', async () => {
    const readOnly = tempDir();
    mkdirSync(join(readOnly, 'out'));
    chmodSync(join(readOnly, 'out'), 0o555);
    await expectOneLine(['generate', api, '--out', join(readOnly, 'out')], /permission denied \(EACCES\)$/m);
  });
});

describe('usage errors exit 2 with the message and a pointer to --help', () => {
  const api = writeSpec(spec);

  it.each([['lint'], ['generate']])('%s --target foo', async (command) => {
    const result = await run([command, api, '--target', 'foo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'gateplan: unknown target "foo"; known: model, apigw-rest, apigw-http, terraform, alb\nRun `gateplan --help` for usage.\n',
    );
  });

  it.each([['lint'], ['generate'], ['inspect'], ['cost'], ['compare'], ['explain', 'GET', '/a']])(
    '%s: an unknown --format is an error, not a fallback',
    async (command, ...rest) => {
      const result = await run([command, api, ...rest, '--format', 'yaml']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Invalid values:[\s\S]*format/);
      expect(result.stdout).toBe('');
    },
  );
});

describe('colour is the caller’s decision', () => {
  const base = writeSpec(spec);
  const revision = writeSpec(spec.replace('  /a:', '  /b:'));

  async function diffWith(color: boolean, ...flags: string[]): Promise<string> {
    let stdout = '';
    const io: Io = { stdout: (t) => void (stdout += t), stderr: () => undefined, color };
    await main(['diff', base, revision, ...flags], io);
    return stdout;
  }

  it('diff colours its text when the CLI says the terminal takes colour, and --no-color turns it off', async () => {
    expect(await diffWith(true)).toContain('\u001b[');
    expect(await diffWith(false)).not.toContain('\u001b[');
    expect(await diffWith(true, '--no-color')).not.toContain('\u001b[');
    expect(await diffWith(false, '--color')).toContain('\u001b[');
  });
});
