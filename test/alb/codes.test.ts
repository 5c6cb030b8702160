/**
 * One table per ALB code: each case is a spec, written inline, and exactly the findings of
 * that code the ALB target must produce for it (where they point, and their arguments).
 */
import { describe, expect, it } from 'vitest';
import type { Code } from '../../src/diagnostics/catalog.js';
import type { RouteModel } from '../../src/model/types.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { buildCells } from '../../src/targets/alb/cells.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import type { PackedRule } from '../../src/targets/alb/pack.js';
import { unverified, verifyRules } from '../../src/targets/alb/verify.js';
import { modelOf as loadModel, writeSpec } from '../support/pipeline.js';
import { tenantServices } from './shapes.js';
import { modelOf } from './support.js';

interface AlbCase {
  name: string;
  /** Findings made another way than by compiling the spec (the verifier on a faulty rule list). */
  findings?: (model: RouteModel) => Diagnostic[];
  /** The spec (an OpenAPI 3.0 document), or a route model built in memory. */
  spec: string | (() => RouteModel);
  change?: (model: RouteModel) => RouteModel;
  expect: { pointer: string; args?: Record<string, string | RegExp> }[];
}

function testAlbCode(code: Code, cases: AlbCase[]): void {
  describe(code, () => {
    it('some case expects it at a pointer', () => {
      expect(cases.some((c) => c.expect.length > 0)).toBe(true);
    });
    for (const c of cases) {
      it(c.name, async () => {
        const loaded = typeof c.spec === 'string' ? await loadModel(writeSpec(c.spec)) : c.spec();
        const model = c.change ? c.change(loaded) : loaded;
        const all = c.findings ? c.findings(model) : compileAlb(model).diagnostics;
        const found = all.filter((d) => d.code === code);
        expect(found.map((d) => d.where.pointer)).toEqual(c.expect.map((e) => e.pointer));
        c.expect.forEach((e, i) => {
          for (const [key, value] of Object.entries(e.args ?? {}))
            if (value instanceof RegExp) expect(found[i]!.args[key]).toMatch(value);
            else expect(found[i]!.args[key]).toBe(value);
        });
      });
    }
  });
}

/** An OpenAPI 3.0 document with two HTTP backends, the given root intent and paths. */
function api(paths: string, intent = '', extra = ''): string {
  return `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends:
    a: { url: 'http://a.internal' }
    b: { url: 'http://b.internal' }
  defaults: { backend: a }
${intent}paths:
${paths}${extra}`;
}

const GET = `{ responses: { '200': { description: ok } } }`;
const strict = (m: RouteModel): RouteModel => ({ ...m, alb: { ...m.alb, unmatched: 'default' } });

testAlbCode('GP200', [
  {
    name: '121 rules for 120 backends: over the quota, split over two load balancers',
    spec: () =>
      modelOf(Array.from({ length: 120 }, (_, i) => ({ method: 'GET', path: `/r${i}`, backend: `s${i}` }))),
    expect: [
      {
        pointer: '/x-gateplan',
        args: {
          rules: '121',
          quota: '100',
          advice: /^split the API by path prefix over 2 load balancers \(1\) \/r0/,
        },
      },
    ],
  },
  {
    name: 'no finding within a raised quota declared in quotas.albRules',
    spec: () =>
      modelOf(Array.from({ length: 120 }, (_, i) => ({ method: 'GET', path: `/r${i}`, backend: `s${i}` }))),
    change: (m) => ({ ...m, quotas: { albRules: 200 } }),
    expect: [],
  },
  {
    name: 'strict mode over the quota names what unmatched: backend would need',
    spec: () => modelOf(tenantServices(40)),
    change: strict,
    expect: [
      {
        pointer: '/x-gateplan',
        args: { advice: /^with x-gateplan\.alb\.unmatched: backend the API needs 45 rules; split/ },
      },
    ],
  },
  {
    name: 'a parameter where the routes part ways: no split by path, raise the quota',
    spec: () =>
      modelOf([
        ...Array.from({ length: 110 }, (_, i) => ({
          method: 'GET' as const,
          path: `/r${i}`,
          backend: `s${i}`,
        })),
        { method: 'GET', path: '/{anything}', backend: 'fallback' },
      ]),
    expect: [
      {
        pointer: '/x-gateplan',
        args: { advice: /^the API cannot be split by path prefix: GET \/\{anything\}/ },
      },
    ],
  },
  { name: 'within the quota', spec: api(`  /a: { get: ${GET} }\n`), expect: [] },
]);

