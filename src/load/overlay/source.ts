import { resolve as resolvePath } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ResolvedLoadOptions } from '../options.js';
import { parseText } from '../parse.js';
import { PositionIndex } from '../positions.js';
import { readSpecFile } from '../read.js';
import { SourceSet, type SourceFile } from '../sources.js';

export type ReadSide = { ok: true; file: SourceFile; text: string } | { ok: false; diagnostic: Diagnostic };

/** Reads a file given beside the spec (an overlay, a Postman environment) with the spec's limits. */
export async function readSideFile(path: string, options: ResolvedLoadOptions): Promise<ReadSide> {
  const absPath = resolvePath(options.cwd, path);
  const display = SourceSet.display(absPath, options.cwd);
  const read = await readSpecFile(absPath, display, options.maxFileSize);
  if (!read.ok) return read;
  const parsed = parseText(read.text, display, options);
  if (!parsed.ok) return parsed;
  const positions = new PositionIndex(read.text, parsed.kind);
  return {
    ok: true,
    text: read.text,
    file: { absPath, display, kind: parsed.kind, value: parsed.value, positions },
  };
}
