export {
  load,
  withConfig,
  configFileNames,
  CONFIG_FILE_NAMES,
  type LoadedSpec,
  type LoadResult,
} from './load.js';
export { loadAtRevision } from './git.js';
export type { LoadOptions } from './options.js';
export type { SourceFile, SourceSet } from './sources.js';
export { loadDataFile, BUNDLED_PRICES, type DataFile } from './data-file.js';
export { readTemplateDir } from './templates.js';
