/**
 * The whole job as users run it, in whole processes: `gateplan lint` and `gateplan generate` on the
 * largest corpus specs side by side with openapi-2-kong 3.6 (Insomnia's OpenAPI → Kong converter,
 * the closest peer doing the same kind of job) on the same file in the same run; start-up time;
 * and time against size on synthetic specs of 10 to 10,000 operations.
 *
 * Each measurement is one process from spawn to exit, its peak RSS reported by the process itself
 * (bench/rusage.cjs). Against the peer, each gateplan run is paired with a peer run, the order
 * alternating from pair to pair so a slow spell on the shared machine hits both; the ratio is the
 * median of the pairs' ratios.
 *
 * The peer is installed on demand into bench/peer (its own package.json and lock), so it never
 * weighs on the project's `npm ci`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { corpusEntries, HAS_CORPUS } from '../test/support/corpus.js';
import { median, ms } from './measure.js';
import { syntheticSpec } from './synthetic.js';

const BENCH = import.meta.dirname;
const ROOT = join(BENCH, '..');
const PEER_DIR = join(BENCH, 'peer');
const GATEPLAN = join(ROOT, 'bin', 'gateplan.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const ALL_TARGETS = 'apigw-rest,apigw-http,alb,terraform';
const LINT_TARGETS = 'apigw-rest,apigw-http,alb';
/** The goal (issue #12): the whole job in at most a third of the peer's time, with no more memory. */
const TIME_GOAL = 1 / 3;

interface ProcessRun {
  ms: number;
  rssMiB: number;
  code: number;
}

/** Runs `node args…` from the repo root; wall time from spawn to exit, peak RSS from the child. */
function run(args: string[]): ProcessRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', join(BENCH, 'rusage.cjs'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  const elapsed = performance.now() - started;
  const code = child.status ?? -1;
  if (code === 2 || code < 0)
    throw new Error(`node ${args.join(' ')} exited ${code}: ${child.stderr?.toString().slice(0, 500)}`);
  const report = JSON.parse(child.output[3]?.toString() || '{"maxRssKiB":0}') as { maxRssKiB: number };
  return { ms: elapsed, rssMiB: report.maxRssKiB / 1024, code };
}

