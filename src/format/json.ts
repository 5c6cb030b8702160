import { docsUrl } from '../diagnostics/catalog.js';
import { renderFix, renderMessage, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * The version of every JSON document gateplan prints (`--format json` of each command, and the
 * library's JSON formatters). Bumped when a field changes meaning or disappears; fields may be
 * added without a bump, so readers ignore what they do not know.
 */
export const JSON_SCHEMA_VERSION = 1;

/** One finding as JSON: message and fix already rendered, the place with line and column when known. */
export function diagnosticJson(d: Diagnostic) {
  return {
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
  };
}

/** How many findings of each severity: the counts every JSON summary starts with. */
export function findingCounts(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return { errors: count('error'), warnings: count('warn'), infos: count('info') };
}
