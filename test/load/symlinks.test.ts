import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, type LoadOptions } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { renderMessage, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { generate } from '../../src/targets/generate.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

/**
 * A project folder (the spec's folder is `api/`) and, elsewhere on disk, a secret the spec's
 * author must not be able to copy into gateplan's output or messages through a symlink.
 */
const SECRET = 'AKIAHUNTER2SECRET';
const secretFiles = {
  // Valid YAML: read as a document, it would be copied into the output.
  'secret.yaml': `summary: ${SECRET}\nget: { summary: ${SECRET}, responses: { '200': { description: ${SECRET} } } }\n`,
  // What /proc/self/environ holds: its parse error would quote the line.
  environ: `AWS_SECRET=${SECRET}\0HOME=/root\0`,
};

const intent = `x-gateplan:\n  backends: { b: { url: 'http://b.internal' } }\n  defaults: { backend: b }\n`;
const spec = (paths: string) => `openapi: 3.0.3\ninfo: { title: T, version: '1' }\n${intent}paths:\n${paths}`;

function project(files: Record<string, string>) {
  const outside = tempDir(secretFiles);
  const root = tempDir(files);
  return { root, outside };
}

async function loadAll(entry: string, options: LoadOptions) {
  const loaded = await load(entry, options);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics, text: JSON.stringify(loaded.diagnostics) };
  const model = normalize(loaded.spec);
  const generated = generate(model, { targets: ['apigw-rest', 'apigw-http', 'alb', 'terraform'] });
  const text = JSON.stringify([generated.diagnostics, generated.artifacts, model]);
  return { diagnostics: generated.diagnostics, text };
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const messages = (ds: Diagnostic[]) => ds.map((d) => renderMessage(d)).join('\n');

describe('symlinks never lead a read outside the allowed folders', () => {
  it('a $ref to a file that is a symlink out of the spec folder is refused, located at the $ref', async () => {
    const { root, outside } = project({ 'api/api.yaml': spec(`  /a: { $ref: 'sub/link.yaml' }\n`) });
    mkdirSync(join(root, 'api/sub'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'api/sub/link.yaml'));
    const { diagnostics, text } = await loadAll(join(root, 'api/api.yaml'), { cwd: root });
    expect(text).not.toContain(SECRET);
    const refused = diagnostics.filter((d) => d.code === 'GP015');
    expect(refused.map((d) => [d.where.file, d.where.pointer, d.args.file])).toEqual([
      ['api/api.yaml', '/paths/~1a', 'api/sub/link.yaml'],
    ]);
  });

  it('a $ref through a symlinked folder (rootlink -> /) is refused', async () => {
    const { root, outside } = project({ 'api/api.yaml': '' });
    writeFileSync(join(root, 'api/api.yaml'), spec(`  /a: { $ref: 'rootlink${outside}/secret.yaml' }\n`));
    symlinkSync('/', join(root, 'api/rootlink'));
    const { diagnostics, text } = await loadAll(join(root, 'api/api.yaml'), { cwd: root });
    expect(text).not.toContain(SECRET);
    expect(codes(diagnostics)).toContain('GP015');
  });

  it('a symlink to a file that does not parse: the message does not quote it', async () => {
    const { root, outside } = project({ 'api/api.yaml': spec(`  /a: { $ref: 'env.yaml' }\n`) });
    symlinkSync(join(outside, 'environ'), join(root, 'api/env.yaml'));
    const { diagnostics, text } = await loadAll(join(root, 'api/api.yaml'), { cwd: root });
    expect(text).not.toContain(SECRET);
    expect(messages(diagnostics)).not.toContain(SECRET);
    expect(codes(diagnostics)).toContain('GP015');
  });

  it('a symlink that stays inside the spec folder is followed', async () => {
    const { root } = project({
      'api/api.yaml': spec(`  /a: { $ref: 'link.yaml' }\n`),
      'api/paths/a.yaml': `get: { summary: kept, responses: { '200': { description: ok } } }\n`,
    });
    symlinkSync('paths/a.yaml', join(root, 'api/link.yaml'));
    const { diagnostics, text } = await loadAll(join(root, 'api/api.yaml'), { cwd: root });
    expect(codes(diagnostics)).not.toContain('GP015');
    expect(text).toContain('kept');
  });

  it('--ref-root given as a symlink is used by its real path', async () => {
    const { root } = project({
      'real/api/api.yaml': spec(`  /a: { $ref: '../shared/a.yaml' }\n`),
      'real/shared/a.yaml': `get: { summary: shared, responses: { '200': { description: ok } } }\n`,
    });
    symlinkSync(join(root, 'real'), join(root, 'rootlink'));
    const { diagnostics, text } = await loadAll(join(root, 'real/api/api.yaml'), {
      cwd: root,
      refRoot: join(root, 'rootlink'),
    });
    expect(codes(diagnostics)).not.toContain('GP015');
    expect(codes(diagnostics)).not.toContain('GP009');
    expect(text).toContain('shared');
  });

  it('a file inside a .git folder is never read through a $ref (actions/checkout keeps a token there)', async () => {
    const { root } = project({
      'api.yaml': spec(`  /a: { $ref: '.git/config' }\n`),
      '.git/config': `get: { summary: ${SECRET}, responses: { '200': { description: ok } } }\n`,
    });
    const { diagnostics, text } = await loadAll(join(root, 'api.yaml'), { cwd: root });
    expect(text).not.toContain(SECRET);
    expect(codes(diagnostics)).toContain('GP015');
  });

  const sideFiles: [string, (root: string) => { link: string; options: LoadOptions }][] = [
    ['the gateplan.yaml beside the spec', (r) => ({ link: join(r, 'api/gateplan.yaml'), options: {} })],
    ['--config', (r) => ({ link: join(r, 'c.yaml'), options: { config: join(r, 'c.yaml') } })],
    ['--overlay', (r) => ({ link: join(r, 'o.yaml'), options: { overlays: [join(r, 'o.yaml')] } })],
  ];
  for (const [name, place] of sideFiles) {
    it(`${name}: a symlink out of the project is refused without reading it`, async () => {
      const { root, outside } = project({
        'api/api.yaml': spec(`  /a: { get: { responses: { '200': { description: ok } } } }\n`),
      });
      const { link, options } = place(root);
      symlinkSync(join(outside, 'environ'), link);
      const { diagnostics, text } = await loadAll(join(root, 'api/api.yaml'), { cwd: root, ...options });
      expect(text).not.toContain(SECRET);
      expect(codes(diagnostics)).toContain('GP015');
    });
  }

  it('--postman-env: a symlink out of the project is refused without reading it', async () => {
    const { root, outside } = project({
      'c.json': JSON.stringify({
        info: { name: 'c', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        item: [{ name: 'a', request: { method: 'GET', url: 'https://x.example.com/a' } }],
      }),
    });
    symlinkSync(join(outside, 'environ'), join(root, 'env.json'));
    const { diagnostics, text } = await loadAll(join(root, 'c.json'), {
      cwd: root,
      postmanEnvironment: join(root, 'env.json'),
    });
    expect(text).not.toContain(SECRET);
    expect(codes(diagnostics)).toContain('GP015');
  });

  it('the spec itself: a symlink out of the project is refused', async () => {
    const { root, outside } = project({});
    symlinkSync(join(outside, 'environ'), join(root, 'api.yaml'));
    const { diagnostics, text } = await loadAll(join(root, 'api.yaml'), { cwd: root });
    expect(text).not.toContain(SECRET);
    expect(codes(diagnostics)).toContain('GP015');
  });

  it('a file named on the command line, with no symlink on its path, may live anywhere', async () => {
    const elsewhere = tempDir({ 'c.yaml': `defaults: { timeoutMs: 5000 }\n` });
    const { root } = project({
      'api/api.yaml': spec(`  /a: { get: { responses: { '200': { description: ok } } } }\n`),
    });
    const { diagnostics } = await loadAll(join(root, 'api/api.yaml'), {
      cwd: root,
      config: join(elsewhere, 'c.yaml'),
    });
    expect(codes(diagnostics)).not.toContain('GP015');
  });

  it('the CLI prints neither the secret nor a stack trace', async () => {
    const { root, outside } = project({ 'api/api.yaml': spec(`  /a: { $ref: 'env.yaml' }\n`) });
    symlinkSync(join(outside, 'environ'), join(root, 'api/env.yaml'));
    const run = await runCli([
      'generate',
      join(root, 'api/api.yaml'),
      '-t',
      'apigw-rest',
      '--out',
      join(root, 'out'),
    ]);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain('GP015');
    expect(run.code).toBe(1);
  });

  it('--templates: a template that is a symlink out of the project is refused (exit 2), not rendered', async () => {
    const { root, outside } = project({
      'api/api.yaml': spec(`  /a: { get: { responses: { '200': { description: ok } } } }\n`),
    });
    mkdirSync(join(root, 'templates'));
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'templates/apigw-rest.tf.hbs'));
    const run = await runCli([
      'generate',
      join(root, 'api/api.yaml'),
      '-t',
      'terraform',
      '--templates',
      join(root, 'templates'),
      '--out',
      join(root, 'out'),
    ]);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain('symbolic link');
    expect(run.code).toBe(2);
  });

  it('cost --profile: a profile that is a symlink out of the project is refused (exit 2), unread', async () => {
    const { root, outside } = project({
      'api/api.yaml': spec(`  /a: { get: { responses: { '200': { description: ok } } } }\n`),
    });
    symlinkSync(join(outside, 'environ'), join(root, 'profile.yaml'));
    const run = await runCli(['cost', join(root, 'api/api.yaml'), '--profile', join(root, 'profile.yaml')]);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
    expect(run.stderr).toContain('symbolic link');
    expect(run.code).toBe(2);
  });
});
