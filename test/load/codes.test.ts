import { join } from 'node:path';
import { describe } from 'vitest';
import { testCliCode } from '../support/cli-code.js';
import { tempDir } from '../support/temp.js';
import { oas, testCode } from '../support/check.js';

const backend = `x-gateplan:\n  backends: { b: { url: 'http://b.internal' } }\n  defaults: { backend: b }\n`;
const ok = (paths: string) => oas(`${backend}paths:\n${paths}`);
const PATH_A = `  /a: { get: { responses: { '200': { description: ok } } } }\n`;
const ITEM = `get: { responses: { '200': { description: ok } } }\n`;
/** Files elsewhere on disk, which links in a spec's folder must not lead a read to. */
const OUTSIDE = tempDir({
  'item.yaml': ITEM,
  'overlay.yaml': `overlay: 1.0.0\ninfo: { title: o, version: '1' }\nactions:\n  - { target: $.info, update: { title: U } }\n`,
});

describe('load diagnostics', () => {
  testCode('GP002', [
    {
      name: 'entry file over the ceiling',
      spec: ok(`  /a: { get: { responses: { '200': { description: ok } } } }\n`),
      options: { maxFileSize: 100 },
      expect: [{ pointer: '' }],
    },
  ]);

  testCode('GP003', [
    {
      name: 'YAML syntax error has line and column',
      spec: 'openapi: 3.0.3\ninfo: { title: T, version: 1\npaths: {}\n',
      expect: [{ pointer: '', line: 3 }],
    },
    {
      name: 'JSON syntax error has a position',
      spec: '{"openapi": "3.0.3",\n "info": }',
      file: 'api.json',
      expect: [{ pointer: '', line: 2 }],
    },
  ]);

  testCode('GP004', [
    {
      name: 'billion laughs is refused',
      spec: 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\npaths: {}\n',
      options: { maxAliasCount: 50 },
      expect: [{ pointer: '' }],
    },
  ]);

  testCode('GP004', [
    {
      name: 'an alias that contains itself',
      spec: 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\nloop: &a [x, *a]\npaths: {}\n',
      expect: [{ pointer: '' }],
    },
    {
      name: 'ordinary anchors stay well under the default limit',
      spec: ok(`  /a: { get: &op { responses: { '200': { description: ok } } } }\n  /b: { get: *op }\n`),
      expect: [],
    },
  ]);

  testCode('GP005', [
    {
      name: 'JSON nested past the limit',
      spec: `{"openapi":"3.0.3","x":${'['.repeat(300)}${']'.repeat(300)}}`,
      file: 'api.json',
      expect: [{ pointer: '' }],
    },
    {
      name: 'YAML nested past the limit',
      spec: `openapi: 3.0.3\nx: ${'['.repeat(300)}${']'.repeat(300)}\n`,
      expect: [{ pointer: '' }],
    },
  ]);

  testCode('GP006', [
    { name: 'not an API description', spec: 'name: my-app\nversion: 1\n', expect: [{ pointer: '' }] },
    { name: 'a list at the top', spec: '- a\n- b\n', expect: [{ pointer: '' }] },
  ]);

  testCode('GP007', [
    {
      name: 'missing file',
      spec: ok(`  /a: { $ref: 'missing.yaml' }\n`),
      expect: [{ pointer: '/paths/~1a', line: 7 }],
    },
    {
      name: 'missing pointer in the same file',
      spec: ok(
        `  /a:\n    get:\n      parameters: [{ $ref: '#/components/parameters/nope' }]\n      responses: { '200': { description: ok } }\n`,
      ),
      expect: [{ pointer: '/paths/~1a/get/parameters/0' }],
    },
    {
      name: 'a broken $ref under an x- key nobody reads does not stop the run',
      spec: ok(
        `  /a:\n    get:\n      x-codeSamples: [{ $ref: '../code/a.cs' }]\n      responses: { '200': { description: ok } }\n`,
      ),
      expect: [],
    },
  ]);

  testCode('GP008', [
    {
      name: 'network $ref is blocked by default',
      spec: ok(`  /a: { $ref: 'https://example.com/paths.yaml#/a' }\n`),
      expect: [{ pointer: '/paths/~1a' }],
    },
  ]);

  testCode('GP009', [
    {
      name: '$ref outside the spec folder',
      spec: ok(`  /a: { $ref: '../../etc/passwd' }\n`),
      file: 'spec/api.yaml',
      expect: [{ pointer: '/paths/~1a' }],
    },
  ]);

  testCode('GP010', [
    {
      name: 'a path item that refers to itself',
      spec: ok(`  /a: { $ref: '#/paths/~1b' }\n  /b: { $ref: '#/paths/~1a' }\n`),
      expect: [{ pointer: '/paths/~1a' }, { pointer: '/paths/~1b' }],
    },
  ]);

  testCode('GP011', [
    { name: 'Swagger 1.2', spec: 'swaggerVersion: "1.2"\napis: []\n', expect: [{ pointer: '' }] },
    {
      name: 'OpenAPI 4',
      spec: 'openapi: 4.0.0\ninfo: { title: T, version: "1" }\n',
      expect: [{ pointer: '' }],
    },
  ]);

  testCode('GP012', [
    {
      name: 'a Swagger 1.2 bare name resolves to the definition, with a warning',
      spec: `swagger: '2.0'\ninfo: { title: T, version: '1' }\n${backend}paths:\n  /a:\n    post:\n      parameters: [{ in: body, name: b, schema: { $ref: Pet } }]\n      responses: { '200': { description: ok } }\ndefinitions:\n  Pet: { type: object }\n`,
      expect: [{ pointer: '/paths/~1a/post/parameters/0/schema', severity: 'warn' }],
    },
  ]);

  testCliCode('GP001', [
    {
      name: 'the spec named does not exist',
      files: {},
      args: ['lint', 'missing.yaml', '--format', 'json'],
      exit: 2,
      expect: [{ file: 'missing.yaml', pointer: '', args: { reason: 'no such file' } }],
    },
    {
      name: 'the spec named is a folder',
      files: { 'specs/api.yaml': ok(PATH_A) },
      args: ['lint', 'specs', '--format', 'json'],
      exit: 2,
      expect: [{ file: 'specs', pointer: '', args: { reason: 'not a file' } }],
    },
    {
      name: 'an overlay named that does not exist',
      files: { 'api.yaml': ok(PATH_A) },
      args: ['lint', 'api.yaml', '--overlay', 'nope.yaml', '--format', 'json'],
      exit: 2,
      expect: [{ file: 'nope.yaml', pointer: '', args: { reason: 'no such file' } }],
    },
    {
      name: 'the spec is there',
      files: { 'api.yaml': ok(PATH_A) },
      args: ['lint', 'api.yaml', '--format', 'json'],
      exit: 0,
      expect: [],
    },
  ]);

  testCode('GP015', [
    {
      name: 'a $ref to a link that leads out of the spec folder, reported at the $ref',
      spec: ok(`  /a: { $ref: 'sub/link.yaml' }\n`),
      files: { 'sub/link.yaml': { link: join(OUTSIDE, 'item.yaml') } },
      expect: [{ pointer: '/paths/~1a', file: 'api.yaml', line: 7, args: { file: 'sub/link.yaml' } }],
    },
    {
      name: 'a $ref through a linked folder',
      spec: ok(`  /a: { $ref: 'shared/item.yaml' }\n`),
      files: { shared: { link: OUTSIDE } },
      expect: [{ pointer: '/paths/~1a', file: 'api.yaml', line: 7 }],
    },
    {
      name: 'a $ref to a link into a .git folder',
      spec: ok(`  /a: { $ref: 'item.yaml' }\n`),
      files: { '.git/item.yaml': ITEM, 'item.yaml': { link: '.git/item.yaml' } },
      expect: [{ pointer: '/paths/~1a', file: 'api.yaml', line: 7 }],
    },
    {
      name: 'an overlay named through a link that leads out of the folder',
      spec: ok(PATH_A),
      files: { 'o.yaml': { link: join(OUTSIDE, 'overlay.yaml') } },
      options: { overlays: ['o.yaml'] },
      expect: [{ pointer: '', file: 'o.yaml' }],
    },
    {
      name: 'a link that stays inside the spec folder is followed',
      spec: ok(`  /a: { $ref: 'link.yaml' }\n`),
      files: { 'paths/a.yaml': ITEM, 'link.yaml': { link: 'paths/a.yaml' } },
      expect: [],
    },
    {
      name: 'a file the user names outside the folder, with no link on its path, is read',
      spec: ok(PATH_A),
      options: { overlays: [join(OUTSIDE, 'overlay.yaml')] },
      expect: [],
    },
  ]);
});
