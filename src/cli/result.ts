import { SEVERITY_RANK, type Diagnostic, type Severity } from '../index.js';
import type { OutputFormat } from './format/index.js';

/** A command's JSON document, before main adds the schema version, the config and the findings. */
export interface JsonBody {
  /** Counts about what the command did; main adds the findings' counts (errors, warnings, infos). */
  summary: Record<string, number>;
  [field: string]: unknown;
}

/** The gateplan.yaml a run read: the JSON `config` field, and the text line on stderr. */
export interface ConfigUse {
  /** As shown in diagnostics; null when the run read none. */
  file: string | null;
  /** The text line's words: the file, or why there is none (`none (--no-config)`). */
  line: string;
}

/** What a command hands back to the one exit-code mapper. */
export interface CommandResult {
  /** Findings to report (already located). */
  diagnostics: Diagnostic[];
  /** How they render: each command maps its own `--format` to one of these, explicitly. */
  diagnosticsFormat: OutputFormat;
  /** Where they go: stdout for reports, stderr when stdout carries other output. */
  diagnosticsTo: 'stdout' | 'stderr';
  /** The command's own output (a table, a summary); not with `json`. */
  stdout?: string;
  /**
   * With `--format json`: the command's document. It is printed alone on stdout, with the
   * findings inside it, so `| jq` always reads one JSON value.
   */
  json?: JsonBody;
  /** Which config the run used (one per spec when a run reads several); absent for commands that read no spec. */
  config?: ConfigUse | ConfigUse[];
  failOn: Severity | 'none';
  /** Set when the command itself decides the outcome (e.g. `--check` found stale files). */
  failed?: boolean;
  /** Some input could not be used at all (one of several specs): exit 2 after reporting the rest. */
  unusable?: boolean;
}

export function exitCodeFor(result: CommandResult): 0 | 1 | 2 {
  if (result.unusable) return 2;
  if (result.failed) return 1;
  if (result.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[result.failOn];
  return result.diagnostics.some((d) => SEVERITY_RANK[d.severity] >= threshold) ? 1 : 0;
}
