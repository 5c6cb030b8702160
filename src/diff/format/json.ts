import { docsUrl } from '../../diagnostics/catalog.js';
import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { DiffFormatter } from './types.js';

/** Bumped when a field changes meaning or disappears; new fields may appear without a bump. */
export const DIFF_JSON_SCHEMA_VERSION = 1;

/** The stable machine format documented in the README (gateplan in CI). */
export const json: DiffFormatter = (report) =>
  JSON.stringify(
    {
      schemaVersion: DIFF_JSON_SCHEMA_VERSION,
      base: report.base,
      revision: report.revision,
      summary: report.summary,
      changes: report.changes.map((c) => ({
        code: c.code,
        kind: c.kind,
        classification: c.classification,
        scope: c.scope,
        route: c.route ?? null,
        message: renderMessage(c),
        args: c.args,
        base: c.base ?? null,
        revision: c.revision ?? null,
        fingerprint: c.fingerprint,
        docs: docsUrl(c.code),
      })),
    },
    null,
    2,
  ) + '\n';
