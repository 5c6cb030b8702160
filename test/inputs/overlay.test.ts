import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectLocated, expectOutputsParse } from '../support/located.js';
import { propertyRuns } from '../support/runs.js';
import { load } from '../../src/load/index.js';
import { check } from '../support/check.js';
import { tempDir } from '../support/temp.js';

/** A backend for every route, so generated outputs can be checked too. */
const BACKEND = `backends: { b: { url: 'http://b.internal' } }\ndefaults: { backend: b }\n`;

const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
tags:
  - { name: a }
  - { name: b }
  - { name: c }
paths:
  /pets:
    get: { operationId: listPets, tags: [pets], responses: { '200': { description: ok } } }
  /pets/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { operationId: getPet, tags: [pets], responses: { '200': { description: ok } } }
  /internal/debug:
    get: { operationId: debug, responses: { '200': { description: ok } } }
`;

const deploy = `overlay: 1.0.0
info: { title: deploy, version: '1' }
actions:
  - target: $
    update:
      x-gateplan:
        backends: { pets: { url: 'http://pets.internal' } }
        defaults: { backend: pets }
  - target: $.paths['/internal/debug']
    remove: true
  - target: $.paths.*[?(@.operationId == 'getPet')]
    update:
      x-gateplan: { timeoutMs: 5000 }
