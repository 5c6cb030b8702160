import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFormat } from '../model/types.js';
import { detectFormat } from './detect.js';
import { applyOverlays, Origins } from './overlay/index.js';
import { loadPostman } from './postman/index.js';
import { resolveLoadOptions, type LoadOptions, type ResolvedLoadOptions } from './options.js';
import { FileAccess } from './access.js';
import { SourceSet, type SourceFile } from './sources.js';

/** A spec read from disk with everything it references, ready for `normalize`. */
export interface LoadedSpec {
  format: SourceFormat;
  /** The entry document, `$ref`s still in place. */
  document: Record<string, unknown>;
  sources: SourceSet;
  /** The `gateplan.yaml` in effect, if any. */
  config?: SourceFile;
  /** Problems found while loading that did not stop it. */
  diagnostics: Diagnostic[];
  /** Where converted (Postman) or overlaid parts of `document` really come from. */
  origins?: Origins;
}

export type LoadResult = { ok: true; spec: LoadedSpec } | { ok: false; diagnostics: Diagnostic[] };

/** The config beside a spec that any spec in its folder reads when it has no file of its own. */
export const CONFIG_FILE_NAMES = ['gateplan.yaml', 'gateplan.yml'];

/**
 * The configs `load` looks for beside a spec, in order: the spec's own
 * (`shop.yaml` → `shop.gateplan.yaml`), then the folder's shared `gateplan.yaml`. The first
 * that exists is read; they are never merged.
 */
export function configFileNames(specPath: string): string[] {
  const stem = basename(specPath)
    .replace(/\.gz$/i, '')
    .replace(/\.[^.]*$/, '');
  return [`${stem}.gateplan.yaml`, `${stem}.gateplan.yml`, ...CONFIG_FILE_NAMES];
}

/** Reads a spec and its referenced files. Never throws for bad input: unusable input is `ok: false`. */
export async function load(specPath: string, options: LoadOptions = {}): Promise<LoadResult> {
  const resolved = resolveLoadOptions(options);
  const entryAbs = resolvePath(resolved.cwd, specPath);
  const access = await FileAccess.create(entryAbs, resolved);
  const entry = await access.open(entryAbs, 'named');
  if (!entry.ok) return { ok: false, diagnostics: [entry.diagnostic] };

  const detected = detectFormat(entry.file.value);
  if (!detected.ok) {
    const where = { file: entry.file.display, pointer: '' };
    const args = { file: entry.file.display, reason: detected.reason, version: detected.reason };
    return { ok: false, diagnostics: [diagnostic(detected.code, where, args)] };
  }
  const diagnostics: Diagnostic[] = [];
  let entryFile = entry.file;
  let origins: Origins | undefined;
  if (detected.format.startsWith('postman')) {
    const converted = await loadPostman(entry.file, access, resolved);
    if (!converted.ok) return { ok: false, diagnostics: converted.diagnostics };
    ({ file: entryFile, origins } = converted);
    diagnostics.push(...converted.diagnostics);
  }
  let overlayFiles: SourceFile[] = [];
  if (resolved.overlays.length > 0) {
    origins ??= new Origins(entryFile.display);
    const applied = await applyOverlays(
      entryFile.value as Record<string, unknown>,
      resolved.overlays,
      origins,
      access,
    );
    if (!applied.ok) return { ok: false, diagnostics: applied.diagnostics };
    overlayFiles = applied.files;
    diagnostics.push(...applied.diagnostics);
  }

  const sources = new SourceSet(entryFile, access, resolved);
  for (const file of overlayFiles) sources.register(file);
  await sources.preload();

  const spec: LoadedSpec = {
    format: detected.format,
    document: entryFile.value as Record<string, unknown>,
    sources,
    diagnostics,
    ...(origins && origins.size > 0 ? { origins } : {}),
  };
  const configPath = findConfig(entry.file.absPath, resolved);
  if (!configPath) return { ok: true, spec };
  // Without its config the deployment intent is unknown: output made without it would mislead.
  const config = await sources.openNamed(configPath);
  if (!config.ok) return { ok: false, diagnostics: [config.diagnostic] };
  return { ok: true, spec: { ...spec, config: config.file } };
}

/**
 * The spec with `configPath` as its `gateplan.yaml`, read as `load` reads one: a caller that
 * tries several configs on one spec (init checking its own output, the corpus harness) reads
 * the spec once. A config that cannot be read is a diagnostic, as in `load`.
 */
export async function withConfig(
  spec: LoadedSpec,
  configPath: string,
  options: LoadOptions = {},
): Promise<LoadedSpec> {
  const resolved = resolveLoadOptions(options);
  const read = await spec.sources.openNamed(resolvePath(resolved.cwd, configPath));
  if (!read.ok) return { ...spec, config: undefined, diagnostics: [...spec.diagnostics, read.diagnostic] };
  return { ...spec, config: read.file };
}

function findConfig(specAbs: string, options: ResolvedLoadOptions): string | undefined {
  if (options.config === false) return undefined;
  if (typeof options.config === 'string') return resolvePath(options.cwd, options.config);
  return configFileNames(specAbs)
    .map((name) => join(dirname(specAbs), name))
    .find((path) => existsSync(path));
}
