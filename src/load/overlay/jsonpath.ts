import { JSONPath } from 'jsonpath-plus';

export interface Match {
  /** JSON pointer of the selected node. */
  pointer: string;
  value: unknown;
  /** `undefined` for the document root. */
  parent?: Record<string, unknown> | unknown[];
  key?: string | number;
}

export type Query = { ok: true; matches: Match[] } | { ok: false; reason: string };

/**
 * Evaluates an Overlay target. Filters run in jsonpath-plus's safe evaluator (no JavaScript
 * from the overlay is executed), and RFC 9535 filters written without parentheses
 * (`[?@.x == 'y']`) are accepted as well as the older `[?(@.x == 'y')]`.
 */
export function query(document: unknown, target: string): Query {
  const syntax = checkSyntax(target);
  if (syntax) return { ok: false, reason: syntax };
  const path = target.replace(/\[\?(?!\()((?:[^\]'"]|'[^']*'|"[^"]*")*)\]/g, '[?($1)]');
  try {
    const results = JSONPath({
      path,
      json: document as object,
      resultType: 'all',
      eval: 'safe',
      wrap: true,
    }) as {
      pointer: string;
      value: unknown;
      parent: Record<string, unknown> | unknown[] | null;
      parentProperty: string | number | null;
    }[];
    return {
      ok: true,
      matches: results.map((r) => ({
        pointer: r.pointer,
        value: r.value,
        ...(r.parent !== null && r.parentProperty !== null
          ? { parent: r.parent, key: r.parentProperty }
          : {}),
      })),
    };
  } catch (error) {
    return {
      ok: false,
      reason: (error instanceof Error ? error.message : String(error)).replace(/^jsonPath: /, ''),
    };
  }
}

/** jsonpath-plus forgives unbalanced brackets and quotes; an overlay target must not rely on that. */
function checkSyntax(target: string): string | undefined {
  if (!target.startsWith('$')) return 'it must start with $';
  let depth = 0;
  let quote: string | undefined;
  for (const c of target) {
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '[' || c === '(') {
      depth++;
    } else if (c === ']' || c === ')') {
      depth--;
      if (depth < 0) return `unbalanced ${c}`;
    }
  }
  if (quote) return `unterminated ${quote} string`;
  if (depth !== 0) return 'unbalanced brackets';
  return undefined;
}
