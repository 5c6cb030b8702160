import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt } from './built.js';
import type { CliRun } from './cli.js';
import { REPO } from './pipeline.js';

export interface SpawnOptions {
  cwd?: string;
  /** Written to the process's standard input (which is closed either way). */
  stdin?: string;
  /** Added to the environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
}

/**
 * Runs the real launcher, `node bin/gateplan.js`, as a user's shell would: its own process, real
 * stdout/stderr pipes and exit code. Colour variables of the test runner are not passed on.
 */
export async function spawnCli(args: string[], options: SpawnOptions = {}): Promise<CliRun> {
  await ensureBuilt();
  const env: Record<string, string | undefined> = {
    ...process.env,
    FORCE_COLOR: undefined,
    NO_COLOR: undefined,
  };
  for (const [key, value] of Object.entries(options.env ?? {})) env[key] = value;
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const child = spawn(process.execPath, [join(REPO, 'bin/gateplan.js'), ...args], {
    cwd: options.cwd ?? REPO,
    env: env as NodeJS.ProcessEnv,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(options.stdin ?? '');
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exit) => resolve(exit ?? 1));
  });
  return { code, stdout, stderr };
}
