/**
 * Timing and memory helpers shared by the benchmark sections. Every measured workload runs in its
 * own child process, so one workload's heap and peak RSS never leak into another's numbers.
 */
import { execFileSync } from 'node:child_process';
import { memoryUsage, resourceUsage } from 'node:process';

/** One child's answer: phase name → milliseconds per run, plus the peaks seen over all runs. */
export interface Sample {
  phases: Record<string, number[]>;
  /** Largest heapUsed seen at phase ends and async gaps, in bytes. */
  heapPeak: number;
  /** Peak resident set of the whole child process (kernel-tracked), in bytes. */
  rssPeak: number;
  error?: string;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const ms = (value: number) =>
  Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(1) : value.toFixed(0);
export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** The collector exists only under `node --expose-gc`; without it memory numbers include garbage. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Records heapUsed at explicit checkpoints and on a 1 ms timer. The timer only fires between
 * synchronous stretches (file reads, awaits), so the true peak of a long JSON.parse is only seen
 * by the kernel's maxRSS, which is reported beside it.
 */
export class MemorySampler {
  peak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1);
  }

  sample(): void {
    this.peak = Math.max(this.peak, memoryUsage().heapUsed);
  }

  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }
}

/**
 * Times each named phase of `runs` runs; garbage is collected before every run. A phase that
 * throws still has its time recorded (swagger-parser's validate() rejecting a spec is work done),
 * and the first error is kept beside the numbers.
 */
export async function measure(
  runs: number,
  run: (phase: <T>(name: string, work: () => T | Promise<T>) => Promise<T>) => Promise<void>,
): Promise<Sample> {
  const phases: Record<string, number[]> = {};
  const sampler = new MemorySampler();
  let error: string | undefined;
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    sampler.start();
    try {
      await run(async (name, work) => {
        const started = performance.now();
        try {
          return await work();
        } finally {
          (phases[name] ??= []).push(performance.now() - started);
          sampler.sample();
        }
      });
    } catch (thrown) {
      error ??= thrown instanceof Error ? thrown.message.split('\n')[0]! : String(thrown);
    } finally {
      sampler.stop();
    }
  }
  const sample: Sample = { phases, heapPeak: sampler.peak, rssPeak: resourceUsage().maxRSS * 1024 };
  return error === undefined ? sample : { ...sample, error };
}

/** Runs `script child args…` in a fresh node with the GC exposed and reads its Sample from stdout. */
export function inChild(script: string, args: string[]): Sample {
  const stdout = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', script, 'child', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Sample;
}
