import type * as Yaml from 'yaml';
import { lazyRequire } from '../util/lazy.js';

const yaml = lazyRequire<typeof Yaml>('yaml');

/**
 * Characters a YAML 1.1 reader (CloudFormation's among them) does not take as they are: NEL,
 * LS and PS are line breaks there, so a double-quoted scalar holding one folds it into a
 * space; other C1 controls, the BOM and U+FFFE/U+FFFF are not printable at all.
 */
const UNSAFE = /[\u0080-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
const ESCAPES: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/**
 * A value as YAML 1.1 text for CloudFormation: no anchors, no line folding (so it diffs line
 * by line), and every string that holds an unsafe character double-quoted with that character
 * escaped, so any YAML 1.1 reader gets back the exact string.
 */
export function yamlText(value: unknown): string {
  const { Document, Scalar, visit } = yaml();
  // YAML 1.1 rules also quote what CloudFormation's parser would read as a date or boolean (2010-09-09, on, yes).
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && new RegExp(UNSAFE.source).test(node.value))
        node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  // Only double-quoted scalars can hold these now, where an escape means the character.
  return doc
    .toString({ lineWidth: 0 })
    .replace(UNSAFE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether `yamlText(value)` is surely longer than `bytes`, without rendering it: every key and
 * scalar of the value is written at least once and never shorter than its UTF-8 bytes (quotes
 * and escapes only add), and pairs whose value is `undefined` are left out. `false` means
 * "render to know".
 */
export function yamlTextExceeds(value: unknown, bytes: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') total += Buffer.byteLength(item);
    else if (typeof item === 'number' || typeof item === 'boolean') total += 1;
    else if (Array.isArray(item)) stack.push(...(item as unknown[]));
    else if (item !== null && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (child === undefined) continue;
        total += Buffer.byteLength(key);
        stack.push(child);
      }
    }
    if (total > bytes) return true;
  }
  return false;
}
