/** One table per API Gateway diagnostic code (GP100–GP159), each case an inline spec. */
import { describe, expect, it } from 'vitest';
import { oas } from '../support/check.js';
import { modelOf } from '../support/pipeline.js';
import { renderFix } from '../../src/diagnostics/diagnostic.js';
import {
  API_TARGETS,
  documentOf,
  modelFrom,
  operationOf,
  run,
  testTargetCode,
  type ApiTarget,
} from './support.js';

/** A spec with one default HTTP backend, the given root `x-gateplan` extras and `paths:` block. */
function api(paths: string, intent = '', extra = ''): string {
  return oas(`x-gateplan:
  backends:
    svc: { url: 'https://svc.internal' }
${intent}
  defaults: { backend: svc }
${extra}
paths:
${paths}`);
}

const GET = `{ responses: { '200': { description: ok } } }`;

function manyPaths(n: number, description = ''): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `  /r${String(i).padStart(4, '0')}:\n    get: { description: '${description}', responses: { '200': { description: ok } } }`,
  ).join('\n');
}

describe('import blockers', () => {
  testTargetCode('GP100', [
    {
      name: 'a plain variable beside a greedy one is left out',
      target: 'apigw-rest',
      spec: api(`  /files/{id}:\n    get: { parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }
  /files/{proxy+}:\n    get: { parameters: [{ name: proxy, in: path, required: true }], responses: { '200': { description: ok } } }`),
      expect: [
        {
          pointer: '/paths/~1files~1{id}/get',
          args: { parent: '/files', name: '{id}', greedy: '{proxy+}', other: 'GET /files/{proxy+}' },
        },
      ],
      writes: false,
    },
    {
      name: 'the whole subtree under the plain variable is left out',
      target: 'apigw-http',
      spec: api(`  /files/{id}/meta:\n    get: ${GET}\n  /files/{path+}:\n    put: ${GET}`),
      expect: [{ pointer: '/paths/~1files~1{id}~1meta/get' }],
      writes: false,
    },
    {
      name: 'sibling variables with different names are renamed, not refused (GP137)',
      target: 'apigw-rest',
      spec: api(`  /users/{id}:\n    get: { parameters: [{ name: id, in: path, required: true }], responses: { '200': { description: ok } } }
  /users/{userId}/posts:\n    get: { parameters: [{ name: userId, in: path, required: true }], responses: { '200': { description: ok } } }`),
      expect: [],
      writes: true,
    },
  ]);

  // A split fits most APIs (test/apigw/split.test.ts); what remains over the quota has its paths
  // under a variable (no mapping can name it) and operations served too differently to share
  // greedy routes.
  const unsplittable = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `  /items/{id}/x${i}:\n    get: { x-gateplan: { timeoutMs: ${1000 + i} }, responses: { '200': { description: ok } } }`,
    ).join('\n');

  testTargetCode('GP101', [
    {
      name: '301 resources under a variable, served too differently to share routes',
      target: 'apigw-rest',
      spec: api(unsplittable(300)),
      expect: [{ pointer: '/paths', args: { api: 'the REST API at /items', count: '301', limit: '300' } }],
      writes: false,
    },
    { name: '300 resources', target: 'apigw-rest', spec: api(unsplittable(299)), expect: [] },
  ]);

  testTargetCode('GP102', [
    {
      name: '301 routes under a variable, served too differently to share routes',
      target: 'apigw-http',
      spec: api(unsplittable(301)),
      expect: [{ pointer: '/paths', args: { api: 'the HTTP API at /items', count: '301', limit: '300' } }],
      writes: false,
    },
    { name: '300 routes', target: 'apigw-http', spec: api(unsplittable(300)), expect: [] },
  ]);

  testTargetCode('GP103', [
    {
      name: 'TRACE',
      target: 'apigw-rest',
      spec: api(`  /x:\n    trace: ${GET}\n    get: ${GET}`),
      expect: [{ pointer: '/paths/~1x/trace' }],
      writes: false,
    },
    {
      name: 'TRACE',
      target: 'apigw-http',
      spec: api(`  /x:\n    trace: ${GET}`),
      expect: [{ pointer: '/paths/~1x/trace' }],
    },
  ]);

  testTargetCode('GP113', [
    {
      name: 'over 29 s on an edge-optimized REST API',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { x-gateplan: { timeoutMs: 40000 }, responses: { '200': { description: ok } } }`,
        `  endpoint: { type: edge }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', args: { min: '50', max: '29000' } }],
      writes: false,
    },
    {
      name: 'over 30 s on HTTP',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { x-gateplan: { timeoutMs: 31000 }, responses: { '200': { description: ok } } }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', args: { max: '30000' } }],
    },
  ]);

  testTargetCode('GP114', [
    {
      name: 'over 29 s on a regional REST API',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { x-gateplan: { timeoutMs: 45000 }, responses: { '200': { description: ok } } }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', severity: 'warn' }],
      writes: true,
    },
  ]);

  testTargetCode('GP116', [
    {
      name: 'a document over the 6 MB import limit',
      target: 'apigw-rest',
      spec: oas(
        `x-gateplan: { backends: { svc: { url: 'https://svc.internal' } }, defaults: { backend: svc } }\npaths:\n  /x:\n    get: { responses: { '200': { description: ok } } }\n`,
      ).replace(
        "info: { title: T, version: '1' }",
        `info: { title: T, version: '1', description: '${'x'.repeat(6_400_000)}' }`,
      ),
      expect: [{ pointer: '' }],
      writes: false,
    },
  ]);

  testTargetCode('GP131', [
    {
      name: 'eleven stages',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: ${GET}`,
        `  stages:\n${Array.from({ length: 11 }, (_, i) => `    s${i}: {}`).join('\n')}`,
      ),
      expect: [{ pointer: '/x-gateplan/stages', args: { count: '11', what: 'stages', limit: '10' } }],
      writes: false,
    },
    {
      name: 'eleven authorizers',
      target: 'apigw-http',
      spec: api(
        Array.from(
          { length: 11 },
          (_, i) =>
            `  /a${i}:\n    get: { security: [{ l${i}: [] }], responses: { '200': { description: ok } } }`,
        ).join('\n'),
        '',
        `components:\n  securitySchemes:\n${Array.from({ length: 11 }, (_, i) => `    l${i}: { type: apiKey, name: X-A, in: header, x-gateplan: { lambda: { type: request, functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:a${i}' } } }`).join('\n')}`,
      ),
      expect: [{ pointer: '', args: { what: 'authorizers' } }],
    },
  ]);

  testTargetCode('GP129', [
    {
      name: 'every route left out',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { security: [{ oauth: [] }], responses: { '200': { description: ok } } }`,
        '',
        `components:\n  securitySchemes:\n    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://a', scopes: {} } } }`,
      ),
      expect: [{ pointer: '/paths' }],
      writes: false,
    },
  ]);
});

