import type * as JsonC from 'jsonc-parser';
import jsYaml from 'js-yaml';
import type * as Yaml from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { lazyRequire } from '../util/lazy.js';

/** Only a file that fails to parse needs these, for their error positions and wording. */
const yaml = lazyRequire<typeof Yaml>('yaml');
const jsonc = lazyRequire<typeof JsonC>('jsonc-parser');

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
  if (kind === 'json' && exceedsDepth(value, limits.maxDepth)) {
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

/**
 * js-yaml parses multi-megabyte specs several times faster than `yaml`, and keeps an alias
 * as a second reference to the anchored node, so even a billion-laughs document parses to
 * a small graph. What must be bounded is what later walks would see once aliases are
 * expanded: `measure` computes that from the graph, without expanding it.
 */
function parseYamlBounded(text: string, limits: ParseLimits): unknown {
  let value: unknown;
  try {
    value = jsYaml.load(text, {
      schema: YAML_SCHEMA,
      json: true,
      maxDepth: limits.maxDepth,
    } as jsYaml.LoadOptions);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    if (/maxDepth/.test((error as Error).message)) throw new RangeError('nesting', { cause: error });
    // `yaml` words the error better and gives its position.
    yaml().parse(text, { uniqueKeys: false, merge: true, maxAliasCount: -1 });
    throw error;
  }
  const measured = measure(value, limits.maxDepth);
  if (measured === 'deep') throw new RangeError('nesting');
  if (measured === 'cyclic' || measured.expanded - measured.distinct > limits.maxAliasCount) {
    throw new AliasLimitError('aliases expand too far');
  }
  return value;
}

/** YAML 1.2 core types plus merge keys (`<<: *base`); no timestamps, which would become Dates. */
const YAML_SCHEMA = jsYaml.CORE_SCHEMA.extend({
  implicit: [(jsYaml as unknown as { types: { merge: jsYaml.Type } }).types.merge],
});

type Measure = 'deep' | 'cyclic' | { distinct: number; expanded: number };

/** Iterative post-order walk with memoized subtree sizes: linear in distinct nodes. */
function measure(root: unknown, maxDepth: number): Measure {
  if (root === null || typeof root !== 'object') return { distinct: 1, expanded: 1 };
  const sizes = new Map<object, number>();
  const onPath = new Set<object>();
  let distinct = 0;
  type Frame = { node: object; children: unknown[]; next: number; size: number };
  const open = (node: object): Frame => {
    onPath.add(node);
    return { node, children: Array.isArray(node) ? node : Object.values(node), next: 0, size: 1 };
  };
  const stack: Frame[] = [open(root)];
  let rootSize = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (child === null || typeof child !== 'object') {
        frame.size += 1;
        distinct += 1;
      } else if (sizes.has(child)) {
        frame.size += sizes.get(child)!;
      } else if (onPath.has(child)) {
        return 'cyclic';
      } else {
        if (stack.length >= maxDepth) return 'deep';
        stack.push(open(child));
      }
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    sizes.set(frame.node, frame.size);
    distinct += 1;
    const parent = stack[stack.length - 1];
    if (parent) parent.size += frame.size;
    else rootSize = frame.size;
  }
  return { distinct, expanded: rootSize };
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
  if (error instanceof yaml().YAMLParseError) {
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
  const errors: JsonC.ParseError[] = [];
  jsonc().parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  return first ? { offset: first.offset, reason: jsonc().printParseErrorCode(first.error) } : undefined;
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

/** JSON cannot share nodes, so a plain iterative walk measures its depth. */
function exceedsDepth(root: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
