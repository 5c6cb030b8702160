import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';
import { runCli as run } from '../support/cli.js';

const collection = JSON.stringify(
  {
    info: { name: 'Shop', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [{ name: 'order', request: { method: 'GET', url: '{{baseUrl}}/orders/:id' } }],
  },
  null,
  2,
);
const environment = JSON.stringify({
  name: 'prod',
  values: [{ key: 'baseUrl', value: 'https://shop.example/api', enabled: true }],
});
const overlay = `overlay: 1.0.0
info: { title: deploy, version: '1' }
actions:
  - target: $
    update:
      x-gateplan:
        backends: { shop: { url: 'https://shop.internal' } }
        defaults: { backend: shop }
`;

describe('--postman-env and --overlay on the command line', () => {
  it('generate reads a collection with its environment and an overlay', async () => {
    const dir = tempDir({ 'shop.json': collection, 'prod.json': environment, 'deploy.yaml': overlay });
    const out = join(dir, 'out');
    const result = await run([
      'generate',
      join(dir, 'shop.json'),
      '--postman-env',
      join(dir, 'prod.json'),
      '--overlay',
      join(dir, 'deploy.yaml'),
      '-o',
      out,
    ]);
    expect(result.code).toBe(0);
    const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as {
      routes: { method: string; path: string; backend: unknown }[];
    };
    expect(model.routes.map((r) => [r.method, r.path, r.backend])).toEqual([
      ['GET', '/api/orders/{id}', { backend: 'shop' }],
    ]);
  });

  it('lint fails with the overlay line when a target selects nothing, and overlays repeat in order', async () => {
    const dir = tempDir({
      'shop.json': collection,
      'deploy.yaml': overlay,
      'miss.yaml': overlay.replace('target: $', "target: $.paths['/nope']"),
    });
    const result = await run([
      'lint',
      join(dir, 'shop.json'),
      '--overlay',
      join(dir, 'deploy.yaml'),
      '--overlay',
      join(dir, 'miss.yaml'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/miss\.yaml:4:\d+ error GP511 /);
  });
});
