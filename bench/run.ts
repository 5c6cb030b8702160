/**
 * `npm run bench`: runs every benchmark section and prints one markdown report. Sections written
 * by other people (bench/alb.ts) are picked up when present and skipped, with a note, when not.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchJob } from './job.js';
import { benchLoad } from './load.js';
import { collectGarbage } from './measure.js';

interface OptionalSection {
  file: string;
  exportName: string;
  title: string;
}

const OPTIONAL: OptionalSection[] = [{ file: 'alb.ts', exportName: 'benchAlb', title: 'ALB' }];

function machine(): string {
  const cpu = cpus();
  const command = ['node', ...process.execArgv, 'bench/run.ts', ...process.argv.slice(2)].join(' ');
  return [
    '# gateplan benchmarks',
    '',
    `- machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory`,
    `- node ${process.version} on ${process.platform}/${process.arch}`,
    // A shared machine's other work skews timings; the load average says how much to trust them.
    `- load average at start (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    `- command: \`${command}\` (\`npm run bench\`; \`BENCH_RUNS=n\` sets the runs per workload)`,
    `- gc exposed: ${typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes' : 'no — memory numbers include garbage'}`,
    '',
  ].join('\n');
}

async function optionalSection(section: OptionalSection): Promise<string> {
  const path = fileURLToPath(new URL(section.file, import.meta.url));
  if (!existsSync(path)) return `## ${section.title}\n\nSkipped: bench/${section.file} does not exist yet.\n`;
  const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const bench = module[section.exportName];
  if (typeof bench !== 'function')
    throw new Error(`bench/${section.file} does not export ${section.exportName}()`);
  return (await (bench as () => Promise<string>)()) as string;
}

const sections = [machine(), await benchJob(), await benchLoad()];
for (const section of OPTIONAL) {
  collectGarbage();
  sections.push(await optionalSection(section));
}
process.stdout.write(sections.join('\n'));
