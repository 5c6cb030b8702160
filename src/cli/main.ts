import yargs, { type Argv } from 'yargs';
import { formatters, type OutputFormat } from './format/index.js';
import { exitCodeFor, type CommandResult } from './result.js';
import { GateplanError, VERSION, type FormatContext } from '../index.js';

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
    usage: 'lint <spec>',
    describe: 'check a spec and its deployment intent',
    load: async () => {
      const m = await import('./commands/lint.js');
      return { builder: m.lintBuilder as never, handler: m.handleLint };
    },
  },
  codes: {
    usage: 'codes',
    describe: 'print the diagnostic catalog',
    load: async () => {
      const m = await import('./commands/lint.js');
      return {
        builder: (yargs) => yargs,
        handler: async () => ({
          diagnostics: [],
          diagnosticsFormat: 'text',
          diagnosticsTo: 'stderr',
          stdout: m.listCodes(),
          failOn: 'none',
        }),
      };
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
    describe: 'which ALB rule and target groups serve a request, and which operation it is',
    load: async () => {
      const m = await import('./commands/explain.js');
      return { builder: m.explainBuilder as never, handler: m.handleExplain };
    },
  },
  init: {
    usage: 'init <spec>',
    describe: 'write a commented gateplan.yaml beside the spec',
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

/** Runs the CLI; returns the exit code (0 ok, 1 findings at or above --fail-on, 2 bad input or usage). */
export async function main(args: string[], io: Io = processIo): Promise<number> {
  let outcome: CommandResult | undefined;
  // Findings of input a command cannot use print as the command would print its own: a
  // script asking for JSON gets JSON, also when the spec does not load.
  let inputFormat: OutputFormat = 'text';
  const context: FormatContext = { color: io.color };
  const run = (handler: Handler) => async (argv: unknown) => {
    const requested = (argv as { format?: string }).format;
    if (requested !== undefined && requested in formatters) inputFormat = requested as OutputFormat;
    outcome = await handler(argv as never, context);
  };
  // Only a command the arguments name can run; `--help` alone lists the others without loading them.
  const named = Object.entries(COMMANDS).filter(([name]) => args.includes(name));
  const modules = new Map(await Promise.all(named.map(async ([name, c]) => [name, await c.load()] as const)));
  let parser = (yargs(args) as Argv)
    .scriptName('gateplan')
    .usage(
      '$0 <command> [options]\n\nTurn an OpenAPI description plus x-gateplan intent into AWS front-door configuration.',
    );
  for (const [name, command] of Object.entries(COMMANDS)) {
    const module = modules.get(name);
    parser = module
      ? parser.command(command.usage, command.describe, module.builder, run(module.handler))
      : parser.command(command.usage, command.describe);
  }
  parser = parser
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
    if (!outcome) return 0;
    report(outcome, io);
    return exitCodeFor(outcome);
  } catch (error) {
    return reportError(error, io, inputFormat);
  }
}

function report(result: CommandResult, io: Io): void {
  const rendered = formatters[result.diagnosticsFormat](result.diagnostics, { color: io.color });
  if (result.diagnosticsTo === 'stdout') {
    io.stdout(rendered);
    if (result.stdout) io.stdout(result.stdout);
  } else {
    if (result.diagnostics.length > 0) io.stderr(rendered);
    if (result.stdout) io.stdout(result.stdout);
  }
}

/**
 * The one place a failure becomes an exit code and a message: usage and unusable input exit 2
 * with one line (or the input's located findings, in the command's --format), as does file-system trouble the user can fix
 * (`--out` is a file, a read-only folder, a dangling link…); anything else is our bug.
 */
function reportError(error: unknown, io: Io, inputFormat: OutputFormat): 2 {
  const trouble = fileSystemTrouble(error);
  if (trouble) {
    io.stderr(`gateplan: ${trouble}\n`);
    return 2;
  }
  if (error instanceof GateplanError) {
    if (error.kind === 'usage') {
      io.stderr(`gateplan: ${error.message}\nRun \`gateplan --help\` for usage.\n`);
      return 2;
    }
    if (error.kind === 'input') {
      io.stderr(formatters[inputFormat](error.diagnostics, { color: io.color }));
      return 2;
    }
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`gateplan: internal error — please report it with the spec that caused it\n${message}\n`);
  return 2;
}

/** What each file-system error code means to someone who can fix it. */
const FILE_SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder (or a symbolic link to nothing)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file stands where a folder should be',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links (a loop?)',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
};

const FILE_SYSTEM_VERBS: Record<string, string> = {
  mkdir: 'create the folder',
  scandir: 'read the folder',
  opendir: 'read the folder',
  rename: 'write',
  write: 'write',
  open: 'open',
  read: 'read',
  stat: 'read',
  lstat: 'read',
  unlink: 'remove',
  rmdir: 'remove',
};

/** One line for a Node.js file-system error the user can fix; undefined for anything else. */
function fileSystemTrouble(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (!(error instanceof Error) || typeof e.code !== 'string' || typeof e.syscall !== 'string') return;
  const meaning = FILE_SYSTEM_ERRORS[e.code];
  if (!meaning) return;
  const path = e.dest ?? e.path;
  const verb = FILE_SYSTEM_VERBS[e.syscall] ?? e.syscall;
  return `cannot ${verb}${path ? ` ${path}` : ''}: ${meaning} (${e.code})`;
}
