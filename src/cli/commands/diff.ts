import type { Argv } from 'yargs';
import {
  diff,
  DIFF_FORMATS,
  DIFF_TARGETS,
  diffFormatters,
  diffJson,
  GateplanError,
  loadAtRevision,
  normalize,
  type Classification,
  type DiffFormat,
  type DiffReport,
  type DiffTarget,
  type FormatContext,
  type Where,
} from '../../index.js';
import {
  configUse,
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

  const base = argv.base !== undefined ? await loadBase(argv, argv.base) : await loadModel(argv);
  const revision = await loadModel(argv.other !== undefined ? { ...argv, spec: argv.other } : argv);
  const report = diff(base.model, revision.model, { targets });
  const located = locateReport(report, base, revision, argv.base);

  const errors = [
    ...relabel(locateAll(base.model.diagnostics, base.spec), argv.base),
    ...locateAll(revision.model.diagnostics, revision.spec),
  ].filter((d) => d.severity === 'error');
  const configs = { base: configUse(base.spec, argv), revision: configUse(revision.spec, argv) };
  const baseConfig =
    configs.base.file === null ? configs.base.file : relabelFile(configs.base.file, argv.base);
  return {
    diagnostics: errors,
    diagnosticsFormat: DIAGNOSTICS_FORMAT[argv.format],
    diagnosticsTo: 'stderr',
    ...(argv.format === 'json'
      ? {
          json: (({ base: b, revision: r, ...rest }) => ({
            base: { ...b, config: baseConfig },
            revision: { ...r, config: configs.revision.file },
            ...rest,
          }))(diffJson(located)),
        }
      : { stdout: diffFormatters[argv.format](located, context) }),
    config: {
      file: configs.revision.file,
      line: `${configs.revision.line} (base: ${baseConfig ?? configs.base.line})`,
    },
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
  return { ...where, file: relabelFile(where.file, rev) };
}

function relabelFile(file: string, rev: string | undefined): string {
  return rev === undefined ? file : `${rev}:${file}`;
}

/** The spec as of a git revision (`--base`); its diagnostics name files `REV:path`. */
async function loadBase(argv: DiffArgs, rev: string): Promise<LoadedModel> {
  const loaded = await loadAtRevision(rev, argv.spec, loadOptionsFrom(argv));
  if (!loaded.ok)
    throw new GateplanError('input', `cannot load ${argv.spec} at ${rev}`, relabel(loaded.diagnostics, rev));
  return { spec: loaded.spec, model: normalize(loaded.spec) };
}
