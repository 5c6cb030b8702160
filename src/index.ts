/**
 * gateplan's library API; the CLI (src/cli/) imports nothing else:
 *
 *   const loaded = await load('specs/bookstore.yaml');
 *   if (!loaded.ok) throw new Error(...loaded.diagnostics);
 *   const model = normalize(loaded.spec);
 *   const { artifacts, diagnostics } = generate(model, { targets: ['apigw-rest'] });
 *   await writeArtifacts('out', artifacts);
 */
export {
  load,
  loadAtRevision,
  loadDataFile,
  readTemplateDir,
  CONFIG_FILE_NAMES,
  configFileNames,
  BUNDLED_PRICES,
  type LoadedSpec,
  type LoadResult,
  type LoadOptions,
  type DataFile,
} from './load/index.js';
export {
  normalize,
  publishedSchemas,
  routeAuth,
  type NormalizeOptions,
  type RouteAuth,
} from './model/index.js';
export type * from './model/types.js';
export {
  generate,
  targets,
  UnknownTargetError,
  TERRAFORM_FRONT_DOORS,
  DEFAULT_TERRAFORM_FRONT_DOOR,
  type GenerateOptions,
  type GenerateResult,
  type Target,
  type TargetResult,
  type TargetOptions,
  type TerraformFrontDoor,
  routeForms,
  ROUTE_FORM_TARGETS,
  type RouteForm,
  type RouteFormTarget,
} from './targets/index.js';
export {
  writeArtifacts,
  checkArtifacts,
  OutputBusyError,
  OutputPathError,
  type Artifact,
  type StaleFile,
  type SetOptions,
  type WriteOptions,
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
export { diffFormatters, diffJson, DIFF_FORMATS, type DiffFormat } from './diff/format/index.js';
export type { Formatter, FormatContext } from './format/formatter.js';
export {
  explain,
  explanationText,
  EXPLAIN_TARGETS,
  type ExplainRequest,
  type ExplainTarget,
  type Explanation,
  type AlbExplanation,
  type GatewayExplanation,
} from './explain/index.js';
export {
  estimateCosts,
  albPlanFacts,
  costChart,
  costFormatters,
  costJson,
  COST_FORMATS,
  parsePrices,
  parseProfile,
  parseVolume,
  DEFAULT_PROFILE,
  type CostReport,
  type CostFormat,
  type CostFormatContext,
  type Prices,
  type TrafficProfile,
} from './cost/index.js';
export {
  compare,
  compareFormatters,
  compareJson,
  COMPARE_FORMATS,
  type CompareReport,
  type CompareFormat,
} from './compare/index.js';
export { scaffoldConfig, type Scaffold, type ScaffoldBy, type ScaffoldOptions } from './init/index.js';
export { catalog, docsUrl, type Code } from './diagnostics/catalog.js';
export {
  diagnostic,
  renderMessage,
  renderFix,
  hasErrors,
  sortDiagnostics,
  SEVERITY_RANK,
  type Diagnostic,
  type Where,
  type Severity,
} from './diagnostics/diagnostic.js';
export { GateplanError, type ErrorKind } from './diagnostics/errors.js';
export { groupedAnnotations, type Finding as Annotation } from './format/annotations.js';
export { printable, printableStrings } from './format/text.js';
export { JSON_SCHEMA_VERSION, diagnosticJson, findingCounts } from './format/json.js';
export { closestName, didYouMean } from './util/suggest.js';
export { VERSION } from './version.js';
