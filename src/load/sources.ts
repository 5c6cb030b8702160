import { dirname, resolve as resolvePath } from 'node:path';
import { existsSync } from 'node:fs';
import { diagnostic, type Diagnostic, type Where } from '../diagnostics/diagnostic.js';
import type { Deref, SpecSources } from '../model/input.js';
import type { FileAccess, OpenResult, SourceFile } from './access.js';
import type { ResolvedLoadOptions } from './options.js';
import { decodePointer, encodePointer, percentDecoded, valueAt } from '../util/pointer.js';

export type { SourceFile } from './access.js';

/**
 * Every file a spec consists of, parsed and held in memory, so that resolving `$ref`s after
 * loading is pure. External files are read up front (`preload`); a `$ref` that cannot be
 * followed is reported only when something actually follows it, so a broken reference in a
 * part gateplan never reads (say `x-codeSamples`) does not stop the run.
 */
export class SourceSet implements SpecSources {
  private readonly byAbs = new Map<string, SourceFile>();
  private readonly byDisplay = new Map<string, SourceFile>();
  /** Files a `$ref` could not have, by path: why, and whether the problem lies inside the file. */
  private readonly refFailures = new Map<string, { diagnostic: Diagnostic; inFile: boolean }>();

  constructor(
    readonly entry: SourceFile,
    private readonly access: FileAccess,
    private readonly options: ResolvedLoadOptions,
  ) {
    this.register(entry);
  }

  get files(): SourceFile[] {
    return [...this.byAbs.values()];
  }

  file(display: string): SourceFile | undefined {
    return this.byDisplay.get(display);
  }

  register(file: SourceFile): void {
    this.byAbs.set(file.absPath, file);
    this.byDisplay.set(file.display, file);
  }

  /** Reads a file the user named (a `gateplan.yaml`) under this load's access rules, and keeps it. */
  async openNamed(absPath: string): Promise<OpenResult> {
    const opened = await this.access.open(absPath, 'named');
    if (opened.ok) this.register(opened.file);
    return opened;
  }

