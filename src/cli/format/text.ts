import { printable, renderFix, renderMessage, type Diagnostic } from '../../index.js';
import type { Formatter } from './types.js';

const COLORS = {
  error: '\u001b[31m',
  warn: '\u001b[33m',
  info: '\u001b[36m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

export function location(d: Diagnostic): string {
  const { file, line, column } = d.where;
  return line !== undefined
    ? `${file}:${line}:${column ?? 1}`
    : d.where.pointer
      ? `${file}#${d.where.pointer}`
      : file;
}

/** Compiler-style lines: `file:line:col severity CODE message`, then the fix on its own line. */
export const text: Formatter = (diagnostics, { color }) => {
  const paint = (c: keyof typeof COLORS, s: string) => (color ? COLORS[c] + s + COLORS.reset : s);
  const lines: string[] = [];
  for (const d of diagnostics) {
    lines.push(
      `${printable(location(d))} ${paint(d.severity, d.severity)} ${d.code} ${printable(renderMessage(d))}`,
    );
    const fix = renderFix(d);
    if (fix) lines.push(paint('dim', `  fix: ${printable(fix)}`));
  }
  const counts = (['error', 'warn', 'info'] as const).map(
    (s) => [s, diagnostics.filter((d) => d.severity === s).length] as const,
  );
  if (diagnostics.length > 0)
    lines.push(
      counts.map(([s, n]) => `${n} ${s === 'warn' ? 'warning' : s}${n === 1 ? '' : 's'}`).join(', '),
    );
  return lines.length ? lines.join('\n') + '\n' : '';
};