describe('routing API Gateway cannot express', () => {
  testTargetCode('GP105', [
    {
      name: 'a cookie parameter',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { parameters: [{ name: session, in: cookie }], responses: { '200': { description: ok } } }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', args: { in: 'cookie', name: 'session' } }],
    },
    {
      name: 'a JSON:API style query name',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { parameters: [{ name: 'filter[a]', in: query }, { name: 'page.size', in: query }], responses: { '200': { description: ok } } }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', args: { in: 'query', name: 'filter[a]' } }],
      writes: true,
    },
    {
      name: 'HTTP APIs declare nothing they would check',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { parameters: [{ name: session, in: cookie }], responses: { '200': { description: ok } } }`,
      ),
      expect: [],
    },
  ]);

  testTargetCode('GP106', [
    {
      name: 'a weighted route',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { x-gateplan: { backend: { svc: 80, svc2: 20 } }, responses: { '200': { description: ok } } }`,
        `    svc2: { url: 'https://svc2.internal' }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', args: { backend: 'svc' } }],
    },
  ]);

  testTargetCode('GP118', [
    {
      name: 'an HTTP backend swapped for a Lambda',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: ${GET}`,
        `    fn: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:f' }\n  stages:\n    prod: { canary: { percent: 5, backends: { svc: fn } } }`,
      ),
      expect: [
        { pointer: '/x-gateplan/stages/prod/canary/backends/svc', args: { stable: 'svc', canary: 'fn' } },
      ],
    },
    {
      name: 'http and https',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: ${GET}`,
        `    svc2: { url: 'http://svc2.internal' }\n  stages:\n    prod: { canary: { percent: 5, backends: { svc: svc2 } } }`,
      ),
      expect: [{ pointer: '/x-gateplan/stages/prod/canary/backends/svc' }],
    },
    {
      name: 'same scheme and path',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: ${GET}`,
        `    svc2: { url: 'https://svc2.internal:8443' }\n  stages:\n    prod: { canary: { percent: 5, backends: { svc: svc2 } } }`,
      ),
      expect: [],
      writes: true,
    },
  ]);

  testTargetCode('GP122', [
    {
      name: 'catchAll on REST',
      target: 'apigw-rest',
      spec: api(`  /x:\n    get: ${GET}`, `  catchAll: svc`),
      expect: [{ pointer: '/x-gateplan/catchAll', severity: 'info' }],
    },
  ]);

  testTargetCode('GP124', [
    {
      name: 'a function name, not an ARN',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { x-gateplan: { backend: fn }, responses: { '200': { description: ok } } }`,
        `    fn: { lambda: my-function }`,
      ),
      expect: [{ pointer: '/x-gateplan/backends/fn', args: { arn: 'my-function' } }],
    },
    {
      name: 'an ARN whose account is a placeholder, as AWS samples write it',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { x-gateplan: { backend: fn }, responses: { '200': { description: ok } } }`,
        `    fn: { lambda: 'arn:aws:lambda:us-east-1:ACCOUNT_ID:function:myFunction' }`,
      ),
      expect: [{ pointer: '/x-gateplan/backends/fn', args: { name: 'myFunction' } }],
    },
  ]);

  testTargetCode('GP126', [
    {
      name: 'a templated URL',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { x-gateplan: { backend: env }, responses: { '200': { description: ok } } }`,
        `    env: { url: '\${BACKEND_URL}' }`,
      ),
      expect: [{ pointer: '/x-gateplan/backends/env' }],
      writes: false,
    },
  ]);

  testTargetCode('GP127', [
    {
      name: 'S3 without a role',
      target: 'apigw-rest',
      spec: api(
        `  /files/{key}:\n    get: { parameters: [{ name: key, in: path, required: true }], x-gateplan: { backend: files }, responses: { '200': { description: ok } } }`,
        `    files: { s3: { bucket: my-bucket } }`,
      ),
      expect: [{ pointer: '/paths/~1files~1{key}/get', args: { service: 's3' } }],
      writes: false,
    },
  ]);

  testTargetCode('GP121', [
    {
      name: 'a CloudFormation expression other than a reference in a kept integration (references are GP155)',
      target: 'apigw-rest',
      spec: oas(`paths:
  /x:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: { 'Fn::ImportValue': 'shared-function-invocation-uri' }`),
      expect: [{ pointer: '/paths/~1x/get/x-amazon-apigateway-integration/uri', severity: 'warn' }],
      writes: true,
    },
    {
      name: 'a Terraform expression in a kept integration (a templatefile variable is GP155)',
      target: 'apigw-rest',
      spec: oas(`paths:
  /x:
    get:
      responses: { '200': { description: ok } }
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: 'https://\${var.backend_host}/x' }`),
      expect: [{ pointer: '/paths/~1x/get/x-amazon-apigateway-integration/uri', args: { field: 'uri' } }],
    },
  ]);
});

describe('auth', () => {
  const schemes = `components:
  securitySchemes:
    cognito: { type: apiKey, name: Authorization, in: header, x-gateplan: { cognito: { userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_X'], clientId: abc } } }
    iam: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4 }
    key: { type: apiKey, name: x-api-key, in: header }
    queryKey: { type: apiKey, name: api_key, in: query }
    oauth: { type: oauth2, flows: { implicit: { authorizationUrl: 'https://a', scopes: {} } } }
    bearer: { type: http, scheme: bearer }
    bareCognito: { type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: cognito_user_pools }`;
  /** `/x` requires `security`; `backend` lists the schemes `auth:` says the backend checks. */
  const secured = (security: string, backend: string[] = []) =>
    api(
      `  /x:\n    get: { security: ${security}, responses: { '200': { description: ok } } }\n  /y:\n    get: ${GET}`,
      backend.length ? `  auth: { ${backend.map((b) => `${b}: { enforcedBy: backend }`).join(', ')} }` : '',
      schemes,
    );

  testTargetCode('GP107', [
    {
      name: 'two authorizers as alternatives',
      target: 'apigw-rest',
      spec: secured('[{ cognito: [] }, { iam: [] }]'),
      expect: [
        {
          pointer: '/paths/~1x/get',
          severity: 'error',
          args: { alternatives: 'cognito | iam', keys: 'auth.cognito, auth.iam' },
        },
      ],
      writes: false,
    },
    {
      name: 'an authorizer beside an alternative the backend checks',
      target: 'apigw-rest',
      spec: secured('[{ cognito: [] }, { oauth: [] }]', ['oauth']),
      expect: [
        { pointer: '/paths/~1x/get', args: { alternatives: 'cognito | oauth', keys: 'auth.cognito' } },
      ],
      writes: false,
    },
    {
      name: 'alternatives the backend checks, all of them',
      target: 'apigw-rest',
      spec: secured('[{ oauth: [] }, { bearer: [] }]', ['oauth', 'bearer']),
      expect: [],
      writes: true,
    },
    {
      name: 'the same scheme with other scopes is one authorizer',
      target: 'apigw-rest',
      spec: secured('[{ cognito: [read] }, { cognito: [write] }]'),
      expect: [],
      writes: true,
    },
    {
      name: 'an anonymous alternative makes the route public',
      target: 'apigw-rest',
      spec: secured('[{ cognito: [] }, {}]'),
      expect: [],
      writes: true,
    },
  ]);
  testTargetCode('GP108', [
    {
      name: 'OAuth 2 on REST',
      target: 'apigw-rest',
      spec: secured('[{ oauth: [] }]'),
      expect: [
        {
          pointer: '/components/securitySchemes/oauth',
          severity: 'warn',
          args: { count: '1', route: 'GET /x' },
        },
      ],
      writes: true,
    },
    {
      name: 'OAuth 2 without an issuer on HTTP',
      target: 'apigw-http',
      spec: secured('[{ oauth: [] }]'),
      expect: [{ pointer: '/components/securitySchemes/oauth' }],
    },
    {
      name: 'OAuth 2 the backend checks',
      target: 'apigw-rest',
      spec: secured('[{ oauth: [] }]', ['oauth']),
      expect: [],
      writes: true,
    },
  ]);
  testTargetCode('GP109', [
    {
      name: 'two authorizers together on REST',
      target: 'apigw-rest',
      spec: secured('[{ cognito: [], iam: [] }]'),
      expect: [{ pointer: '/paths/~1x/get' }],
    },
    {
      name: 'an authorizer and a key on REST',
      target: 'apigw-rest',
      spec: secured('[{ cognito: [], key: [] }]'),
      expect: [],
    },
    {
      name: 'two schemes together on HTTP',
      target: 'apigw-http',
      spec: secured('[{ cognito: [], iam: [] }]'),
      expect: [{ pointer: '/paths/~1x/get', args: { keys: 'auth.iam' } }],
    },
    {
      name: 'two schemes together on HTTP, the backend checking one',
      target: 'apigw-http',
      spec: secured('[{ cognito: [], iam: [] }]', ['iam']),
      expect: [],
      writes: true,
    },
  ]);
  testTargetCode('GP110', [
    {
      name: 'two requirements on HTTP',
      target: 'apigw-http',
      spec: secured('[{ cognito: [] }, { iam: [] }]'),
      expect: [
        {
          pointer: '/paths/~1x/get',
          args: { alternatives: 'cognito | iam', keys: 'auth.cognito, auth.iam' },
        },
      ],
      writes: false,
    },
    {
      name: 'alternatives the backend checks (Stripe: basic or bearer)',
      target: 'apigw-http',
      spec: secured('[{ oauth: [] }, { bearer: [] }]', ['oauth', 'bearer']),
      expect: [],
      writes: true,
    },
    {
      // A caller with only the key would be turned away by the gateway's JWT check.
      name: 'an authorizer beside an alternative the backend checks',
      target: 'apigw-http',
      spec: secured('[{ cognito: [] }, { key: [] }]', ['key']),
      expect: [{ pointer: '/paths/~1x/get', args: { alternatives: 'cognito | key', keys: 'auth.cognito' } }],
      writes: false,
    },
  ]);
  testTargetCode('GP119', [
    {
      name: 'a key in the query',
      target: 'apigw-rest',
      spec: secured('[{ queryKey: [] }]'),
      expect: [{ pointer: '/components/securitySchemes/queryKey', args: { in: 'query' } }],
    },
  ]);
  const quota = `  stages:\n    prod: { quota: { limit: 1000, period: WEEK } }`;
  testTargetCode('GP133', [
    {
      name: 'a stage quota and no API-key route',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { security: [{ cognito: [] }], responses: { '200': { description: ok } } }`,
        quota,
        schemes,
      ),
      expect: [{ pointer: '/x-gateplan/stages/prod/quota', args: { stage: 'prod' } }],
      writes: true,
    },
    {
      name: 'a stage quota that a usage plan enforces',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    get: { security: [{ key: [] }], responses: { '200': { description: ok } } }`,
        quota,
        schemes,
      ),
      expect: [],
    },
  ]);
  testTargetCode('GP120', [
    {
      name: 'Cognito without pools on REST',
      target: 'apigw-rest',
      spec: secured('[{ bareCognito: [] }]'),
      expect: [{ pointer: '/components/securitySchemes/bareCognito' }],
      writes: false,
    },
    {
      name: 'a bearer JWT without issuer on HTTP',
      target: 'apigw-http',
      spec: secured('[{ bearer: [] }]'),
      expect: [{ pointer: '/components/securitySchemes/bearer', args: { missing: 'issuer' } }],
    },
  ]);
  testTargetCode('GP128', [
    {
      name: 'an API key on HTTP',
      target: 'apigw-http',
      spec: secured('[{ key: [] }]'),
      expect: [{ pointer: '/paths/~1x/get', args: { feature: 'API keys', route: 'GET /x' } }],
      writes: true,
    },
    {
      name: 'a mock on HTTP',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { x-gateplan: { backend: m }, responses: { '200': { description: ok } } }`,
        `    m: { mock: { statusCode: 200 } }`,
      ),
      expect: [{ pointer: '/paths/~1x/get', args: { feature: 'mock integrations' } }],
    },
    {
      name: 'an API key the backend checks, on HTTP',
      target: 'apigw-http',
      spec: secured('[{ key: [] }]', ['key']),
      expect: [],
      writes: true,
    },
  ]);
  testTargetCode('GP150', [
    {
      name: 'every HTTP route left out',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { security: [{ key: [] }], responses: { '200': { description: ok } } }`,
        '',
        schemes,
      ),
      expect: [{ pointer: '/paths', severity: 'error' }],
      writes: false,
    },
    {
      name: 'a catch-all still serves',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { security: [{ key: [] }], responses: { '200': { description: ok } } }`,
        '  catchAll: svc',
        schemes,
      ),
      expect: [],
    },
  ]);

  it('a route whose every alternative the backend checks is served with no authorizer, on REST and HTTP', async () => {
    const model = await modelFrom(secured('[{ oauth: [] }, { bearer: [] }]', ['oauth', 'bearer']));
    for (const target of API_TARGETS) {
      const result = run(model, target);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const document = documentOf(result);
      expect(operationOf(document, { path: '/x', method: 'GET' })!.security).toEqual([]);
      expect(document.components?.securitySchemes ?? {}).toEqual({});
    }
  });

  it('alternatives of one scheme with other scopes become one authorizer with both scopes', async () => {
    const model = await modelFrom(secured('[{ cognito: [read] }, { cognito: [write] }]'));
    const document = documentOf(run(model, 'apigw-rest'));
    expect(operationOf(document, { path: '/x', method: 'GET' })!.security).toEqual([
      { cognito: ['read', 'write'] },
    ]);
  });

  it('every auth finding that stops a route says what to write in gateplan.yaml', async () => {
    const cases: [string, string][] = [
      ['[{ oauth: [] }]', 'apigw-rest'],
      ['[{ cognito: [] }, { iam: [] }]', 'apigw-rest'],
      ['[{ cognito: [], iam: [] }]', 'apigw-rest'],
      ['[{ cognito: [] }, { iam: [] }]', 'apigw-http'],
      ['[{ bearer: [] }]', 'apigw-http'],
      ['[{ bareCognito: [] }]', 'apigw-rest'],
      ['[{ key: [] }]', 'apigw-http'],
    ];
    for (const [security, target] of cases) {
      const spec = api(
        `  /x:\n    get: { security: ${security}, responses: { '200': { description: ok } } }`,
        '',
        schemes,
      );
      const result = run(await modelFrom(spec), target as ApiTarget);
      const auth = result.diagnostics.filter((d) =>
        ['GP107', 'GP108', 'GP109', 'GP110', 'GP120', 'GP128', 'GP129', 'GP150'].includes(d.code),
      );
      expect(auth.length, `${target} ${security}`).toBeGreaterThan(0);
      for (const d of auth) expect(renderFix(d), `${d.code} ${security}`).toMatch(/gateplan\.yaml/);
    }
  });
});

