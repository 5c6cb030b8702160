import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/pipeline.js';
import { tempDir } from '../support/temp.js';
import { runCli as run } from '../support/cli.js';

const BOOKSTORE = join(REPO, 'specs/bookstore.yaml');

describe('gateplan generate --target terraform', () => {
  it('writes the module for --for apigw+alb', async () => {
    const out = tempDir();
    const { code } = await run([
      'generate',
      BOOKSTORE,
      '--target',
      'terraform',
      '--for',
      'apigw+alb',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(readdirSync(join(out, 'terraform')).sort()).toEqual([
      '.gateplan-files', // what generate wrote here, so a later run removes what it no longer writes
      'alb.tf',
      'apigw_http.tf',
      'openapi-http.json',
      'outputs.tf',
      'variables.tf',
      'versions.tf',
    ]);
  });

  it('uses the templates of --templates DIR', async () => {
    const templates = tempDir({
      'versions.tf.hbs': '# ours\nterraform {\n{{attr "required_version" terraform}}\n}\n',
    });
    const out = tempDir();
    const { code } = await run([
      'generate',
      BOOKSTORE,
      '-t',
      'terraform',
      '--for',
      'alb',
      '--templates',
      templates,
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(readFileSync(join(out, 'terraform/versions.tf'), 'utf8')).toBe(
      '# ours\nterraform {\n  required_version = ">= 1.5.0"\n}\n',
    );
  });

  it('exits 2 on a --for it does not know or a --templates folder it cannot read', async () => {
    expect(
      (await run(['generate', BOOKSTORE, '-t', 'terraform', '--for', 'cloudfront', '--out', tempDir()])).code,
    ).toBe(2);
    const nowhere = join(tempDir(), 'nope');
    const missing = await run([
      'generate',
      BOOKSTORE,
      '-t',
      'terraform',
      '--templates',
      nowhere,
      '--out',
      tempDir(),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`cannot read the folder ${nowhere}`);
  });

  it('exits 1 and writes nothing when a user template fails', async () => {
    const templates = tempDir({ 'alb.tf.hbs': '{{#each rules}}' });
    const out = tempDir();
    const { code, stderr } = await run([
      'generate',
      BOOKSTORE,
      '-t',
      'terraform',
      '--for',
      'alb',
      '--templates',
      templates,
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('GP301');
    expect(readdirSync(out)).toEqual([]);
  });
});
