import yargs, { type Argv } from 'yargs';
import { formatters, type OutputFormat } from './format/index.js';
import { exitCodeFor, type CommandResult } from './result.js';
import { generateBuilder, handleGenerate } from './commands/generate.js';
import { handleLint, lintBuilder, listCodes } from './commands/lint.js';
import { handleInspect, inspectBuilder } from './commands/inspect.js';
import { explainBuilder, handleExplain } from './commands/explain.js';
import { diffBuilder, handleDiff } from './commands/diff.js';
import { handleInit, initBuilder } from './commands/init.js';
import { costBuilder, handleCost } from './commands/cost.js';
import { compareBuilder, handleCompare } from './commands/compare.js';
import { GateplanError, VERSION } from '../index.js';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  color: boolean;
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

/** Runs the CLI; returns the exit code (0 ok, 1 findings at or above --fail-on, 2 bad input or usage). */
export async function main(args: string[], io: Io = processIo): Promise<number> {
  let outcome: { result: CommandResult; format: string } | undefined;
  let printed = false;
  const run = (handler: (argv: never) => Promise<CommandResult>) => async (argv: unknown) => {
    outcome = {
      result: await handler(argv as never),
      format: (argv as { format?: string }).format ?? 'text',
    };
  };
  const parser = (yargs(args) as Argv)
    .scriptName('gateplan')
    .usage(
      '$0 <command> [options]\n\nTurn an OpenAPI description plus x-gateplan intent into AWS front-door configuration.',
    )
    .command(
      'generate <spec>',
      'emit configuration for one or more targets',
      generateBuilder,
      run(handleGenerate),
    )
    .command('lint <spec>', 'check a spec and its deployment intent', lintBuilder, run(handleLint))
    .command('codes', 'print the diagnostic catalog', {}, () => {
      io.stdout(listCodes());
      printed = true;
    })
    .command(
      'inspect <spec>',
      'print the route model: method, path, operationId, backend, auth, throttle, source',
      inspectBuilder,
      run(handleInspect),
    )
    .command(
      'diff <spec> [other]',
      'what a spec change does to routing: <old> <new>, or <spec> --base <git-rev>',
      diffBuilder,
      run(handleDiff),
    )
    .command(
      'explain <spec> <method> <path>',
      'which ALB rule and target groups serve a request, and which operation it is',
      explainBuilder,
      run(handleExplain),
    )
    .command('init <spec>', 'write a commented gateplan.yaml beside the spec', initBuilder, run(handleInit))
    .command(
      'compare <spec>',
      'features the spec uses × front doors, quotas, cost and a recommendation',
      compareBuilder,
      run(handleCompare),
    )
    .command(
      'cost <spec>',
      'monthly cost of each front door for a traffic profile, and where they cross',
      costBuilder,
      run(handleCost),
    )
    .demandCommand(1, 'name a command: generate, lint, inspect, codes')
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .epilogue(
      'Exit codes: 0 ok, 1 findings at or above --fail-on (or stale files with --check), 2 bad input or usage.',
    )
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      throw new GateplanError('usage', message);
    });

  try {
    let helpText = '';
    await parser.parseAsync(args, {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (helpText) {
      io.stdout(helpText + '\n');
      return 0;
    }
    if (printed || !outcome) return 0;
    report(outcome.result, outcome.format, io);
    return exitCodeFor(outcome.result);
  } catch (error) {
    return reportError(error, io);
  }
}

function report(result: CommandResult, format: string, io: Io): void {
  const formatter = formatters[(format in formatters ? format : 'text') as OutputFormat];
  const rendered = formatter(result.diagnostics, { color: io.color });
  if (result.diagnosticsTo === 'stdout') {
    io.stdout(rendered);
    if (result.stdout) io.stdout(result.stdout);
  } else {
    if (result.diagnostics.length > 0) io.stderr(rendered);
    if (result.stdout) io.stdout(result.stdout);
  }
}

function reportError(error: unknown, io: Io): number {
  if (error instanceof GateplanError) {
    if (error.kind === 'usage') {
      io.stderr(`gateplan: ${error.message}\nRun \`gateplan --help\` for usage.\n`);
      return 2;
    }
    if (error.kind === 'input') {
      io.stderr(formatters.text(error.diagnostics, { color: io.color }));
      return 2;
    }
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`gateplan: internal error — please report it with the spec that caused it\n${message}\n`);
  return 2;
}
