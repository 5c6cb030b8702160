import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Argv } from 'yargs';
import {
  diff,
  DIFF_FORMATS,
  DIFF_TARGETS,
  diffFormatters,
  GateplanError,
  load,
  normalize,
  type Classification,
  type DiffFormat,
  type DiffReport,
  type DiffTarget,
  type FormatContext,
  type Where,
} from '../../index.js';
import {
  loadModel,
  loadOptionsFrom,
  locateAll,
  specOptions,
  type LoadedModel,
  type SpecArgs,
  targetListOption,
} from '../common.js';
import type { OutputFormat } from '../format/index.js';
import type { CommandResult } from '../result.js';

export type FailOn = 'breaking' | 'risky' | 'any' | 'none';

export interface DiffArgs extends SpecArgs {
  other?: string;
  base?: string;
  target: string[];
  format: DiffFormat;
  'fail-on': FailOn;
  color?: boolean;
}

export function diffBuilder(yargs: Argv) {
  return specOptions(yargs)
    .positional('other', {
      type: 'string',
      describe: 'the new version; without it, --base names the old one',
    })
    .option('base', {
      type: 'string',
      describe: 'git revision holding the old version of <spec> (with its $ref files and gateplan.yaml)',
    })
    .option('target', targetListOption(`also compare what these targets emit: ${DIFF_TARGETS.join(', ')}`))
    .option('format', { choices: DIFF_FORMATS, default: 'text' as DiffFormat, describe: 'output format' })
    .option('fail-on', {
      choices: ['breaking', 'risky', 'any', 'none'] as const,
      default: 'none' as const,
      describe: 'exit 1 when a change of this class or worse is found',
    })
    .option('color', { type: 'boolean', describe: 'color text output (default: when stdout is a terminal)' })
    .example('$0 diff old.yaml new.yaml', 'route-level changes between two files')
    .example(
      '$0 diff specs/api.yaml --base origin/main --target alb --format markdown',
      'a pull-request comment',
    );
}

/** Errors in either spec go to stderr beside the report: as JSON or annotations with those, else as text. */
const DIAGNOSTICS_FORMAT: Record<DiffFormat, OutputFormat> = {
  text: 'text',
  markdown: 'text',
  json: 'json',
  github: 'github',
};

export async function handleDiff(argv: DiffArgs, context: FormatContext): Promise<CommandResult> {
  const targets = checkTargets(argv.target);
  if (argv.other !== undefined && argv.base !== undefined)
    throw new GateplanError('usage', 'give either a second spec or --base, not both');
  if (argv.other === undefined && argv.base === undefined)
    throw new GateplanError('usage', 'give the new spec as a second argument, or --base <git-rev>');

  const base = argv.base !== undefined ? await loadAtRevision(argv, argv.base) : await loadModel(argv);
  const revision = await loadModel(argv.other !== undefined ? { ...argv, spec: argv.other } : argv);
  const report = diff(base.model, revision.model, { targets });
  const located = locateReport(report, base, revision, argv.base);

  const stdout = diffFormatters[argv.format](located, { color: argv.color ?? context.color });
  const errors = [
    ...relabel(locateAll(base.model.diagnostics, base.spec), argv.base),
    ...locateAll(revision.model.diagnostics, revision.spec),
  ].filter((d) => d.severity === 'error');
  return {
    diagnostics: errors,
    diagnosticsFormat: DIAGNOSTICS_FORMAT[argv.format],
    diagnosticsTo: 'stderr',
    stdout,
    failOn: 'none',
    failed: reachesFailOn(located, argv['fail-on']),
  };
}

function checkTargets(requested: string[]): DiffTarget[] {
  for (const t of requested) {
    if (!(DIFF_TARGETS as readonly string[]).includes(t))
      throw new GateplanError(
        'usage',
        `diff cannot compare target "${t}"; known: ${DIFF_TARGETS.join(', ')}`,
      );
  }
  return [...new Set(requested)] as DiffTarget[];
}

const FAIL_CLASSES: Record<FailOn, Classification[]> = {
  breaking: ['breaking'],
  risky: ['breaking', 'risky'],
  any: ['breaking', 'risky', 'safe'],
  none: [],
};

export function reachesFailOn(report: DiffReport, failOn: FailOn): boolean {
  return report.changes.some((c) => FAIL_CLASSES[failOn].includes(c.classification));
}

