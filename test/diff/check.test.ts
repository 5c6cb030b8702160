import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { targets } from '../../src/targets/registry.js';
import { exampleSpecs, REPO } from '../support/pipeline.js';
import { tempDir } from '../support/temp.js';
import { runCli as run } from '../support/cli.js';

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
  });
}

/** `generate --check` for every registered target: clean after generate, names the stale and missing files after edits. */
describe('generate --check keeps artifacts in sync', () => {
  const variants: [string, string | undefined][] = Object.keys(targets).flatMap(
    (id): [string, string | undefined][] =>
      id === 'terraform'
        ? ['apigw-rest', 'apigw-http', 'alb'].map((f): [string, string | undefined] => [id, f])
        : [[id, undefined]],
  );
  for (const spec of exampleSpecs()) {
    for (const [target, forTarget] of variants) {
      it(`${spec} × ${target}${forTarget ? ` --for ${forTarget}` : ''}`, async () => {
        const out = tempDir();
        const args = [
          'generate',
          join(REPO, spec),
          '--target',
          target,
          '--out',
          out,
          ...(forTarget ? ['--for', forTarget] : []),
        ];
        const generated = await run(args);
        expect(generated.code, generated.stderr).toBe(0);
        // The generated files; each target folder's manifest (.gateplan-files) is test/write/orphans.test.ts's.
        const files = filesUnder(out)
          .filter((f) => !f.endsWith('.gateplan-files'))
          .sort();
        expect(files.length).toBeGreaterThan(0);

        const clean = await run([...args, '--check']);
        expect(clean.code).toBe(0);
        expect(clean.stdout).toContain('up to date');

        const [first, second] = [files[0]!, files[1] ?? files[0]!];
        writeFileSync(join(out, first), readFileSync(join(out, first), 'utf8') + 'hand edit\n');
        if (second !== first) rmSync(join(out, second));
        const stale = await run([...args, '--check']);
        expect(stale.code).toBe(1);
        expect(stale.stdout).toContain(`stale: ${out}/${first}`);
        expect(stale.stdout).toContain('-hand edit');
        if (second !== first) expect(stale.stdout).toContain(`missing: ${out}/${second}`);
      });
    }
  }
});
