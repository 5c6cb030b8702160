import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/targets/generate.js';
import { planTerraform } from '../../src/targets/terraform/index.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { parseModule, schemaProblems } from './support/check.js';
import { TERRAFORM, unformatted } from './support/hcl.js';

type Json = Record<string, unknown>;

const spec = (stages: string, stack: string) => `
openapi: 3.0.3
info: { title: Modes, version: '1' }
x-gateplan:
  alb: { stages: ${stages}, stack: ${stack} }
  backends:
    app: { url: 'http://app.internal:8080', stickiness: { type: app_cookie, cookieName: SESSION } }
    fn: { lambda: 'arn:aws:lambda:eu-west-1:123456789012:function:fn' }
  defaults: { backend: app }
  stages:
    dev: { host: dev.modes.example.com, throttle: { rate: 5, burst: 10 }${stages === 'listener' ? ', listenerPort: 8443' : ''} }
    prod: { host: modes.example.com }
security:
  - oidc: []
paths:
  /items/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /jobs:
    post:
      x-gateplan: { backend: fn }
      responses: { '202': { description: ok } }
components:
  securitySchemes:
    oidc:
      type: openIdConnect
      openIdConnectUrl: https://login.example.com/.well-known/openid-configuration
`;

describe('ALB stack shapes', () => {
  for (const [stages, stack] of [
    ['listener', 'listener-rules'],
    ['listener', 'full'],
    ['path', 'full'],
  ] as const) {
    it(`stages: ${stages}, stack: ${stack}`, async () => {
      const model = await modelOf(writeSpec(spec(stages, stack)));
      const { artifacts, diagnostics } = planTerraform(model, { for: 'alb' });
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const files = Object.fromEntries(artifacts.map((a) => [a.path, a.content]));
      const module = await parseModule(files);
      expect(schemaProblems(module)).toEqual([]);
      if (TERRAFORM) expect(unformatted(files)).toBe('');

      const cfn = parseYaml(
        generate(model, { targets: ['alb'] }).artifacts.find((a) => a.path === 'alb/template.yaml')!.content,
      ) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
      const count = (type: string) => Object.values(cfn.Resources).filter((r) => r.Type === type).length;
      const tf = (type: string) =>
        [...module.resources.keys()].filter((k) => k.startsWith(`${type}.`)).length;
      expect(tf('aws_lb_listener_rule')).toBe(count('AWS::ElasticLoadBalancingV2::ListenerRule'));
      expect(tf('aws_lb_listener')).toBe(count('AWS::ElasticLoadBalancingV2::Listener'));
      expect(tf('aws_lb')).toBe(count('AWS::ElasticLoadBalancingV2::LoadBalancer'));
      expect(tf('aws_lb_target_group')).toBe(count('AWS::ElasticLoadBalancingV2::TargetGroup'));
      const ports = (bodies: { Port?: unknown; port?: unknown }[]) =>
        bodies.map((b) => Number(b.Port ?? b.port)).sort((a, b) => a - b);
      expect(
        ports([...module.resources].filter(([k]) => k.startsWith('aws_lb_listener.')).map(([, b]) => b)),
      ).toEqual(
        ports(
          Object.values(cfn.Resources)
            .filter((r) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener')
            .map((r) => r.Properties),
        ),
      );

      const variables = [...module.variables];
      if (stack === 'listener-rules')
        expect(variables).toEqual(expect.arrayContaining(['listener_arn_dev', 'listener_arn_prod']));
      else
        expect(variables).toEqual(
          expect.arrayContaining(['certificate_arn', 'subnet_ids', 'security_group_ids']),
        );
      // OIDC endpoints the scheme leaves to discovery, and the secret, come from the user.
      expect(variables).toEqual(expect.arrayContaining(['oidc_oidc_issuer', 'oidc_oidc_client_secret']));
      const secret = (module.files['variables.tf']!['variable'] as Record<string, Json[]>)[
        'oidc_oidc_client_secret'
      ]![0]!;
      expect(secret['sensitive']).toBe(true);
    });
  }
});
