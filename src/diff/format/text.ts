import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Classification } from '../types.js';
import { primaryWhere, summaryText, whereText } from './location.js';
import type { DiffFormatter } from './types.js';
import { printable } from '../../format/text.js';

const COLORS: Record<Classification | 'dim' | 'reset', string> = {
  breaking: '\u001b[31m',
  risky: '\u001b[33m',
  safe: '\u001b[32m',
  dim: '\u001b[2m',
  reset: '\u001b[0m',
};

/** One line per change: class, code, message, location; a summary line last. */
export const text: DiffFormatter = (report, { color }) => {
  const paint = (c: keyof typeof COLORS, s: string) => (color ? COLORS[c] + s + COLORS.reset : s);
  const lines = [printable(`${report.base.file} → ${report.revision.file}`)];
  for (const c of report.changes) {
    const where = primaryWhere(c);
    lines.push(
      `${paint(c.classification, c.classification.padEnd(8))} ${c.code} ${printable(renderMessage(c))}${where ? paint('dim', `  (${printable(whereText(where))})`) : ''}`,
    );
  }
  lines.push(report.changes.length ? summaryText(report.summary) : 'no routing changes');
  return lines.join('\n') + '\n';
};