  /** Reads every file reachable through relative `$ref`s, breadth first. */
  async preload(): Promise<void> {
    const queue: SourceFile[] = [this.entry];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const ref of externalRefs(file.value)) {
        const target = this.targetPath(ref, file);
        if (
          target.kind === 'local' ||
          target.kind === 'malformed' ||
          this.byAbs.has(target.absPath) ||
          this.refFailures.has(target.absPath)
        )
          continue;
        if (target.kind === 'remote' && !this.options.allowRemoteRefs) continue;
        const opened = await this.access.open(
          target.absPath,
          target.kind === 'remote' ? 'remote' : 'referenced',
        );
        if (!opened.ok) {
          if (looksLikeLegacyName(ref) && !existsSync(target.absPath)) continue;
          this.refFailures.set(target.absPath, opened);
          continue;
        }
        this.register(opened.file);
        queue.push(opened.file);
      }
    }
  }

  /** Follows `$ref` chains starting at `value` (which lives at `where`) until a non-ref value. */
  deref<T = unknown>(value: unknown, where: Where): Deref<T> {
    let current = value;
    let at = where;
    const chain: string[] = [];
    while (isRef(current)) {
      const ref = current.$ref;
      const key = `${at.file}|${ref}`;
      if (chain.includes(key)) {
        return {
          ok: false,
          diagnostic: diagnostic('GP010', at, { ref, chain: chain.map((k) => k.split('|')[1]).join(' -> ') }),
        };
      }
      chain.push(key);
      const step = this.follow(ref, at);
      if (!step.ok) return step;
      current = step.value;
      at = step.where;
    }
    return { ok: true, value: current as T, where: at };
  }

  /** One step of `$ref` resolution, with the safety rules applied. */
  follow(ref: string, at: Where, depth = 0): Deref {
    const from = this.byDisplay.get(at.file);
    if (!from)
      return { ok: false, diagnostic: diagnostic('GP007', at, { ref, reason: 'unknown source file' }) };
    const target = this.targetPath(ref, from);
    if (target.kind === 'malformed')
      return { ok: false, diagnostic: diagnostic('GP007', at, { ref, reason: target.reason }) };
    let file: SourceFile | undefined;
    if (target.kind === 'local') {
      file = from;
    } else if (target.kind === 'remote') {
      if (!this.options.allowRemoteRefs) return { ok: false, diagnostic: diagnostic('GP008', at, { ref }) };
      file = this.byAbs.get(target.absPath);
      if (!file) {
        const failure = this.refFailures.get(target.absPath);
        return {
          ok: false,
          diagnostic: failure
            ? { ...failure.diagnostic, where: at }
            : diagnostic('GP007', at, { ref, reason: 'not fetched' }),
        };
      }
    } else {
      file = this.byAbs.get(target.absPath);
      if (!file) {
        if (looksLikeLegacyName(ref)) return this.followLegacy(ref, at);
        const failure = this.refFailures.get(target.absPath);
        if (!failure)
          return { ok: false, diagnostic: diagnostic('GP007', at, { ref, reason: 'file not loaded' }) };
        if (failure.diagnostic.code === 'GP001')
          return { ok: false, diagnostic: diagnostic('GP007', at, { ref, reason: 'file not found' }) };
        if (failure.diagnostic.code === 'GP009')
          return { ok: false, diagnostic: diagnostic('GP009', at, { ...failure.diagnostic.args, ref }) };
        // A file that was read but does not parse is reported where it is; the rest at the $ref.
        return {
          ok: false,
          diagnostic: failure.inFile ? failure.diagnostic : { ...failure.diagnostic, where: at },
        };
      }
    }
    const pointer = target.pointer;
    const value = valueAt(file.value, pointer);
    if (value !== undefined) return { ok: true, value, where: { file: file.display, pointer } };
    const through = this.throughRefs(file, pointer, depth);
    if (through) return through;
    return {
      ok: false,
      diagnostic: diagnostic('GP007', at, {
        ref,
        reason: `${pointer || '/'} does not exist in ${file.display}`,
      }),
    };
  }

  /**
   * `pointer` followed through the `$ref`s met on the way, as JSON Reference resolvers do:
   * `#/components/schemas/Pet` when `components` (or `schemas`) is itself a `$ref` to another
   * file. Undefined when it still leads nowhere. `depth` bounds refs that lead back into
   * themselves through a pointer.
   */
  private throughRefs(file: SourceFile, pointer: string, depth = 0): Deref | undefined {
    if (depth > MAX_POINTER_REFS) return undefined;
    let node: unknown = file.value;
    let where: Where = { file: file.display, pointer: '' };
    for (const token of decodePointer(pointer)) {
      while (isRef(node)) {
        if (++depth > MAX_POINTER_REFS) return undefined;
        const step = this.follow(node.$ref, where, depth);
        if (!step.ok) return undefined;
        ({ value: node, where } = step);
      }
      const next = valueAt(node, encodePointer([token]));
      if (next === undefined) return undefined;
      node = next;
      where = { file: where.file, pointer: where.pointer + encodePointer([token]) };
    }
    return { ok: true, value: node, where };
  }

  /** Swagger 1.2 wrote `$ref: Pet`; resolve it to the definition when one exists, and say so. */
  private followLegacy(ref: string, at: Where): Deref {
    const suggestion = legacySuggestion(this.entry.value, ref);
    if (!suggestion)
      return { ok: false, diagnostic: diagnostic('GP007', at, { ref, reason: 'file not found' }) };
    const value = valueAt(this.entry.value, suggestion.slice(1));
    return { ok: true, value, where: { file: this.entry.display, pointer: suggestion.slice(1) } };
  }

  /** Legacy refs that resolve anyway, for a warning per occurrence the caller decides on. */
  isLegacyRef(ref: string): boolean {
    return looksLikeLegacyName(ref) && legacySuggestion(this.entry.value, ref) !== undefined;
  }

  legacySuggestion(ref: string): string | undefined {
    return legacySuggestion(this.entry.value, ref);
  }

  /** Finds the line and column of many locations at once: one pass over each file they point into. */
  prepare(wheres: Iterable<Where>): void {
    const byFile = new Map<SourceFile, string[]>();
    for (const where of wheres) {
      if (where.line !== undefined) continue;
      const file = this.byDisplay.get(where.file);
      if (!file) continue;
      const pointers = byFile.get(file);
      if (pointers) pointers.push(where.pointer);
      else byFile.set(file, [where.pointer]);
    }
    for (const [file, pointers] of byFile) file.positions.prepare(pointers);
  }

  /** Adds line and column to many locations, each file read once (see `prepare`). */
  locateAll(wheres: readonly Where[]): Where[] {
    this.prepare(wheres);
    return wheres.map((where) => this.locate(where));
  }

  /** Adds line and column to a location, when the file and pointer can be found. */
  locate(where: Where): Where {
    if (where.line !== undefined) return where;
    const file = this.byDisplay.get(where.file);
    const position = file?.positions.locate(where.pointer);
    return position ? { ...where, line: position.line, column: position.column } : where;
  }

  private targetPath(ref: string, from: SourceFile): RefTarget {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const pointer = hash === -1 ? '' : percentDecoded(ref.slice(hash + 1));
    if (pointer === undefined)
      return { kind: 'malformed', reason: 'its fragment has malformed percent-encoding' };
    if (filePart === '') return { kind: 'local', pointer };
    if (isUrl(filePart) || isUrl(from.absPath)) {
      if (!URL.canParse(filePart, isUrl(from.absPath) ? from.absPath : undefined))
        return { kind: 'malformed', reason: 'it is not a valid URL' };
      return {
        kind: 'remote',
        absPath: new URL(filePart, isUrl(from.absPath) ? from.absPath : undefined).href,
        pointer,
      };
    }
    const path = percentDecoded(filePart);
    if (path === undefined) return { kind: 'malformed', reason: 'its path has malformed percent-encoding' };
    return { kind: 'file', absPath: resolvePath(dirname(from.absPath), path), pointer };
  }
}

