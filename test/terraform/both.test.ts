import { describe, expect, it } from 'vitest';
import { buildHttpPlan } from '../../src/targets/apigw/stack.js';
import { planTerraform } from '../../src/targets/terraform/index.js';
import { behindAlb } from '../../src/targets/terraform/plans.js';
import { check } from '../support/check.js';
import { modelOf } from '../support/pipeline.js';
import { literal } from './support/hcl.js';
import { parseModule } from './support/check.js';

type Json = Record<string, unknown>;

/** `--for apigw+alb`: an HTTP API in front, a VPC link, an internal ALB with the compiled rules behind. */
describe('the apigw+alb topology', async () => {
  const model = await modelOf('specs/bookstore.yaml');
  const { artifacts } = planTerraform(model, { for: 'apigw+alb' });
  const files = Object.fromEntries(artifacts.map((a) => [a.path, a.content]));
  const module = await parseModule(files);
  const of = (type: string) =>
    [...module.resources].filter(([k]) => k.startsWith(`${type}.`)).map(([, b]) => b);

  it('sends every route of the HTTP API through the VPC link to the ALB listener', () => {
    const document = JSON.parse(files['openapi-http.json']!) as {
      paths: Record<string, Record<string, Json>>;
    };
    const integrations = Object.values(document.paths).flatMap((item) =>
      Object.values(item).map((op) => op['x-amazon-apigateway-integration'] as Json | undefined),
    );
    expect(integrations.length).toBeGreaterThan(10);
    for (const i of integrations) {
      expect(i).toMatchObject({ type: 'http_proxy', connectionType: 'VPC_LINK' });
      expect(i!['connectionId']).toMatch(/^\$\{[A-Za-z0-9]+\}$/);
      expect(i!['uri']).toMatch(/^\$\{[A-Za-z0-9]+\}$/);
    }
    const body = String(first(of('aws_apigatewayv2_api'))['body']);
    expect(body).toContain('aws_apigatewayv2_vpc_link.this.id');
    expect(body).toContain('aws_lb_listener.main.arn');
  });

  it('has an internal load balancer with a plain HTTP listener (no TLS config on the integration)', () => {
    expect(first(of('aws_lb'))['internal']).toBe(true);
    expect(of('aws_lb_listener').map((l) => [l['protocol'], l['port']])).toEqual([['HTTP', 80]]);
  });

  it('tells stages apart by the stage prefix API Gateway adds, strips it, and leaves auth and throttling to the API', () => {
    const rules = of('aws_lb_listener_rule');
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      const conditions = rule['condition'] as Json[];
      expect(conditions.some((c) => 'host_header' in c)).toBe(false);
      const paths = conditions.flatMap(
        (c) => ((c['path_pattern'] as Json[] | undefined)?.[0]?.['values'] ?? []) as string[],
      );
      for (const p of paths) expect(literal(p)).toMatch(/^\/(dev|prod)\//);
      const transform = first(rule['transform']);
      expect(literal(String(first(first(transform['url_rewrite_config'])['rewrite'])['regex']))).toMatch(
        /^\^\/(dev|prod)\//,
      );
      expect((rule['action'] as Json[]).map((a) => a['type'])).not.toContain('authenticate-cognito');
    }
    expect(of('aws_wafv2_web_acl')).toEqual([]);
    expect(
      of('aws_apigatewayv2_stage')
        .map((s) => s['name'])
        .sort(),
    ).toEqual(['dev', 'prod']);
  });
});

function first(value: unknown): Json {
  return (value as Json[])[0]!;
}

describe('private links in the HTTP plan', () => {
  const spec = (link: string) => `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends:
    svc: { url: 'http://svc.internal', vpcLink: ${link} }
    web: { url: 'https://web.example.com' }
  defaults: { backend: svc }
paths:
  /a: { get: { responses: { '200': { description: ok } } } }
  /b: { get: { x-gateplan: { backend: web }, responses: { '200': { description: ok } } } }
`;

  it('names the VPC link and listener of each backend it reaches through one: parameters, or the values given', async () => {
    const given = await check(spec("{ id: vl-123, listenerArn: 'arn:aws:elasticloadbalancing:l' }"));
    expect(buildHttpPlan(given.model!).privateLinks).toEqual([
      { backend: 'svc', vpcLink: 'vl-123', listener: 'arn:aws:elasticloadbalancing:l' },
    ]);
    const plan = buildHttpPlan((await check(spec('true'))).model!);
    expect(plan.privateLinks).toEqual([
      { backend: 'svc', vpcLink: { param: 'SvcVpcLinkId' }, listener: { param: 'SvcListenerArn' } },
    ]);
    expect(plan.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['SvcVpcLinkId', 'SvcListenerArn']),
    );
  });

  it('is what the apigw+alb module wires to its own VPC link and listener', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    expect(behindAlb(model)).toMatchObject({ vpcLinkParam: 'AlbVpcLinkId', listenerParam: 'AlbListenerArn' });
  });
});
