import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLambdaArn } from '../../src/targets/apigw/addresses.js';
import { stackBody } from '../../src/targets/apigw/cfn.js';
import { AWS_PARTITION, sub } from '../../src/targets/apigw/substitution.js';
import { methodSettingPath } from '../../src/targets/apigw/rest-cfn.js';
import { modelNames, toRestSchema } from '../../src/targets/apigw/rest-schema.js';
import { REPO } from '../support/pipeline.js';
import { writeSpec } from '../support/temp.js';
import { modelOf } from '../support/pipeline.js';
import { oas } from '../support/check.js';
import { API_TARGETS, modelFrom, run } from './support.js';

describe('REST models (JSON Schema draft 4)', () => {
  it('leaves out what REST rejects and rewrites 3.1 type lists and const', () => {
    const dropped = new Set<string>();
    const out = toRestSchema(
      {
        type: 'object',
        example: { a: 1 },
        properties: {
          a: { type: ['string', 'null'], default: 'x' },
          b: { const: 3 },
          c: { type: 'number', format: 'int64', exclusiveMinimum: 0 },
          d: { $ref: '#/components/schemas/My.Thing' },
          e: { type: ['string', 'integer'] },
        },
        additionalProperties: { type: 'string', readOnly: true },
      },
      (n) => `M${n.replace('.', '')}`,
      dropped,
    );
    expect(out).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: { enum: [3] },
        c: { type: 'number' },
        d: { $ref: '#/components/schemas/MMyThing' },
        e: {},
      },
      additionalProperties: { type: 'string' },
    });
    expect([...dropped].sort()).toEqual([
      'default',
      'example',
      'exclusiveMinimum',
      'format',
      'readOnly',
      'type',
    ]);
  });

  it('names models alphanumerically, hashing names that collide once cleaned', () => {
    const names = modelNames(['Pet', 'my-pet', 'my_pet']);
    expect(names.get('Pet')).toBe('Pet');
    expect(names.get('my-pet')).toMatch(/^MyPet[0-9a-f]{6}$/);
    expect(names.get('my-pet')).not.toBe(names.get('my_pet'));
  });
});

describe('CloudFormation rendering', () => {
  it('writes MethodSetting resource paths with ~1 for every slash', () => {
    expect(methodSettingPath('/v2/books/{id}')).toBe('/~1v2~1books~1{id}');
    expect(methodSettingPath('/')).toBe('/~1');
  });

  it("substitutes gateplan's own placeholders in the body, and nothing the spec wrote", () => {
    const body = {
      a: sub`${{ param: 'VpcLinkId' }}`,
      b: 'http://${stageVariables.x}/y ${VpcLinkId} ${AWS::Region}',
      c: [sub`${{ param: 'Listener' }} ${'${stageVariables.z}'}`, sub`arn:${AWS_PARTITION}:x`],
    };
    expect(stackBody(body)).toEqual({
      a: { 'Fn::Sub': '${VpcLinkId}' },
      b: 'http://${stageVariables.x}/y ${VpcLinkId} ${AWS::Region}',
      c: [{ 'Fn::Sub': '${Listener} ${!stageVariables.z}' }, { 'Fn::Sub': 'arn:${AWS::Partition}:x' }],
    });
    expect(JSON.parse(JSON.stringify(body)).c).toEqual([
      '${Listener} ${stageVariables.z}',
      'arn:${AWS::Partition}:x',
    ]);
  });
});

describe('adding one operation', () => {
  const lines = (text: string) => new Set(text.split('\n'));
  it.each(API_TARGETS)('changes O(1) lines of the %s output', async (target) => {
    const original = readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8');
    const added = original.replace(
      'paths:\n',
      "paths:\n  /authors:\n    get:\n      operationId: listAuthors\n      security: []\n      responses:\n        '200': { description: Authors }\n",
    );
    const before = run(await modelOf('specs/bookstore.yaml'), target).artifacts;
    const after = run(await modelOf(writeSpec(added, 'bookstore.yaml')), target).artifacts;
    for (const artifact of before) {
      const next = after.find((a) => a.path === artifact.path)!.content;
      const old = lines(artifact.content);
      const changed = [...lines(next)].filter((l) => !old.has(l)).length;
      // The new operation (and its CORS preflight on REST) plus the Deployment's new hash; nothing renumbered.
      expect(changed, artifact.path).toBeGreaterThan(0);
      expect(changed, artifact.path).toBeLessThan(60);
    }
  });
});

describe('failing closed', () => {
  it.each(API_TARGETS)('%s does not serve a route whose security scheme is not declared', async (target) => {
    const model = await modelFrom(
      oas(`x-gateplan: { backends: { svc: { url: 'https://svc.internal' } }, defaults: { backend: svc } }
paths:
  /open:
    get: { security: [], responses: { '200': { description: ok } } }
  /secret:
    get: { security: [{ missing: [] }], responses: { '200': { description: ok } } }`),
    );
    expect(model.diagnostics.map((d) => d.code)).toContain('GP044');
    const document = JSON.parse(run(model, target).artifacts.find((a) => a.path === 'openapi.json')!.content);
    expect(Object.keys(document.paths)).toEqual(['/open']);
  });
});

describe('Lambda addresses', () => {
  it('keeps a full ARN; a bare name or an ARN with a placeholder account becomes a function of the API’s own account', () => {
    expect(parseLambdaArn('arn:aws:lambda:eu-west-1:123456789012:function:orders:live')).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      account: '123456789012',
      name: 'orders:live',
      full: true,
    });
    for (const arn of [
      'orders',
      'arn:aws:lambda:us-east-1:ACCOUNT_ID:function:orders',
      'arn:aws:lambda:REGION:XXXXXXXXXXXX:function:orders',
    ]) {
      expect(parseLambdaArn(arn)).toEqual({ name: 'orders', full: false });
    }
  });
});
