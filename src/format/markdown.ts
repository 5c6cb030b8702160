import { printable } from './text.js';

/**
 * Text from a spec inside Markdown that GitHub renders (a pull-request comment): it must stay
 * text. No HTML (`<img>`, `<!-- gateplan-diff -->`, which would pass for the comment's
 * marker), no links or images (`[…](…)`, `![…](…)`), no emphasis, headings or table breaks,
 * no line breaks, no control characters.
 */
export function markdownText(text: string): string {
  return htmlText(printable(text)).replace(/([\\`*_[\]|#!~])/g, '\\$1');
}

/** Inside HTML (a `<summary>`): only markup characters need escaping. */
export function htmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inside a code span (`` `…` ``): only a backtick or a table pipe can break out; no line breaks. */
export function markdownCode(text: string): string {
  return printable(text).replace(/`/g, "'").replace(/\|/g, '\\|');
}
