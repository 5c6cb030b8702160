/**
 * `pre-commit try-repo` against the release tag, as a user tries the hook before adding it to
 * `.pre-commit-config.yaml`. Needs pre-commit (`apt-get install pre-commit`, `pipx install
 * pre-commit`); skipped, with a message, where it is missing. The hook's entry itself is tested
 * without pre-commit in test/hooks.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/pipeline.js';
import { releasedClone, sh, type ReleasedClone } from '../support/release.js';
import { tempDir } from '../support/temp.js';

const PRE_COMMIT = (() => {
  try {
    return execFileSync('pre-commit', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    console.warn(
      '[gateplan] pre-commit is not installed: the pre-commit test is SKIPPED (apt-get install pre-commit).',
    );
    return undefined;
  }
})();

describe.skipIf(!PRE_COMMIT)(`pre-commit try-repo (${PRE_COMMIT ?? 'absent'})`, () => {
  let made: ReleasedClone;
  let repo: string;
  beforeAll(async () => {
    made = await releasedClone();
    repo = tempDir({
      'spec.yaml': readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8'),
      'broken.yaml':
        'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /a:\n    get: { x-gateplan: { backend: nowhere } }\n',
      'deploy.overlay.yaml': "overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions: []\n",
      'schemas/Pet.yaml': 'type: object\nproperties: { id: { type: string } }\n',
    });
    await sh('git', ['init', '--quiet'], repo);
    await sh('git', ['add', '.'], repo);
  });

  const tryRepo = (hook: string, args: string[]) =>
    sh('pre-commit', ['try-repo', made.clone, hook, '--ref', made.tag, ...args], repo, {
      PRE_COMMIT_HOME: join(repo, '..', 'pre-commit-home'),
      npm_config_prefer_offline: 'true',
    }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );

  it('installs gateplan-lint from the release tag, passes a clean spec and skips what is not a spec', async () => {
    const run = await tryRepo('gateplan-lint', [
      '--files',
      'spec.yaml',
      'deploy.overlay.yaml',
      'schemas/Pet.yaml',
    ]);
    expect(run.out).toMatch(/gateplan lint\.+Passed/);
    expect(run.code).toBe(0);
  });

  it('fails on a spec with an error and prints the finding', async () => {
    const run = await tryRepo('gateplan-lint', ['--files', 'spec.yaml', 'broken.yaml']);
    expect(run.out).toMatch(/gateplan lint\.+Failed/);
    expect(run.out).toContain('error GP041 backend nowhere is not defined');
    expect(run.code).toBe(1);
  });
});
