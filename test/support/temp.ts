import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file's text, or a symbolic link to `link` (as written: relative to the link's folder, or absolute). */
export type TempFile = string | { link: string };

/** Writes files (path → text or link) into a fresh temporary folder and returns it. */
export function tempDir(files: Record<string, TempFile> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateplan-test-'));
  for (const [path, file] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    if (typeof file === 'string') writeFileSync(join(dir, path), file);
    else symlinkSync(file.link, join(dir, path));
  }
  return dir;
}

/** Writes one spec (plus optional side files) and returns its absolute path. */
export function writeSpec(text: string, name = 'api.yaml', extra: Record<string, string> = {}): string {
  const dir = tempDir({ [name]: text, ...extra });
  return join(dir, name);
}
