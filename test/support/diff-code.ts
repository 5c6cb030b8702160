import { expect, it } from 'vitest';
import type { Code } from '../../src/diagnostics/catalog.js';
import type { Where } from '../../src/diagnostics/diagnostic.js';
import { diff, type DiffTarget } from '../../src/diff/index.js';
import type { LoadedSpec } from '../../src/load/index.js';
import type { RouteModel } from '../../src/model/types.js';
import { check } from './check.js';

/** Where a change sits in one version: a pointer, or `null` when that version has no place for it. */
export interface Side {
  pointer: string;
  /** Default `api.yaml`, the spec itself. */
  file?: string;
  line?: number;
}

export interface DiffCase {
  name: string;
  /** The old and the new spec, each written as `api.yaml` in a folder of its own. */
  base: string;
  revision: string;
  /** Files beside each version (`gateplan.yaml` …). */
  baseFiles?: Record<string, string>;
  revisionFiles?: Record<string, string>;
  /** Also compare what these targets emit. */
  targets?: DiffTarget[];
  /** The code's changes in report order, each located in both versions; `[]`: it must not appear. */
  expect: { base: Side | null; revision: Side | null; args?: Record<string, string> }[];
}

/**
 * One table per diff code: each case diffs two inline specs and lists exactly the changes of
 * that code, with where each sits in the old spec and in the new one.
 */
export function testDiffCode(code: Code, cases: DiffCase[]): void {
  it(`${code}: some case expects it at a pointer`, () => {
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
  });
  for (const c of cases) {
    it(`${code}: ${c.name}`, async () => {
      const base = await version(c.base, c.baseFiles);
      const revision = await version(c.revision, c.revisionFiles);
      const found = diff(base.model, revision.model, { targets: c.targets ?? [] }).changes.filter(
        (change) => change.code === code,
      );
      const place = (where: Where | undefined) => (where ? `${where.file}#${where.pointer}` : null);
      const expected = (side: Side | null) => (side ? `${side.file ?? 'api.yaml'}#${side.pointer}` : null);
      expect(found.map((f) => [place(f.base), place(f.revision)])).toEqual(
        c.expect.map((e) => [expected(e.base), expected(e.revision)]),
      );
      c.expect.forEach((e, i) => {
        if (e.base?.line !== undefined)
          expect(base.spec.sources.locate(found[i]!.base!).line).toBe(e.base.line);
        if (e.revision?.line !== undefined)
          expect(revision.spec.sources.locate(found[i]!.revision!).line).toBe(e.revision.line);
        if (e.args) expect(found[i]!.args).toMatchObject(e.args);
      });
    });
  }
}

async function version(text: string, files?: Record<string, string>) {
  const { model, spec, diagnostics } = await check(text, files);
  if (!model || !spec) throw new Error(`spec did not load: ${JSON.stringify(diagnostics)}`);
  return { model, spec } satisfies { model: RouteModel; spec: LoadedSpec };
}
