import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { renderTemplate } from '../../src/targets/alb/cloudformation.js';
import type { RouteModel } from '../../src/model/types.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { exampleSpecs, modelOf } from '../support/pipeline.js';

function template(model: RouteModel): Record<string, Record<string, Record<string, unknown>>> {
  return parse(renderTemplate(model, compileAlb(model)));
}

const variants: [string, (m: RouteModel) => RouteModel][] = [
  ['rules on an existing listener', (m) => m],
  ['full stack', full],
  ['a listener per stage, full stack', listenerPerStage],
  ['path-prefix stages', (m) => ({ ...m, alb: { ...m.alb, stageMode: 'path' }, stages: withPrefixes(m) })],
];

/** Every stage but the first declares a port of its own (8443, 8444…); the first takes 443. */
function listenerPerStage(m: RouteModel): RouteModel {
  const listenerPorts = Object.fromEntries(
    Object.keys(m.stages)
      .slice(1)
      .map((s, i) => [s, 8443 + i]),
  );
  return { ...m, alb: { ...m.alb, stack: 'full', stageMode: 'listener', listenerPorts } };
}

function full(m: RouteModel): RouteModel {
  return { ...m, alb: { ...m.alb, stack: 'full' } };
}

function withPrefixes(m: RouteModel): RouteModel['stages'] {
  return Object.fromEntries(
    Object.entries(m.stages).map(([name, s]) => [name, { ...s, pathPrefix: `/${name}` }]),
  );
}

describe('ALB CloudFormation templates pass the official resource schemas', () => {
  for (const spec of exampleSpecs()) {
    for (const [variant, change] of variants) {
      it(`${spec}: ${variant}`, async () => {
        const model = change(await modelOf(spec));
        expect(validateCfnTemplate(template(model))).toEqual([]);
      });
    }
  }
});

describe('ALB CloudFormation content', () => {
  it('rules sit on the ListenerArn parameter, with the default action as a last catch-all rule', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const t = template(model);
    expect(t.Parameters!.ListenerArn).toMatchObject({ Type: 'String' });
    const rules = Object.values(t.Resources!).filter(
      (r) => r.Type === 'AWS::ElasticLoadBalancingV2::ListenerRule',
    );
    const fallback = rules.find((r) => (r.Properties as { Priority: number }).Priority === 50000)!;
    expect(fallback.Properties).toMatchObject({
      Actions: [
        {
          Type: 'fixed-response',
          FixedResponseConfig: { StatusCode: '404', ContentType: 'application/json' },
        },
      ],
    });
    expect(t.Resources!.LoadBalancer).toBeUndefined();
  });

  it('full stack: load balancer, HTTPS listener with certificate and TLS policy, HTTP→HTTPS redirect', async () => {
    const t = template(full(await modelOf('specs/bookstore.yaml')));
    expect(t.Resources!.LoadBalancer!.Type).toBe('AWS::ElasticLoadBalancingV2::LoadBalancer');
    expect(t.Resources!.HttpsListener!.Properties).toMatchObject({
      Protocol: 'HTTPS',
      Port: 443,
      Certificates: [{ CertificateArn: { Ref: 'CertificateArn' } }],
      SslPolicy: { Ref: 'SslPolicy' },
    });
    expect(t.Resources!.HttpRedirectListener!.Properties).toMatchObject({
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
    });
  });

  it('target groups carry the backend tag and settings; Lambda ones get an invoke permission', async () => {
    const t = template(await modelOf('specs/bookstore.yaml'));
    const groups = Object.entries(t.Resources!).filter(
      ([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::TargetGroup',
    );
    for (const [, g] of groups) {
      expect((g.Properties as { Tags: { Key: string }[] }).Tags.map((x) => x.Key)).toContain(
        'gateplan:backend',
      );
    }
    const catalog = groups.find(([id]) => id.startsWith('TargetGroupCatalog') && !id.includes('V2'))![1];
    expect(catalog.Properties).toMatchObject({
      HealthCheckPath: '/healthz',
      HealthCheckIntervalSeconds: 15,
      HealthyThresholdCount: 3,
      TargetGroupAttributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
        { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
      ],
    });
    const [ordersId, orders] = groups.find(([id]) => id.startsWith('TargetGroupOrders'))!;
    expect(orders.Properties).toMatchObject({
      TargetType: 'lambda',
      Targets: [{ Id: expect.stringContaining(':function:bookstore-orders') }],
    });
    expect(orders.DependsOn).toEqual([`${ordersId}InvokePermission`]);
    expect(t.Resources![`${ordersId}InvokePermission`]!.Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'elasticloadbalancing.amazonaws.com',
    });
  });

  it('throttles become a WAF WebACL of rate-based rules associated with the load balancer', async () => {
    const t = template(await modelOf('specs/bookstore.yaml'));
    const acl = t.Resources!.RateLimitWebAcl!.Properties as {
      Rules: { Statement: { RateBasedStatement: Record<string, unknown> } }[];
    };
    expect(acl.Rules.length).toBeGreaterThan(0);
    for (const rule of acl.Rules)
      expect(rule.Statement.RateBasedStatement).toMatchObject({
        AggregateKeyType: 'IP',
        EvaluationWindowSec: 60,
      });
    expect(t.Resources!.RateLimitWebAclAssociation!.Properties).toMatchObject({
      ResourceArn: { Ref: 'LoadBalancerArn' },
    });
  });

  it('is byte-identical across runs', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    expect(renderTemplate(model, compileAlb(model))).toBe(renderTemplate(model, compileAlb(model)));
  });
});
