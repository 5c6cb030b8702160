/**
 * One table per code of `cost`'s own inputs (GP600–GP603): the traffic profile, the price file
 * and the ALB plan the bill counts rules from. Each case runs `gateplan cost` in a fresh folder
 * and reads the code's findings, file, pointer and line, from `--format json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { oas } from '../support/check.js';
import { testCliCode } from '../support/cli-code.js';
import { REPO } from '../support/pipeline.js';

const SPEC = oas(`x-gateplan:
  backends: { shop: { url: 'http://shop.internal' } }
  defaults: { backend: shop }
paths:
  /orders:
    get: { operationId: listOrders, responses: { '200': { description: ok } } }
`);
const PRICES = readFileSync(join(REPO, 'data/prices/us-east-1.json'), 'utf8');
const ALB_GROUP = {
  file: 'prices.json',
  pointer: '/alb',
  line: PRICES.split('\n').findIndex((l) => l.includes('"alb"')) + 1,
};
const cost = (...args: string[]) => ['cost', 'api.yaml', ...args, '--format', 'json'];

describe('cost inputs', () => {
  testCliCode('GP600', [
    {
      name: 'a negative size and an unknown key, at their lines',
      files: { 'api.yaml': SPEC, 'traffic.yaml': 'requests: 10M\nrequestBytes: -5\ncolour: red\n' },
      args: cost('--profile', 'traffic.yaml'),
      exit: 2,
      expect: [
        { file: 'traffic.yaml', pointer: '/colour', line: 3 },
        { file: 'traffic.yaml', pointer: '/requestBytes', line: 2 },
      ],
    },
    {
      name: 'a volume with a suffix and a size',
      files: { 'api.yaml': SPEC, 'traffic.yaml': 'requests: 10M\nrequestBytes: 512\n' },
      args: cost('--profile', 'traffic.yaml'),
      exit: 0,
      expect: [],
    },
  ]);

  testCliCode('GP601', [
    {
      name: 'a route the spec does not have',
      files: { 'api.yaml': SPEC, 'traffic.yaml': 'routes:\n  listOrders: 50\n  noSuchOperation: 30\n' },
      args: cost('--profile', 'traffic.yaml'),
      exit: 0,
      expect: [{ file: 'traffic.yaml', pointer: '/routes/noSuchOperation', line: 3, severity: 'warn' }],
    },
    {
      name: 'routes by operationId and as METHOD /path',
      files: { 'api.yaml': SPEC, 'traffic.yaml': "routes:\n  listOrders: 50\n  'GET /orders': 10\n" },
      args: cost('--profile', 'traffic.yaml'),
      exit: 0,
      expect: [],
    },
  ]);

  testCliCode('GP602', [
    {
      name: 'a misspelt price key',
      files: { 'api.yaml': SPEC, 'prices.json': PRICES.replace('"usdPerHour"', '"usdPerHuor"') },
      args: cost('--prices', 'prices.json'),
      exit: 2,
      // The unknown key, and the price it was meant to be now missing: both in the alb group.
      expect: [ALB_GROUP, ALB_GROUP],
    },
    {
      name: 'the bundled price file, copied',
      files: { 'api.yaml': SPEC, 'prices.json': PRICES },
      args: cost('--prices', 'prices.json'),
      exit: 0,
      expect: [],
    },
  ]);

  testCliCode('GP603', [
    {
      name: 'a backend no ALB can forward to: the count may be off, said at that backend',
      files: {
        'api.yaml': oas(`x-gateplan:
  backends: { files: { s3: { bucket: my-bucket } } }
  defaults: { backend: files }
paths:
  /files/{key}:
    get:
      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`),
      },
      args: cost(),
      exit: 0,
      expect: [{ file: 'api.yaml', pointer: '/x-gateplan/backends/files', line: 4, severity: 'warn' }],
    },
    {
      name: 'an ALB plan without errors',
      files: { 'api.yaml': SPEC },
      args: cost(),
      exit: 0,
      expect: [],
    },
  ]);
});
