import { execFile } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { release, type Release } from '../../scripts/release.js';
import { ensureBuilt } from './built.js';
import { REPO } from './pipeline.js';
import { tempDir } from './temp.js';

const exec = promisify(execFile);

/** Runs a command; resolves with its output, rejects (with `code`, `stdout`, `stderr`) on a non-zero exit. */
export async function sh(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  return exec(file, args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 32 << 20 });
}

/** Commits and tags in a test repository do not depend on the machine's git configuration. */
export async function identify(repo: string): Promise<void> {
  await sh('git', ['config', 'user.name', 'gateplan test'], repo);
  await sh('git', ['config', 'user.email', 'test@gateplan.invalid'], repo);
}

export interface ReleasedClone extends Release {
  /** A clone of the repository holding the release tag. */
  clone: string;
  tarball: string;
}

/** `npm run release` in a clone of the committed source, with the current `dist/` as its build. */
export async function releasedClone(): Promise<ReleasedClone> {
  await ensureBuilt();
  const clone = join(tempDir(), 'gateplan');
  // Without the repository's tags: once a version is released (v0.1.0 is), its tag would stop
  // the release the test makes of the same version.
  await sh('git', ['clone', '--quiet', '--no-tags', REPO, clone], REPO);
  cpSync(join(REPO, 'dist'), join(clone, 'dist'), { recursive: true });
  await identify(clone);
  const made = release(clone, { build: false, packInto: join(clone, '..', 'pack') });
  return { ...made, clone, tarball: made.tarball! };
}