testAlbCode('GP138', [
  {
    name: '121 rules: within the raised quota of 200, over the default of 100',
    spec: () =>
      modelOf(Array.from({ length: 120 }, (_, i) => ({ method: 'GET', path: `/r${i}`, backend: `s${i}` }))),
    change: (m) => ({ ...m, quotas: { albRules: 200 } }),
    expect: [
      { pointer: '/x-gateplan', args: { key: 'albRules', used: '121', default: '100', limit: '200' } },
    ],
  },
  {
    name: 'no finding when the default quota is enough',
    spec: () => modelOf([{ method: 'GET', path: '/a', backend: 'a' }]),
    change: (m) => ({ ...m, quotas: { albRules: 200 } }),
    expect: [],
  },
]);

testAlbCode('GP201', [
  {
    name: 'an API-key scheme ALB cannot enforce',
    spec: api(
      `  /a: { get: { security: [{ key: [] }], responses: { '200': { description: ok } } } }\n`,
      '',
      `components:\n  securitySchemes:\n    key: { type: apiKey, name: x-key, in: header }\n`,
    ),
    expect: [
      {
        pointer: '/components/securitySchemes/key',
        args: { scheme: 'key', kind: 'apiKey', routes: 'GET /a' },
      },
    ],
  },
]);

testAlbCode('GP202', [
  {
    name: 'routes with CORS',
    spec: api(`  /a: { get: ${GET} }\n`, `  defaults: { backend: a, cors: { allowOrigins: ['*'] } }\n`),
    expect: [{ pointer: '/x-gateplan', args: { count: '1', routes: 'GET /a' } }],
  },
]);

testAlbCode('GP203', [
  {
    name: 'two host stages',
    spec: api(
      `  /a: { get: ${GET} }\n`,
      `  stages: { dev: { host: dev.example.com }, prod: { host: example.com } }\n`,
    ),
    expect: [{ pointer: '/x-gateplan/stages/dev', args: { count: '2', mode: 'host header' } }],
  },
  { name: 'one stage by host needs no note', spec: api(`  /a: { get: ${GET} }\n`), expect: [] },
]);

testAlbCode('GP204', [
  {
    name: 'a route throttle becomes a WAF rate rule',
    spec: api(
      `  /a: { get: { x-gateplan: { throttle: { rate: 5, burst: 10 } }, responses: { '200': { description: ok } } } }\n`,
    ),
    expect: [{ pointer: '/paths/~1a/get', args: { count: '1', window: '60' } }],
  },
]);

testAlbCode('GP205', [
  {
    name: 'an S3 backend',
    spec: api(
      `  /files: { get: { x-gateplan: { backend: s3 }, responses: { '200': { description: ok } } } }\n`,
      `  backends:\n    s3: { s3: { bucket: files } }\n`,
    ).replace("  backends:\n    a: { url: 'http://a.internal' }\n    b: { url: 'http://b.internal' }\n", ''),
    expect: [
      { pointer: '/x-gateplan/backends/s3', args: { backend: 's3', kind: 's3', routes: 'GET /files' } },
    ],
  },
]);

testAlbCode('GP206', [
  {
    name: 'a parameter beside a deeper route of another backend needs a regex',
    spec: api(
      `  /a/{id}: { get: ${GET} }\n  /a/{id}/x: { get: { x-gateplan: { backend: b }, responses: { '200': { description: ok } } } }\n`,
    ),
    expect: [{ pointer: '/x-gateplan', args: { count: '2', routes: 'GET /a/{id}, GET /a/{id}/x' } }],
  },
  { name: 'literal paths stay globs', spec: api(`  /a: { get: ${GET} }\n`), expect: [] },
]);

testAlbCode('GP207', [
  {
    name: 'a host stage without a host',
    spec: api(`  /a: { get: ${GET} }\n`, `  stages: { dev: {}, prod: { host: api.example.com } }\n`),
    expect: [{ pointer: '/x-gateplan/stages/dev', args: { stage: 'dev' } }],
  },
]);

