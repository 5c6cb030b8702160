import { lstat, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Artifact } from '../targets/artifact.js';

/**
 * The file in each folder gateplan owns that lists the files gateplan wrote there, so a later
 * run knows which files it left behind (`--for alb` after `--for apigw-rest` leaves
 * `terraform/apigw_rest.tf`) and which are the user's own (`terraform/backend.tf`, `.terraform/`).
 */
export const MANIFEST = '.gateplan-files';

const HEADER =
  '# Written by gateplan: the files it generated in this folder. A run that no longer writes\n' +
  '# one of them removes it (`generate`) or reports it (`generate --check`); other files are left alone.\n';

/**
 * The folders an artifact set owns: the first segment of each path below the output folder (a
 * target's folder, `apigw-rest/`). A file directly in the output folder (`model.json`) belongs
 * to no owned folder: the output folder itself may hold anything.
 */
function ownedFolders(artifacts: readonly Artifact[]): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  for (const { path } of artifacts) {
    const [folder, ...rest] = path.split('/');
    if (rest.length === 0 || rest.join('/') === MANIFEST) continue;
    folders.set(folder!, [...(folders.get(folder!) ?? []), rest.join('/')]);
  }
  return folders;
}

/** The artifacts plus one manifest per owned folder, listing that folder's files in order. */
export function withManifests(artifacts: readonly Artifact[]): Artifact[] {
  const manifests = [...ownedFolders(artifacts)].map(([folder, files]) => ({
    path: `${folder}/${MANIFEST}`,
    content: HEADER + [...files].sort().join('\n') + '\n',
  }));
  return [...artifacts, ...manifests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Files an earlier run listed in an owned folder's manifest that this set no longer writes and
 * that are still there as regular files (paths relative to `outDir`, in order). Nothing is read
 * through a symbolic link: a manifest or a listed file behind one is ignored.
 */
export async function orphans(outDir: string, artifacts: readonly Artifact[]): Promise<string[]> {
  const writing = new Set(artifacts.map((a) => a.path));
  const found: string[] = [];
  for (const folder of ownedFolders(artifacts).keys()) {
    const listed = await readManifest(outDir, folder);
    for (const file of listed) {
      const path = `${folder}/${file}`;
      if (!writing.has(path) && (await isPlainFile(outDir, path))) found.push(path);
    }
  }
  return found.sort();
}

/** Removes the files `orphans` found, then the folders below the owned ones that they leave empty. */
export async function removeOrphans(outDir: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) await rm(join(outDir, path), { force: true });
  const folders = [...new Set(paths.map((p) => dirname(p)))].sort((a, b) => b.length - a.length);
  for (const folder of folders) {
    for (let dir = folder; dir.includes('/'); dir = dirname(dir)) {
      const entries = await readdir(join(outDir, dir)).catch(() => ['?']);
      if (entries.length > 0) break;
      await rmdir(join(outDir, dir)).catch(() => undefined);
    }
  }
}

async function readManifest(outDir: string, folder: string): Promise<string[]> {
  const path = `${folder}/${MANIFEST}`;
  if (!(await isPlainFile(outDir, path))) return [];
  const text = await readFile(join(outDir, path), 'utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && staysInside(line));
}

/** A manifest is a file in the output folder, which others may edit: never let a line escape it. */
function staysInside(line: string): boolean {
  const normalized = normalize(line);
  return (
    !isAbsolute(normalized) &&
    normalized !== '..' &&
    !normalized.startsWith('..' + sep) &&
    normalized.split(sep).every((s) => s !== '..')
  );
}

/** A regular file at `path` below `outDir`, reached without passing a symbolic link. */
async function isPlainFile(outDir: string, path: string): Promise<boolean> {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const info = await lstat(join(outDir, ...parts.slice(0, i))).catch(() => undefined);
    if (!info || info.isSymbolicLink()) return false;
    if (i === parts.length) return info.isFile();
    if (!info.isDirectory()) return false;
  }
  return false;
}
