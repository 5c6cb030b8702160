import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { GateplanError } from '../diagnostics/errors.js';
import type { Artifact } from '../targets/artifact.js';
import { shortDiff } from './diff.js';
import { withOutputLock } from './lock.js';
import { orphans, removeOrphans, withManifests } from './manifest.js';

export interface StaleFile {
  path: string;
  /**
   * `unsafe`: a symbolic link (or something that is not a file) stands where the file goes; it
   * was not read. `orphaned`: an earlier run wrote it (its folder's manifest lists it) and this
   * run would not: `generate` removes it.
   */
  status: 'missing' | 'changed' | 'unsafe' | 'orphaned';
  /** A unified diff of a changed file's changed lines; for an unsafe one, what stands there. */
  diff: string;
}

/** Thrown when an output path runs through a symbolic link: nothing is written through one. */
export class OutputPathError extends GateplanError {
  constructor(message: string) {
    super('usage', message);
  }
}

export interface SetOptions {
  /**
   * Treat each top-level folder of the set as gateplan's own (a target's folder): list its files
   * in a manifest there (`.gateplan-files`), and remove (`--check`: report) the files an earlier
   * manifest listed that this set no longer holds. Other files in those folders stay.
   */
  manifests?: boolean;
}

export interface WriteOptions extends SetOptions {
  /** How long to wait while another gateplan writes the same folder. Default 30 s. */
  lockWaitMs?: number;
}

/**
 * Writes all artifacts or none, so a reader sees the old set or the new one:
 * - one writer at a time per folder (a lock file, `lock.ts`), so concurrent runs each leave a
 *   whole set instead of a mix;
 * - every file goes to a temporary file beside its destination first, and only when all are
 *   written are they renamed into place (rename is atomic on one file system); if a rename
 *   fails, the files already renamed are put back from hard-linked backups;
 * - temporary files and backups a killed run left behind are removed first (with the lock
 *   held, none can be another run's).
 * Unchanged files are not touched, so timestamps stay put. A symbolic link where a file goes is
 * replaced by the file (rename replaces the link, not its target); a symbolic link where a
 * folder goes stops the write before anything is written.
 */
export async function writeArtifacts(
  outDir: string,
  artifacts: Artifact[],
  options: WriteOptions = {},
): Promise<{ written: string[]; unchanged: string[]; removed: string[] }> {
  for (const artifact of artifacts) assertInside(artifact.path);
  await mkdir(outDir, { recursive: true });
  const all = options.manifests ? withManifests(artifacts) : artifacts;
  return withOutputLock(outDir, options.lockWaitMs ?? 30_000, async () => {
    const plan = await compare(outDir, all);
    const removed = options.manifests ? await orphans(outDir, all) : [];
    const linkedFolder = plan.find((p) => p.current.kind === 'linked-folder');
    if (linkedFolder?.current.kind === 'linked-folder') {
      throw new OutputPathError(
        `${join(outDir, linkedFolder.current.at)} is a symbolic link; gateplan does not write through links in the output folder`,
      );
    }
    await removeLeftovers(outDir, all);
    const toWrite = plan.filter((p) => p.status !== 'same');
    await replaceAll(
      toWrite.map((p) => ({
        dest: join(outDir, p.artifact.path),
        content: p.artifact.content,
        // A directory where the file goes cannot be backed up; its rename fails and rolls back.
        existed: p.current.kind === 'file' || p.current.kind === 'linked-file',
      })),
    );
    // Only once the new set is in place: a failed write leaves the old set whole.
    await removeOrphans(outDir, removed);
    return {
      written: toWrite.map((p) => p.artifact.path),
      unchanged: plan.filter((p) => p.status === 'same').map((p) => p.artifact.path),
      removed,
    };
  });
}

/** Names of the files a write puts beside its destinations, and so of what a killed one leaves. */
const LEFTOVER = /\.gateplan-(tmp|old)-[0-9a-f]+$/;
const scratchName = (dest: string, kind: 'tmp' | 'old') =>
  `${dest}.gateplan-${kind}-${randomBytes(4).toString('hex')}`;