`;

function overlay(actions: string): string {
  return `overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions:\n${actions}`;
}

async function run(overlays: Record<string, string>) {
  return check(spec, overlays, { overlays: Object.keys(overlays) });
}

describe('OpenAPI overlays', () => {
  it('update merges intent in and remove takes a path out', async () => {
    const { model, diagnostics } = await run({ 'deploy.yaml': deploy });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(
      model!.routes.map((r) => `${r.method} ${r.path} ${'backend' in r.backend ? r.backend.backend : ''}`),
    ).toEqual(['GET /pets pets', 'GET /pets/{id} pets']);
    expect(model!.routes[1]!.timeoutMs).toBe(5000);
    expect(model!.routes[0]!.timeoutMs).toBeUndefined();
  });

  it('locates what an overlay wrote in the overlay, and untouched nodes in the spec', async () => {
    const { model } = await run({ 'deploy.yaml': deploy });
    expect(model!.backends.pets!.where).toEqual({
      file: 'deploy.yaml',
      pointer: '/actions/0/update/x-gateplan/backends/pets',
    });
    expect(model!.routes[0]!.where).toEqual({ file: 'api.yaml', pointer: '/paths/~1pets/get' });
  });

  it('reports a bad value an overlay added at its line in the overlay', async () => {
    const bad = overlay(
      `  - target: $.paths['/pets'].get\n    update:\n      x-gateplan: { timeoutMs: soon }\n`,
    );
    const { diagnostics } = await run({ 'bad.yaml': bad });
    const invalid = diagnostics.find((d) => d.code === 'GP040');
    expect(invalid?.where).toMatchObject({
      file: 'bad.yaml',
      pointer: '/actions/0/update/x-gateplan/timeoutMs',
      line: 6,
    });
  });

  it('a target that selects nothing is an error at the target, and the action is skipped (GP511)', async () => {
    const { diagnostics, model } = await run({
      'o.yaml': overlay(`  - target: $.paths['/nope']\n    remove: true\n`),
    });
    expect(
      diagnostics
        .filter((d) => d.code === 'GP511')
        .map((d) => [d.where.file, d.where.pointer, d.where.line, d.severity]),
    ).toEqual([['o.yaml', '/actions/0/target', 4, 'error']]);
    expect(model!.routes).toHaveLength(3);
  });

  it('invalid JSONPath is reported, not thrown (GP512)', async () => {
    const { diagnostics } = await run({
      'o.yaml': overlay(
        `  - target: "$.paths[?(@.x ==)]"\n    remove: true\n  - target: paths.x\n    remove: true\n  - target: "$.paths['/pets'"\n    remove: true\n`,
      ),
    });
    expect(diagnostics.filter((d) => d.code === 'GP512').map((d) => d.where.pointer)).toEqual([
      '/actions/0/target',
      '/actions/1/target',
      '/actions/2/target',
    ]);
  });

  it('malformed overlays are findings in the overlay (GP510), mismatched updates GP513', async () => {
    const { diagnostics } = await run({
      'a.yaml': `info: { title: o, version: '1' }\nactions: []\n`,
      'b.yaml': overlay(
        `  - target: $.paths['/pets']\n    update: [1]\n  - target: $\n    remove: true\n  - description: no target\n`,
      ),
    });
    expect(
      diagnostics.filter((d) => d.code === 'GP510').map((d) => `${d.where.file}${d.where.pointer}`),
    ).toEqual(['a.yaml/actions', 'a.yaml/overlay', 'b.yaml/actions/2/target']);
    expect(diagnostics.filter((d) => d.code === 'GP513').map((d) => d.where.pointer)).toEqual([
      '/actions/0',
      '/actions/1',
    ]);
  });

  it('applies overlays in order: a later one wins', async () => {
    const first = overlay(
      `  - target: $\n    update:\n      x-gateplan:\n        backends: { a: { url: 'http://a' }, b: { url: 'http://b' } }\n        defaults: { backend: a }\n`,
    );
    const second = overlay(`  - target: $['x-gateplan'].defaults\n    update: { backend: b }\n`);
    const { model } = await run({ '1.yaml': first, '2.yaml': second });
    expect(model!.routes.map((r) => ('backend' in r.backend ? r.backend.backend : ''))).toEqual([
      'b',
      'b',
      'b',
    ]);
  });

  it('appends to a selected array and keeps positions of elements after a removed one', async () => {
    const dir = tempDir({
      'api.yaml': spec,
      'o.yaml': overlay(
        `  - target: $.tags[?(@.name == 'a')]\n    remove: true\n  - target: $.tags\n    update: { name: d }\n`,
      ),
    });
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir, config: false, overlays: ['o.yaml'] });
    if (!loaded.ok) throw new Error('load failed');
    expect((loaded.spec.document.tags as { name: string }[]).map((t) => t.name)).toEqual(['b', 'c', 'd']);
    const origins = loaded.spec.origins!;
    expect(origins.resolve({ file: 'api.yaml', pointer: '/tags/0/name' })).toEqual({
      file: 'api.yaml',
      pointer: '/tags/1/name',
    });
    expect(origins.resolve({ file: 'api.yaml', pointer: '/tags/1' })).toEqual({
      file: 'api.yaml',
      pointer: '/tags/2',
    });
    expect(origins.resolve({ file: 'api.yaml', pointer: '/tags/2' })).toEqual({
      file: 'o.yaml',
      pointer: '/actions/1/update',
    });
    // Tag c is at /tags/1 now; its line is still the one it has in the spec.
    expect(loaded.spec.sources.locate(origins.resolve({ file: 'api.yaml', pointer: '/tags/1' })).line).toBe(
      6,
    );
  });

  it('an overlay file that cannot be read stops the load', async () => {
    const dir = tempDir({ 'api.yaml': spec });
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir, overlays: ['missing.yaml'] });
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.diagnostics.map((d) => [d.code, d.where.file])).toEqual([
      ['GP001', 'missing.yaml'],
    ]);
  });
});

describe('OpenAPI overlays from untrusted hands', () => {
  it('an update key __proto__ stays a plain key and reaches no prototype', async () => {
    const attack = overlay(
      `  - target: $.info\n    update:\n      __proto__: { polluted: yes }\n      constructor: { prototype: { polluted: yes } }\n`,
    );
    const dir = tempDir({ 'api.yaml': spec, 'o.yaml': attack });
    const loaded = await load(join(dir, 'api.yaml'), { cwd: dir, config: false, overlays: ['o.yaml'] });
    if (!loaded.ok) throw new Error('load failed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const info = loaded.spec.document.info as Record<string, unknown>;
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype);
    expect(Object.keys(info)).toEqual(['title', 'version', '__proto__', 'constructor']);
  });
});

describe('overlays of any shape', () => {
  it('never crash the loader: every action applies or becomes a located finding, and outputs parse', async () => {
    const { default: fc } = await import('fast-check');
    const target = fc.oneof(
      fc.constantFrom(
        '$',
        '$.paths.*',
        '$..*',
        '$.tags[0]',
        '$.tags',
        "$.paths['/pets'].get",
        '$.info.title',
        "$..[?(@.operationId == 'getPet')]",
      ),
      fc.string().map((s) => `$${s}`),
      fc.jsonValue(),
    );
    const action = fc.record(
      { target, update: fc.jsonValue(), remove: fc.oneof(fc.boolean(), fc.jsonValue()) },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 4 }), async (actions) => {
        const text = JSON.stringify({ overlay: '1.0.0', info: { title: 'f', version: '1' }, actions });
        const { model, diagnostics } = await check(
          spec,
          { 'o.json': text, 'gateplan.yaml': BACKEND },
          { overlays: ['o.json'] },
        );
        expectLocated(diagnostics, ['api.yaml', 'o.json', 'gateplan.yaml']);
        // An overlay that cannot apply is a finding in the overlay, never a broken spec.
        expect(model, JSON.stringify(diagnostics.map((d) => d.code))).toBeDefined();
        expectOutputsParse(model!);
      }),
      propertyRuns(150),
    );
  });
});
