import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { GateplanError } from '../diagnostics/errors.js';
import type { Artifact } from '../targets/artifact.js';
import { shortDiff } from './diff.js';

export interface StaleFile {
  path: string;
  /** `unsafe`: a symbolic link (or something that is not a file) stands where the file goes; it was not read. */
  status: 'missing' | 'changed' | 'unsafe';
  /** A few lines of unified diff for a changed file; for an unsafe one, what stands there. */
  diff: string;
}

/** Thrown when an output path runs through a symbolic link: nothing is written through one. */
export class OutputPathError extends GateplanError {
  constructor(message: string) {
    super('usage', message);
  }
}

/**
 * Writes all artifacts or none: each goes to a temporary file beside its destination first,
 * and only when every temporary file is written are they renamed into place (rename is
 * atomic on one file system). Unchanged files are not touched, so timestamps stay put.
 * A symbolic link where a file goes is replaced by the file (rename replaces the link, not
 * its target); a symbolic link where a folder goes stops the write before anything is written.
 */
export async function writeArtifacts(
  outDir: string,
  artifacts: Artifact[],
): Promise<{ written: string[]; unchanged: string[] }> {
  const plan = await compare(outDir, artifacts);
  const linkedFolder = plan.find((p) => p.current.kind === 'linked-folder');
  if (linkedFolder?.current.kind === 'linked-folder') {
    throw new OutputPathError(
      `${join(outDir, linkedFolder.current.at)} is a symbolic link; gateplan does not write through links in the output folder`,
    );
  }
  const toWrite = plan.filter((p) => p.status !== 'same');
  const temps: { temp: string; dest: string }[] = [];
  try {
    for (const item of toWrite) {
      const dest = join(outDir, item.artifact.path);
      await mkdir(dirname(dest), { recursive: true });
      const temp = `${dest}.gateplan-tmp-${randomBytes(4).toString('hex')}`;
      temps.push({ temp, dest });
      await writeFile(temp, item.artifact.content, { encoding: 'utf8', flag: 'wx' });
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

/** `--check`: what would change, without writing anything or reading through a link. */
export async function checkArtifacts(outDir: string, artifacts: Artifact[]): Promise<StaleFile[]> {
  const plan = await compare(outDir, artifacts);
  return plan
    .filter((p): p is typeof p & { status: StaleFile['status'] } => p.status !== 'same')
    .map(({ artifact, status, current }) => ({
      path: artifact.path,
      status,
      diff:
        current.kind === 'file'
          ? shortDiff(current.head, artifact.content, artifact.path)
          : current.kind === 'missing'
            ? ''
            : `${current.at} is ${current.kind === 'other' ? 'not a regular file' : 'a symbolic link'}; not read`,
    }));
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
