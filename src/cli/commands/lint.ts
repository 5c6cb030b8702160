import type { Argv } from 'yargs';
import { catalog, generate, printable, targets } from '../../index.js';
import {
  locateAll,
  loadModel,
  reportOptions,
  specOptions,
  type ReportArgs,
  type SpecArgs,
  targetListOption,
} from '../common.js';
import type { CommandResult } from '../result.js';

export interface LintArgs extends SpecArgs, ReportArgs {
  target: string[];
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
    .example('$0 lint specs/bookstore.yaml', 'check the spec and its deployment intent')
    .example('$0 lint specs/bookstore.yaml --format github --fail-on warn', 'annotate a pull request');
}

export async function handleLint(argv: LintArgs): Promise<CommandResult> {
  const { spec, model } = await loadModel(argv);
  const result = generate(model, { targets: argv.target.length ? argv.target : ['model'] });
  const diagnostics = locateAll(result.diagnostics, spec);
  const summary =
    diagnostics.length === 0 && argv.format === 'text'
      ? `${printable(spec.sources.entry.display)}: ${model.routes.length} routes, no findings\n`
      : undefined;
  return {
    diagnostics,
    diagnosticsFormat: argv.format,
    diagnosticsTo: 'stdout',
    failOn: argv['fail-on'],
    ...(summary ? { stdout: summary } : {}),
  };
}

/** `lint --list-codes`: the catalog as a table. */
export function listCodes(): string {
  return (
    Object.entries(catalog)
      .map(([code, e]) => `${code}  ${e.level.padEnd(5)}  ${e.stage.padEnd(10)}  ${e.slug}`)
      .join('\n') + '\n'
  );
}