describe('features HTTP APIs lack', () => {
  testTargetCode('GP111', [
    {
      name: 'a private API',
      target: 'apigw-http',
      spec: api(`  /x:\n    get: ${GET}`, `  endpoint: { type: private }`),
      expect: [{ pointer: '/x-gateplan/endpoint' }],
      writes: false,
    },
  ]);
  testTargetCode('GP112', [
    {
      name: 'a canary',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: ${GET}`,
        `    svc2: { url: 'https://svc2.internal' }\n  stages:\n    prod: { canary: { percent: 5, backends: { svc: svc2 } } }`,
      ),
      expect: [{ pointer: '/x-gateplan/stages/prod/canary', args: { feature: 'stage canaries' } }],
    },
    {
      name: 'CORS on one route only',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    get: { x-gateplan: { cors: { allowOrigins: ['https://a.example'] } }, responses: { '200': { description: ok } } }\n  /y:\n    get: ${GET}`,
      ),
      expect: [
        { pointer: '/paths/~1x/get', args: { feature: 'per-route CORS settings (CORS is API-wide)' } },
      ],
    },
    {
      name: 'request validation',
      target: 'apigw-http',
      spec: api(
        `  /x:\n    post: { requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }`,
      ),
      expect: [{ pointer: '/paths/~1x/post', args: { feature: 'request validation' } }],
    },
    {
      name: 'request validation on three routes: one finding for the API, naming them',
      target: 'apigw-http',
      spec: api(
        ['a', 'b', 'c']
          .map(
            (p) =>
              `  /${p}:\n    post: { requestBody: { content: { application/json: { schema: { type: object } } } }, responses: { '200': { description: ok } } }`,
          )
          .join('\n'),
      ),
      expect: [
        {
          pointer: '/paths/~1a/post',
          args: { feature: 'request validation', subject: '3 routes: POST /a, POST /b, POST /c' },
        },
      ],
    },
    {
      name: 'a stage quota',
      target: 'apigw-http',
      spec: api(`  /x:\n    get: ${GET}`, `  stages:\n    prod: { quota: { limit: 1000, period: DAY } }`),
      expect: [
        {
          pointer: '/x-gateplan/stages/prod/quota',
          args: { feature: 'request quotas', subject: 'stage prod' },
        },
      ],
    },
  ]);
});

