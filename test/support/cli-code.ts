import { expect, it } from 'vitest';
import type { Code } from '../../src/diagnostics/catalog.js';
import { runCli, type CliRun } from './cli.js';
import { tempDir } from './temp.js';

export interface CliCase {
  name: string;
  /** The files of the folder the command runs in (path → text). */
  files: Record<string, string>;
  /** The command line, run in that folder; it must ask for `--format json`. */
  args: string[];
  /** The exit code, when the case pins it (a near miss that must succeed, say). */
  exit?: number;
  /** Diagnostics of the code under test that must appear, in order; `[]`: it must not. */
  expect: {
    file: string;
    pointer: string;
    line?: number;
    severity?: string;
    args?: Record<string, string>;
  }[];
}

/** A diagnostic as `--format json` prints it. */
interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  pointer: string;
  line?: number;
  args: Record<string, string>;
}

/**
 * One table per code that only a command can produce (or whose location only the command
 * knows): each case runs the in-process CLI in a fresh folder, as a user would type it there,
 * and reads the code's findings from its `--format json` output.
 */
export function testCliCode(code: Code, cases: CliCase[]): void {
  it(`${code}: some case expects it at a pointer`, () => {
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
  });
  for (const c of cases) {
    it(`${code}: ${c.name}`, async () => {
      expect(c.args).toContain('json');
      const run = await runIn(tempDir(c.files), c.args);
      if (c.exit !== undefined) expect(run.code, run.stderr).toBe(c.exit);
      const found = jsonDiagnostics(run).filter((d) => d.code === code);
      expect(found.map((d) => [d.file, d.pointer])).toEqual(c.expect.map((e) => [e.file, e.pointer]));
      c.expect.forEach((e, i) => {
        if (e.line !== undefined) expect(found[i]!.line).toBe(e.line);
        if (e.severity !== undefined) expect(found[i]!.severity).toBe(e.severity);
        if (e.args) expect(found[i]!.args).toMatchObject(e.args);
      });
    });
  }
}

/** Runs the CLI with `dir` as the working folder, so paths read as the user typed them. */
async function runIn(dir: string, args: string[]): Promise<CliRun> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(args);
  } finally {
    process.chdir(cwd);
  }
}

/** The diagnostics of every JSON document the run printed (findings go to stdout or stderr by command). */
function jsonDiagnostics(run: CliRun): JsonDiagnostic[] {
  return [run.stdout, run.stderr].flatMap((text) => {
    try {
      const value = JSON.parse(text) as { diagnostics?: unknown };
      return Array.isArray(value.diagnostics) ? (value.diagnostics as JsonDiagnostic[]) : [];
    } catch {
      return [];
    }
  });
}
