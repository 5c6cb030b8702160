/**
 * HCL literals. Every value that reaches a `.tf` file goes through `hclValue`, so no
 * string from a spec can end its literal early or start a template sequence.
 */

/** A Terraform expression written as is (`var.vpc_id`, `aws_lb.this.arn`); never user text. */
export interface HclExpr {
  readonly hclExpr: string;
}

export type HclValue =
  string | number | boolean | null | undefined | HclExpr | HclValue[] | { [key: string]: HclValue };

export function expr(text: string): HclExpr {
  return Object.freeze({ hclExpr: text });
}

export function isExpr(value: unknown): value is HclExpr {
  return typeof value === 'object' && value !== null && typeof (value as HclExpr).hclExpr === 'string';
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if', 'else', 'endif', 'endfor']);

/** True when `name` can stand bare as a block label, attribute name or object key. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name);
}

/**
 * A quoted HCL string. Besides the JSON-like escapes, `${` and `%{` open template
 * sequences in HCL, so they are doubled (`$${`, `%%{`) to stay literal.
 */
export function hclString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else out += char;
  }
  out += '"';
  return out.replace(/([$%])\{/g, '$1$1{');
}

export function hclNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return String(value);
}

/** An object key: bare when it is a plain identifier, quoted otherwise. */
export function hclKey(key: string): string {
  return isIdentifier(key) ? key : hclString(key);
}

/**
 * Any value as an HCL expression on one line. Objects keep their key order: callers sort
 * keys where the order is not already meaningful.
 */
export function hclValue(value: HclValue): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number') return hclNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isExpr(value)) return value.hclExpr;
  if (Array.isArray(value)) return `[${value.map(hclValue).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${hclKey(k)} = ${hclValue(v)}`).join(', ')} }`;
}

/**
 * An object as a multi-line HCL map, one `key = value` per line, for attributes such as
 * `tags` and `variables` that reviewers read entry by entry.
 */
export function hclMapLines(value: Record<string, HclValue>): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${hclKey(k)} = ${hclValue(v)}`).join('\n')}\n}`;
}

/** A Terraform resource/block name: `[a-z0-9_]`, starting with a letter or underscore. */
export function tfName(text: string): string {
  const name = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (name === '') return 'x';
  // A name must start with a letter and may not be a keyword (a stage named True or null).
  return /^[0-9]/.test(name) || KEYWORDS.has(name) ? `r_${name}` : name;
}