testAlbCode('GP208', [
  {
    name: 'six weighted target groups in one forward',
    spec: () => {
      const m = modelOf([{ method: 'GET', path: '/split', backend: 'b0' }], {}, [
        'b1',
        'b2',
        'b3',
        'b4',
        'b5',
      ]);
      const weighted = ['b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((backend) => ({ backend, weight: 1 }));
      return { ...m, routes: m.routes.map((r) => ({ ...r, backend: { weighted } })) };
    },
    expect: [{ pointer: '', args: { route: 'GET /split', count: '6', quota: '5' } }],
  },
]);

testAlbCode('GP209', [
  {
    name: 'a path longer than 128 characters',
    spec: () => modelOf([{ method: 'GET', path: '/' + 'segment-'.repeat(20), backend: 'a' }]),
    expect: [{ pointer: '', args: { length: '161', quota: '128' } }],
  },
]);

testAlbCode('GP210', [
  {
    name: 'two alternatives ALB cannot run as one login: the route answers 401',
    spec: api(
      `  /a: { get: { security: [{ oidc: [] }, { key: [] }], responses: { '200': { description: ok } } } }\n`,
      '',
      `components:\n  securitySchemes:\n    key: { type: apiKey, name: x-key, in: header }\n    oidc: { type: openIdConnect, openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration' }\n`,
    ),
    expect: [
      {
        pointer: '/paths/~1a/get',
        args: { route: 'GET /a', alternatives: 'oidc | key', keys: 'auth.key, auth.oidc' },
      },
    ],
  },
]);

testAlbCode('GP211', [
  {
    name: '120 backends, over the 100 target groups',
    spec: () =>
      modelOf(Array.from({ length: 120 }, (_, i) => ({ method: 'GET', path: `/r${i}`, backend: `s${i}` }))),
    expect: [
      {
        pointer: '/x-gateplan',
        args: { count: '120', quota: '100', advice: /^split the API by path prefix over 2/ },
      },
    ],
  },
]);

testAlbCode('GP212', [
  {
    name: 'every plan says how full it is',
    spec: api(
      `  /a: { get: ${GET} }\n  /b/{id}: { get: { x-gateplan: { backend: b }, responses: { '200': { description: ok } } } }\n`,
    ),
    expect: [{ pointer: '/x-gateplan', args: { rules: '3', quota: '100', routes: '2' } }],
  },
]);

testAlbCode('GP213', [
  {
    name: 'Cognito in front of a gRPC target group',
    spec: api(
      `  /a: { get: { security: [{ pool: [] }], responses: { '200': { description: ok } } } }\n`,
      `  backends:\n    a: { url: 'http://a.internal', protocolVersion: GRPC }\n`,
      `components:\n  securitySchemes:\n    pool:\n      type: apiKey\n      name: Authorization\n      in: header\n      x-amazon-apigateway-authtype: cognito_user_pools\n      x-amazon-apigateway-authorizer: { type: cognito_user_pools, providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_X'] }\n`,
    ).replace("  backends:\n    a: { url: 'http://a.internal' }\n    b: { url: 'http://b.internal' }\n", ''),
    expect: [{ pointer: '/paths/~1a/get', args: { route: 'GET /a', backend: 'a', version: 'GRPC' } }],
  },
]);

testAlbCode('GP214', [
  {
    name: 'three hosts and three header values on one route',
    spec: api(
      `  /t:\n    get:\n      x-gateplan: { match: { hosts: [a.example.com, b.example.com, c.example.com], headers: { x-k: [one, two, three] } } }\n      responses: { '200': { description: ok } }\n`,
    ),
    expect: [{ pointer: '/paths/~1t/get', args: { route: 'GET /t', values: '9' } }],
  },
]);

testAlbCode('GP215', [
  {
    name: 'a stage quota',
    spec: api(`  /a: { get: ${GET} }\n`, `  stages: { prod: { quota: { limit: 5000, period: DAY } } }\n`),
    expect: [
      { pointer: '/x-gateplan/stages/prod/quota', args: { stage: 'prod', limit: '5000', period: 'day' } },
    ],
  },
]);

testAlbCode('GP216', [
  {
    name: 'two path stages under /live',
    spec: api(
      `  /a: { get: ${GET} }\n`,
      `  alb: { stages: path }\n  stages: { prod: { pathPrefix: /live }, dev: { pathPrefix: /live }, test: { pathPrefix: /test } }\n`,
    ),
    expect: [
      { pointer: '/x-gateplan/stages/prod', args: { stages: 'dev, prod', prefix: '/live', winner: 'dev' } },
    ],
  },
]);

const listenerStack = (stages: string) =>
  api(`  /a: { get: ${GET} }\n`, `  alb: { stages: listener, stack: full }\n  stages: { ${stages} }\n`);

testAlbCode('GP218', [
  {
    name: 'two stages without a port: the second one to 443 is named',
    spec: listenerStack('prod: {}, dev: {}'),
    expect: [
      {
        pointer: '/x-gateplan/stages/prod',
        args: {
          listeners: 'stages dev and prod',
          port: '443',
          stage: 'prod',
          key: 'stages.prod.listenerPort',
        },
      },
    ],
  },
  {
    name: 'a declared 443 beside a stage that takes it by default: the default one is named',
    spec: listenerStack('prod: { listenerPort: 443 }, dev: {}'),
    expect: [{ pointer: '/x-gateplan/stages/dev', args: { stage: 'dev', key: 'stages.dev.listenerPort' } }],
  },
  {
    name: 'port 80 is the HTTP redirect listener',
    spec: listenerStack('prod: {}, dev: { listenerPort: 80 }'),
    expect: [
      {
        pointer: '/x-gateplan/stages/dev/listenerPort',
        args: { listeners: 'stage dev and the HTTP redirect listener', port: '80', stage: 'dev' },
      },
    ],
  },
  {
    name: 'one port per stage',
    spec: listenerStack('prod: {}, dev: { listenerPort: 8443 }'),
    expect: [],
  },
  {
    name: 'rules on existing listeners: ports are not gateplan’s to choose',
    spec: api(`  /a: { get: ${GET} }\n`, `  alb: { stages: listener }\n  stages: { prod: {}, dev: {} }\n`),
    expect: [],
  },
]);

testAlbCode('GP219', [
  {
    name: 'a port on a host-header stage',
    spec: api(
      `  /a: { get: ${GET} }\n`,
      `  stages: { prod: { host: a.example.com, listenerPort: 8443 }, dev: { host: dev.example.com } }\n`,
    ),
    expect: [
      {
        pointer: '/x-gateplan/stages/prod/listenerPort',
        args: { stage: 'prod', port: '8443', mode: 'host', key: 'stages.prod.listenerPort' },
      },
    ],
  },
  {
    name: 'a port on a stage with its own listener',
    spec: listenerStack('prod: {}, dev: { listenerPort: 8443 }'),
    expect: [],
  },
]);

testAlbCode('GP217', [
  {
    name: "a rule list that takes another backend's requests first",
    spec: api(
      `  /users/me: { get: ${GET} }\n  /users/{id}/avatar: { get: { x-gateplan: { backend: b }, responses: { '200': { description: ok } } } }\n`,
    ),
    findings: (model) => {
      const cells = buildCells([
        {
          routeId: 'GET /users/me',
          method: 'GET',
          segs: [lit('users'), lit('me')],
          greedy: false,
          dest: 'a',
        },
        {
          routeId: 'GET /users/{}/avatar',
          method: 'GET',
          segs: [lit('users'), { kind: 'param' }, lit('avatar')],
          greedy: false,
          dest: 'b',
        },
      ]);
      const me = cells.find((c) => c.dest === 'a')!.id;
      const avatar = cells.find((c) => c.dest === 'b')!.id;
      const claimFirst: PackedRule[] = [
        { dest: 'a', pieces: [], values: { globs: ['/users/me', '/users/me/*'] }, homes: [me], after: [] },
        { dest: 'b', pieces: [], values: { regexes: ['^/users/[^/]+/avatar$'] }, homes: [avatar], after: [] },
      ];
      return unverified(model, 'main', verifyRules(claimFirst, cells, 'path-first'));
    },
    expect: [{ pointer: '/x-gateplan', args: { listener: 'main', count: '1' } }],
  },
  { name: "the compiler's own rules pass", spec: api(`  /a/{id}: { get: ${GET} }\n`), expect: [] },
]);

function lit(value: string) {
  return { kind: 'lit' as const, value };
}
