import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads every `*.hbs` file of a folder as name (file name without `.hbs`) → text, in name order. */
export function readTemplateDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.hbs')) out[file.slice(0, -'.hbs'.length)] = readFileSync(join(dir, file), 'utf8');
  }
  return out;
}
