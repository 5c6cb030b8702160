import { diagnosticJson, findingCounts, JSON_SCHEMA_VERSION } from '../../index.js';
import type { Formatter } from './types.js';

/** Findings alone as a JSON document (commands add their own fields, see main.ts `jsonDocument`). */
export const json: Formatter = (diagnostics) =>
  JSON.stringify(
    {
      schemaVersion: JSON_SCHEMA_VERSION,
      summary: findingCounts(diagnostics),
      diagnostics: diagnostics.map(diagnosticJson),
    },
    null,
    2,
  ) + '\n';
