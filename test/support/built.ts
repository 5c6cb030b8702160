import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO } from './pipeline.js';

const run = promisify(execFile);
const LOCK = join(REPO, 'node_modules', '.cache', 'gateplan-build.lock');
const BUILT = join(REPO, 'dist', 'index.js');
/** A lock older than this belongs to a build that died. */
const STALE_LOCK_MS = 5 * 60_000;

function newestInput(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const input of ['src', 'package.json', 'tsconfig.json', 'tsconfig.build.json'])
    visit(join(REPO, input));
  return newest;
}

function builtAt(): number {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
}

const fresh = () => builtAt() >= newestInput();

/**
 * Tests that start the real launcher (`node bin/gateplan.js`, `npm pack`) need `dist/` built from
 * the current sources; `npm ci` builds it, but a rebase or an edit leaves it behind. Builds once
 * when any source is newer than `dist/`, with a lock so parallel test files wait for one build.
 */
export async function ensureBuilt(): Promise<void> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  for (;;) {
    const lock = statSync(LOCK, { throwIfNoEntry: false });
    if (!lock && fresh()) return;
    if (lock) {
      if (Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      mkdirSync(LOCK);
    } catch {
      continue;
    }
    try {
      if (!fresh())
        await run(
          process.execPath,
          [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
          {
            cwd: REPO,
          },
        );
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
