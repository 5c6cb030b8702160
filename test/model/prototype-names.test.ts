import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { Code } from '../../src/diagnostics/catalog.js';
import { load } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import { generate, UnknownTargetError } from '../../src/targets/generate.js';
import { runEverything } from '../support/everything.js';
import { check, oas } from '../support/check.js';
import { tempDir } from '../support/temp.js';
import { propertyRuns } from '../support/runs.js';

/** Names every plain object already answers to: a lookup by one must not find Object.prototype's member. */
const PROTO_NAMES = [
  'toString',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];
const name = fc.constantFrom(...PROTO_NAMES, 'orders');
/** x-gateplan's schema wants backend names to start with a letter or digit: `__proto__` only ever refers to one. */
const backendName = fc.constantFrom(...PROTO_NAMES.filter((n) => !n.startsWith('_')), 'orders');

/** Each role a spec-chosen name plays: the first four are defined, the rest refer to something. */
interface Roles {
  backend: string;
  spare: string;
  stage: string;
  scheme: string;
  defaultBackend: string;
  weightedWith: string;
  canaryTarget: string;
  catchAll: string;
  required: string;
  property: string;
  schema: string;
  operationId: string;
  tag: string;
  header: string;
  json: boolean;
}

/**
 * References usually name something defined (so most routes get through to every target)
 * and sometimes any name (so the "not defined" findings are exercised too).
 */
const roles: fc.Arbitrary<Roles> = fc
  .record({ backend: backendName, spare: backendName, stage: name, scheme: name })
  .filter((d) => d.backend !== d.spare)
  .chain((defined) => {
    const refer = (...names: string[]) =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: name });
    const backend = refer(defined.backend, defined.spare);
    return fc.record({
      backend: fc.constant(defined.backend),
      spare: fc.constant(defined.spare),
      stage: fc.constant(defined.stage),
      scheme: fc.constant(defined.scheme),
      defaultBackend: backend,
      weightedWith: backend,
      canaryTarget: backend,
      catchAll: backend,
      required: refer(defined.scheme),
      property: name,
      schema: refer('Body'),
      operationId: name,
      tag: name,
      header: name,
      json: fc.boolean(),
    });
  });

