/**
 * One table per code of the inputs other than an OpenAPI file (GP500–GP513): Postman
 * collections and environments, OpenAPI Overlays. Each case loads a small input and lists
 * where the code must be reported — in the collection, the environment or the overlay.
 */
import { describe } from 'vitest';
import { oas, testCode } from '../support/check.js';
import { testCliCode } from '../support/cli-code.js';

const V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const COLLECTION = 'collection.json';

/** A Postman v2.1 collection of the given items, pretty-printed so findings have lines. */
const collection = (item: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ info: { name: 'Shop', schema: V21 }, ...extra, item }, null, 2);
const request = (name: string, method: string, url: unknown) => ({ name, request: { method, url } });

const SPEC = oas(`paths:
  /pets:
    get: { operationId: listPets, responses: { '200': { description: ok } } }
  /pets/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { operationId: getPet, responses: { '200': { description: ok } } }
`);
const overlay = (actions: string) => `overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions:\n${actions}`;
const withOverlays = (overlays: Record<string, string>) => ({
  spec: SPEC,
  files: overlays,
  options: { overlays: Object.keys(overlays) },
});

describe('Postman collections', () => {
  testCode('GP500', [
    {
      name: 'a second request on the same route',
      file: COLLECTION,
      spec: collection([
        request('get order', 'GET', 'http://h/orders/:id'),
        request('get order again', 'GET', 'http://h/orders/:orderId?verbose=1'),
      ]),
      expect: [
        {
          pointer: '/item/1',
          file: COLLECTION,
          line: 14,
          args: { first: 'get order', route: 'GET /orders/{id}' },
        },
      ],
    },
    {
      name: 'another method on the same path is another route',
      file: COLLECTION,
      spec: collection([
        request('get', 'GET', 'http://h/orders/:id'),
        request('delete', 'DELETE', 'http://h/orders/:id'),
      ]),
      expect: [],
    },
  ]);

  testCode('GP501', [
    {
      name: 'a segment mixing text and a variable without a value',
      file: COLLECTION,
      spec: collection([request('status', 'GET', 'http://h/v{{apiVersion}}/status')]),
      expect: [
        {
          pointer: '/item/0/request/url',
          line: 11,
          args: { segment: 'v{{apiVersion}}', param: 'apiVersion' },
        },
      ],
    },
    {
      name: 'the variable has a value in the collection',
      file: COLLECTION,
      spec: collection([request('status', 'GET', 'http://h/v{{apiVersion}}/status')], {
        variable: [{ key: 'apiVersion', value: '2' }],
      }),
      expect: [],
    },
  ]);

  testCode('GP502', [
    {
      name: 'a segment with characters no front door routes on',
      file: COLLECTION,
      spec: collection([request('e', 'GET', 'http://h/caf\u00e9/menu')]),
      expect: [{ pointer: '/item/0/request/url', line: 11, args: { encoded: 'caf%C3%A9' } }],
    },
    {
      name: 'plain segments',
      file: COLLECTION,
      spec: collection([request('e', 'GET', 'http://h/cafe/menu')]),
      expect: [],
    },
  ]);

  testCode('GP503', [
    {
      name: 'a request with an empty URL is skipped',
      file: COLLECTION,
      spec: collection([request('no url', 'GET', { raw: '' }), request('ok', 'GET', 'http://h/ok')]),
      expect: [{ pointer: '/item/0/request', line: 9, args: { name: 'no url' } }],
    },
    {
      name: 'a request with a URL',
      file: COLLECTION,
      spec: collection([request('ok', 'GET', 'http://h/ok')]),
      expect: [],
    },
  ]);

  testCode('GP504', [
    {
      name: 'a base URL variable without a value, reported once',
      file: COLLECTION,
      spec: collection([request('a', 'GET', '{{host}}/a'), request('b', 'GET', '{{host}}/b')]),
      expect: [{ pointer: '/item/0/request/url', line: 11, args: { variable: '{{host}}' } }],
    },
    {
      name: 'the base URL variable has a value',
      file: COLLECTION,
      spec: collection([request('a', 'GET', '{{host}}/a')], {
        variable: [{ key: 'host', value: 'https://h' }],
      }),
      expect: [],
    },
  ]);

  testCode('GP505', [
    {
      name: 'an environment without a list of values',
      file: COLLECTION,
      spec: collection([request('a', 'GET', '{{host}}/a')]),
      files: { 'env.json': '{\n  "values": 3\n}\n' },
      options: { postmanEnvironment: 'env.json' },
      expect: [{ pointer: '/values', file: 'env.json', line: 2 }],
    },
    {
      name: 'an environment value without a key',
      file: COLLECTION,
      spec: collection([request('a', 'GET', '{{host}}/a')]),
      files: {
        'env.json': '{\n  "values": [\n    { "key": "host", "value": "h" },\n    { "value": "x" }\n  ]\n}\n',
      },
      options: { postmanEnvironment: 'env.json' },
      expect: [
        { pointer: '/values/1', file: 'env.json', line: 4, args: { reason: 'values[1] has no string key' } },
      ],
    },
    {
      name: 'an environment as Postman exports it',
      file: COLLECTION,
      spec: collection([request('a', 'GET', '{{host}}/a')]),
      files: {
        'env.json': JSON.stringify({ name: 'staging', values: [{ key: 'host', value: 'https://h' }] }),
      },
      options: { postmanEnvironment: 'env.json' },
      expect: [],
    },
  ]);

  testCode('GP506', [
    {
      name: 'a method OpenAPI has no operation for',
      file: COLLECTION,
      spec: collection([request('purge', 'PURGE', 'http://h/cache')]),
      expect: [{ pointer: '/item/0/request/method', line: 10, args: { method: 'PURGE' } }],
    },
    {
      name: 'PATCH is an OpenAPI operation',
      file: COLLECTION,
      spec: collection([request('patch', 'PATCH', 'http://h/cache')]),
      expect: [],
    },
  ]);
});

