import type { DiffReport } from '../types.js';

export type DiffFormat = 'text' | 'markdown' | 'json' | 'github';

export interface DiffFormatContext {
  /** ANSI colors (text only). */
  color: boolean;
}

/** A diff formatter is pure: report in, text out. The exit code is decided elsewhere. */
export type DiffFormatter = (report: DiffReport, ctx: DiffFormatContext) => string;
