/** How much of ALB's per-rule quotas a rule uses: condition values and wildcards. */
import type { AlbCondition, AlbRule } from './plan.js';
import { wildcardCount } from './shape.js';

/** Values in one condition (match evaluations). */
export function conditionValues(c: AlbCondition): number {
  if (c.field === 'path-pattern' || c.field === 'host-header')
    return (c.values?.length ?? 0) + (c.regexValues?.length ?? 0);
  return c.values.length;
}

export function valueCount(rule: AlbRule): number {
  return rule.conditions.reduce((n, c) => n + conditionValues(c), 0);
}

/** `*` and `?` in glob values; regex values carry none. */
export function wildcardsIn(rule: AlbRule): number {
  let n = 0;
  for (const c of rule.conditions) {
    if (c.field === 'query-string')
      for (const v of c.values) n += wildcardCount(v.value) + wildcardCount(v.key ?? '');
    else if (c.field === 'path-pattern' || c.field === 'host-header' || c.field === 'http-header')
      for (const v of c.values ?? []) n += wildcardCount(v);
  }
  return n;
}