async function replaceAll(files: { dest: string; content: string; existed: boolean }[]): Promise<void> {
  const staged: { temp: string; dest: string; backup?: string }[] = [];
  try {
    for (const file of files) {
      await mkdir(dirname(file.dest), { recursive: true });
      const temp = scratchName(file.dest, 'tmp');
      staged.push({ temp, dest: file.dest });
      await writeFile(temp, file.content, { encoding: 'utf8', flag: 'wx' });
      if (file.existed) {
        const backup = scratchName(file.dest, 'old');
        await backUp(file.dest, backup);
        staged[staged.length - 1]!.backup = backup;
      }
    }
    const renamed: typeof staged = [];
    try {
      for (const file of staged) {
        await rename(file.temp, file.dest);
        renamed.push(file);
      }
    } catch (error) {
      for (const file of renamed.reverse()) {
        if (file.backup) await rename(file.backup, file.dest);
        else await rm(file.dest, { force: true });
      }
      throw error;
    }
  } finally {
    await Promise.all(
      staged.flatMap((f) => [f.temp, ...(f.backup ? [f.backup] : [])]).map((p) => rm(p, { force: true })),
    );
  }
}

/** A second name for the file (or link) at `dest`; a copy where the file system has no hard links. */
async function backUp(dest: string, backup: string): Promise<void> {
  try {
    await link(dest, backup);
  } catch {
    await copyFile(dest, backup, constants.COPYFILE_EXCL);
  }
}

/** Temporary files and backups beside the destinations, left by a run that was killed. */
async function removeLeftovers(outDir: string, artifacts: Artifact[]): Promise<void> {
  const dirs = new Set([outDir, ...artifacts.map((a) => dirname(join(outDir, a.path)))]);
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => LEFTOVER.test(n)).map((n) => rm(join(dir, n), { force: true })));
  }
}

/** `--check`: what would change, without writing anything or reading through a link. */
export async function checkArtifacts(
  outDir: string,
  artifacts: Artifact[],
  options: SetOptions = {},
): Promise<StaleFile[]> {
  const all = options.manifests ? withManifests(artifacts) : artifacts;
  const plan = await compare(outDir, all);
  const stale: StaleFile[] = plan
    .filter((p): p is typeof p & { status: 'missing' | 'changed' | 'unsafe' } => p.status !== 'same')
    .map(({ artifact, status, current }) => ({
      path: artifact.path,
      status,
      diff:
        current.kind === 'file'
          ? shortDiff(current.head, artifact.content, artifact.path, {
              truncated: Buffer.byteLength(current.head) < current.size,
            })
          : current.kind === 'missing'
            ? ''
            : `${current.at} is ${current.kind === 'other' ? 'not a regular file' : 'a symbolic link'}; not read`,
    }));
  const left = options.manifests ? await orphans(outDir, all) : [];
  return [...stale, ...left.map((path) => ({ path, status: 'orphaned' as const, diff: '' }))].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
}

/** What stands at an artifact's destination, found without following any link below `outDir`. */
type Current =
  | { kind: 'missing' }
  /** `head`: the file's text, up to a little more than the artifact's length (enough to compare and diff). */
  | { kind: 'file'; head: string; size: number }
  | { kind: 'linked-file' | 'linked-folder' | 'other'; at: string };

async function compare(outDir: string, artifacts: Artifact[]) {
  return Promise.all(
    artifacts.map(async (artifact) => {
      assertInside(artifact.path);
      const current = await inspect(outDir, artifact.path, Buffer.byteLength(artifact.content));
      const status: 'missing' | 'changed' | 'same' | 'unsafe' =
        current.kind === 'missing'
          ? 'missing'
          : current.kind === 'file'
            ? current.size === Buffer.byteLength(artifact.content) && current.head === artifact.content
              ? 'same'
              : 'changed'
            : 'unsafe';
      return { artifact, current, status };
    }),
  );
}

/** Reads at most this much more than an artifact's own size: a huge file in `--out` costs no memory. */
const READ_MARGIN = 64 * 1024;

async function inspect(outDir: string, path: string, expectedBytes: number): Promise<Current> {
  const parts = normalize(path).split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const at = parts.slice(0, i).join('/');
    const info = await lstat(join(outDir, at)).catch(() => undefined);
    if (!info) return { kind: 'missing' };
    const last = i === parts.length;
    if (info.isSymbolicLink()) return { kind: last ? 'linked-file' : 'linked-folder', at };
    if (last) {
      if (!info.isFile()) return { kind: 'other', at };
      return {
        kind: 'file',
        size: info.size,
        head: await readHead(join(outDir, at), expectedBytes + READ_MARGIN),
      };
    }
    if (!info.isDirectory()) return { kind: 'other', at };
  }
  return { kind: 'missing' };
}

async function readHead(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Artifact paths come from our own code, but names derive from the spec: never let one escape. */
function assertInside(path: string): void {
  const normalized = normalize(path);
  if (isAbsolute(normalized) || normalized.startsWith('..' + sep) || normalized === '..') {
    throw new Error(`artifact path escapes the output folder: ${path}`);
  }
}
