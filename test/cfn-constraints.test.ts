import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../src/targets/generate.js';
import { announceCfnConstraints, cfnConstraintProblems } from './support/cfn-constraints.js';
import { validateCfnTemplate } from './support/cfn-schema.js';
import { modelOf, REPO, writeSpec } from './support/pipeline.js';

function goldenTemplates(dir = join(REPO, 'test/golden')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return goldenTemplates(path);
    return name === 'template.yaml' ? [path] : [];
  });
}

const HAS_CONSTRAINTS = announceCfnConstraints();

describe("AWS's value constraints on CloudFormation properties", () => {
  it('every CloudFormation golden file passes them (and the resource schemas)', () => {
    const templates = goldenTemplates();
    expect(templates.length).toBeGreaterThan(8);
    for (const file of templates) {
      const template = parseYaml(readFileSync(file, 'utf8')) as Record<string, unknown>;
      expect(validateCfnTemplate(template), file.slice(REPO.length + 1)).toEqual([]);
    }
  });

  it('the template checks catch a 1,025-byte description and a WAF description with a semicolon', () => {
    const acl = (description: string) => ({
      Resources: {
        Acl: {
          Type: 'AWS::WAFv2::WebACL',
          Properties: {
            Description: description,
            Scope: 'REGIONAL',
            DefaultAction: { Allow: {} },
            VisibilityConfig: {
              SampledRequestsEnabled: true,
              CloudWatchMetricsEnabled: true,
              MetricName: 'm',
            },
          },
        },
      },
    });
    expect(validateCfnTemplate({ Description: 'x'.repeat(1025), ...acl('rate limits') })).toEqual([
      'Description: 1025 bytes, over 1024',
    ]);
    if (HAS_CONSTRAINTS) {
      expect(cfnConstraintProblems(acl('counted over a window; not token buckets'))).toEqual([
        expect.stringMatching(/^Resources\.Acl\.Properties\.Description: .* does not match/),
      ]);
      expect(cfnConstraintProblems(acl('counted over a window, not token buckets'))).toEqual([]);
    }
  });

  it('a spec title of any length gives template descriptions within 1,024 bytes', async () => {
    const title = 'Ünïcode title '.repeat(200);
    const spec = `openapi: 3.0.3
info: { title: ${JSON.stringify(title)}, version: '1' }
x-gateplan:
  backends: { b: { url: 'http://b.internal' } }
  defaults: { backend: b, throttle: { rate: 5, burst: 10 } }
paths:
  /a: { get: { responses: { '200': { description: ok } } } }
`;
    const model = await modelOf(writeSpec(spec));
    const generated = generate(model, { targets: ['apigw-rest', 'apigw-http', 'alb'] });
    const templates = generated.artifacts.filter((a) => a.path.endsWith('template.yaml'));
    expect(templates).toHaveLength(3);
    for (const artifact of templates) {
      const template = parseYaml(artifact.content) as { Description: string };
      expect(validateCfnTemplate(template), artifact.path).toEqual([]);
      expect(template.Description.endsWith('…'), artifact.path).toBe(true);
    }
  });
});
