import { renderMessage } from '../../model/diagnostics/diagnostic.js';
import type { DiffFormatter } from './types.js';

const COMMAND = { breaking: 'error', risky: 'warning', safe: 'notice' } as const;

/**
 * GitHub Actions workflow commands. An annotation can only sit on a file of the pull
 * request's head, so a removal (located in the old spec only) is attached to the new
 * spec's file without a line.
 */
export const github: DiffFormatter = (report) =>
  report.changes
    .map((c) => {
      const props = c.revision
        ? [
            `file=${escapeProperty(c.revision.file)}`,
            ...(c.revision.line !== undefined
              ? [`line=${c.revision.line}`, `col=${c.revision.column ?? 1}`]
              : []),
          ]
        : [`file=${escapeProperty(report.revision.file)}`];
      props.push(`title=${escapeProperty(`${c.code} ${c.kind} (${c.classification})`)}`);
      return `::${COMMAND[c.classification]} ${props.join(',')}::${escapeData(renderMessage(c))}\n`;
    })
    .join('');

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
