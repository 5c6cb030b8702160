/**
 * An API over the quota of one API Gateway API is split by path prefix into several APIs under
 * one custom domain. A request reaches the API mapped at the longest matching base path, which
 * API Gateway strips (https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html);
 * the backend must still receive the full path. Checked by serving requests through the
 * emitted mappings and documents, against CloudFormation's schemas, and with HashiCorp's HCL
 * parser and the provider schema for Terraform.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diffApigw } from '../../src/diff/targets/apigw.js';
import type { RouteModel } from '../../src/model/types.js';
import type { ApiPlanBase } from '../../src/targets/apigw/plan.js';
import { buildHttpPlan, buildRestPlan } from '../../src/targets/apigw/stack.js';
import { generate } from '../../src/targets/generate.js';
import type { TargetResult } from '../../src/targets/target.js';
import { oas } from '../support/check.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { parseModule, schemaProblems } from '../terraform/support/check.js';
import { backendPath, serve } from './gateway-sim.js';
import { API_TARGETS, modelFrom, run, testTargetCode, type ApiTarget, type Json } from './support.js';

const op = `{ responses: { '200': { description: ok } } }`;

/** `count` operations under each prefix: `/<prefix>/r<i>` and `/<prefix>/r<i>/{id}`. */
function paths(prefixes: Record<string, number>): string {
  return Object.entries(prefixes)
    .flatMap(([prefix, count]) =>
      Array.from({ length: count }, (_, i) => {
        const r = `r${String(i).padStart(3, '0')}`;
        return `  /v1/${prefix}/${r}:\n    get: ${op}\n  /v1/${prefix}/${r}/{id}:\n    put: ${op}`;
      }),
    )
    .join('\n');
}

function api(body: string, intent = ''): string {
  return oas(`x-gateplan:
  backends:
    svc: { url: 'https://svc.internal/base' }
  defaults: { backend: svc }
  stages: { prod: { host: api.example.com } }
${intent}paths:
  /v1/status:
    get: ${op}
${body}
`);
}

/** 4 × 50 × 2 = 400 routes (and 600 REST resources): over 300 for both API types. */
const BIG = { customers: 50, charges: 50, invoices: 50, payouts: 50 };

/**
 * Picks the API the way the custom domain does (longest base path among the template's
 * mappings), strips the base path, and serves the rest from that API's document.
 */
function serveSplit(
  result: TargetResult,
  plan: ApiPlanBase,
  target: ApiTarget,
  method: string,
  path: string,
): string | undefined {
  const template = parse(result.artifacts.find((a) => a.path === 'template.yaml')!.content);
  const stem = target === 'apigw-rest' ? 'RestApi' : 'HttpApi';
  const mappings = Object.values(template.Resources as Record<string, Json>)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::ApiMapping')
    .map((r) => ({
      key: (r.Properties.ApiMappingKey ?? '') as string,
      api: plan.apis.find((a) => stem + a.id === r.Properties.ApiId.Ref)!,
    }));
  const segments = path.split('/').slice(1);
  const best = mappings
    .filter((m) => m.key === '' || m.key.split('/').every((k, i) => segments[i] === k))
    .sort((a, b) => b.key.length - a.key.length)[0];
  if (!best) return undefined;
  const rest = best.key ? '/' + segments.slice(best.key.split('/').length).join('/') : path;
  const served = serve(JSON.parse(best.api.documentJson), method, rest);
  return served && backendPath(served, target === 'apigw-rest' ? 'rest' : 'http');
}

function planOf(model: RouteModel, target: ApiTarget): ApiPlanBase {
  return target === 'apigw-rest' ? buildRestPlan(model) : buildHttpPlan(model);
}

