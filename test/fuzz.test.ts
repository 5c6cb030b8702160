/**
 * Hostile and broken specs through everything gateplan does: real corpus documents (and the
 * bundled examples) mutated — nodes deleted, duplicated, retyped, hostile strings and keys
 * injected — and random route sets, each loaded, normalized, generated for every target
 * (Terraform for every front door), compared, costed and diffed. Nothing may throw; every
 * finding is located; what a target would write (no error among its findings) must parse and
 * pass the schema checks: CloudFormation's resource schemas and value constraints, HashiCorp's
 * HCL parser and the AWS provider schema.
 *
 * `npm test` runs a fixed seed and a few cases; `GATEPLAN_SOAK=1 npx vitest run test/fuzz.test.ts`
 * runs many with a fresh seed (or `GATEPLAN_SOAK=<runs>`).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { load } from '../src/load/index.js';
import { parseText } from '../src/load/parse.js';
import { normalize } from '../src/model/normalize.js';
import { routeSet } from './alb/arbitraries.js';
import { validateCfnTemplate } from './support/cfn-schema.js';
import { corpusEntries } from './support/corpus.js';
import { runEverything, type TargetRun } from './support/everything.js';
import { expectLocated } from './support/located.js';
import { mutate, mutations } from './support/mutate.js';
import { exampleSpecs, REPO } from './support/pipeline.js';
import { propertyRuns } from './support/runs.js';
import { tempDir } from './support/temp.js';
import { parseModule, schemaProblems } from './terraform/support/check.js';

/** Small single-document specs (the corpus when present, and the bundled examples) to mutate. */
function baseDocuments(): { name: string; document: unknown }[] {
  const files = [
    ...exampleSpecs().map((f) => join(REPO, f)),
    ...corpusEntries()
      .filter((e) => statSync(e.file).size < 150_000)
      .map((e) => e.file),
  ];
  return files.flatMap((file) => {
    const parsed = parseText(readFileSync(file, 'utf8'), file, { maxAliasCount: 100_000, maxDepth: 256 });
    return parsed.ok ? [{ name: file.slice(REPO.length - 4), document: parsed.value }] : [];
  });
}

/** An OpenAPI document from a random route set, with the intent the route set names. */
const randomSpec = routeSet.map((routes) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const method = r.method === 'ANY' ? 'x-amazon-apigateway-any-method' : r.method.toLowerCase();
    (paths[r.path] ??= {})[method] = {
      'x-gateplan': { backend: r.backend },
      responses: { '200': { description: 'ok' } },
    };
  }
  const backend = (name: string) => ({ url: `http://${name}.internal:8080` });
  return {
    openapi: '3.0.3',
    info: { title: 'random', version: '1' },
    'x-gateplan': {
      backends: {
        alpha: backend('alpha'),
        beta: backend('beta'),
        gamma: backend('gamma'),
        delta: backend('delta'),
      },
      stages: {
        dev: { host: 'dev.example.com' },
        prod: { canary: { percent: 10, backends: { alpha: 'beta' } } },
      },
    },
    paths,
  };
});

/** Every route gets a backend, so the targets have something to emit. */
const CONFIG = `backends: { fuzz: { url: 'http://fuzz.internal:8080' } }\ndefaults: { backend: fuzz }\n`;

/** What a target would write passes its checks; a target with an error writes nothing, so is skipped. */
async function expectWritable(run: TargetRun): Promise<boolean> {
  if (run.diagnostics.some((d) => d.severity === 'error')) return false;
  const label = run.for ? `${run.target} --for ${run.for}` : run.target;
  const tf: Record<string, string> = {};
  for (const artifact of run.artifacts) {
    if (artifact.path.endsWith('template.yaml'))
      expect(validateCfnTemplate(parseYaml(artifact.content)), `${label} ${artifact.path}`).toEqual([]);
    else if (artifact.path.endsWith('.json')) JSON.parse(artifact.content);
    else if (artifact.path.endsWith('.tf')) tf[artifact.path.replace(/^.*\//, '')] = artifact.content;
  }
  if (Object.keys(tf).length) expect(schemaProblems(await parseModule(tf)), label).toEqual([]);
  return true;
}

describe('hostile and broken specs through every target', () => {
  const bases = baseDocuments();
  const cases = fc.oneof(
    fc
      .record({ base: fc.constantFrom(...bases.map((_, i) => i)), changes: mutations })
      .map(({ base, changes }) => ({
        name: bases[base]!.name,
        changes,
        document: mutate(bases[base]!.document, changes),
      })),
    fc.record({ spec: randomSpec, changes: mutations }).map(({ spec, changes }) => ({
      name: 'random',
      changes,
      document: mutate(spec, changes),
    })),
  );

  it('never throw, locate every finding, and write only what passes the schema checks', async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(cases, async ({ document }) => {
        const dir = tempDir({ 'api.json': JSON.stringify(document), 'gateplan.yaml': CONFIG });
        const loaded = await load(join(dir, 'api.json'), { cwd: dir });
        if (!loaded.ok) {
          expectLocated(loaded.diagnostics, ['api.json']);
          return;
        }
        const model = normalize(loaded.spec);
        const everything = runEverything(model);
        expectLocated(
          everything.diagnostics.map((d) => ({ ...d, where: loaded.spec.sources.locate(d.where) })),
          ['api.json', 'gateplan.yaml'],
        );
        for (const run of everything.runs) if (await expectWritable(run)) written++;
      }),
      { ...propertyRuns(24), timeout: 20_000 },
    );
    // Most cases leave some target something to write: the checks above did run.
    expect(written).toBeGreaterThan(24);
  }, 120_000);
});
