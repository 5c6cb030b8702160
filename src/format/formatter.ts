export interface FormatContext {
  /** ANSI colours: the CLI decides (a terminal, NO_COLOR, --color); nothing below it reads the terminal. */
  color: boolean;
}

/**
 * Every report renders through a complete `Record<Format, Formatter<Report>>`, so a format
 * without a formatter is a type error, never a fallback. Pure: report in, text out; the exit
 * code is decided elsewhere.
 */
export type Formatter<Report, Context extends FormatContext = FormatContext> = (
  report: Report,
  ctx: Context,
) => string;