type RefTarget =
  | { kind: 'local'; pointer: string }
  | { kind: 'remote' | 'file'; absPath: string; pointer: string }
  | { kind: 'malformed'; reason: string };

/** `$ref`s one pointer may pass through before it is taken to loop. */
const MAX_POINTER_REFS = 16;

function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

export function isRef(value: unknown): value is { $ref: string } {
  return (
    value !== null && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string'
  );
}

function looksLikeLegacyName(ref: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(ref);
}

function legacySuggestion(entry: unknown, name: string): string | undefined {
  for (const base of ['/definitions', '/components/schemas']) {
    if (valueAt(entry, `${base}/${name}`) !== undefined) return `#${base}/${name}`;
  }
  return undefined;
}

/** Non-local `$ref`s in a document, skipping vendor extensions gateplan never reads. */
function* externalRefs(root: unknown): Generator<string> {
  if (root === null || typeof root !== 'object') return;
  // Plain loops over objects only: on GitHub's 13 MB (~500,000 objects), Object.entries
  // pairs for every node cost ~150 ms and much of the run's garbage.
  const stack: object[] = [root];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const child of node as unknown[])
        if (child !== null && typeof child === 'object') stack.push(child);
      continue;
    }
    const record = node as Record<string, unknown>;
    const ref = record['$ref'];
    if (typeof ref === 'string' && !ref.startsWith('#')) yield ref;
    for (const key in record) {
      const child = record[key];
      if (child === null || typeof child !== 'object') continue;
      if (key.startsWith('x-') && key !== 'x-gateplan') continue;
      stack.push(child);
    }
  }
}
