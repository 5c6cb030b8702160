import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';
import { workflowCommand } from '../../format/workflow-command.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands, so findings show up on the pull request's lines. */
export const github: Formatter = (diagnostics) =>
  diagnostics.map((d) => workflowCommand(LEVEL[d.severity], d.where, d.code, renderMessage(d))).join('');
