/**
 * A parsed JSON or YAML value as text, never throwing: `String()` throws on an object whose
 * `toString` is data (`{"toString": 1}`), which an untrusted document may well contain.
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  return JSON.stringify(value) ?? '';
}
