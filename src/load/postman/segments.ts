import type { Variables } from './variables.js';

/** A path segment as gateplan will route it, and what was done to get there. */
export type ConvertedSegment =
  { kind: 'literal'; value: string; encodedFrom?: string } | { kind: 'param'; name: string; mixed?: string };

/** Characters a literal segment may keep; everything else is percent-encoded (as it travels on the wire). */
const SAFE = /[A-Za-z0-9_\-.,:~@$!'()*+;=%]/;

/**
 * `:id` and whole-segment `{{id}}` become parameters. A segment mixing text and variables
 * (`v{{version}}`) is filled in when every variable has a value, else becomes one parameter.
 */
export function convertSegment(segment: string, variables: Variables): ConvertedSegment {
  if (/^:[^:]/.test(segment)) return { kind: 'param', name: paramName(segment.slice(1)) };
  const whole = /^\{\{([^{}]*)\}\}$/.exec(segment);
  if (whole) return { kind: 'param', name: paramName(whole[1]!) };
  let text = segment;
  if (/\{\{[^{}]*\}\}/.test(segment)) {
    const expanded = variables.expand(segment);
    if (expanded === undefined) {
      const first = /\{\{([^{}]*)\}\}/.exec(segment)![1]!;
      return { kind: 'param', name: paramName(first), mixed: segment };
    }
    text = expanded;
  }
  const encoded = [...text].map((c) => (SAFE.test(c) ? c : encodeURIComponent(c))).join('');
  return encoded === segment
    ? { kind: 'literal', value: encoded }
    : { kind: 'literal', value: encoded, encodedFrom: segment };
}

/** Parameter names end up in ids and stage-variable-like places: keep them to a safe alphabet. */
export function paramName(raw: string): string {
  const name = raw.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '');
  return name === '' ? 'param' : name;
}
