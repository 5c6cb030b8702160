/**
 * A short line diff (first differing hunk, a few lines of context), enough for a reviewer to
 * see why `--check` failed; the full diff is what `generate` then shows in git.
 */
export function shortDiff(before: string, after: string, label: string, maxLines = 12): string {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - 2);
  const lines = [`--- ${label} (on disk)`, `+++ ${label} (generated)`, `@@ line ${start + 1} @@`];
  for (let i = from; i < start; i++) lines.push(' ' + a[i]);
  const removed = a.slice(start, endA + 1).map((l) => '-' + l);
  const added = b.slice(start, endB + 1).map((l) => '+' + l);
  const body = [...removed, ...added];
  lines.push(...body.slice(0, maxLines));
  if (body.length > maxLines) lines.push(`… ${body.length - maxLines} more changed lines`);
  return lines.join('\n');
}
