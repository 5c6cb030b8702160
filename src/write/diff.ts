import { createTwoFilesPatch } from 'diff';

/** Edits beyond which the diff is not computed (Myers' algorithm is quadratic in them). */
const MAX_EDITS = 2000;

/**
 * A unified diff of the changed lines (three lines of context, hunks with their line numbers,
 * by jsdiff), cut after `maxLines` lines: enough for a reviewer to see why `--check` failed;
 * the whole diff is what `generate` then shows in git. `truncated`: the file on disk was read
 * only in part (it is much larger than the generated one).
 */
export function shortDiff(
  before: string,
  after: string,
  label: string,
  { maxLines = 40, truncated = false }: { maxLines?: number; truncated?: boolean } = {},
): string {
  const patch = createTwoFilesPatch(`${label} (on disk)`, `${label} (generated)`, before, after, '', '', {
    context: 3,
    maxEditLength: MAX_EDITS,
  });
  if (patch === undefined)
    return `--- ${label} (on disk)\n+++ ${label} (generated)\n(more than ${MAX_EDITS} lines differ)`;
  // jsdiff puts a `===` rule (and an `Index:` line when given one) before the `---` header.
  const all = patch.replace(/\n$/, '').split('\n');
  const lines = all.slice(all.findIndex((l) => l.startsWith('--- ')));
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`… ${lines.length - maxLines} more diff lines`);
  if (truncated) shown.push('(the file on disk is longer than shown: only its start was read)');
  return shown.join('\n');
}
