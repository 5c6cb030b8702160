/**
 * The pre-commit hooks' entries, run without pre-commit: the entry split as pre-commit splits it
 * (shlex), the staged files appended, `gateplan` on the PATH. test/e2e/pre-commit.test.ts runs
 * the same hook through pre-commit itself where it is installed.
 */
import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/built.js';
import { REPO } from './support/pipeline.js';
import { tempDir } from './support/temp.js';

const exec = promisify(execFile);

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  exclude?: string;
  pass_filenames?: boolean;
}
const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const lintHook = hooks.find((h) => h.id === 'gateplan-lint')!;

/** POSIX shell words as Python's shlex.split reads them: single and double quotes, no expansion. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "'" || c === '"') {
      const end = text.indexOf(c, i + 1);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

const FILES = {
  'specs/shop.yaml': readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8'),
  'specs/broken.yaml':
    "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    get: { x-gateplan: { backend: nowhere } }\n",
  'specs/deploy.overlay.yaml': "overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions: []\n",
  'specs/staging.postman_environment.json': JSON.stringify({
    name: 'staging',
    values: [{ key: 'baseUrl', value: 'https://api.example.com' }],
    _postman_variable_scope: 'environment',
  }),
  'specs/schemas/Pet.yaml': 'type: object\nproperties: { id: { type: string } }\n',
  '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
  'specs/gateplan.yaml': 'backends: {}\n',
  'specs/shop.gateplan.yml': 'backends: {}\n',
};

describe('the gateplan-lint hook', () => {
  let dir: string;
  beforeAll(async () => {
    await ensureBuilt();
    dir = tempDir(FILES);
    // What `npm install -g` of the package puts on pre-commit's PATH.
    writeFileSync(
      join(dir, 'gateplan'),
      `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin/gateplan.js')}" "$@"\n`,
    );
    chmodSync(join(dir, 'gateplan'), 0o755);
  });

  /** The files pre-commit would pass: those `files` matches and `exclude` does not. */
  const staged = () =>
    Object.keys(FILES).filter(
      (f) =>
        new RegExp(lintHook.files).test(f) && !(lintHook.exclude && new RegExp(lintHook.exclude).test(f)),
    );

  const runHook = (files: string[]) => {
    const [command, ...args] = shellWords(lintHook.entry);
    return exec(command!, [...args, ...files], {
      cwd: dir,
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
      encoding: 'utf8',
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
  };

  it('is given every YAML and JSON file but the configs, and lints them in one process', () => {
    expect(lintHook.language).toBe('node');
    expect(staged()).toEqual(Object.keys(FILES).filter((f) => !/gateplan\.ya?ml$/.test(f)));
    expect(shellWords(lintHook.entry)).toEqual(['gateplan', 'lint', '--skip-non-specs']);
  });

  it('skips overlays, Postman environments, $ref fragments and other YAML; passes a clean spec', async () => {
    const run = await runHook(staged().filter((f) => f !== 'specs/broken.yaml'));
    expect(run.out).toContain('specs/shop.yaml: 15 routes, no findings');
    for (const skipped of [
      'specs/deploy.overlay.yaml',
      'specs/staging.postman_environment.json',
      'specs/schemas/Pet.yaml',
      '.github/workflows/ci.yml',
    ])
      expect(run.out).toContain(`skipped ${skipped}: not an API description`);
    expect(run.code).toBe(0);
  });

  it('fails on a spec with an error, printing its finding, and still lints the rest', async () => {
    const run = await runHook(staged());
    expect(run.out).toContain('specs/broken.yaml:5:26 error GP041 backend nowhere is not defined (GET /a)');
    expect(run.out).toContain('specs/shop.yaml: 15 routes, no findings');
    expect(run.code).toBe(1);
  });
});
