import { join } from 'node:path';
import { expect, it } from 'vitest';
import { load, type LoadedSpec, type LoadOptions } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { Code } from '../../src/diagnostics/catalog.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { RouteModel } from '../../src/model/types.js';
import { tempDir, type TempFile } from './temp.js';

export interface SpecCase {
  name: string;
  /** The spec text (YAML or JSON), written as `api.yaml` unless `file` says otherwise. */
  spec: string;
  file?: string;
  /** Other files beside the spec (`gateplan.yaml`, `$ref` targets, symbolic links …). */
  files?: Record<string, TempFile>;
  options?: LoadOptions;
  /** Diagnostics of the code under test that must appear, by pointer (and file, line when given). */
  expect: {
    pointer: string;
    file?: string;
    line?: number;
    severity?: string;
    args?: Record<string, string>;
  }[];
}

/** Loads and normalizes a spec from a fresh folder; load failures come back as diagnostics. */
export async function check(
  spec: string,
  files: Record<string, TempFile> = {},
  options: LoadOptions = {},
  name = 'api.yaml',
): Promise<{ diagnostics: Diagnostic[]; model?: RouteModel; spec?: LoadedSpec }> {
  const dir = tempDir({ [name]: spec, ...files });
  const loaded = await load(join(dir, name), { cwd: dir, ...options });
  if (!loaded.ok) return { diagnostics: loaded.diagnostics.map((d) => d) };
  const model = normalize(loaded.spec);
  return {
    model,
    spec: loaded.spec,
    diagnostics: model.diagnostics.map((d) => ({ ...d, where: loaded.spec.sources.locate(d.where) })),
  };
}

/** One table per code: each case lists exactly the diagnostics of that code it must produce. */
export function testCode(code: Code, cases: SpecCase[]): void {
  it(`${code}: some case expects it at a pointer`, () => {
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
  });
  for (const c of cases) {
    it(`${code}: ${c.name}`, async () => {
      const { diagnostics } = await check(c.spec, c.files, c.options, c.file);
      const found = diagnostics.filter((d) => d.code === code);
      expect(found.map((d) => d.where.pointer)).toEqual(c.expect.map((e) => e.pointer));
      c.expect.forEach((e, i) => {
        if (e.file !== undefined) expect(found[i]!.where.file).toBe(e.file);
        if (e.line !== undefined) expect(found[i]!.where.line).toBe(e.line);
        if (e.severity !== undefined) expect(found[i]!.severity).toBe(e.severity);
        if (e.args) expect(found[i]!.args).toMatchObject(e.args);
      });
    });
  }
}

/** A minimal valid OpenAPI 3.0 document around the given `paths:` YAML block and extra root keys. */
export function oas(body: string): string {
  return `openapi: 3.0.3\ninfo: { title: T, version: '1' }\n${body}`;
}
