import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes files (path → text) into a fresh temporary folder and returns it. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gateplan-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Writes one spec (plus optional side files) and returns its absolute path. */
export function writeSpec(text: string, name = 'api.yaml', extra: Record<string, string> = {}): string {
  const dir = tempDir({ [name]: text, ...extra });
  return join(dir, name);
}
