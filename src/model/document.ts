import type { SpecSources } from './input.js';
import { diagnostic, type Diagnostic, type Where } from '../diagnostics/diagnostic.js';
import { encodePointer } from '../util/pointer.js';

/** Pure helpers over the loaded document: following `$ref`s and reporting what cannot be followed. */
export class DocumentReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly reportedLegacy = new Set<string>();

  constructor(readonly sources: SpecSources) {}

  /** Dereferences `value`; on failure records the diagnostic and returns undefined. */
  deref<T = Record<string, unknown>>(value: unknown, where: Where): { value: T; where: Where } | undefined {
    this.noteLegacy(value, where);
    const result = this.sources.deref<T>(value, where);
    if (!result.ok) {
      this.diagnostics.push(result.diagnostic);
      return undefined;
    }
    return { value: result.value, where: result.where };
  }

  /** Swagger 1.2 bare-name refs resolve, but each one gets a warning with the fix. */
  noteLegacy(value: unknown, where: Where): void {
    const ref = (value as { $ref?: unknown } | null)?.$ref;
    if (typeof ref !== 'string' || !this.sources.isLegacyRef(ref)) return;
    const key = `${where.file}|${where.pointer}`;
    if (this.reportedLegacy.has(key)) return;
    this.reportedLegacy.add(key);
    const d = diagnostic('GP012', where, {
      ref,
      suggestion: `$ref: '${this.sources.legacySuggestion(ref)}'`,
    });
    this.diagnostics.push({ ...d, severity: 'warn' });
  }
}

export function child(where: Where, ...keys: (string | number)[]): Where {
  return { file: where.file, pointer: where.pointer + encodePointer(keys) };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
