import { expect, it } from 'vitest';
import type { Code } from '../../src/diagnostics/catalog.js';
import { targets } from '../../src/targets/registry.js';
import type { TargetOptions } from '../../src/targets/target.js';
import { check } from './check.js';

export interface TargetCase {
  name: string;
  spec: string;
  files?: Record<string, string>;
  /** A target id of the registry: `apigw-rest`, `apigw-http`, `alb`, `terraform`. */
  target: string;
  options?: TargetOptions;
  /** Pointers of the code's diagnostics, in order; `[]` means the code must not appear. */
  expect: { pointer: string; file?: string; severity?: string; args?: Record<string, string> }[];
  /** Whether the target still writes its files (false when an error stops it). */
  writes?: boolean;
}

/** One table per code, like test/support/check.ts's `testCode`, run through a target's `plan`. */
export function testTargetCode(code: Code, cases: TargetCase[]): void {
  it(`${code}: some case expects it at a pointer`, () => {
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
  });
  for (const c of cases) {
    it(`${code}: ${c.name} (${c.target})`, async () => {
      const { model, diagnostics } = await check(c.spec, c.files);
      if (!model) throw new Error(`spec did not load: ${JSON.stringify(diagnostics)}`);
      const result = targets[c.target]!.plan(model, c.options ?? {});
      const found = result.diagnostics.filter((d) => d.code === code);
      expect(found.map((d) => d.where.pointer)).toEqual(c.expect.map((e) => e.pointer));
      c.expect.forEach((e, i) => {
        if (e.file) expect(found[i]!.where.file).toBe(e.file);
        if (e.severity) expect(found[i]!.severity).toBe(e.severity);
        if (e.args) expect(found[i]!.args).toMatchObject(e.args);
      });
      if (c.writes !== undefined) expect(result.artifacts.length > 0).toBe(c.writes);
    });
  }
}
