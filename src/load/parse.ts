import { parse as parseJsonTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { diagnostic, type Diagnostic } from '../model/diagnostics/diagnostic.js';

export type TextKind = 'json' | 'yaml';

export interface ParseLimits {
  maxAliasCount: number;
  maxDepth: number;
}

export type ParseResult =
  { ok: true; value: unknown; kind: TextKind } | { ok: false; diagnostic: Diagnostic };

/** JSON is parsed natively (fast, no positions); positions are computed lazily when printing. */
export function parseText(text: string, file: string, limits: ParseLimits): ParseResult {
  const kind = looksLikeJson(text) ? 'json' : 'yaml';
  let value: unknown;
  try {
    value = kind === 'json' ? JSON.parse(text) : parseYamlBounded(text, limits);
  } catch (error) {
    return { ok: false, diagnostic: parseFailure(error, text, file, kind, limits) };
  }
  if (exceedsDepth(value, limits.maxDepth)) {
    return {
      ok: false,
      diagnostic: diagnostic('GP005', { file, pointer: '' }, { file, limit: limits.maxDepth }),
    };
  }
  return { ok: true, value, kind };
}

function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) continue;
    return c === 0x7b || c === 0x5b;
  }
  return false;
}

class AliasLimitError extends Error {}

function parseYamlBounded(text: string, limits: ParseLimits): unknown {
  try {
    return parseYaml(text, { maxAliasCount: limits.maxAliasCount, uniqueKeys: false, merge: true });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      throw new AliasLimitError(error.message);
    throw error;
  }
}

function parseFailure(
  error: unknown,
  text: string,
  file: string,
  kind: TextKind,
  limits: ParseLimits,
): Diagnostic {
  if (error instanceof AliasLimitError) {
    return diagnostic('GP004', { file, pointer: '' }, { file, limit: limits.maxAliasCount });
  }
  if (error instanceof RangeError) {
    return diagnostic('GP005', { file, pointer: '' }, { file, limit: limits.maxDepth });
  }
  if (error instanceof YAMLParseError) {
    const [line, column] = error.linePos?.[0]
      ? [error.linePos[0].line, error.linePos[0].col]
      : [undefined, undefined];
    const reason = error.message.split('\n')[0] ?? error.message;
    return diagnostic(
      'GP003',
      { file, pointer: '', line, column },
      { file, reason: reason.replace(/ at line \d+, column \d+:?$/, '') },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (kind !== 'json') return diagnostic('GP003', { file, pointer: '' }, { file, reason: message });
  const located = jsonError(text);
  const where = { file, pointer: '', ...(located ? offsetToLineColumn(text, located.offset) : {}) };
  return diagnostic('GP003', where, { file, reason: `invalid JSON: ${located?.reason ?? message}` });
}

/** V8's JSON errors carry no position in every version; a tolerant re-parse finds the first error's offset. */
function jsonError(text: string): { offset: number; reason: string } | undefined {
  const errors: ParseError[] = [];
  parseJsonTolerant(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  return first ? { offset: first.offset, reason: printParseErrorCode(first.error) } : undefined;
}

export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Iterative, so a hostile document cannot overflow the stack while being measured. */
function exceedsDepth(root: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) return true;
    if (seen.has(value)) continue;
    seen.add(value);
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