function ensurePeer(): void {
  if (existsSync(join(PEER_DIR, 'node_modules', 'openapi-2-kong', 'package.json'))) return;
  process.stderr.write('bench: installing the peer into bench/peer (npm ci)\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: PEER_DIR, stdio: 'inherit' });
}

function peerVersion(): string {
  const pkg = JSON.parse(
    readFileSync(join(PEER_DIR, 'node_modules', 'openapi-2-kong', 'package.json'), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

interface Workload {
  label: string;
  args: (file: string, config: string, out: string) => string[];
}

const WORKLOADS: Workload[] = [
  {
    label: `lint --target ${LINT_TARGETS}`,
    args: (file, config) => [GATEPLAN, 'lint', file, '--config', config, '--target', LINT_TARGETS],
  },
  {
    label: `generate --target ${ALL_TARGETS}`,
    args: (file, config, out) => [
      GATEPLAN,
      'generate',
      file,
      '--config',
      config,
      '--target',
      ALL_TARGETS,
      '--out',
      out,
    ],
  },
];

interface PairResult {
  spec: string;
  workload: string;
  ours: ProcessRun[];
  peer: ProcessRun[];
  ratios: number[];
}

const SPECS = [
  { id: 'oas30-github-api-gz', label: 'GitHub REST, 13 MB JSON, 1,222 ops' },
  { id: 'oas30-stripe', label: 'Stripe, 3.8 MB YAML, 446 ops' },
];

function sideBySide(temp: string): PairResult[] {
  const entries = new Map(corpusEntries().map((e) => [e.id, e]));
  const results: PairResult[] = [];
  for (const spec of SPECS) {
    const entry = entries.get(spec.id);
    if (!entry) continue;
    // Both tools read the same plain file (openapi-2-kong cannot read .gz).
    let file = entry.file;
    if (file.endsWith('.gz')) {
      file = join(temp, `${spec.id}.json`);
      writeFileSync(file, gunzipSync(readFileSync(entry.file)));
    }
    // The config a user starts from, as the deployability table does: what `init` writes, so
    // the job measured is one that succeeds (not timed).
    const config = join(temp, `${spec.id}.gateplan.yaml`);
    run([GATEPLAN, 'init', file, '--config', config]);
    for (const workload of WORKLOADS) {
      process.stderr.write(`bench job: ${spec.id} ${workload.label.split(' ')[0]} vs peer\n`);
      const result: PairResult = {
        spec: spec.label,
        workload: workload.label,
        ours: [],
        peer: [],
        ratios: [],
      };
      const out = join(temp, 'out');
      for (let i = 0; i < RUNS; i++) {
        const ours = () => run(workload.args(file, config, out));
        const peer = () => run([join(BENCH, 'peer-generate.cjs'), file]);
        let mine: ProcessRun;
        let theirs: ProcessRun;
        if (i % 2 === 0) {
          mine = ours();
          theirs = peer();
        } else {
          theirs = peer();
          mine = ours();
        }
        result.ours.push(mine);
        result.peer.push(theirs);
        result.ratios.push(mine.ms / theirs.ms);
      }
      results.push(result);
    }
  }
  return results;
}

const sec = (value: number) => (value / 1000).toFixed(2);
const med = (runs: ProcessRun[], key: 'ms' | 'rssMiB') => median(runs.map((r) => r[key]));

function sideBySideTable(results: PairResult[]): string[] {
  return [
    '| spec | gateplan command | gateplan s | openapi-2-kong s | time ratio (median of pairs) | ≤ ⅓? | peak RSS MiB gateplan / peer | ≤ peer? | gateplan exit |',
    '|---|---|--:|--:|--:|:-:|--:|:-:|:-:|',
    ...results.map((r) => {
      const ratio = median(r.ratios);
      const [rss, peerRss] = [med(r.ours, 'rssMiB'), med(r.peer, 'rssMiB')];
      return `| ${r.spec} | \`${r.workload}\` | ${sec(med(r.ours, 'ms'))} | ${sec(med(r.peer, 'ms'))} | ${ratio.toFixed(2)}× | ${ratio <= TIME_GOAL ? 'yes' : 'NO'} | ${rss.toFixed(0)} / ${peerRss.toFixed(0)} | ${rss <= peerRss ? 'yes' : 'NO'} | ${r.ours[0]?.code} |`;
    }),
  ];
}

function startUp(): string[] {
  const cases: [string, string[]][] = [
    ['gateplan --version', [GATEPLAN, '--version']],
    ['gateplan lint specs/bookstore.yaml', [GATEPLAN, 'lint', 'specs/bookstore.yaml']],
  ];
  const runs = Math.max(RUNS, 9);
  return [
    `| command | median ms (${runs} runs) | under 300 ms? | peak RSS MiB |`,
    '|---|--:|:-:|--:|',
    ...cases.map(([label, args]) => {
      process.stderr.write(`bench job: ${label}\n`);
      const samples = Array.from({ length: runs }, () => run(args));
      const time = med(samples, 'ms');
      return `| \`${label}\` | ${ms(time)} | ${time < 300 ? 'yes' : 'NO'} | ${med(samples, 'rssMiB').toFixed(0)} |`;
    }),
  ];
}

const SIZES = [10, 100, 1000, 10_000];

function scaling(temp: string): string[] {
  const runs = Math.min(RUNS, 3);
  const rows = SIZES.map((operations) => {
    process.stderr.write(`bench job: synthetic ${operations} operations\n`);
    const folder = join(temp, `synthetic-${operations}`);
    mkdirSync(folder);
    const file = join(folder, 'openapi.json');
    writeFileSync(file, syntheticSpec(operations));
    // Past 300 routes the API Gateway quotas (soft: AWS raises them on request) are errors.
    writeFileSync(join(folder, 'gateplan.yaml'), 'severity: { GP101: warn, GP102: warn }\n');
    const out = join(temp, `out-${operations}`);
    const generate = Array.from({ length: runs }, () =>
      run([GATEPLAN, 'generate', file, '--target', ALL_TARGETS, '--out', out]),
    );
    const lint = Array.from({ length: runs }, () => run([GATEPLAN, 'lint', file, '--target', LINT_TARGETS]));
    const time = med(generate, 'ms');
    return `| ${operations.toLocaleString('en-US')} | ${ms(time)} | ${((time * 1000) / operations).toFixed(0)} | ${ms(med(lint, 'ms'))} | ${((med(lint, 'ms') * 1000) / operations).toFixed(0)} | ${med(generate, 'rssMiB').toFixed(0)} | ${generate[0]?.code === 0 ? 'yes' : `exit ${generate[0]?.code}`} |`;
  });
  return [
    `| operations | generate, all four targets, ms (median of ${runs}) | µs per route | lint ms | µs per route | peak RSS MiB | written? |`,
    '|--:|--:|--:|--:|--:|--:|:-:|',
    ...rows,
  ];
}

/** The whole-job section of `npm run bench`, as markdown. */
export async function benchJob(): Promise<string> {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
    return '## Whole job\n\nSkipped: dist/ is not built (`npm run build`).\n';
  const temp = mkdtempSync(join(tmpdir(), 'gateplan-bench-job-'));
  try {
    const lines = ['## Whole job: gateplan against openapi-2-kong', ''];
    if (HAS_CORPUS) {
      ensurePeer();
      lines.push(
        `Whole processes (\`node bin/gateplan.js …\` against \`generate(file, 'kong-declarative-config')\` of openapi-2-kong ${peerVersion()}), ${RUNS} alternating pairs per row.`,
        '',
        ...sideBySideTable(sideBySide(temp)),
        '',
      );
    } else {
      lines.push('Side by side with the peer: skipped, ../shared/corpus not found beside the repo.', '');
    }
    lines.push(
      '### Start-up',
      '',
      ...startUp(),
      '',
      '### Scaling: synthetic specs, every target',
      '',
      ...scaling(temp),
      '',
    );
    return lines.join('\n');
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
