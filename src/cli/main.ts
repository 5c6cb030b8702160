import yargs, { type Argv } from 'yargs';
// Only these two of the library load before a command runs, so `--version` and `--help`
// answer without loading it (the dependency-cruiser rule for src/cli says why).
import { GateplanError } from '../diagnostics/errors.js';
import { VERSION } from '../version.js';
import type { FormatContext } from '../index.js';
import type { Io } from './io.js';
import type { CommandResult } from './result.js';
import { UnknownWordsError } from './unknown.js';

export type { Io } from './io.js';

/**
 * Colour as Node.js itself decides it: FORCE_COLOR wins (`0` or `false` turn colour off, any
 * other value on), then NO_COLOR (any non-empty value turns it off, https://no-color.org),
 * then whether stdout is a terminal that is not `dumb`.
 */
export function colorFromEnvironment(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

const processIo: Io = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  color: colorFromEnvironment(process.env, Boolean(process.stdout.isTTY)),
};

type Handler = (argv: never, context: FormatContext) => Promise<CommandResult>;

interface Command {
  usage: string;
  describe: string;
  /** The command's module, imported only when the command line names it: start-up pays for one. */
  load: () => Promise<{ builder: (yargs: Argv) => Argv; handler: Handler }>;
}

const COMMANDS: Record<string, Command> = {
  generate: {
    usage: 'generate <spec>',
    describe: 'emit configuration for one or more targets',
    load: async () => {
      const m = await import('./commands/generate.js');
      return { builder: m.generateBuilder as never, handler: m.handleGenerate };
    },
  },
  lint: {
    usage: 'lint <spec..>',
    describe: 'check specs and their deployment intent',
    load: async () => {
      const m = await import('./commands/lint.js');
      return { builder: m.lintBuilder as never, handler: m.handleLint };
    },
  },
  codes: {
    usage: 'codes',
    describe: 'print the diagnostic catalog',
    load: async () => {
      const m = await import('./commands/codes.js');
      return { builder: m.codesBuilder as never, handler: m.handleCodes };
    },
  },
  inspect: {
    usage: 'inspect <spec>',
    describe: 'print the route model: method, path, operationId, backend, auth, throttle, source',
    load: async () => {
      const m = await import('./commands/inspect.js');
      return { builder: m.inspectBuilder as never, handler: m.handleInspect };
    },
  },
  diff: {
    usage: 'diff <spec> [other]',
    describe: 'what a spec change does to routing: <old> <new>, or <spec> --base <git-rev>',
    load: async () => {
      const m = await import('./commands/diff.js');
      return { builder: m.diffBuilder as never, handler: m.handleDiff };
    },
  },
  explain: {
    usage: 'explain <spec> <method> <path>',
    describe: 'which rule or route serves a request on ALB or API Gateway, and which operation it is',
    load: async () => {
      const m = await import('./commands/explain.js');
      return { builder: m.explainBuilder as never, handler: m.handleExplain };
    },
  },
  init: {
    usage: 'init <spec>',
    describe: 'write a commented gateplan.yaml for a spec',
    load: async () => {
      const m = await import('./commands/init.js');
      return { builder: m.initBuilder as never, handler: m.handleInit };
    },
  },
  compare: {
    usage: 'compare <spec>',
    describe: 'features the spec uses × front doors, quotas, cost and a recommendation',
    load: async () => {
      const m = await import('./commands/compare.js');
      return { builder: m.compareBuilder as never, handler: m.handleCompare };
    },
  },
  cost: {
    usage: 'cost <spec>',
    describe: 'monthly cost of each front door for a traffic profile, and where they cross',
    load: async () => {
      const m = await import('./commands/cost.js');
      return { builder: m.costBuilder as never, handler: m.handleCost };
    },
  },
};

/** What the command line asked for, kept so a failure can answer in the same format. */
interface Requested {
  format?: string;
  color?: boolean;
}

/** Runs the CLI; returns the exit code (0 ok, 1 findings at or above --fail-on, 2 bad input or usage). */
export async function main(args: string[], io: Io = processIo): Promise<number> {
  let outcome: CommandResult | undefined;
  // Until yargs has parsed, a failure still answers in JSON when the line asks for it.
  const requested: Requested = { format: formatIn(args), color: colorIn(args) };
  const run = (handler: Handler) => async (argv: Requested) => {
    requested.format = argv.format;
    requested.color = argv.color;
    outcome = await handler(argv as never, { color: argv.color ?? io.color });
  };
  // The command is the first word that is not an option; only its module is loaded.
  const named = args.find((a) => !a.startsWith('-'));
  const command = named !== undefined && Object.hasOwn(COMMANDS, named) ? COMMANDS[named] : undefined;
  const module = command ? await command.load() : undefined;
  const commandNames = Object.keys(COMMANDS);
  let parser = (yargs(args) as Argv)
    .scriptName('gateplan')
    .usage(
      '$0 <command> [options]\n\nTurn an OpenAPI description plus x-gateplan intent into AWS front-door configuration.',
    );
  for (const c of Object.values(COMMANDS)) {
    parser =
      c === command && module
        ? parser.command(c.usage, c.describe, module.builder, run(module.handler) as never)
        : parser.command(c.usage, c.describe);
  }
  parser = parser
    .option('color', {
      type: 'boolean',
      global: true,
      describe: 'colour text output (default: on a terminal; FORCE_COLOR and NO_COLOR are honoured)',
    })
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(110, process.stdout.columns ?? 110))
    .epilogue(
      'Exit codes: 0 ok, 1 findings at or above --fail-on (or stale files with --check), 2 bad input or usage.',
    )
    .exitProcess(false)
    // The third argument is yargs's usage object (typed as the parser), which knows the command's options.
    .fail((message, error, usage) => {
      if (error) throw error;
      const unknown = /^Unknown arguments?: (.+)$/.exec(message);
      if (!unknown) throw new GateplanError('usage', message);
      const words = unknown[1]!.split(', ');
      throw new UnknownWordsError(message, words, optionsOf(usage), commandNames);
    });

  try {
    if (named === undefined && !args.some((a) => ['--help', '-h', '--version'].includes(a))) {
      // Bare `gateplan` (or options only): every command, on stderr, as a usage error.
      io.stderr(`${await parser.getHelp()}\n\ngateplan: name a command\n`);
      return 2;
    }
    if (named !== undefined && !command) {
      throw new UnknownWordsError(`Unknown command: ${named}`, [named], [], commandNames);
    }
    let helpText = '';
    await parser.parseAsync(args, {}, (_err, _argv, output) => {
      helpText = output;
    });
    if (helpText) {
      io.stdout(helpText + '\n');
      return 0;
    }
    if (!outcome) return 0;
    const { report } = await import('./report.js');
    return report(outcome, io, requested.color ?? io.color);
  } catch (error) {
    const { reportError } = await import('./report.js');
    return reportError(error, io, { format: requested.format, color: requested.color ?? io.color });
  }
}

/** `--format json` or `--format=json` on the raw command line. */
function formatIn(args: string[]): string | undefined {
  const at = args.lastIndexOf('--format');
  if (at >= 0) return args[at + 1];
  return args.findLast((a) => a.startsWith('--format='))?.slice('--format='.length);
}

function colorIn(args: string[]): boolean | undefined {
  const flag = args.findLast((a) => a === '--color' || a === '--no-color');
  return flag === undefined ? undefined : flag === '--color';
}

function optionsOf(usage: unknown): string[] {
  const descriptions = (usage as { getDescriptions?: () => Record<string, unknown> }).getDescriptions?.();
  return Object.keys(descriptions ?? {});
}
