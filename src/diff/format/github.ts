import { renderMessage } from '../../diagnostics/diagnostic.js';
import { groupedAnnotations } from '../../format/annotations.js';
import type { DiffFormatter } from './types.js';

const COMMAND = { breaking: 'error', risky: 'warning', safe: 'notice' } as const;

/**
 * GitHub Actions workflow commands, one per code and file. An annotation can only sit on a
 * file of the pull request's head, so a removal (located in the old spec only) is attached
 * to the new spec's file without a line.
 */
export const github: DiffFormatter = (report) =>
  groupedAnnotations(
    report.changes.map((c) => ({
      level: COMMAND[c.classification],
      place: c.revision ?? { file: report.revision.file },
      code: c.code,
      title: `${c.code} ${c.kind} (${c.classification})`,
      message: renderMessage(c),
    })),
  );
