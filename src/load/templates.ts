import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { GateplanError } from '../diagnostics/errors.js';
import { namedFileAllowed } from './access.js';

/**
 * Reads every `*.hbs` file of a folder as name (file name without `.hbs`) → text, in name order.
 * A template that is a symbolic link must lead into the folder or the working directory: the
 * text ends up in the module, and a link to `~/.aws/credentials` must not.
 */
export function readTemplateDir(dir: string, cwd = process.cwd()): Record<string, string> {
  const folder = resolve(cwd, dir);
  const names = readdirSync(folder).sort();
  const roots = [realpathSync(folder), realpathSync(cwd)];
  const out: Record<string, string> = {};
  for (const file of names) {
    if (!file.endsWith('.hbs')) continue;
    const path = join(folder, file);
    const real = realpathSync(path);
    if (!namedFileAllowed(path, real, roots))
      throw new GateplanError(
        'usage',
        `${join(dir, file)} is a symbolic link leading outside ${dir} and the working directory; it was not read`,
      );
    out[file.slice(0, -'.hbs'.length)] = readFileSync(real, 'utf8');
  }
  return out;
}
