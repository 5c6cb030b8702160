import { renderMessage } from '../../model/diagnostics/diagnostic.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands, so findings show up on the pull request's lines. */
export const github: Formatter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.where.file)}`];
      if (d.where.line !== undefined) props.push(`line=${d.where.line}`, `col=${d.where.column ?? 1}`);
      props.push(`title=${escapeProperty(d.code)}`);
      return `::${LEVEL[d.severity]} ${props.join(',')}::${escapeData(renderMessage(d))}\n`;
    })
    .join('');

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
