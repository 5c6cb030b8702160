/**
 * Text from the spec in a comment must stay on the comment's line: a line break in a server
 * URL or title would otherwise end the comment and inject YAML.
 */
export function oneLine(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.charCodeAt(0);
      const breaks = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
      return breaks ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');
}