describe('CORS, models, templates', () => {
  testTargetCode('GP123', [
    {
      name: 'credentials for any origin',
      target: 'apigw-rest',
      spec: api(`  /x:\n    get: ${GET}`).replace(
        'defaults: { backend: svc }',
        "defaults: { backend: svc, cors: { allowOrigins: ['*'], allowCredentials: true } }",
      ),
      expect: [{ pointer: '/x-gateplan/defaults/cors' }],
      writes: false,
    },
  ]);
  testTargetCode('GP117', [
    {
      name: 'example and readOnly in a request model',
      target: 'apigw-rest',
      spec: api(
        `  /x:\n    post: { requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }, responses: { '200': { description: ok } } }`,
        '',
        `components:\n  schemas:\n    Thing: { type: object, example: { a: 1 }, properties: { id: { type: string, readOnly: true } } }`,
      ),
      expect: [
        { pointer: '/components/schemas/Thing', args: { keywords: 'example, readOnly', schema: 'Thing' } },
      ],
    },
  ]);
  testTargetCode('GP115', [
    {
      name: 'a template over 51,200 bytes reads its body from S3',
      target: 'apigw-rest',
      spec: api(
        manyPaths(150, 'A long description that makes each operation a little larger than it needs to be.'),
      ),
      expect: [{ pointer: '', severity: 'warn' }],
      writes: true,
    },
    {
      name: 'a small template keeps its body inline',
      target: 'apigw-rest',
      spec: api(`  /x:\n    get: ${GET}`),
      expect: [],
    },
  ]);
  testTargetCode('GP132', [
    {
      name: 'a VPC link id only the stack knows, in a body read from S3',
      target: 'apigw-http',
      spec: api(
        manyPaths(150, 'A long description that makes each operation a little larger than it needs to be.'),
      ).replace(
        "svc: { url: 'https://svc.internal' }",
        "svc: { url: 'https://svc.internal', vpcLink: true }",
      ),
      expect: [{ pointer: '', args: { params: 'SvcListenerArn, SvcVpcLinkId' } }],
      writes: false,
    },
  ]);

  // Stage and variable names the x-gateplan schema already refuses; a backend address is a value the
  // stage carries that only the target can measure.
  testTargetCode('GP125', [
    {
      name: 'a backend host longer than a stage variable value may be',
      target: 'apigw-http',
      spec: oas(`x-gateplan:
  backends:
    svc: { url: 'https://${Array.from({ length: 9 }, () => 'a'.repeat(63)).join('.')}' }
  defaults: { backend: svc }
  stages: { prod: {} }
paths:
  /a:
    get: ${GET}`),
      expect: [{ pointer: '/x-gateplan/stages/prod/variables/svcHost', args: { stage: 'prod' } }],
      writes: false,
    },
    {
      name: 'a host within the limit',
      target: 'apigw-rest',
      spec: api(`  /a:\n    get: ${GET}`),
      expect: [],
    },
  ]);

  it("GP125: a stage API Gateway would reject (a model built by code, since x-gateplan's schema refuses such names)", async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const bad = {
      ...model,
      stages: {
        ...model.stages,
        'bad name': { name: 'bad name', variables: { 'a-b': 'x' }, where: { file: 'f', pointer: '/s' } },
      },
    };
    const found = run(bad, 'apigw-rest').diagnostics.filter((d) => d.code === 'GP125');
    expect(found.map((d) => d.where.pointer)).toEqual(['/s', '/s/variables/a-b']);
  });

  it('GP125: a stage variable value over 512 characters', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const dev = { ...model.stages.dev!, variables: { note: 'x'.repeat(513) } };
    const found = run({ ...model, stages: { ...model.stages, dev } }, 'apigw-http').diagnostics.filter(
      (d) => d.code === 'GP125',
    );
    expect(found.map((d) => d.where.pointer)).toEqual(['/x-gateplan/stages/dev/variables/note']);
  });
});

describe('the S3 fallback', () => {
  it('points BodyS3Location at a key that changes with the document', async () => {
    const model = await modelFrom(
      api(
        manyPaths(150, 'A long description that makes each operation a little larger than it needs to be.'),
      ),
    );
    const template = run(model, 'apigw-rest').artifacts.find((a) => a.path === 'template.yaml')!.content;
    expect(template).toContain('BodyS3Location:');
    expect(template).not.toContain('    Body:');
    expect(template).toMatch(/Default: gateplan\/t\/openapi-[0-9a-f]{10}\.json/);
  });
});
