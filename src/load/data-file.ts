import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { GateplanError } from '../diagnostics/errors.js';
import { namedFileAllowed } from './access.js';
import { parseText } from './parse.js';
import { PositionIndex } from './positions.js';

/** The bundled price file: `data/` sits two levels above both src/load and dist/load. */
export const BUNDLED_PRICES = fileURLToPath(new URL('../../data/prices/us-east-1.json', import.meta.url));

/** Price files and traffic profiles are small; anything bigger is a mistake, not a profile. */
const MAX_BYTES = 1024 * 1024;
const LIMITS = { maxAliasCount: 100, maxDepth: 32 };

export interface DataFile {
  /** The parsed YAML or JSON value, for the caller to check. */
  value: unknown;
  /** Adds line/column to diagnostics that point into this file. */
  locate: (diagnostics: Diagnostic[]) => Diagnostic[];
}

/**
 * Reads a small YAML or JSON input that is not a spec (a price file, a traffic profile).
 * A file that cannot be read is a usage error; one that does not parse, an input error.
 */
export async function loadDataFile(file: string, what: string, cwd = process.cwd()): Promise<DataFile> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    // A link must lead into the file's own folder or the working directory, as for a spec's files.
    const real = await realpath(path);
    const roots = [await realpath(dirname(path)), await realpath(cwd)];
    if (!namedFileAllowed(path, real, roots))
      throw new GateplanError(
        'usage',
        `cannot read ${what} ${file}: a symbolic link leading outside its folder and the working directory`,
      );
    const size = (await stat(real)).size;
    if (size > MAX_BYTES) throw new GateplanError('usage', `${what} ${file} is over ${MAX_BYTES} bytes`);
    text = await readFile(real, 'utf8');
  } catch (error) {
    if (error instanceof GateplanError) throw error;
    throw new GateplanError(
      'usage',
      `cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const parsed = parseText(text, file, LIMITS);
  if (!parsed.ok) throw new GateplanError('input', `cannot parse ${file}`, [parsed.diagnostic]);
  const index = new PositionIndex(text, parsed.kind);
  return {
    value: parsed.value,
    locate: (diagnostics) => {
      index.prepare(diagnostics.filter((d) => d.where.file === file).map((d) => d.where.pointer));
      return diagnostics.map((d) =>
        d.where.file === file ? { ...d, where: { ...d.where, ...index.locate(d.where.pointer) } } : d,
      );
    },
  };
}
