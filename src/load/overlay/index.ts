import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { FileAccess } from '../access.js';
import type { SourceFile } from '../sources.js';
import { applyOverlay } from './apply.js';
import { Origins } from './origins.js';

export { Origins } from './origins.js';

export type OverlaysApplied =
  { ok: true; files: SourceFile[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Applies overlay files in order to the entry document (in place). An overlay that cannot be
 * read or parsed stops the load, like an unreadable spec; problems inside one are findings.
 */
export async function applyOverlays(
  document: Record<string, unknown>,
  paths: readonly string[],
  origins: Origins,
  access: FileAccess,
): Promise<OverlaysApplied> {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const read = await access.open(access.resolve(path), 'named');
    if (!read.ok) return { ok: false, diagnostics: [read.diagnostic] };
    files.push(read.file);
    diagnostics.push(...applyOverlay(document, read.file, origins));
  }
  return { ok: true, files, diagnostics };
}
