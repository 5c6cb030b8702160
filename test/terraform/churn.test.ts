import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRONT_DOORS, planTerraform } from '../../src/targets/terraform/index.js';
import { modelOf, REPO, writeSpec } from '../support/pipeline.js';
import { parseModule } from './support/check.js';

/** Adding one operation changes a handful of resource blocks, not a renumbering of them all. */
const EXTRA = `
  /gift-cards/{cardId}:
    get:
      operationId: getGiftCard
      tags: [catalog]
      parameters:
        - { name: cardId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: One gift card }
`;

async function resources(specPath: string, door: string): Promise<Map<string, string>> {
  const { artifacts } = planTerraform(await modelOf(specPath), { for: door });
  const module = await parseModule(Object.fromEntries(artifacts.map((a) => [a.path, a.content])));
  // The import document is one more unit of change: HTTP API routes live only there.
  const documents = artifacts
    .filter((a) => a.path.endsWith('.json'))
    .map((a) => [a.path, a.content] as const);
  return new Map([...[...module.resources].map(([k, v]) => [k, JSON.stringify(v)] as const), ...documents]);
}

describe('one more route', () => {
  const original = readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8');
  const grown = original.replace('\n  /healthz:\n', `${EXTRA}  /healthz:\n`);

  for (const door of FRONT_DOORS) {
    it(`changes few resource blocks for --for ${door}`, async () => {
      expect(grown).not.toBe(original);
      const before = await resources('specs/bookstore.yaml', door);
      const after = await resources(writeSpec(grown, 'bookstore.yaml'), door);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        (k) => before.get(k) !== after.get(k),
      );
      expect(changed.length).toBeGreaterThan(0);
      // The document and the deployment that ships it, or the rules the new route joins or
      // re-merges, which path-prefix stages (apigw+alb) repeat once per stage.
      const stages = Object.keys((await modelOf('specs/bookstore.yaml')).stages).length;
      expect(changed.length, changed.join('\n')).toBeLessThanOrEqual(3 * stages + 2);
    });
  }
});