/** Adds line:column from each side's files; with --base, old locations read `REV:path`. */
function locateReport(
  report: DiffReport,
  base: LoadedModel,
  revision: LoadedModel,
  rev: string | undefined,
): DiffReport {
  base.spec.sources.prepare(report.changes.flatMap((c) => (c.base ? [c.base] : [])));
  revision.spec.sources.prepare(report.changes.flatMap((c) => (c.revision ? [c.revision] : [])));
  const onBase = (w: Where) => relabelWhere(base.spec.sources.locate(w), rev);
  return {
    ...report,
    base: { ...report.base, file: rev !== undefined ? `${rev}:${report.base.file}` : report.base.file },
    changes: report.changes.map((c) => ({
      ...c,
      ...(c.base ? { base: onBase(c.base) } : {}),
      ...(c.revision ? { revision: revision.spec.sources.locate(c.revision) } : {}),
    })),
  };
}

function relabel<T extends { where: Where }>(items: T[], rev: string | undefined): T[] {
  return items.map((d) => ({ ...d, where: relabelWhere(d.where, rev) }));
}

function relabelWhere(where: Where, rev: string | undefined): Where {
  return rev === undefined ? where : { ...where, file: `${rev}:${where.file}` };
}

const execFileAsync = promisify(execFile);
/** Files copied from the revision: spec-like text only, and not a whole monorepo's worth. */
const SPEC_FILE = /\.(ya?ml|json)(\.gz)?$/i;
const MAX_FILES = 2000;

/**
 * The spec as of a git revision: every spec-like file under its $ref root (its folder by
 * default) plus the --config, --overlay and --postman-env files, copied into a temporary folder with the repository's
 * layout and loaded from there, so $refs and the gateplan.yaml beside it resolve as they
 * did at that revision. Paths display relative to the repository root.
 */
async function loadAtRevision(argv: DiffArgs, rev: string): Promise<LoadedModel> {
  if (rev.startsWith('-') || rev.trim() === '')
    throw new GateplanError('usage', `--base ${JSON.stringify(rev)} is not a revision`);
  const specAbs = resolve(argv.spec);
  const top = await git(
    dirname(specAbs),
    ['rev-parse', '--show-toplevel'],
    `${argv.spec} is not inside a git repository`,
  );
  const commit = await git(
    top,
    ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`],
    `unknown git revision ${rev}`,
  );
  const topReal = await realpath(top);
  const inRepo = async (path: string) => {
    const rel = relative(topReal, await realpath(path).catch(() => resolve(path)));
    if (rel.startsWith('..') || isAbsolute(rel))
      throw new GateplanError('usage', `${path} is outside the git repository ${top}`);
    return rel.split(sep).join('/');
  };
  const specRel = await inRepo(specAbs);
  const rootRel = await inRepo(argv['ref-root'] ?? dirname(specAbs));
  const configRel =
    typeof argv.config === 'string' && argv.config !== 'false' ? await inRepo(argv.config) : undefined;
  const overlayRels = await Promise.all((argv.overlay ?? []).map(inRepo));
  const environmentRel = argv['postman-env'] ? await inRepo(argv['postman-env']) : undefined;

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
    for (const file of wanted) {
      const content = await gitBlob(top, `${commit}:${file}`, argv['max-file-size'] ?? 32 * 1024 * 1024);
      if (content === undefined) continue;
      await mkdir(dirname(join(temp, file)), { recursive: true });
      await writeFile(join(temp, file), content);
      present.add(file);
    }
    // Inputs named on the command line take part as they were at the revision; one that did not exist yet is left out.
    const options = { ...loadOptionsFrom(argv), cwd: temp, refRoot: join(temp, rootRel) };
    if (configRel) options.config = present.has(configRel) ? join(temp, configRel) : false;
    options.overlays = overlayRels.filter((f) => present.has(f)).map((f) => join(temp, f));
    if (environmentRel && present.has(environmentRel))
      options.postmanEnvironment = join(temp, environmentRel);
    else delete options.postmanEnvironment;
    const loaded = await load(join(temp, specRel), options);
    if (!loaded.ok)
      throw new GateplanError('input', `cannot load ${specRel} at ${rev}`, relabel(loaded.diagnostics, rev));
    return { spec: loaded.spec, model: normalize(loaded.spec) };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
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
