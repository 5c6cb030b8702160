import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { GateplanError } from '../diagnostics/errors.js';
import { load, type LoadResult } from './load.js';
import { resolveLoadOptions, type LoadOptions } from './options.js';

const execFileAsync = promisify(execFile);
/** Files copied from the revision: spec-like text only, and not a whole monorepo's worth. */
const SPEC_FILE = /\.(ya?ml|json)(\.gz)?$/i;
const MAX_FILES = 2000;

/**
 * A spec as of a git revision (`diff --base REV`): every spec-like file under its `$ref` root
 * (its folder by default) plus the `config`, `overlays` and `postmanEnvironment` files, copied
 * into a temporary folder with the repository's layout and loaded from there, so `$ref`s and
 * the gateplan.yaml beside it resolve as they did at that revision. Paths are named as in the
 * working tree; diagnostics show them relative to the repository root. An input named in the
 * options that did not exist at the revision is left out. Git trouble is a usage error.
 */
export async function loadAtRevision(
  rev: string,
  specPath: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  if (rev.startsWith('-') || rev.trim() === '')
    throw new GateplanError('usage', `--base ${JSON.stringify(rev)} is not a revision`);
  const cwd = options.cwd ?? process.cwd();
  const specAbs = resolve(cwd, specPath);
  const top = await git(
    dirname(specAbs),
    ['rev-parse', '--show-toplevel'],
    `${specPath} is not inside a git repository`,
  );
  const commit = await git(
    top,
    ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`],
    `unknown git revision ${rev}`,
  );
  const topReal = await realpath(top);
  const inRepo = async (path: string) => {
    const abs = resolve(cwd, path);
    const rel = relative(topReal, await realpath(abs).catch(() => abs));
    if (rel.startsWith('..') || isAbsolute(rel))
      throw new GateplanError('usage', `${path} is outside the git repository ${top}`);
    return rel.split(sep).join('/');
  };
  const specRel = await inRepo(specAbs);
  const rootRel = await inRepo(options.refRoot ?? dirname(specAbs));
  const configRel = typeof options.config === 'string' ? await inRepo(options.config) : undefined;
  const overlayRels = await Promise.all((options.overlays ?? []).map(inRepo));
  const environmentRel = options.postmanEnvironment ? await inRepo(options.postmanEnvironment) : undefined;

  const listed = (
    await git(top, ['ls-tree', '-r', '-z', '--name-only', commit, '--', rootRel || '.'], `cannot list ${rev}`)
  )
    .split('\0')
    .filter(Boolean);
  if (!listed.includes(specRel)) throw new GateplanError('usage', `${specRel} does not exist at ${rev}`);
  const wanted = new Set(listed.filter((f) => SPEC_FILE.test(f)));
  if (wanted.size > MAX_FILES) {
    throw new GateplanError(
      'usage',
      `${rootRel || '.'} holds ${wanted.size} spec-like files at ${rev} (limit ${MAX_FILES}); narrow it with --ref-root`,
    );
  }
  for (const extra of [specRel, configRel, ...overlayRels, environmentRel]) if (extra) wanted.add(extra);

  const temp = await mkdtemp(join(tmpdir(), 'gateplan-base-'));
  try {
    const present = new Set<string>();
    const maxFileSize = resolveLoadOptions(options).maxFileSize;
    for (const file of wanted) {
      const dest = inside(temp, file, rev);
      const content = await gitBlob(top, `${commit}:${file}`, maxFileSize);
      if (content === undefined) continue;
      await mkdir(dirname(dest), { recursive: true });
      await writeFile(dest, content);
      present.add(file);
    }
    const atRevision: LoadOptions = { ...options, cwd: temp, refRoot: join(temp, rootRel), overlays: [] };
    if (configRel) atRevision.config = present.has(configRel) ? join(temp, configRel) : false;
    atRevision.overlays = overlayRels.filter((f) => present.has(f)).map((f) => join(temp, f));
    if (environmentRel && present.has(environmentRel))
      atRevision.postmanEnvironment = join(temp, environmentRel);
    else delete atRevision.postmanEnvironment;
    return await load(join(temp, specRel), atRevision);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/**
 * Where a file of the revision goes in the temporary folder. Git never writes a tree entry
 * named `.` or `..` (or one with a slash), but crafted objects can hold them (`git mktree`
 * takes `..`) and `ls-tree` prints the joined path: like git's own checkout, refuse the
 * revision rather than write outside the folder.
 */
function inside(temp: string, file: string, rev: string): string {
  const segments = file.split('/');
  const dest = resolve(temp, file);
  if (
    isAbsolute(file) ||
    segments.some((s) => s === '' || s === '.' || s === '..') ||
    !dest.startsWith(temp + sep)
  )
    throw new GateplanError('usage', `${rev} holds a path that leaves its tree: ${JSON.stringify(file)}`);
  return dest;
}

async function git(cwd: string, args: string[], failure: string): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout.replace(/\n$/, '');
  } catch {
    throw new GateplanError('usage', failure);
  }
}

/** A file's bytes at a revision; undefined when it is larger than the read limit (the loader then reports it missing). */
async function gitBlob(cwd: string, object: string, maxBytes: number): Promise<Buffer | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['cat-file', 'blob', object], {
      cwd,
      encoding: 'buffer',
      maxBuffer: maxBytes,
    });
    return stdout;
  } catch {
    return undefined;
  }
}
