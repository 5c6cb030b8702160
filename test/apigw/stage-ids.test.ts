import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/targets/generate.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { modelOf, writeSpec } from '../support/pipeline.js';

/** Stage names that clean up to the same logical id (`AB`, `X`), with an API key route so REST gets usage plans too. */
const STAGES = ['a-b', 'a_b', '-', '_'];
const SPEC = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends: { b: { url: 'http://b.internal' } }
  defaults: { backend: b }
  stages: { ${STAGES.map((s) => `'${s}': { throttle: { rate: 5, burst: 10 } }`).join(', ')} }
components: { securitySchemes: { key: { type: apiKey, in: header, name: x-api-key } } }
paths:
  /a: { get: { security: [{ key: [] }], responses: { '200': { description: ok } } } }
  /b: { get: { security: [], responses: { '200': { description: ok } } } }
`;

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
  Outputs: Record<string, unknown>;
}

describe('stages whose names differ only in punctuation', () => {
  it.each(['apigw-rest', 'apigw-http'] as const)(
    '%s: every stage keeps its own resources',
    async (target) => {
      const model = await modelOf(writeSpec(SPEC));
      const generated = generate(model, { targets: [target] });
      const template = parseYaml(
        generated.artifacts.find((a) => a.path === `${target}/template.yaml`)!.content,
      ) as Template;
      expect(validateCfnTemplate(template)).toEqual([]);
      const ofType = (type: string) => Object.values(template.Resources).filter((r) => r.Type === type);
      const stageType = target === 'apigw-rest' ? 'AWS::ApiGateway::Stage' : 'AWS::ApiGatewayV2::Stage';
      expect(
        ofType(stageType)
          .map((r) => r.Properties['StageName'])
          .sort(),
      ).toEqual([...STAGES].sort());
      expect(Object.keys(template.Outputs).filter((k) => k.endsWith('InvokeUrl'))).toHaveLength(
        STAGES.length,
      );
      if (target === 'apigw-rest') {
        const plans = ofType('AWS::ApiGateway::UsagePlan');
        expect(plans.map((p) => (p.Properties['ApiStages'] as { Stage: string }[])[0]!.Stage).sort()).toEqual(
          [...STAGES].sort(),
        );
        // Each usage plan waits for its own stage.
        for (const plan of plans) {
          const stage = (plan.Properties['ApiStages'] as { Stage: string }[])[0]!.Stage;
          expect(template.Resources[plan.DependsOn![0]!]!.Properties['StageName']).toBe(stage);
        }
        expect(ofType('AWS::ApiGateway::ApiKey')).toHaveLength(STAGES.length);
      }
    },
  );

  it('names unlike one another keep their plain logical ids', async () => {
    const model = await modelOf(writeSpec(SPEC.replace("'a_b'", 'ab2').replace("'_'", 'y')));
    const template = generate(model, { targets: ['apigw-http'] }).artifacts.find(
      (a) => a.path === 'apigw-http/template.yaml',
    )!.content;
    expect(template).toContain('StageAB:');
    expect(template).toContain('StageX:');
  });
});

describe('Lambda backends whose names differ only in punctuation', () => {
  it('each get their own invoke permission', async () => {
    const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends:
    a-b: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:one' }
    a_b: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:two' }
  defaults: { backend: a-b }
paths:
  /one: { get: { responses: { '200': { description: ok } } } }
  /two: { get: { x-gateplan: { backend: a_b }, responses: { '200': { description: ok } } } }
`;
    const model = await modelOf(writeSpec(spec));
    for (const target of ['apigw-rest', 'apigw-http'] as const) {
      const template = parseYaml(
        generate(model, { targets: [target] }).artifacts.find((a) => a.path === `${target}/template.yaml`)!
          .content,
      ) as Template;
      const permitted = Object.values(template.Resources)
        .filter((r) => r.Type === 'AWS::Lambda::Permission')
        .map((r) => r.Properties['FunctionName'] as string);
      expect(permitted.sort(), target).toEqual([
        'arn:aws:lambda:us-east-1:123456789012:function:one',
        'arn:aws:lambda:us-east-1:123456789012:function:two',
      ]);
    }
  });
});
