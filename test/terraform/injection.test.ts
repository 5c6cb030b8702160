import { describe, expect, it } from 'vitest';
import { FRONT_DOORS, planTerraform } from '../../src/targets/terraform/index.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { literal, TERRAFORM, unformatted } from './support/hcl.js';
import { parseModule, schemaProblems } from './support/check.js';

/** Text that would end an HCL string, start an interpolation or a directive, or open a new block. */
const EVIL =
  'a "quoted" ${var.secret} %{ if true }x%{ endif } back\\slash\nnew line\t"}\nresource "aws_iam_user" "x" {';

const SPEC = `
openapi: 3.0.3
info:
  title: ${JSON.stringify(`Shop ${EVIL}`)}
  version: '1'
  description: ${JSON.stringify(`About ${EVIL}`)}
x-gateplan:
  backends:
    svc:
      url: 'http://svc.internal:8080'
      health: /healthz
    fn:
      lambda: 'arn:aws:lambda:us-east-1:123456789012:function:fn'
  defaults: { backend: svc }
  stages:
    dev:
      host: dev.shop.example.com
      throttle: { rate: 5, burst: 10 }
      variables: { note: ${JSON.stringify(EVIL)} }
security:
  - pool: []
paths:
  /items/{id}:
    get:
      operationId: ${JSON.stringify(`get ${EVIL}`)}
      summary: ${JSON.stringify(EVIL)}
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ${JSON.stringify(EVIL)} } }
  /orders:
    post:
      operationId: placeOrder
      x-gateplan: { backend: fn, throttle: { rate: 1, burst: 2 } }
      responses: { '201': { description: ok } }
components:
  securitySchemes:
    pool:
      type: apiKey
      name: Authorization
      in: header
      x-gateplan:
        cognito:
          userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Shop']
          clientId: ${JSON.stringify(`client ${EVIL}`)}
          domain: ${JSON.stringify(`auth ${EVIL}`)}
`;

type Body = Record<string, unknown>;
const first = (v: unknown) => (v as Body[])[0]!;

/** Every string in the parsed module that is not one of gateplan's own expressions is a plain literal. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}
const OWN_EXPRESSION =
  /^\$\{(?:string|bool|list\(string\)|var\.\w+|aws_\w+\.\w+(?:\.\w+)?|sha1\(aws_api_gateway_rest_api\.this\.body\)|(?:template)?file\(.*\))\}(?:\/\*)?$/;

describe('user text in the spec stays inside its HCL literals', () => {
  for (const door of FRONT_DOORS) {
    it(`--for ${door}`, async () => {
      const model = await modelOf(writeSpec(SPEC));
      const { artifacts } = planTerraform(model, { for: door });
      expect(artifacts.length).toBeGreaterThan(0);
      const module = await parseModule(Object.fromEntries(artifacts.map((a) => [a.path, a.content])));
      expect(schemaProblems(module)).toEqual([]);
      if (TERRAFORM) {
        const tf = artifacts.filter((a) => a.path.endsWith('.tf')).map((a) => [a.path, a.content]);
        expect(unformatted(Object.fromEntries(tf))).toBe('');
      }
      expect([...module.resources.keys()].filter((k) => k.startsWith('aws_iam'))).toEqual([]);

      // Every string is either gateplan's own reference or a literal with no live template sequence.
      const parsed = Object.values(module.files);
      for (const s of strings(parsed)) if (!OWN_EXPRESSION.test(s)) expect(() => literal(s), s).not.toThrow();

      const resource = (address: string) => module.resources.get(address)!;
      if (door === 'apigw-rest') {
        expect(literal(resource('aws_api_gateway_rest_api.this')['name'] as string)).toBe(`Shop ${EVIL}`);
        expect(literal(resource('aws_api_gateway_rest_api.this')['description'] as string)).toBe(
          `About ${EVIL}`,
        );
        expect(literal((resource('aws_api_gateway_stage.dev')['variables'] as Body)['note'] as string)).toBe(
          EVIL,
        );
      }
      if (door === 'apigw-http' || door === 'apigw+alb') {
        expect(literal(resource('aws_apigatewayv2_api.this')['name'] as string)).toBe(`Shop ${EVIL}`);
        expect(
          literal((resource('aws_apigatewayv2_stage.dev')['stage_variables'] as Body)['note'] as string),
        ).toBe(EVIL);
      }
      if (door === 'alb') {
        const rules = [...module.resources]
          .filter(([k]) => k.startsWith('aws_lb_listener_rule.'))
          .map(([, b]) => b);
        const cognito = rules.flatMap((r) =>
          (r['action'] as Body[]).filter((a) => a['authenticate_cognito']),
        );
        expect(cognito.length).toBeGreaterThan(0);
        const auth = first(cognito[0]!['authenticate_cognito']);
        expect(literal(auth['user_pool_client_id'] as string)).toBe(`client ${EVIL}`);
        expect(literal(auth['user_pool_domain'] as string)).toBe(`auth ${EVIL}`);
      }
    });
  }

  it('keeps the import document intact for templatefile()', async () => {
    const model = await modelOf(writeSpec(SPEC));
    const { artifacts } = planTerraform(model, { for: 'apigw-rest' });
    const doc = artifacts.find((a) => a.path === 'openapi-rest.json')!.content;
    const tf = artifacts.find((a) => a.path === 'apigw_rest.tf')!.content;
    if (tf.includes('templatefile(')) {
      // templatefile() turns `$${` back into `${`: what API Gateway imports is the document as planned.
      expect(JSON.parse(literal(doc.replace(/\$\{[A-Za-z0-9]+\}/g, 'X'))).info.title).toBe(`Shop ${EVIL}`);
    } else {
      expect(JSON.parse(doc).info.title).toBe(`Shop ${EVIL}`);
    }
  });
});
