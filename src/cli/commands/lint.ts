import type { Argv } from 'yargs';
import {
  generate,
  printable,
  GateplanError,
  load,
  normalize,
  targets,
  type Diagnostic,
} from '../../index.js';
import {
  configUse,
  loadOptionsFrom,
  locateAll,
  reportOptions,
  specOptions,
  type ReportArgs,
  type SpecArgs,
  targetListOption,
} from '../common.js';
import type { CommandResult, ConfigUse } from '../result.js';

export interface LintArgs extends Omit<SpecArgs, 'spec'>, ReportArgs {
  spec: string[];
  target: string[];
  'skip-non-specs': boolean;
}

export function lintBuilder(yargs: Argv) {
  return reportOptions(specOptions(yargs))
    .option(
      'target',
      targetListOption(
        `also check what these targets need: ${
          Object.keys(targets)
            .filter((t) => t !== 'model')
            .join(', ') || '(none yet)'
        }`,
      ),
    )
    .option('skip-non-specs', {
      type: 'boolean',
      default: false,
      describe:
        'skip, with a note, a file that is not an API description (an overlay, a $ref fragment, other YAML): for hooks given every staged file',
    })
    .example('$0 lint specs/bookstore.yaml', 'check the spec and its deployment intent')
    .example('$0 lint specs/*.yaml --skip-non-specs', 'several specs in one run, as the pre-commit hook does')
    .example('$0 lint specs/bookstore.yaml --format github --fail-on warn', 'annotate a pull request');
}

/** What linting one file gave. */
interface Linted {
  file: string;
  config: ConfigUse | null;
  routes: number;
  /** Why the file was not linted: it is not an API description (`--skip-non-specs`), or it cannot be read. */
  skipped?: 'not an API description';
  unusable?: boolean;
  diagnostics: Diagnostic[];
}

/**
 * Lints each spec in turn, in one process. One spec that cannot be used stops the run as any
 * command's would (exit 2); among several, its findings are reported with the others' and the
 * run still exits 2.
 */
export async function handleLint(argv: LintArgs): Promise<CommandResult> {
  const files = argv.spec;
  const linted: Linted[] = [];
  for (const file of files) {
    const result = await lintOne(argv, file);
    if (result.unusable && files.length === 1)
      throw new GateplanError('input', `cannot load ${file}`, result.diagnostics);
    linted.push(result);
  }
  const diagnostics = linted.flatMap((l) => l.diagnostics);
  const single = files.length === 1 ? linted[0]!.config : undefined;
  const base = {
    diagnostics,
    diagnosticsFormat: argv.format,
    diagnosticsTo: 'stdout',
    failOn: argv['fail-on'],
    ...(linted.some((l) => l.unusable) ? { unusable: true } : {}),
  } as const;
  if (argv.format === 'json')
    return {
      ...base,
      ...(single ? { config: single } : {}),
      json: {
        summary: {
          specs: linted.filter((l) => !l.skipped && !l.unusable).length,
          skipped: linted.filter((l) => l.skipped).length,
          routes: linted.reduce((n, l) => n + l.routes, 0),
        },
        specs: linted.map((l) => ({
          file: l.file,
          config: l.config?.file ?? null,
          routes: l.routes,
          ...(l.skipped ? { skipped: l.skipped } : {}),
          ...(l.unusable ? { unusable: true } : {}),
        })),
      },
    };
  const notes = linted.map((l) => {
    if (l.skipped) return `skipped ${printable(l.file)}: ${l.skipped}\n`;
    if (argv.format === 'text' && !l.unusable && l.diagnostics.length === 0)
      return `${printable(l.file)}: ${l.routes} routes, no findings\n`;
    return '';
  });
  const configs = linted.flatMap((l) =>
    l.config ? [single ? l.config : { ...l.config, line: `${l.config.line} for ${l.file}` }] : [],
  );
  return { ...base, config: configs, stdout: notes.join('') || undefined };
}

async function lintOne(argv: LintArgs, file: string): Promise<Linted> {
  const loaded = await load(file, loadOptionsFrom({ ...argv, spec: file }));
  if (!loaded.ok) {
    if (argv['skip-non-specs'] && loaded.diagnostics.some((d) => d.code === 'GP006'))
      return { file, config: null, routes: 0, skipped: 'not an API description', diagnostics: [] };
    return { file, config: null, routes: 0, unusable: true, diagnostics: loaded.diagnostics };
  }
  const model = normalize(loaded.spec);
  const result = generate(model, { targets: argv.target.length ? argv.target : ['model'] });
  return {
    file: loaded.spec.sources.entry.display,
    config: configUse(loaded.spec, { ...argv, spec: file }),
    routes: model.routes.length,
    diagnostics: locateAll(result.diagnostics, loaded.spec),
  };
}
