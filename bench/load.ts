/**
 * Load + normalize benchmark on the largest corpus specs, phase by phase, with swagger-parser's
 * validate() and dereference() on the same files as the baseline.
 *
 * The phases repeat what `load()` does, step by step, so each can be timed on its own; the public
 * `load()` + `normalize()` path is timed separately (in its own process) as the number a user pays,
 * and as a check that the phase split still matches what `load()` does.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { displayPath, FileAccess } from '../src/load/access.js';
import { detectFormat } from '../src/load/detect.js';
import { load } from '../src/load/index.js';
import { resolveLoadOptions } from '../src/load/options.js';
import { parseText } from '../src/load/parse.js';
import { PositionIndex } from '../src/load/positions.js';
import { readSpecFile } from '../src/load/read.js';
import { SourceSet } from '../src/load/sources.js';
import { normalize } from '../src/model/normalize.js';
import type { RouteModel } from '../src/model/types.js';
import { corpusEntries, HAS_CORPUS } from '../test/support/corpus.js';
import { inChild, measure, median, mib, ms, type Sample } from './measure.js';

const SCRIPT = fileURLToPath(import.meta.url);

/** The largest corpus specs, each stressing something different. */
const SPECS: { id: string; label: string }[] = [
  { id: 'oas30-github-api-gz', label: 'GitHub REST — 13 MB JSON (gz), 1,223 ops' },
  { id: 'oas30-stripe', label: 'Stripe — 3.8 MB YAML, 446 ops' },
  { id: 'oas31-openai', label: 'OpenAI — 3.0 MB YAML, OAS 3.1, 288 ops' },
  { id: 'oas30-multifile-digitalocean', label: 'DigitalOcean — 2,907 files, 659 ops' },
  { id: 'oas30-twilio-api-v2010', label: 'Twilio api v2010 — 1.9 MB JSON, 197 ops' },
];

const PHASES = ['read+parse', '$ref preload', 'normalize', 'locate'] as const;
type Mode = 'phases' | 'public' | 'validate' | 'dereference';

/** Runs per workload; the median is reported. `BENCH_RUNS` overrides. */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

function fail(stage: string, diagnostics: unknown): never {
  throw new Error(`${stage} failed: ${JSON.stringify(diagnostics).slice(0, 300)}`);
}

/** What `inspect` and `lint` add on top: line/column for every route and diagnostic, found together. */
function locateAll(model: RouteModel, sources: SourceSet): number {
  const wheres = [...model.routes.map((r) => r.where), ...model.diagnostics.map((d) => d.where)];
  return sources.locateAll(wheres).filter((w) => w.line !== undefined).length;
}

async function runPhases(file: string): Promise<Sample> {
  const options = resolveLoadOptions();
  const display = displayPath(file, options.cwd);
  const access = await FileAccess.create(file, options);
  return measure(RUNS, async (phase) => {
    const entry = await phase('read+parse', async () => {
      const read = await readSpecFile(file, display, options.maxFileSize);
      if (!read.ok) fail('read', read.diagnostic);
      const parsed = parseText(read.text, display, options);
      if (!parsed.ok) fail('parse', parsed.diagnostic);
      return {
        absPath: file,
        display,
        kind: parsed.kind,
        value: parsed.value,
        positions: new PositionIndex(read.text, parsed.kind),
      };
    });
    const detected = detectFormat(entry.value);
    if (!detected.ok) fail('detect', detected);
    const sources = await phase('$ref preload', async () => {
      const set = new SourceSet(entry, access, options);
      await set.preload();
      return set;
    });
    const document = entry.value as Record<string, unknown>;
    const model = await phase('normalize', () =>
      normalize({ format: detected.format, document, sources, diagnostics: [] }),
    );
    await phase('locate', () => locateAll(model, sources));
  });
}

async function runPublic(file: string): Promise<Sample> {
  return measure(RUNS, async (phase) => {
    await phase('load+normalize', async () => {
      const loaded = await load(file, { config: false });
      if (!loaded.ok) fail('load', loaded.diagnostics);
      return normalize(loaded.spec);
    });
  });
}

