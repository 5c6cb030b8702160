import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { FRONT_DOORS, planTerraform } from '../../src/targets/terraform/index.js';
import { announceCorpus, corpusEntries, HAS_CORPUS } from '../support/corpus.js';
import { parseModule, schemaProblems } from './support/check.js';

announceCorpus();

/**
 * Real-world specs through every front door: the module parses, matches the provider
 * schema, and the Terraform target itself finds nothing wrong (the plans' own findings,
 * like a route HTTP APIs cannot serve, are theirs to test).
 */
describe.runIf(HAS_CORPUS)('terraform over the corpus', () => {
  for (const entry of corpusEntries()) {
    it(entry.id, async () => {
      const loaded = await load(entry.file, {});
      // A spec that cannot load is corpus.test.ts's business: it must say why, and there is no model to render.
      if (!loaded.ok) return expect(loaded.diagnostics.length).toBeGreaterThan(0);
      const model = normalize(loaded.spec);
      for (const door of FRONT_DOORS) {
        const { artifacts, diagnostics } = planTerraform(model, { for: door });
        expect(diagnostics.filter((d) => d.code.startsWith('GP3') && d.severity === 'error')).toEqual([]);
        const module = await parseModule(Object.fromEntries(artifacts.map((a) => [a.path, a.content])));
        expect(schemaProblems(module), `${entry.id} --for ${door}`).toEqual([]);
      }
    });
  }
});
