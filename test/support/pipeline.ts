import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, type LoadOptions } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { RouteModel } from '../../src/model/types.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const SPECS_DIR = join(REPO, 'specs');

/**
 * The example specs we ship, as paths relative to the repo (stable in goldens): every spec
 * in `specs/`, and every one in a subfolder (which may hold its own `gateplan.yaml`).
 */
export function exampleSpecs(): string[] {
  const isSpec = (f: string) => /\.(ya?ml|json)$/.test(f) && !f.startsWith('gateplan.');
  return readdirSync(SPECS_DIR, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? readdirSync(join(SPECS_DIR, entry.name))
            .filter(isSpec)
            .map((f) => `${entry.name}/${f}`)
        : isSpec(entry.name)
          ? [entry.name]
          : [],
    )
    .sort()
    .map((f) => `specs/${f}`);
}

/** load + normalize with paths shown relative to the repo; throws if the spec cannot load. */
export async function modelOf(specPath: string, options: LoadOptions = {}): Promise<RouteModel> {
  const loaded = await load(specPath, { cwd: REPO, ...options });
  if (!loaded.ok) throw new Error(`cannot load ${specPath}: ${JSON.stringify(loaded.diagnostics)}`);
  return normalize(loaded.spec);
}

/** Loads a spec written inline in a test (YAML or JSON text) from a temporary folder. */
export { writeSpec } from './temp.js';
