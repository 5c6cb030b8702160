import { docsUrl } from '../../diagnostics/catalog.js';
import { renderMessage } from '../../diagnostics/diagnostic.js';
import { JSON_SCHEMA_VERSION } from '../../format/json.js';
import type { DiffReport } from '../types.js';
import type { DiffFormatter } from './types.js';

/** Kept for readers of 0.1: the diff's JSON shares gateplan's one JSON schema version. */
export const DIFF_JSON_SCHEMA_VERSION = JSON_SCHEMA_VERSION;

/** The stable machine format documented in the README (gateplan in CI). */
export function diffJson(report: DiffReport) {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
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
  };
}

export const json: DiffFormatter = (report) => JSON.stringify(diffJson(report), null, 2) + '\n';
