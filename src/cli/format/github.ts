import { groupedAnnotations, renderMessage } from '../../index.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'notice' } as const;

/** GitHub Actions workflow commands, so findings show up on the pull request's lines; one per code and file. */
export const github: Formatter = (diagnostics) =>
  groupedAnnotations(
    diagnostics.map((d) => ({
      level: LEVEL[d.severity],
      place: d.where,
      code: d.code,
      title: d.code,
      message: renderMessage(d),
    })),
  );
