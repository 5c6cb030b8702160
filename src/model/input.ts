import type { Diagnostic, Where } from '../diagnostics/diagnostic.js';
import type { SourceFormat } from './types.js';

/**
 * What `normalize` reads: the contract between `load/` (which fills it from files) and the
 * model (which never touches the file system). `load()` returns a richer `LoadedSpec` that
 * satisfies it.
 */
export interface SpecInput {
  format: SourceFormat;
  /** The entry document, `$ref`s still in place. */
  document: Record<string, unknown>;
  sources: SpecSources;
  /** The `gateplan.yaml` in effect, if any: where it is shown and what it holds. */
  config?: { display: string; value: unknown };
  /** Problems found while loading that did not stop it. */
  diagnostics: Diagnostic[];
  /** Where converted (Postman) or overlaid parts of `document` really come from. */
  origins?: LocationMap;
}

/** The outcome of following a `$ref`: the value and where it lives. */
export type Deref<T = unknown> = { ok: true; value: T; where: Where } | { ok: false; diagnostic: Diagnostic };

/** Every file of a spec, already read: `$ref`s are followed in memory. */
export interface SpecSources {
  entry: { display: string };
  deref<T = unknown>(value: unknown, where: Where): Deref<T>;
  /** A Swagger 1.2 bare name (`$ref: Pet`) that resolves to a definition of the entry file. */
  isLegacyRef(ref: string): boolean;
  /** The JSON reference a legacy bare name stands for (`#/definitions/Pet`). */
  legacySuggestion(ref: string): string | undefined;
}

/** Maps a location in the document gateplan reads to the file and pointer a user edits. */
export interface LocationMap {
  resolve(where: Where): Where;
}
