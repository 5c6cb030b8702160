import { lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArtifacts, writeArtifacts } from '../../src/write/index.js';
import { runCli } from '../support/cli.js';
import { REPO } from '../support/pipeline.js';
import { tempDir } from '../support/temp.js';

/** A committed output folder may hold symlinks an outsider put there; none may be read or written through. */
const SECRET = 'aws_secret_access_key = AKIAHUNTER2SECRET';

function outsideSecret() {
  const outside = tempDir({ credentials: `[default]\n${SECRET}\n`, 'alb/template.yaml': `${SECRET}\n` });
  return { outside, secretFile: join(outside, 'credentials') };
}

/** `gateplan generate specs/bookstore.yaml -t alb --out <out>`, plus `extra` flags. */
const generateAlb = (out: string, ...extra: string[]) =>
  runCli(['generate', join(REPO, 'specs/bookstore.yaml'), '-t', 'alb', '--out', out, ...extra]);

const artifacts = [
  { path: 'model.json', content: '{}\n' },
  { path: 'alb/template.yaml', content: 'Resources: {}\n' },
];

describe('generate --check with symlinks in --out', () => {
  it('reports a symlinked file as unsafe and never reads it', async () => {
    const { secretFile } = outsideSecret();
    const out = tempDir({ 'model.json': '{}\n' });
    mkdirSync(join(out, 'alb'));
    symlinkSync(secretFile, join(out, 'alb/template.yaml'));
    const stale = await checkArtifacts(out, artifacts);
    expect(stale.map((s) => [s.path, s.status])).toEqual([['alb/template.yaml', 'unsafe']]);
    expect(JSON.stringify(stale)).not.toContain('AKIAHUNTER2SECRET');
  });

  it('reports every file under a symlinked folder as unsafe', async () => {
    const { outside } = outsideSecret();
    const out = tempDir({ 'model.json': '{}\n' });
    symlinkSync(join(outside, 'alb'), join(out, 'alb'));
    const stale = await checkArtifacts(out, artifacts);
    expect(stale.map((s) => [s.path, s.status])).toEqual([['alb/template.yaml', 'unsafe']]);
    expect(JSON.stringify(stale)).not.toContain('AKIAHUNTER2SECRET');
  });

  it('the CLI prints neither the secret nor a diff of it, and exits 1', async () => {
    const out = tempDir();
    expect((await generateAlb(out)).code).toBe(0);
    const { secretFile } = outsideSecret();
    const template = join(out, 'alb/template.yaml');
    rmSync(template);
    symlinkSync(secretFile, template);
    const run = await generateAlb(out, '--check');
    expect(run.stdout + run.stderr).not.toContain('AKIAHUNTER2SECRET');
    expect(run.stdout).toContain('unsafe');
    expect(run.code).toBe(1);
  });
});

describe('generate with symlinks in --out', () => {
  it('replaces a symlinked file with the generated one and leaves its target alone', async () => {
    const { secretFile } = outsideSecret();
    const out = tempDir();
    mkdirSync(join(out, 'alb'));
    symlinkSync(secretFile, join(out, 'alb/template.yaml'));
    const result = await writeArtifacts(out, artifacts);
    expect(result.written).toEqual(['model.json', 'alb/template.yaml']);
    expect(lstatSync(join(out, 'alb/template.yaml')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(out, 'alb/template.yaml'), 'utf8')).toBe('Resources: {}\n');
    expect(readFileSync(secretFile, 'utf8')).toContain(SECRET);
  });

  it('refuses to write through a symlinked folder, and writes nothing at all', async () => {
    const { outside } = outsideSecret();
    const out = tempDir();
    symlinkSync(join(outside, 'alb'), join(out, 'alb'));
    await expect(writeArtifacts(out, artifacts)).rejects.toThrow(/symbolic link/);
    expect(readdirSync(join(outside, 'alb'))).toEqual(['template.yaml']);
    expect(readFileSync(join(outside, 'alb/template.yaml'), 'utf8')).toBe(`${SECRET}\n`);
    expect(readdirSync(out)).toEqual(['alb']);
  });

  it('the CLI says which link stopped it, in one line, and exits 2', async () => {
    const { outside } = outsideSecret();
    const out = tempDir();
    symlinkSync(join(outside, 'alb'), join(out, 'alb'));
    const run = await generateAlb(out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(out, 'alb')} is a symbolic link`);
    expect(run.stderr).not.toContain('internal error');
  });
});
