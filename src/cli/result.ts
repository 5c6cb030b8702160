import { SEVERITY_RANK, type Diagnostic, type Severity } from '../index.js';
import type { OutputFormat } from './format/index.js';

/** What a command hands back to the one exit-code mapper. */
export interface CommandResult {
  /** Findings to report (already located). */
  diagnostics: Diagnostic[];
  /** How they render: each command maps its own `--format` to one of these, explicitly. */
  diagnosticsFormat: OutputFormat;
  /** Where they go: stdout for reports, stderr when stdout carries other output. */
  diagnosticsTo: 'stdout' | 'stderr';
  /** The command's own output (a table, JSON, a summary). */
  stdout?: string;
  failOn: Severity | 'none';
  /** Set when the command itself decides the outcome (e.g. `--check` found stale files). */
  failed?: boolean;
}

export function exitCodeFor(result: CommandResult): 0 | 1 {
  if (result.failed) return 1;
  if (result.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[result.failOn];
  return result.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= threshold) ? 1 : 0;
}
