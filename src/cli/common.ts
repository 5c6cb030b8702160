import type { Argv } from 'yargs';
import {
  configFileNames,
  GateplanError,
  load,
  normalize,
  sortDiagnostics,
  type Diagnostic,
  type LoadedSpec,
  type LoadOptions,
  type RouteModel,
  type Severity,
} from '../index.js';
import { OUTPUT_FORMATS, type OutputFormat } from './format/index.js';
import type { ConfigUse } from './result.js';

export interface SpecArgs {
  spec: string;
  /** `--no-config` makes this `false`. */
  config?: string | false;
  'allow-remote-refs': boolean;
  'ref-root'?: string;
  'max-file-size'?: number;
  'postman-env'?: string;
  overlay?: string[];
}

export interface ReportArgs {
  format: OutputFormat;
  'fail-on': Severity | 'none';
}

/** Options every command that reads a spec shares. */
export function specOptions<T>(yargs: Argv<T>) {
  return yargs
    .positional('spec', {
      type: 'string',
      demandOption: true,
      describe: 'OpenAPI 3.x / Swagger 2.0 file or Postman v2 collection (YAML, JSON or .gz)',
    })
    .option('config', {
      type: 'string',
      describe: 'gateplan.yaml to use (default: the one beside the spec; --no-config: none)',
    })
    .option('allow-remote-refs', {
      type: 'boolean',
      default: false,
      describe: 'follow http(s) $refs (off: specs are untrusted)',
    })
    .option('ref-root', { type: 'string', describe: 'folder $refs may reach (default: the spec folder)' })
    .option('max-file-size', { type: 'number', describe: 'largest file read, in bytes (default 32 MiB)' })
    .option('postman-env', {
      type: 'string',
      describe: "Postman environment whose values fill a collection's {{variables}}",
    })
    .option('overlay', {
      type: 'string',
      array: true,
      describe: 'OpenAPI Overlay 1.0 file applied before reading (repeatable, applied in order)',
    });
}

export function reportOptions<T>(yargs: Argv<T>, formats: readonly string[] = OUTPUT_FORMATS) {
  return yargs
    .option('format', { choices: formats, default: 'text', describe: 'output format' })
    .option('fail-on', {
      choices: ['error', 'warn', 'info', 'none'] as const,
      default: 'error' as const,
      describe: 'exit 1 when a finding is at or above this severity',
    });
}

export function loadOptionsFrom(argv: SpecArgs): LoadOptions {
  const options: LoadOptions = { allowRemoteRefs: argv['allow-remote-refs'] };
  if (argv.config !== undefined)
    options.config = argv.config === false || (argv.config as unknown) === 'false' ? false : argv.config;
  if (argv['ref-root']) options.refRoot = argv['ref-root'];
  if (argv['max-file-size']) options.maxFileSize = argv['max-file-size'];
  if (argv['postman-env']) options.postmanEnvironment = argv['postman-env'];
  if (argv.overlay?.length) options.overlays = argv.overlay;
  return options;
}

export interface LoadedModel {
  spec: LoadedSpec;
  model: RouteModel;
}

/** Loads and normalizes; unusable input becomes an `input` error carrying its diagnostics. */
export async function loadModel(argv: SpecArgs): Promise<LoadedModel> {
  const loaded = await load(argv.spec, loadOptionsFrom(argv));
  if (!loaded.ok) throw new GateplanError('input', `cannot load ${argv.spec}`, loaded.diagnostics);
  const model = normalize(loaded.spec);
  return { spec: loaded.spec, model };
}

/** Which config a load used, for the run's `config:` line and the JSON `config` field. */
export function configUse(spec: LoadedSpec, argv: Pick<SpecArgs, 'config' | 'spec'>): ConfigUse {
  if (spec.config) return { file: spec.config.display, line: spec.config.display };
  const off = argv.config === false || (argv.config as unknown) === 'false';
  const [own, , shared] = configFileNames(spec.sources.entry.display);
  return {
    file: null,
    line: off ? 'none (--no-config)' : `none (no ${own} or ${shared} beside ${spec.sources.entry.display})`,
  };
}

/** Adds line/column to every diagnostic, from the files it points into, and orders them by position. */
export function locateAll(diagnostics: Diagnostic[], spec: LoadedSpec): Diagnostic[] {
  const located = spec.sources.locateAll(diagnostics.map((d) => d.where));
  return sortDiagnostics(diagnostics.map((d, i) => ({ ...d, where: located[i]! })));
}

/** `--target a,b --target c`: a comma-separated, repeatable list of target ids. */
export function targetListOption(describe: string, defaults: string[] = []) {
  return {
    alias: 't',
    type: 'string',
    array: true,
    default: defaults,
    coerce: (values: string[]) => values.flatMap((v) => v.split(',')).filter(Boolean),
    describe,
  } as const;
}
