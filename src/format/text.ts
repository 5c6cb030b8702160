/**
 * Text for a terminal or a CI log. A spec's strings may hold control characters: ESC starts
 * terminal escape sequences (clear the screen, rewrite a line), CR returns to the start of
 * the line, LF starts a new one (`::error::` on a fresh line is a GitHub workflow command),
 * and bidirectional overrides reorder what the reader sees. Each is shown as a visible escape
 * (`\x1b`, `\r`, `\u202e`); everything else is printed as it is.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/** One line of text, with control characters shown rather than obeyed (tab is kept). */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return (
      NAMED[c] ??
      (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
    );
  });
}

/** A copy of a report with every string in it made printable, for rendering it as text. */
export function printableStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (Array.isArray(value)) return value.map(printableStrings) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableStrings(v)])) as T;
  return value;
}
