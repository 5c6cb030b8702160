import { join } from 'node:path';
import type { Argv } from 'yargs';
import {
  checkArtifacts,
  DEFAULT_TERRAFORM_FRONT_DOOR,
  generate,
  hasErrors,
  readTemplateDir,
  targets,
  TERRAFORM_FRONT_DOORS,
  writeArtifacts,
  type StaleFile,
} from '../../index.js';
import {
  configUse,
  locateAll,
  loadModel,
  reportOptions,
  specOptions,
  type ReportArgs,
  type SpecArgs,
  targetListOption,
} from '../common.js';
import type { CommandResult } from '../result.js';

export interface GenerateArgs extends SpecArgs, ReportArgs {
  target: string[];
  out: string;
  check: boolean;
  for?: string;
  templates?: string;
}

export function generateBuilder(yargs: Argv) {
  return reportOptions(specOptions(yargs), ['text', 'json', 'github'])
    .option(
      'target',
      targetListOption(`what to emit, comma-separated: ${Object.keys(targets).join(', ')}`, ['model']),
    )
    .option('out', { alias: 'o', type: 'string', default: 'out', describe: 'output folder' })
    .option('check', {
      type: 'boolean',
      default: false,
      describe:
        'write nothing; exit 1 if an output file is stale, missing, or left by an earlier run that this one would not write',
    })
    .option('for', {
      type: 'string',
      choices: TERRAFORM_FRONT_DOORS,
      describe: `terraform: the front door to render (default ${DEFAULT_TERRAFORM_FRONT_DOOR})`,
    })
    .option('templates', {
      type: 'string',
      describe: 'terraform: a folder of *.hbs templates that replace the bundled ones by name',
    })
    .example('$0 generate specs/bookstore.yaml --target model --out out/', 'write the normalized route model')
    .example('$0 generate specs/bookstore.yaml --out out/ --check', 'fail CI when committed output is stale');
}

export async function handleGenerate(argv: GenerateArgs): Promise<CommandResult> {
  const { spec, model } = await loadModel(argv);
  const result = generate(model, {
    targets: argv.target,
    ...(argv.for ? { for: argv.for } : {}),
    ...(argv.templates ? { templates: readTemplateDir(argv.templates), templatesDir: argv.templates } : {}),
  });
  const diagnostics = locateAll(result.diagnostics, spec);
  const json = argv.format === 'json';
  const base = {
    diagnostics,
    diagnosticsFormat: argv.format,
    diagnosticsTo: 'stderr' as const,
    failOn: argv['fail-on'],
    config: configUse(spec, argv),
  };
  const document = (files: { path: string; status: string }[], counts: Record<string, number>) => ({
    summary: { files: files.length, ...counts },
    out: argv.out,
    check: argv.check,
    files,
  });
  if (hasErrors(diagnostics)) {
    if (json) return { ...base, json: document([], { written: 0 }), failed: true };
    return { ...base, stdout: `nothing written: fix the errors above first\n`, failed: true };
  }
  if (argv.check) {
    const stale = await checkArtifacts(argv.out, result.artifacts, { manifests: true });
    const staleBy = new Map(stale.map((s) => [s.path, s]));
    if (json)
      return {
        ...base,
        json: {
          ...document(
            [
              ...result.artifacts.map((a) => ({
                path: join(argv.out, a.path),
                status: staleBy.get(a.path)?.status ?? 'same',
              })),
              // Manifests and files an earlier run left: not artifacts, but part of what --check judges.
              ...stale
                .filter((s) => !result.artifacts.some((a) => a.path === s.path))
                .map((s) => ({ path: join(argv.out, s.path), status: s.status })),
            ],
            { stale: stale.length },
          ),
          diffs: Object.fromEntries(stale.filter((s) => s.diff).map((s) => [join(argv.out, s.path), s.diff])),
        },
        failed: stale.length > 0,
      };
    if (stale.length === 0)
      return { ...base, stdout: `${result.artifacts.length} file(s) in ${argv.out} are up to date\n` };
    const lines = stale.map(
      (s) => `${STALE_LABEL[s.status]}: ${join(argv.out, s.path)}${s.diff ? '\n' + indent(s.diff) : ''}`,
    );
    return {
      ...base,
      stdout: `${stale.length} file(s) would change; run \`gateplan generate\` without --check:\n${lines.join('\n')}\n`,
      failed: true,
    };
  }
  const written = await writeArtifacts(argv.out, result.artifacts, { manifests: true });
  if (json)
    return {
      ...base,
      json: document(
        [
          ...written.written.map((p) => ({ path: join(argv.out, p), status: 'written' })),
          ...written.unchanged.map((p) => ({ path: join(argv.out, p), status: 'unchanged' })),
          ...written.removed.map((p) => ({ path: join(argv.out, p), status: 'removed' })),
        ],
        {
          written: written.written.length,
          unchanged: written.unchanged.length,
          removed: written.removed.length,
        },
      ),
    };
  const summary =
    `wrote ${written.written.length} file(s) to ${argv.out}` +
    (written.unchanged.length ? ` (${written.unchanged.length} unchanged)` : '');
  const removed = written.removed.length
    ? `removed ${written.removed.length} file(s) an earlier run wrote and this one does not:\n` +
      written.removed.map((p) => `  ${join(argv.out, p)}\n`).join('')
    : '';
  return {
    ...base,
    stdout: summary + '\n' + written.written.map((p) => `  ${join(argv.out, p)}\n`).join('') + removed,
  };
}

/** How `--check` names each kind of stale file. */
const STALE_LABEL: Record<StaleFile['status'], string> = {
  changed: 'stale',
  missing: 'missing',
  unsafe: 'unsafe',
  orphaned: 'no longer generated (generate removes it)',
};

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => '    ' + l)
    .join('\n');
}
