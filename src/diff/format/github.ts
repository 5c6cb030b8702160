import { renderMessage } from '../../diagnostics/diagnostic.js';
import { workflowCommand } from '../../format/workflow-command.js';
import type { DiffFormatter } from './types.js';

const COMMAND = { breaking: 'error', risky: 'warning', safe: 'notice' } as const;

/**
 * GitHub Actions workflow commands. An annotation can only sit on a file of the pull
 * request's head, so a removal (located in the old spec only) is attached to the new
 * spec's file without a line.
 */
export const github: DiffFormatter = (report) =>
  report.changes
    .map((c) =>
      workflowCommand(
        COMMAND[c.classification],
        c.revision ?? { file: report.revision.file },
        `${c.code} ${c.kind} (${c.classification})`,
        renderMessage(c),
      ),
    )
    .join('');
