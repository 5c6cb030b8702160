/** README.md names real things: the release tag of this version, the action's inputs, the hook. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/pipeline.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('README.md', () => {
  it('installs, hooks and uses the tag `npm run release` makes for this version', () => {
    const tag = `v${VERSION}`;
    const named = [...README.matchAll(/(?:rev: |@|#|--ref )(v\d+\.\d+\.\d+)\b/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(4);
    expect(new Set(named)).toEqual(new Set([tag]));
    expect(README).toContain(`./gateplan-${VERSION}.tgz`);
    expect(README).toContain(`uses: gateplan/gateplan@${tag}`);
    expect(README).toContain(`rev: ${tag}`);
    const hooks = readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8');
    expect(hooks).toContain(`rev: ${tag}`);
  });

  it("lists the action's inputs with their defaults", () => {
    const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    const table = [...README.matchAll(/^\| `([\w-]+)` +\| ([^|]+?) +\|/gm)].map((m) => [m[1], m[2]]);
    const documented = Object.fromEntries(table);
    for (const [name, input] of Object.entries(action.inputs)) {
      if (name === 'github-token') continue;
      expect(documented, name).toHaveProperty(name);
      if (input.default) expect(documented[name]).toBe('`' + input.default + '`');
    }
  });
});
