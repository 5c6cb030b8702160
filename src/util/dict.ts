/**
 * Records keyed by names a spec chooses (backends, stages, security schemes, schema
 * properties). A plain `{}` already answers to `toString`, `constructor` or `__proto__`, so
 * a lookup by such a name finds Object.prototype's member, and assigning `__proto__` replaces
 * the prototype instead of adding a key. A dict has no prototype: every name is an ordinary key.
 */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** `record[key]` when the record itself has that key, never something it inherits. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
