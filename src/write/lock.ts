import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { GateplanError } from '../diagnostics/errors.js';

/** The lock file gateplan holds in an output folder while it writes there. */
export const LOCK_FILE = '.gateplan.lock';

/** Thrown when another live gateplan keeps writing to the folder for longer than we wait. */
export class OutputBusyError extends GateplanError {
  constructor(message: string) {
    super('usage', message);
  }
}

interface Holder {
  pid: number;
  host: string;
}

/**
 * Runs `write` while holding the folder's lock, so two gateplan runs writing one `--out` take
 * turns and each leaves a whole set. The lock file appears with its content in one step (a hard
 * link to a file written beside it, which fails if the lock exists); a lock left by a process
 * that no longer runs on this host (killed, crashed) is taken over.
 */
export async function withOutputLock<T>(dir: string, waitMs: number, write: () => Promise<T>): Promise<T> {
  const path = join(dir, LOCK_FILE);
  const deadline = Date.now() + waitMs;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const holder = await tryLock(path);
    if (holder === undefined) break;
    if (holder !== 'unknown' && holder.host === hostname() && !alive(holder.pid)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder === 'unknown' ? 'another process' : `process ${holder.pid} on ${holder.host}`;
      throw new OutputBusyError(
        `${dir} is being written by ${who} (lock ${path}); wait for it, or delete the lock if no gateplan is running`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  try {
    return await write();
  } finally {
    await rm(path, { force: true });
  }
}

/** Creates the lock; when it exists already, who holds it (`unknown` when that cannot be read). */
async function tryLock(path: string): Promise<Holder | 'unknown' | undefined> {
  const temp = `${path}.gateplan-tmp-${randomBytes(4).toString('hex')}`;
  await writeFile(temp, JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder));
  try {
    await link(temp, path);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(temp, { force: true });
  }
  try {
    const held = JSON.parse(await readFile(path, 'utf8')) as Partial<Holder>;
    return typeof held.pid === 'number' && typeof held.host === 'string'
      ? { pid: held.pid, host: held.host }
      : 'unknown';
  } catch {
    // Removed this instant (look again), or not gateplan's.
    return 'unknown';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