describe.each(API_TARGETS)('%s: an API over the quota', (target) => {
  const kind = target === 'apigw-rest' ? 'rest' : 'http';

  it('is split by prefix: every request reaches an API within quota, and the backend gets the full path', async () => {
    const model = await modelFrom(api(paths(BIG)));
    const result = run(model, target);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const documents = result.artifacts.filter((a) => a.path.startsWith('openapi'));
    expect(documents.map((a) => a.path).sort()).toEqual([
      'openapi-v1-charges.json',
      'openapi-v1-customers.json',
      'openapi-v1-invoices.json',
      'openapi-v1-payouts.json',
      'openapi-v1-status.json',
    ]);
    const plan = planOf(model, target);
    for (const path of ['/v1/status', '/v1/customers/r007', '/v1/charges/r049/ch_1', '/v1/payouts/r000']) {
      const method = /\/r\d+\/[^/]+$/.test(path) ? 'PUT' : 'GET';
      expect(serveSplit(result, plan, target, method, path), path).toBe('/base' + path);
    }
    for (const doc of documents) {
      const count =
        kind === 'http'
          ? Object.values(JSON.parse(doc.content).paths as Json).reduce(
              (n: number, item: Json) => n + Object.keys(item).length,
              0,
            )
          : Object.keys(JSON.parse(doc.content).paths).length * 2;
      expect(count).toBeLessThanOrEqual(300);
    }
    const split = result.diagnostics.find((d) => d.code === 'GP139')!;
    expect(split.args).toMatchObject({ parts: '5', api: kind === 'rest' ? 'REST' : 'HTTP' });
  });

  it('passes CloudFormation’s resource schemas, and Terraform’s parser and provider schema', async () => {
    const model = await modelFrom(api(paths(BIG)));
    const result = run(model, target);
    const template = parse(result.artifacts.find((a) => a.path === 'template.yaml')!.content);
    expect(validateCfnTemplate(template)).toEqual([]);
    const domains = Object.values(template.Resources as Record<string, Json>).filter((r) =>
      r.Type.endsWith('::DomainName'),
    );
    expect(domains).toHaveLength(1);
    const tf = generate(model, { targets: ['terraform'], for: target });
    expect(tf.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const files = Object.fromEntries(tf.artifacts.map((a) => [a.path.replace('terraform/', ''), a.content]));
    const module = await parseModule(files);
    expect(schemaProblems(module)).toEqual([]);
    expect([...module.resources.keys()].filter((k) => k.includes('api_mapping'))).toHaveLength(5);
  });

  it('adding one route moves no other route between APIs, and diffs as one route', async () => {
    const base = await modelFrom(api(paths(BIG)));
    const revision = await modelFrom(api(paths(BIG) + `\n  /v1/charges/extra:\n    post: ${op}`));
    const before = run(base, target).artifacts;
    const after = run(revision, target).artifacts;
    for (const a of before.filter((x) => x.path.startsWith('openapi') && !x.path.includes('charges')))
      expect(after.find((x) => x.path === a.path)?.content, a.path).toBe(a.content);
    const changes = diffApigw(target, base, revision);
    expect(changes.map((c) => [c.code, c.args.path])).toEqual(
      target === 'apigw-rest'
        ? [
            ['GP440', '/v1/charges/extra'],
            ['GP442', '/v1/charges/extra'],
          ]
        : [['GP442', '/v1/charges/extra']],
    );
  });
});

describe('splits and quotas', () => {
  testTargetCode('GP139', [
    {
      name: 'an HTTP API over 300 routes',
      target: 'apigw-http',
      spec: api(paths(BIG)),
      expect: [
        {
          pointer: '/paths',
          severity: 'info',
          args: { count: '401', unit: 'routes', limit: '300', parts: '5' },
        },
      ],
    },
    {
      name: 'a raised quota keeps one API',
      target: 'apigw-http',
      spec: api(paths(BIG), '  quotas: { httpRoutes: 500 }\n'),
      expect: [],
      writes: true,
    },
  ]);

  testTargetCode('GP138', [
    {
      name: 'the deployment relies on the raised quota it declares',
      target: 'apigw-http',
      spec: api(paths(BIG), '  quotas: { httpRoutes: 500 }\n'),
      expect: [
        {
          pointer: '/paths',
          severity: 'info',
          args: { key: 'httpRoutes', used: '401', default: '300', limit: '500' },
        },
      ],
    },
    {
      name: 'no finding when the default is enough',
      target: 'apigw-rest',
      spec: api(paths({ a: 10 }), '  quotas: { restResources: 500 }\n'),
      expect: [],
    },
  ]);

  testTargetCode('GP141', [
    {
      name: 'an edge-optimized REST API cannot be split',
      target: 'apigw-rest',
      spec: api(paths(BIG), '  endpoint: { type: edge }\n'),
      expect: [{ pointer: '/paths', args: { endpoint: 'edge', key: 'restResources' } }],
      writes: false,
    },
  ]);

  const deep = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `  /repos/{owner}/{repo}/t${String(i).padStart(3, '0')}:\n    get: ${op}\n  /repos/{owner}/{repo}/t${String(i).padStart(3, '0')}/{id}:\n    get: ${op}\n    delete: ${op}`,
    ).join('\n');

  testTargetCode('GP140', [
    {
      name: 'an API whose paths continue under variables claims subtrees with greedy routes',
      target: 'apigw-http',
      spec: api(deep(120)),
      expect: [{ pointer: '/paths/~1repos~1{owner}~1{repo}~1t000/get', args: { api: 'repos' } }],
      writes: true,
    },
  ]);

  it('a claimed subtree still sends every operation to the backend with its full path', async () => {
    const model = await modelFrom(api(deep(120)));
    const result = run(model, 'apigw-http');
    const plan = planOf(model, 'apigw-http');
    for (const [method, path] of [
      ['GET', '/repos/o/r/t005'],
      ['GET', '/repos/o/r/t005/x1'],
      ['DELETE', '/repos/o/r/t119/x1'],
    ] as const) {
      expect(serveSplit(result, plan, 'apigw-http', method, path)).toBe('/base' + path);
    }
  });

  testTargetCode('GP102', [
    {
      name: 'one variable path over the quota with operations served differently cannot be fitted',
      target: 'apigw-http',
      spec: api(
        Array.from(
          { length: 310 },
          (_, i) =>
            `  /items/{id}/x${i}:\n    get: { x-gateplan: { timeoutMs: ${1000 + i} }, responses: { '200': { description: ok } } }`,
        ).join('\n'),
      ),
      expect: [{ pointer: '/paths', args: { api: 'the HTTP API at /items', count: '310' } }],
      writes: false,
    },
  ]);
});