describe('OpenAPI Overlays', () => {
  testCode('GP510', [
    {
      name: 'no overlay version and no actions',
      ...withOverlays({ 'a.yaml': `info: { title: o, version: '1' }\nactions: []\n` }),
      expect: [
        { pointer: '/actions', file: 'a.yaml', line: 2 },
        { pointer: '/overlay', file: 'a.yaml' },
      ],
    },
    {
      name: 'an action without a target',
      ...withOverlays({
        'b.yaml': overlay(`  - target: $.paths['/pets']\n    remove: true\n  - description: no target\n`),
      }),
      expect: [{ pointer: '/actions/1/target', file: 'b.yaml', line: 6 }],
    },
    {
      name: 'a well-formed overlay',
      ...withOverlays({ 'c.yaml': overlay(`  - target: $.paths['/pets']\n    remove: true\n`) }),
      expect: [],
    },
  ]);

  testCode('GP511', [
    {
      name: 'a target that selects nothing',
      ...withOverlays({ 'o.yaml': overlay(`  - target: $.paths['/nope']\n    remove: true\n`) }),
      expect: [{ pointer: '/actions/0/target', file: 'o.yaml', line: 4, severity: 'error' }],
    },
    {
      name: 'a target that selects a path item',
      ...withOverlays({ 'o.yaml': overlay(`  - target: $.paths['/pets']\n    remove: true\n`) }),
      expect: [],
    },
  ]);

  testCode('GP512', [
    {
      name: 'a filter without a right-hand side, a path without $, an unclosed bracket',
      ...withOverlays({
        'o.yaml': overlay(
          `  - target: "$.paths[?(@.x ==)]"\n    remove: true\n  - target: paths.x\n    remove: true\n  - target: "$.paths['/pets'"\n    remove: true\n`,
        ),
      }),
      expect: [
        { pointer: '/actions/0/target', file: 'o.yaml', line: 4 },
        { pointer: '/actions/1/target', file: 'o.yaml', line: 6 },
        { pointer: '/actions/2/target', file: 'o.yaml', line: 8 },
      ],
    },
    {
      name: 'an RFC 9535 filter',
      ...withOverlays({
        'o.yaml': overlay(
          `  - target: $.paths.*[?(@.operationId == 'getPet')]\n    update: { summary: one pet }\n`,
        ),
      }),
      expect: [],
    },
  ]);

  testCode('GP513', [
    {
      name: 'an array as the update of an object, and removing the root',
      ...withOverlays({
        'o.yaml': overlay(`  - target: $.paths['/pets']\n    update: [1]\n  - target: $\n    remove: true\n`),
      }),
      expect: [
        { pointer: '/actions/0', file: 'o.yaml', line: 4 },
        { pointer: '/actions/1', file: 'o.yaml', line: 6 },
      ],
    },
    {
      name: 'an object update of an object',
      ...withOverlays({ 'o.yaml': overlay(`  - target: $.paths['/pets']\n    update: { summary: pets }\n`) }),
      expect: [],
    },
  ]);
});

describe('init', () => {
  const init = (...args: string[]) => ['init', 'api.yaml', ...args, '--format', 'json'];
  const spec = oas(
    `servers: [{ url: 'https://api.shop.example' }]\npaths:\n  /pets:\n    get: { responses: { '200': { description: ok } } }\n`,
  );
  testCliCode('GP520', [
    {
      name: 'the spec’s own api.gateplan.yaml is kept',
      files: { 'api.yaml': spec, 'api.gateplan.yaml': '# mine\n' },
      args: init(),
      exit: 2,
      expect: [{ file: 'api.gateplan.yaml', pointer: '', severity: 'error' }],
    },
    {
      name: 'an api.gateplan.yml counts as one',
      files: { 'api.yaml': spec, 'api.gateplan.yml': 'backends: {}\n' },
      args: init(),
      exit: 2,
      expect: [{ file: 'api.gateplan.yml', pointer: '' }],
    },
    {
      name: 'the folder’s gateplan.yaml belongs to every spec there: the spec gets its own file instead',
      files: { 'api.yaml': spec, 'gateplan.yaml': '# the folder’s\n' },
      args: init(),
      exit: 0,
      expect: [],
    },
    {
      name: 'the file --config names exists',
      files: { 'api.yaml': spec, 'deploy/shop.yaml': '# mine\n' },
      args: init('--config', 'deploy/shop.yaml'),
      exit: 2,
      expect: [{ file: 'deploy/shop.yaml', pointer: '' }],
    },
    {
      name: '--force overwrites it',
      files: { 'api.yaml': spec, 'api.gateplan.yaml': '# mine\n' },
      args: init('--force'),
      exit: 0,
      expect: [],
    },
    {
      name: 'no config yet',
      files: { 'api.yaml': spec },
      args: init(),
      exit: 0,
      expect: [],
    },
  ]);
});
