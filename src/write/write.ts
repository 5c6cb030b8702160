import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Artifact } from '../targets/artifact.js';
import { shortDiff } from './diff.js';

export interface StaleFile {
  path: string;
  status: 'missing' | 'changed';
  /** A few lines of unified diff, for `--check` output. */
  diff: string;
}

/**
 * Writes all artifacts or none: each goes to a temporary file beside its destination first,
 * and only when every temporary file is written are they renamed into place (rename is
 * atomic on one file system). Unchanged files are not touched, so timestamps stay put.
 */
export async function writeArtifacts(
  outDir: string,
  artifacts: Artifact[],
): Promise<{ written: string[]; unchanged: string[] }> {
  const plan = await compare(outDir, artifacts);
  const toWrite = plan.filter((p) => p.status !== 'same');
  const temps: { temp: string; dest: string }[] = [];
  try {
    for (const item of toWrite) {
      const dest = join(outDir, item.artifact.path);
      await mkdir(dirname(dest), { recursive: true });
      const temp = `${dest}.gateplan-tmp-${randomBytes(4).toString('hex')}`;
      temps.push({ temp, dest });
      await writeFile(temp, item.artifact.content, 'utf8');
    }
    // Renames into a folder we just wrote to do not fail in practice; if one does, the
    // files already renamed stay and no temporary file is left behind.
    for (const { temp, dest } of temps) await rename(temp, dest);
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    throw error;
  }
  return {
    written: toWrite.map((p) => p.artifact.path),
    unchanged: plan.filter((p) => p.status === 'same').map((p) => p.artifact.path),
  };
}

/** `--check`: what would change, without writing anything. */
export async function checkArtifacts(outDir: string, artifacts: Artifact[]): Promise<StaleFile[]> {
  const plan = await compare(outDir, artifacts);
  return plan
    .filter((p) => p.status !== 'same')
    .map((p) => ({
      path: p.artifact.path,
      status: p.status === 'missing' ? 'missing' : 'changed',
      diff: p.status === 'changed' ? shortDiff(p.current ?? '', p.artifact.content, p.artifact.path) : '',
    }));
}

async function compare(outDir: string, artifacts: Artifact[]) {
  return Promise.all(
    artifacts.map(async (artifact) => {
      assertInside(artifact.path);
      const current = await readFile(join(outDir, artifact.path), 'utf8').catch(() => undefined);
      const status = current === undefined ? 'missing' : current === artifact.content ? 'same' : 'changed';
      return { artifact, current, status } as const;
    }),
  );
}

/** Artifact paths come from our own code, but names derive from the spec: never let one escape. */
function assertInside(path: string): void {
  const normalized = normalize(path);
  if (isAbsolute(normalized) || normalized.startsWith('..' + sep) || normalized === '..') {
    throw new Error(`artifact path escapes the output folder: ${path}`);
  }
}