function specOf(r: Roles): Record<string, unknown> {
  const ok = { '200': { description: 'ok' } };
  return {
    openapi: '3.0.3',
    info: { title: 'T', version: '1' },
    'x-gateplan': {
      backends: { [r.backend]: { url: 'http://main.internal' }, [r.spare]: { url: 'http://spare.internal' } },
      defaults: { backend: r.defaultBackend },
      catchAll: r.catchAll,
      stages: { [r.stage]: { canary: { percent: 10, backends: { [r.backend]: r.canaryTarget } } } },
    },
    components: {
      securitySchemes: { [r.scheme]: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
      schemas: {
        Body: { type: 'object', required: [r.property], properties: { [r.property]: { type: 'string' } } },
      },
    },
    paths: {
      '/a': {
        post: {
          operationId: r.operationId,
          tags: [r.tag],
          security: [{ [r.required]: [] }],
          parameters: [{ name: r.header, in: 'header', schema: { type: 'string' } }],
          requestBody: {
            content: { 'application/json': { schema: { $ref: `#/components/schemas/${r.schema}` } } },
          },
          responses: ok,
        },
      },
      '/b': {
        get: {
          'x-gateplan': {
            backend: { [r.backend]: 90, [r.weightedWith]: 10 },
            match: { headers: { [r.header]: ['on'] } },
          },
          responses: ok,
        },
      },
    },
  };
}

/** Security requirements in an emitted OpenAPI document all name a scheme it defines. */
function undefinedSchemes(document: string): string[] {
  const doc = JSON.parse(document) as {
    paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>;
    components?: { securitySchemes?: Record<string, unknown> };
  };
  const defined = Object.keys(doc.components?.securitySchemes ?? {});
  return Object.values(doc.paths)
    .flatMap((item) => Object.values(item))
    .flatMap((op) => (op.security ?? []).flatMap((req) => Object.keys(req)))
    .filter((scheme) => !defined.includes(scheme));
}

describe('names that Object.prototype already has', () => {
  it('are ordinary names in every role, for lint, every target, compare, cost and diff', async () => {
    const dir = tempDir();
    const base = normalize(await loadOk(join(dir, 'base.yaml'), ordinary));
    let bodiesChecked = 0;
    await fc.assert(
      fc.asyncProperty(roles, async (r) => {
        const model = normalize(await loadOk(join(dir, r.json ? 'api.json' : 'api.yaml'), r));
        const { diagnostics, artifacts } = runEverything(model, base);
        const codes = new Set<Code>(diagnostics.map((d) => d.code));
        const defined = [r.backend, r.spare];
        expect(codes.has('GP041'), 'GP041: an undefined backend').toBe(
          !defined.includes(r.defaultBackend) || !defined.includes(r.weightedWith),
        );
        expect(codes.has('GP047'), 'GP047: an undefined canary backend').toBe(
          !defined.includes(r.canaryTarget),
        );
        expect(codes.has('GP051'), 'GP051: an undefined catch-all backend').toBe(
          !defined.includes(r.catchAll),
        );
        expect(codes.has('GP044'), 'GP044: an undeclared scheme').toBe(r.required !== r.scheme);
        expect(codes.has('GP007'), 'GP007: a missing schema').toBe(r.schema !== 'Body');
        expect(Object.keys(model.stages)).toEqual([r.stage]);
        expect(Object.keys(model.backends).sort()).toEqual([...defined].sort());
        expect(Object.keys(model.auth)).toEqual([r.scheme]);
        for (const path of ['apigw-rest/openapi.json', 'apigw-http/openapi.json']) {
          const document = artifacts.find((a) => a.path === path)?.content;
          if (document === undefined) continue;
          expect(undefinedSchemes(document), path).toEqual([]);
          const secured = JSON.parse(document).paths['/a']?.post?.security;
          if (secured !== undefined)
            expect(secured, `${path}: POST /a stays protected`).toEqual([{ [r.scheme]: [] }]);
          const emitted = JSON.parse(document).components?.schemas?.Body;
          if (emitted) {
            expect(Object.keys(emitted.properties), `${path}: the schema's properties`).toEqual([r.property]);
            bodiesChecked++;
          }
        }
      }),
      propertyRuns(40),
    );
    expect(bodiesChecked).toBeGreaterThan(5);
  });

  it('a target id is looked up among the targets, not on Object.prototype', () => {
    const model = { routes: [], diagnostics: [] } as never;
    for (const id of PROTO_NAMES)
      expect(() => generate(model, { targets: [id] })).toThrow(UnknownTargetError);
  });
});

const ordinary: Roles = {
  backend: 'main',
  spare: 'spare',
  defaultBackend: 'main',
  weightedWith: 'spare',
  canaryTarget: 'spare',
  catchAll: 'main',
  stage: 'prod',
  scheme: 'key',
  required: 'key',
  property: 'title',
  schema: 'Body',
  operationId: 'createA',
  tag: 'a',
  header: 'x-flag',
  json: false,
};

async function loadOk(file: string, r: Roles) {
  const doc = specOf(r);
  writeFileSync(file, r.json ? JSON.stringify(doc) : jsYaml.dump(doc));
  const loaded = await load(file, { config: false });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.spec;
}

describe('JSON pointers resolve own members only', () => {
  const body = (ref: string) =>
    oas(
      `x-gateplan:\n  backends: { b: { url: 'http://b.internal' } }\n  defaults: { backend: b }\ntags: [{ name: t }]\ncomponents: { schemas: { Body: { type: object } } }\npaths:\n  /a:\n    post:\n      requestBody: { content: { application/json: { schema: { $ref: '${ref}' } } } }\n      responses: { '200': { description: ok } }\n`,
    );
  for (const ref of [
    '#/components/schemas/toString',
    '#/__proto__',
    '#/tags/length',
    '#/components/schemas/constructor',
  ]) {
    it(`${ref} is a missing target (GP007), not an inherited member`, async () => {
      const { diagnostics, model } = await check(body(ref));
      expect(diagnostics.filter((d) => d.code === 'GP007').map((d) => d.args.ref)).toEqual([ref]);
      expect(() => runEverything(model!)).not.toThrow();
    });
  }
});

describe('a Postman collection with such names', () => {
  it('keeps a form field named __proto__', async () => {
    const collection = {
      info: { name: 'c', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'post',
          request: {
            method: 'POST',
            url: { raw: '{{__proto__}}/a', host: ['{{__proto__}}'], path: ['a'] },
            body: { mode: 'urlencoded', urlencoded: [{ key: '__proto__', value: 'x' }] },
          },
        },
      ],
    };
    const dir = tempDir({ 'c.json': JSON.stringify(collection) });
    const loaded = await load(join(dir, 'c.json'), { config: false });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const doc = loaded.spec.document as {
      servers: { variables?: Record<string, unknown> }[];
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: { properties: object } }> } } }
      >;
    };
    const form = Object.values(doc.paths)[0]!.post.requestBody.content['application/x-www-form-urlencoded']!;
    expect(Object.keys(form.schema.properties)).toEqual(['__proto__']);
    expect(Object.keys(doc.servers[0]!.variables ?? {})).toHaveLength(1);
  });
});