/** swagger-parser cannot read .gz; the gunzip happens before timing starts. */
async function runSwaggerParser(file: string, mode: 'validate' | 'dereference'): Promise<Sample> {
  let path = file;
  let tmp: string | undefined;
  if (file.endsWith('.gz')) {
    tmp = mkdtempSync(join(tmpdir(), 'gateplan-bench-'));
    path = join(tmp, basename(file, '.gz'));
    writeFileSync(path, gunzipSync(readFileSync(file)));
  }
  try {
    return await measure(RUNS, async (phase) => {
      await phase(mode, () =>
        mode === 'validate' ? SwaggerParser.validate(path) : SwaggerParser.dereference(path),
      );
    });
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

function runMode(mode: Mode, file: string): Promise<Sample> {
  switch (mode) {
    case 'phases':
      return runPhases(file);
    case 'public':
      return runPublic(file);
    default:
      return runSwaggerParser(file, mode);
  }
}

interface SpecResult {
  label: string;
  phases: Sample;
  public: Sample;
  validate: Sample;
  dereference: Sample;
}

const phaseMedian = (sample: Sample, name: string) => median(sample.phases[name] ?? []);
function cell(sample: Sample, name: string): string {
  const value = ms(phaseMedian(sample, name));
  return sample.error ? `${value} (threw: ${sample.error})` : value;
}

function dominantPhase(sample: Sample): string {
  const [name, value] = PHASES.map((p) => [p, phaseMedian(sample, p)] as const).reduce((a, b) =>
    b[1] > a[1] ? b : a,
  );
  const total = PHASES.reduce((sum, p) => sum + phaseMedian(sample, p), 0);
  return `${name} (${Math.round((value / total) * 100)}%)`;
}

function verdict(result: SpecResult): string {
  const ours = phaseMedian(result.public, 'load+normalize');
  const validate = phaseMedian(result.validate, 'validate');
  const deref = phaseMedian(result.dereference, 'dereference');
  const ratio = (base: number) => (Number.isNaN(base) ? '—' : `${(ours / base).toFixed(2)}×`);
  const aims = [
    Number.isNaN(validate) ? '—' : ours < validate ? 'yes' : 'NO',
    Number.isNaN(deref) ? '—' : ours <= 1.5 * deref ? 'yes' : 'NO',
  ];
  return `| ${result.label} | ${ms(ours)} | ${cell(result.validate, 'validate')} | ${ratio(validate)} | ${aims[0]} | ${cell(result.dereference, 'dereference')} | ${ratio(deref)} | ${aims[1]} |`;
}

function report(results: SpecResult[]): string {
  const lines = [
    `## Load + normalize (median of ${RUNS} runs, ms; each workload in its own process)`,
    '',
    '| spec | read+parse | $ref preload | normalize | locate¹ | dominant | load+normalize² | first run² | heap peak² MiB | RSS peak² MiB |',
    '|---|--:|--:|--:|--:|---|--:|--:|--:|--:|',
    ...results.map((r) => {
      const phases = r.phases.error
        ? [`failed: ${r.phases.error}`, '', '', '', '']
        : [...PHASES.map((p) => ms(phaseMedian(r.phases, p))), dominantPhase(r.phases)];
      const publicRuns = r.public.phases['load+normalize'] ?? [];
      return `| ${r.label} | ${phases.join(' | ')} | ${cell(r.public, 'load+normalize')} | ${ms(publicRuns[0] ?? NaN)} | ${mib(r.public.heapPeak)} | ${mib(r.public.rssPeak)} |`;
    }),
    '',
    '¹ line/column for every route and diagnostic — paid by `inspect`/`lint`/`generate` output, not by `load()`.',
    '² public `load()` + `normalize()`, measured in a separate process; heap peak is sampled at phase ends and',
    '  async gaps (a long synchronous parse is seen only by the RSS peak, which the kernel tracks).',
    '',
    '## Against swagger-parser on the same files (median ms)',
    '',
    '| spec | gateplan load+normalize | validate() | ours/validate | faster than validate? | dereference() | ours/dereference | within 1.5× of dereference? |',
    '|---|--:|--:|--:|:-:|--:|--:|:-:|',
    ...results.map(verdict),
    '',
    '| spec | RSS peak MiB: gateplan | validate() | dereference() |',
    '|---|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${mib(r.public.rssPeak)} | ${mib(r.validate.rssPeak)} | ${mib(r.dereference.rssPeak)} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** Benchmarks load + normalize on the largest corpus specs; returns a markdown section. */
export async function benchLoad(): Promise<string> {
  if (!HAS_CORPUS) return '## Load + normalize\n\nSkipped: ../shared/corpus not found beside the repo.\n';
  const entries = new Map(corpusEntries().map((e) => [e.id, e]));
  const results: SpecResult[] = [];
  for (const spec of SPECS) {
    const entry = entries.get(spec.id);
    if (!entry) continue;
    process.stderr.write(`bench load: ${spec.id}\n`);
    const run = (mode: Mode) => inChild(SCRIPT, [mode, entry.file]);
    results.push({
      label: spec.label,
      phases: run('phases'),
      public: run('public'),
      validate: run('validate'),
      dereference: run('dereference'),
    });
  }
  return report(results);
}

if (process.argv[2] === 'child' && resolve(process.argv[1] ?? '') === SCRIPT) {
  const [mode, file] = process.argv.slice(3) as [Mode, string];
  process.stdout.write(JSON.stringify(await runMode(mode, file)) + '\n');
}
