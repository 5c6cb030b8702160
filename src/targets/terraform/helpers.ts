import type { HelperDelegate } from 'handlebars';
import { OMIT } from './format.js';
import { hclMapLines, hclValue, isIdentifier, type HclValue } from './hcl.js';

/**
 * Handlebars helpers for `.tf` templates. Templates are compiled without HTML escaping,
 * so every value from the context must go through `hcl`, `attr` or `map`; `ident` is the
 * one way to write a bare word (block labels, attribute names) and refuses anything else.
 */
export const helpers: Record<string, HelperDelegate> = {
  /** `{{hcl value}}`: any context value as an HCL literal (strings quoted and escaped). */
  hcl: (value: HclValue) => hclValue(value),

  /** `{{attr "name" value}}`: `name = <value>`; the line disappears when the value is absent. */
  attr: (name: string, value: HclValue) =>
    value === undefined || value === null ? OMIT : `${ident(name)} = ${hclValue(value)}`,

  /** `{{map "name" object}}`: a multi-line map attribute; the line disappears when absent or empty. */
  map: (name: string, value: Record<string, HclValue> | undefined) =>
    value === undefined || value === null || Object.keys(value).length === 0
      ? OMIT
      : `${ident(name)} = ${hclMapLines(value)}`,

  /** `{{comment text}}`: text for a `#` comment, on one line whatever it holds. */
  comment: (text: unknown) => [...String(text)].map((c) => (isLineBreaking(c) ? ' ' : c)).join(''),

  /** `{{ident name}}`: a bare HCL identifier; throws on anything that is not one. */
  ident: (name: unknown) => ident(name),

  /** `{{#if (eq a b)}}`. */
  eq: (a: unknown, b: unknown) => a === b,
};

/** Control characters and Unicode line separators: anything that could end a `#` comment. */
function isLineBreaking(char: string): boolean {
  const code = char.codePointAt(0)!;
  return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || code === 0x85;
}

function ident(name: unknown): string {
  if (typeof name !== 'string' || !isIdentifier(name))
    throw new Error(`not an HCL identifier: ${JSON.stringify(name)}`);
  return name;
}
