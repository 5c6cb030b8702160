/**
 * gateplan's library API. The CLI is a thin shell over these:
 *
 *   const loaded = await load('specs/bookstore.yaml');
 *   if (!loaded.ok) throw new Error(...loaded.diagnostics);
 *   const model = normalize(loaded.spec);
 *   const { artifacts, diagnostics } = generate(model, { targets: ['apigw-rest'] });
 *   await writeArtifacts('out', artifacts);
 */
export { load, type LoadedSpec, type LoadResult, type LoadOptions } from './load/index.js';
export { normalize, type NormalizeOptions } from './model/normalize.js';
export { generate, type GenerateOptions, type GenerateResult } from './targets/generate.js';
export { targets } from './targets/registry.js';
export type { Target, TargetResult, TargetOptions } from './targets/target.js';
export {
  writeArtifacts,
  checkArtifacts,
  OutputPathError,
  type Artifact,
  type StaleFile,
} from './write/index.js';
export {
  diff,
  diffModels,
  DIFF_TARGETS,
  type DiffOptions,
  type DiffReport,
  type DiffTarget,
  type RouteChange,
  type Classification,
} from './diff/index.js';
export { diffFormatters, type DiffFormat } from './diff/format/index.js';
export { catalog, type Code } from './diagnostics/catalog.js';
export {
  renderMessage,
  renderFix,
  hasErrors,
  type Diagnostic,
  type Where,
  type Severity,
} from './diagnostics/diagnostic.js';
export type * from './model/types.js';
export { VERSION } from './version.js';
