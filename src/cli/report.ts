import {
  closestName,
  diagnosticJson,
  findingCounts,
  GateplanError,
  JSON_SCHEMA_VERSION,
  printable,
  type Diagnostic,
} from '../index.js';
import { formatters } from './format/index.js';
import type { Io } from './io.js';
import { exitCodeFor, type CommandResult } from './result.js';
import { UnknownWordsError } from './unknown.js';

/**
 * Prints a command's outcome and returns its exit code. With a JSON document, stdout carries
 * that document alone (findings included) and stderr nothing; otherwise stderr first says
 * which config the run used, then findings and output go where the command said.
 */
export function report(result: CommandResult, io: Io, color: boolean): 0 | 1 | 2 {
  if (result.json) {
    io.stdout(jsonDocument(result));
    return exitCodeFor(result);
  }
  for (const config of [result.config ?? []].flat()) io.stderr(`config: ${printable(config.line)}\n`);
  const rendered = formatters[result.diagnosticsFormat](result.diagnostics, { color });
  if (result.diagnosticsTo === 'stdout') {
    io.stdout(rendered);
    if (result.stdout) io.stdout(result.stdout);
  } else {
    if (result.diagnostics.length > 0) io.stderr(rendered);
    if (result.stdout) io.stdout(result.stdout);
  }
  return exitCodeFor(result);
}

/** The command's document with the schema version, the config, the findings and their counts. */
function jsonDocument(result: CommandResult): string {
  const { schemaVersion: _version, summary, ...body } = result.json!;
  return (
    JSON.stringify(
      {
        schemaVersion: JSON_SCHEMA_VERSION,
        ...(result.config && !Array.isArray(result.config) ? { config: result.config.file } : {}),
        summary: { ...summary, ...findingCounts(result.diagnostics) },
        ...body,
        diagnostics: result.diagnostics.map(diagnosticJson),
      },
      null,
      2,
    ) + '\n'
  );
}

type ErrorKind = 'usage' | 'input' | 'file-system' | 'internal';

/**
 * The one place a failure becomes an exit code and a message: usage and unusable input exit 2
 * with one line (or the input's located findings), as does file-system trouble the user can fix
 * (`--out` is a file, a read-only folder, a dangling link…); anything else is our bug. With
 * `--format json` the failure is a JSON document on stdout too (`error` and the findings), and
 * stderr keeps the one line.
 */
export function reportError(
  error: unknown,
  io: Io,
  { format, color }: { format: string | undefined; color: boolean },
): 2 {
  const { kind, message, diagnostics } = describeFailure(error);
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          schemaVersion: JSON_SCHEMA_VERSION,
          error: { kind, message: message.split('\n')[0] },
          summary: findingCounts(diagnostics),
          diagnostics: diagnostics.map(diagnosticJson),
        },
        null,
        2,
      ) + '\n',
    );
  }
  // Under --format github the findings become annotations too; otherwise they read as text.
  if (kind === 'input' && diagnostics.length > 0)
    io.stderr(formatters[format === 'github' ? 'github' : 'text'](diagnostics, { color }));
  else if (kind === 'usage') io.stderr(`gateplan: ${message}\nRun \`gateplan --help\` for usage.\n`);
  else if (kind === 'internal')
    io.stderr(`gateplan: internal error — please report it with the spec that caused it\n${message}\n`);
  else io.stderr(`gateplan: ${message}\n`);
  return 2;
}

function describeFailure(error: unknown): { kind: ErrorKind; message: string; diagnostics: Diagnostic[] } {
  const trouble = fileSystemTrouble(error);
  if (trouble) return { kind: 'file-system', message: trouble, diagnostics: [] };
  if (error instanceof UnknownWordsError)
    return { kind: 'usage', message: withSuggestions(error), diagnostics: [] };
  if (error instanceof GateplanError && error.kind !== 'internal')
    return { kind: error.kind, message: error.message, diagnostics: error.diagnostics };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { kind: 'internal', message, diagnostics: [] };
}

/** yargs's `Unknown argument: formt`, with what each word probably meant: an option, or a command. */
function withSuggestions(error: UnknownWordsError): string {
  const hints = error.words.flatMap((word, i) => {
    if (i === 0 && error.options.length === 0) {
      const command = closestName(word, error.commands);
      return [
        command
          ? `"${word}" is not a command; did you mean "${command}"?`
          : `"${word}" is not a command; the commands are ${error.commands.join(', ')}`,
      ];
    }
    const name = word.replace(/^-+/, '');
    const option = closestName(name, error.options);
    return option ? [`--${name}: did you mean --${option}?`] : [];
  });
  return [error.message, ...hints].join('\n');
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
