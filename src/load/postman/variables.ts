import { textOf } from '../../util/text.js';
import { isObject } from './url.js';

/**
 * Variable values as Postman resolves them for a run: the environment wins over the
 * collection. Values may refer to other variables; those are expanded a few levels deep.
 */
export class Variables {
  private readonly values = new Map<string, string>();

  constructor(collection: unknown, environment?: unknown) {
    for (const list of [
      isObject(collection) ? collection.variable : undefined,
      isObject(environment) ? environment.values : undefined,
    ]) {
      if (!Array.isArray(list)) continue;
      for (const v of list) {
        if (!isObject(v) || typeof v.key !== 'string' || v.disabled === true || v.enabled === false) continue;
        if (v.value === undefined || v.value === null || v.value === '') continue;
        this.values.set(v.key, textOf(v.value));
      }
    }
  }

  /** The value of `name`, or undefined when it has none or refers to a variable without one. */
  value(name: string, depth = 0): string | undefined {
    const raw = this.values.get(name);
    if (raw === undefined || depth > 5) return undefined;
    return this.expand(raw, depth + 1);
  }

  /** Replaces every `{{name}}` in `text`; undefined when one of them has no value. */
  expand(text: string, depth = 0): string | undefined {
    let missing = false;
    const out = text.replace(/\{\{([^{}]*)\}\}/g, (_m, name: string) => {
      const v = this.value(name, depth);
      if (v === undefined) missing = true;
      return v ?? '';
    });
    return missing ? undefined : out;
  }
}

/** Why a parsed file is not a Postman environment export, and where in it; undefined when it is one. */
export function environmentProblem(value: unknown): { pointer: string; reason: string } | undefined {
  if (!isObject(value)) return { pointer: '', reason: 'the top level is not an object' };
  if (!Array.isArray(value.values))
    return { pointer: 'values' in value ? '/values' : '', reason: 'it has no `values` list' };
  const bad = value.values.findIndex((v) => !isObject(v) || typeof v.key !== 'string');
  return bad === -1 ? undefined : { pointer: `/values/${bad}`, reason: `values[${bad}] has no string key` };
}
