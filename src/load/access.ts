import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedLoadOptions } from './options.js';
import { parseText, type TextKind } from './parse.js';
import { PositionIndex } from './positions.js';
import { fetchSpec, readSpecFile, type ReadResult } from './read.js';

export interface SourceFile {
  absPath: string;
  /** Path as shown in diagnostics (relative to the working directory when inside it). */
  display: string;
  kind: TextKind;
  value: unknown;
  positions: PositionIndex;
}

/** `inFile`: the problem lies inside the file (it was read, and does not parse). */
export type OpenResult =
  { ok: true; file: SourceFile } | { ok: false; diagnostic: Diagnostic; inFile: boolean };

/**
 * How a file came to be read: `named` by the user (the spec, `--config`, `--overlay`,
 * `--postman-env`, or the `gateplan.yaml` beside the spec), `referenced` by a `$ref`, or
 * `remote` (a `$ref` to a URL, only with `--allow-remote-refs`).
 */
export type Reach = 'named' | 'referenced' | 'remote';

/**
 * Which files a load may read, and the one place that reads and parses them. Paths are
 * compared by their real location (symlinks resolved), never as strings: a spec's author
 * controls the symlinks in their folder, not the folders those lead to.
 *
 * - A `$ref`'d file must really lie under the ref root (the spec's folder, or `--ref-root`).
 * - A named file may be anywhere when its path holds no symlink; when it does, the link must
 *   lead under the ref root or the working directory.
 * - Nothing under a `.git` folder is read through a `$ref` or a symlink: CI checkouts keep
 *   credentials there.
 *
 * A refused file is never opened, so no message can quote it.
 */
export class FileAccess {
  private constructor(
    /** The ref root as given, for messages and to tell a `../` escape from a symlink. */
    private readonly root: string,
    private readonly realRoot: string,
    private readonly realCwd: string,
    private readonly options: ResolvedLoadOptions,
  ) {}

  static async create(entryAbs: string, options: ResolvedLoadOptions): Promise<FileAccess> {
    const root = resolvePath(options.cwd, options.refRoot ?? dirname(entryAbs));
    const real = (path: string) => realpath(path).catch(() => path);
    return new FileAccess(root, await real(root), await real(options.cwd), options);
  }

  /** A path given by the user, made absolute against the working directory. */
  resolve(path: string): string {
    return resolvePath(this.options.cwd, path);
  }

  /** Where `absPath` is shown in diagnostics: relative to the working directory when inside it. */
  display(absPath: string): string {
    return displayPath(absPath, this.options.cwd);
  }

  /** Reads and parses a file; refuses it, unread, when the access rules say no. */
  async open(absPath: string, reach: Reach): Promise<OpenResult> {
    const display = reach === 'remote' ? absPath : this.display(absPath);
    const read = await this.read(absPath, display, reach);
    if (!read.ok) return { ...read, inFile: false };
    const parsed = parseText(read.text, display, this.options);
    if (!parsed.ok) return { ...parsed, inFile: true };
    return {
      ok: true,
      file: {
        absPath,
        display,
        kind: parsed.kind,
        value: parsed.value,
        positions: new PositionIndex(read.text, parsed.kind),
      },
    };
  }

  private async read(absPath: string, display: string, reach: Reach): Promise<ReadResult> {
    if (reach === 'remote') return fetchSpec(absPath, this.options.maxFileSize);
    const real = await realpath(absPath).catch(() => undefined);
    const refused = this.refusal(absPath, real, reach);
    if (refused) {
      const where = { file: display, pointer: '' };
      const root = this.display(this.root);
      return { ok: false, diagnostic: diagnostic(refused, where, { file: display, ref: display, root }) };
    }
    // A missing file (or a dangling link) is left to the read, which reports it as missing.
    return readSpecFile(real ?? absPath, display, this.options.maxFileSize);
  }

  /** GP009: a `$ref` that leaves the ref root; GP015: a path that a symlink leads out of it. */
  private refusal(absPath: string, real: string | undefined, reach: Reach): 'GP009' | 'GP015' | undefined {
    if (reach === 'named') {
      if (real === undefined) return undefined;
      return namedFileAllowed(absPath, real, [this.realRoot, this.realCwd]) ? undefined : 'GP015';
    }
    const asWritten = within(this.root, absPath);
    if (real === undefined) return asWritten ? undefined : 'GP009';
    if (insideAny(real, [this.realRoot])) return undefined;
    return asWritten ? 'GP015' : 'GP009';
  }
}

/**
 * The rule for a file the user names: anywhere when no symbolic link is on its path (`real`
 * is the path as written); through a link, only into one of `realRoots`, and never into a
 * `.git` folder. Also used for named inputs read outside a spec load (templates, data files).
 */
export function namedFileAllowed(absPath: string, real: string, realRoots: string[]): boolean {
  return real === absPath || insideAny(real, realRoots);
}

function insideAny(real: string, roots: string[]): boolean {
  return roots.some((root) => within(root, real) && !relative(root, real).split(sep).includes('.git'));
}

export function displayPath(absPath: string, cwd: string): string {
  const rel = relative(cwd, absPath);
  return rel && within(cwd, absPath) ? rel.split(sep).join('/') : absPath;
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}
