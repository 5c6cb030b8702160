/**
 * A listener per stage listens on the port its stage declares (`listenerPort`), 443 when it
 * declares none: adding a stage never moves another stage's listener, and the CloudFormation
 * stack and the Terraform module put every listener on the same port.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { renderTemplate } from '../../src/targets/alb/cloudformation.js';
import { planTerraform } from '../../src/targets/terraform/index.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { parseModule } from '../terraform/support/check.js';

const spec = (stages: string) => `
openapi: 3.0.3
info: { title: Ports, version: '1' }
x-gateplan:
  alb: { stages: listener, stack: full }
  backends:
    app: { url: 'http://app.internal:8080' }
  defaults: { backend: app }
  stages:
${stages}paths:
  /items/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`;

const TWO = '    prod: {}\n    staging: { listenerPort: 8443 }\n';
/** `dev` sorts before both: a counter by stage order would move prod to 1443, staging to 2443. */
const THREE = `    dev: { listenerPort: 9443 }\n${TWO}`;

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

/** Listener logical id → port, HTTPS listeners only. */
async function cfnPorts(stages: string): Promise<Record<string, unknown>> {
  const model = await modelOf(writeSpec(spec(stages)));
  const plan = compileAlb(model);
  expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const resources = (parse(renderTemplate(model, plan)) as { Resources: Resources }).Resources;
  return Object.fromEntries(
    Object.entries(resources)
      .filter(
        ([, r]) => r.Type === 'AWS::ElasticLoadBalancingV2::Listener' && r.Properties.Protocol === 'HTTPS',
      )
      .map(([id, r]) => [id, r.Properties.Port]),
  );
}

/** Terraform listener name → port, HTTPS listeners only. */
async function terraformPorts(stages: string): Promise<Record<string, unknown>> {
  const model = await modelOf(writeSpec(spec(stages)));
  const { artifacts } = planTerraform(model, { for: 'alb' });
  const module = await parseModule(Object.fromEntries(artifacts.map((a) => [a.path, a.content])));
  return Object.fromEntries(
    [...module.resources]
      .filter(([address, body]) => address.startsWith('aws_lb_listener.') && body['protocol'] === 'HTTPS')
      .map(([address, body]) => [address.slice('aws_lb_listener.'.length), body['port']]),
  );
}

describe('ALB listener ports', () => {
  it('adding a stage leaves the existing listeners on their ports (CloudFormation)', async () => {
    const before = await cfnPorts(TWO);
    expect(before).toEqual({ HttpsListenerProd: 443, HttpsListenerStaging: 8443 });
    expect(await cfnPorts(THREE)).toEqual({ ...before, HttpsListenerDev: 9443 });
  });

  it('adding a stage leaves the existing listeners on their ports (Terraform), the same as CloudFormation', async () => {
    const before = await terraformPorts(TWO);
    expect(before).toEqual({ prod: 443, staging: 8443 });
    expect(await terraformPorts(THREE)).toEqual({ ...before, dev: 9443 });
  });

  it('the plan carries a declared port only in listener mode', async () => {
    const listener = compileAlb(await modelOf(writeSpec(spec(TWO))));
    expect(listener.listeners.map((l) => [l.name, l.port])).toEqual([
      ['prod', undefined],
      ['staging', 8443],
    ]);
    const hosts = compileAlb(await modelOf(writeSpec(spec(TWO).replace('stages: listener', 'stages: host'))));
    expect(hosts.listeners.map((l) => [l.name, l.port])).toEqual([['main', undefined]]);
  });
});
