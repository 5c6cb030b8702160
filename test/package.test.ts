import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/pipeline.js';

describe('the npm package', () => {
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    exports: Record<string, unknown>;
  };

  it('ships the launcher, the built library, the schemas, the templates, the prices and the examples', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        'bin/gateplan.js',
        'dist/cli/main.js',
        'dist/index.js',
        'dist/index.d.ts',
        'schema/x-gateplan.schema.json',
        'schema/gateplan.schema.json',
        'specs/bookstore.yaml',
        'templates/terraform/alb.tf.hbs',
        'data/prices/us-east-1.json',
      ]),
    );
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });

  it('installs a `gateplan` bin that starts the CLI', () => {
    expect(pkg.bin).toEqual({ gateplan: 'bin/gateplan.js' });
    expect(readFileSync(join(REPO, pkg.bin.gateplan!), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    const help = execFileSync('node', [join(REPO, 'bin/gateplan.js'), '--help'], { encoding: 'utf8' });
    expect(help).toContain('gateplan generate <spec>');
  });

  it('exports the JSON Schemas it documents', () => {
    expect(Object.keys(pkg.exports)).toEqual(
      expect.arrayContaining(['.', './schema/x-gateplan.schema.json', './schema/gateplan.schema.json']),
    );
  });
});
