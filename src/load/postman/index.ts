import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FileAccess } from '../access.js';
import type { ResolvedLoadOptions } from '../options.js';
import type { Origins } from '../overlay/origins.js';
import type { SourceFile } from '../sources.js';
import { convertCollection } from './convert.js';
import { environmentProblem, Variables } from './variables.js';

export type PostmanLoad =
  | { ok: true; file: SourceFile; origins: Origins; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Converts the collection in `entry` to OpenAPI. The result stands in for the entry file: same
 * path and position index (so line numbers are the collection's), the converted document as
 * its value, and `origins` to map the document's pointers back into the collection.
 */
export async function loadPostman(
  entry: SourceFile,
  access: FileAccess,
  options: ResolvedLoadOptions,
): Promise<PostmanLoad> {
  let environment: unknown;
  if (options.postmanEnvironment !== undefined) {
    const read = await access.open(access.resolve(options.postmanEnvironment), 'named');
    if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
    const problem = environmentProblem(read.file.value);
    if (problem) {
      // Loading stops here, so no source set will add the line later: add it now.
      const position = read.file.positions.locate(problem.pointer);
      const where = { file: read.file.display, pointer: problem.pointer, ...position };
      return {
        ok: false,
        diagnostics: [diagnostic('GP505', where, { file: read.file.display, reason: problem.reason })],
      };
    }
    environment = read.file.value;
  }
  const collection = entry.value as Record<string, unknown>;
  const converted = convertCollection(collection, entry.display, new Variables(collection, environment));
  return {
    ok: true,
    file: { ...entry, value: converted.document },
    origins: converted.origins,
    diagnostics: converted.diagnostics,
  };
}
