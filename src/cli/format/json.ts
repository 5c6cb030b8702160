import { docsUrl, renderFix, renderMessage } from '../../index.js';
import type { Formatter } from './types.js';

/** Stable machine format: one object per diagnostic, message and fix already rendered. */
export const json: Formatter = (diagnostics) =>
  JSON.stringify(
    {
      diagnostics: diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: renderMessage(d),
        fix: renderFix(d),
        route: d.route,
        file: d.where.file,
        pointer: d.where.pointer,
        line: d.where.line,
        column: d.where.column,
        args: d.args,
        docs: docsUrl(d.code),
      })),
    },
    null,
    2,
  ) + '\n';
