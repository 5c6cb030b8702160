import { dict } from './dict.js';

/**
 * One ordering for everything gateplan sorts: UTF-16 code units, never the machine's locale,
 * so output is byte-identical wherever it runs.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A comparator ordering items by a text key. */
export function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => compareText(key(a), key(b));
}

/** Orders `[key, value]` entries by key. */
export function byEntryKey<T>([a]: readonly [string, T], [b]: readonly [string, T]): number {
  return compareText(a, b);
}

/** A copy of the record with its keys in code-unit order (a `dict`: any name is an ordinary key). */
export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return dict(Object.entries(record).sort(byEntryKey));
}
