import { describe, expect, it } from 'vitest';
import { FRONT_DOORS, planTerraform } from '../../src/targets/terraform/index.js';
import { exampleSpecs, modelOf } from '../support/pipeline.js';
import { announceTerraform, TERRAFORM, unformatted } from './support/hcl.js';
import { parseModule, schemaProblems } from './support/check.js';
import { providerVersion } from './support/provider-schema.js';

announceTerraform();

function files(artifacts: { path: string; content: string }[]): Record<string, string> {
  return Object.fromEntries(artifacts.map((a) => [a.path, a.content]));
}

describe('terraform module for each example spec and front door', () => {
  for (const spec of exampleSpecs()) {
    for (const door of FRONT_DOORS) {
      describe(`${spec} --for ${door}`, () => {
        const result = async () => planTerraform(await modelOf(spec), { for: door });

        // Front-door limits (a mock on an HTTP API, OpenAPI 3.1 on REST) are the plans' findings, not ours.
        it('adds no errors of its own and writes the files of a module', async () => {
          const { artifacts, diagnostics } = await result();
          expect(diagnostics.filter((d) => d.severity === 'error' && /^GP3\d\d$/.test(d.code))).toEqual([]);
          const names = artifacts.map((a) => a.path);
          expect(names).toEqual(expect.arrayContaining(['versions.tf', 'variables.tf', 'outputs.tf']));
          if (door !== 'alb')
            expect(names.some((n) => n.startsWith('openapi-') && n.endsWith('.json'))).toBe(true);
        });

        it('parses with the HCL parser, and every resource matches the AWS provider schema', async () => {
          const module = await parseModule(files((await result()).artifacts));
          expect(module.resources.size).toBeGreaterThan(0);
          expect(schemaProblems(module), `provider ${providerVersion()}`).toEqual([]);
        });

        it('reads the import document it ships, which is valid JSON', async () => {
          const out = files((await result()).artifacts);
          for (const [name, text] of Object.entries(out)) {
            for (const m of text.matchAll(/(?:templatefile|file)\("\$\{path\.module\}\/([^"]+)"/g)) {
              expect(Object.keys(out), `${name} reads ${m[1]}`).toContain(m[1]);
              expect(() => JSON.parse(out[m[1]!]!)).not.toThrow();
            }
          }
        });

        it.runIf(TERRAFORM)('is terraform fmt clean', async () => {
          const tf = Object.fromEntries(
            Object.entries(files((await result()).artifacts)).filter(([n]) => n.endsWith('.tf')),
          );
          expect(unformatted(tf)).toBe('');
        });

        it('is the same on every run', async () => {
          expect((await result()).artifacts).toEqual((await result()).artifacts);
        });
      });
    }
  }
});
