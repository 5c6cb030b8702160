import type { Diagnostic } from '../../index.js';

export type OutputFormat = 'text' | 'json' | 'github';

export interface FormatContext {
  color: boolean;
}

/** A formatter is pure: diagnostics in, text out. The exit code is decided elsewhere. */
export type Formatter = (diagnostics: readonly Diagnostic[], ctx: FormatContext) => string;
