/**
 * What the ALB target registers with its target groups, and what it says once when it cannot:
 * hosts to register (GP171) and route timeouts ALB has no setting for (GP172).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Code } from '../../src/diagnostics/catalog.js';
import { generate } from '../../src/targets/generate.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { testTargetCode } from '../support/target-code.js';

const api = (backends: string, extra = '') => `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends:
${backends}
  defaults: { backend: first${extra} }
paths:
  /a:
    get: { responses: { '200': { description: ok } } }
  /b:
    get: { x-gateplan: { backend: second }, responses: { '200': { description: ok } } }
`;

async function albFor(backends: string, extra = '') {
  const model = await modelOf(writeSpec(api(backends, extra)));
  const cfn = generate(model, { targets: ['alb'] });
  const tf = generate(model, { targets: ['terraform'], for: 'alb' });
  const template = parse(cfn.artifacts.find((a) => a.path === 'alb/template.yaml')!.content) as {
    Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
  };
  const groups = Object.values(template.Resources).filter(
    (r) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup',
  );
  const hcl = tf.artifacts.find((a) => a.path === 'terraform/alb.tf')!.content;
  const of = (code: Code) => cfn.diagnostics.filter((d) => d.code === code);
  return { groups, hcl, of };
}

describe('ALB target groups', () => {
  it('register a backend URL with a private IPv4 address, on the URL’s port and protocol', async () => {
    const { groups, hcl, of } = await albFor(
      `    first: { url: 'http://10.0.1.5:8080' }\n    second: { url: 'https://172.20.0.9' }`,
    );
    expect(groups.map((g) => [g.Properties.Port, g.Properties.Protocol, g.Properties.Targets])).toEqual([
      [8080, 'HTTP', [{ Id: '10.0.1.5', Port: 8080 }]],
      [443, 'HTTPS', [{ Id: '172.20.0.9', Port: 443 }]],
    ]);
    expect(hcl).toMatch(
      /resource "aws_lb_target_group_attachment" "first" \{\n\s+target_group_arn = aws_lb_target_group\.first\.arn\n\s+target_id\s+= "10\.0\.1\.5"\n\s+port\s+= 8080\n\}/,
    );
    expect(of('GP171')).toEqual([]);
  });

  it('carry the upstream host as a tag, and a hostname is left for the user to register (said once)', async () => {
    const { groups, of } = await albFor(
      `    first: { url: 'http://users.internal:8080' }\n    second: { url: 'http://54.1.2.3' }`,
    );
    expect(groups.map((g) => g.Properties.Targets)).toEqual([undefined, undefined]);
    expect(
      groups.map(
        (g) =>
          (g.Properties.Tags as { Key: string; Value: string }[]).find((t) => t.Key === 'gateplan:upstream')
            ?.Value,
      ),
    ).toEqual(['users.internal:8080', '54.1.2.3']);
    const found = of('GP171');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'info',
      where: { pointer: '/x-gateplan/backends/first' },
      args: { count: '2', backends: 'first (users.internal:8080), second (54.1.2.3)' },
    });
  });
});

describe('ALB target diagnostics', () => {
  testTargetCode('GP171', [
    {
      name: 'hostnames and a public address: said once, at the first such backend',
      target: 'alb',
      spec: api(`    first: { url: 'http://users.internal:8080' }\n    second: { url: 'http://54.1.2.3' }`),
      expect: [
        {
          pointer: '/x-gateplan/backends/first',
          severity: 'info',
          args: { count: '2', backends: 'first (users.internal:8080), second (54.1.2.3)' },
        },
      ],
    },
    {
      name: 'the Terraform module says the same',
      target: 'terraform',
      options: { for: 'alb' },
      spec: api(`    first: { url: 'http://10.0.0.1' }\n    second: { url: 'http://orders.internal' }`),
      expect: [{ pointer: '/x-gateplan/backends/second', args: { count: '1' } }],
    },
    {
      name: "none when every group's targets are registered (Lambda, private IP)",
      target: 'alb',
      spec: api(
        `    first: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:f' }\n    second: { url: 'http://192.168.1.1' }`,
      ),
      expect: [],
    },
  ]);

  testTargetCode('GP172', [
    {
      name: 'route timeouts are reported once, at the first route, naming them all',
      target: 'alb',
      spec: api(
        `    first: { url: 'http://10.0.0.1' }\n    second: { url: 'http://10.0.0.2' }`,
        ', timeoutMs: 5000',
      ),
      expect: [
        {
          pointer: '/paths/~1a/get',
          severity: 'warn',
          args: { count: '2', routes: 'GET /a 5000 ms, GET /b 5000 ms' },
        },
      ],
    },
    {
      name: 'a timeout on one operation points at it',
      target: 'alb',
      spec: api(`    first: { url: 'http://10.0.0.1' }\n    second: { url: 'http://10.0.0.2' }`).replace(
        'x-gateplan: { backend: second }',
        'x-gateplan: { backend: second, timeoutMs: 3000 }',
      ),
      expect: [{ pointer: '/paths/~1b/get', args: { count: '1', routes: 'GET /b 3000 ms' } }],
    },
    {
      name: 'API Gateway applies timeouts: nothing to say',
      target: 'apigw-http',
      spec: api(
        `    first: { url: 'http://10.0.0.1' }\n    second: { url: 'http://10.0.0.2' }`,
        ', timeoutMs: 5000',
      ),
      expect: [],
    },
    {
      name: 'no timeouts set',
      target: 'alb',
      spec: api(`    first: { url: 'http://10.0.0.1' }\n    second: { url: 'http://10.0.0.2' }`),
      expect: [],
    },
  ]);
});
