/**
 * Every real-world spec in ../shared/corpus, with a default backend assigned by a temporary
 * gateplan.yaml, either generates both API Gateway targets (a document swagger-parser accepts
 * and a stack that passes the CloudFormation schemas and AWS's value constraints) or stops
 * with errors that carry a location. Nothing throws.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { generate } from '../../src/targets/generate.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { announceCorpus, corpusEntries, HAS_CORPUS } from '../support/corpus.js';
import { tempDir } from '../support/temp.js';
import { API_TARGETS } from './support.js';

announceCorpus();

const CONFIG = `backends:
  svc: { url: 'https://backend.example.com' }
defaults: { backend: svc }
`;

describe.skipIf(!HAS_CORPUS)('corpus × API Gateway targets', () => {
  const config = `${tempDir({ 'gateplan.yaml': CONFIG })}/gateplan.yaml`;
  for (const entry of corpusEntries()) {
    it(`${entry.id}: generates both targets or stops with located errors`, { timeout: 60_000 }, async () => {
      const loaded = await load(entry.file, { config });
      if (!loaded.ok) {
        expect(loaded.diagnostics.length).toBeGreaterThan(0);
        for (const d of loaded.diagnostics) expect(d.where.file).toBeTruthy();
        return;
      }
      const model = normalize(loaded.spec);
      for (const target of API_TARGETS) {
        const result = generate(model, { targets: [target] });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        for (const d of result.diagnostics) {
          expect(d.where.file, `${target} ${d.code}`).toBeTruthy();
          expect(typeof d.where.pointer).toBe('string');
        }
        // One document per API: more than one when the API was split under a custom domain.
        const documents = result.artifacts.filter((a) => /\/openapi(-[a-z0-9-]+)?\.json$/.test(a.path));
        if (documents.length === 0) {
          expect(errors.length, `${target} wrote nothing without an error`).toBeGreaterThan(0);
          continue;
        }
        expect(result.artifacts.map((a) => a.path).sort()).toEqual(
          [...documents.map((d) => d.path), `${target}/template.yaml`].sort(),
        );
        // The APIs of a split are written by the same code; the largest three stand for them
        // (validating GitHub's 37 documents twice would take most of this file's time).
        const largest = [...documents].sort((a, b) => b.content.length - a.content.length).slice(0, 3);
        for (const document of largest)
          await expect(SwaggerParser.validate(JSON.parse(document.content))).resolves.toBeDefined();
        const template = result.artifacts.find((a) => a.path.endsWith('template.yaml'))!;
        expect(validateCfnTemplate(parseYaml(template.content)), template.path).toEqual([]);
      }
    });
  }
});
