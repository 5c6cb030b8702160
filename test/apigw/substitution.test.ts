import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { generate } from '../../src/targets/generate.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { parseModule, schemaProblems } from '../terraform/support/check.js';
import { renderTemplatefile } from '../terraform/support/hcl.js';

/**
 * Spec text full of what CloudFormation's Fn::Sub and Terraform's templatefile() would read as
 * their own syntax, in a spec whose stacks do have parameters (a VPC link and listener only the
 * stack knows, an authorizer function given by nobody) and AWS variables (a Lambda given by
 * name only). Only gateplan's own placeholders may be filled in; the spec's text reaches AWS
 * as written.
 */
const HOSTILE =
  'leak ${SvcVpcLinkId} ${SvcListenerArn} ${AuthorizerGateFunctionArn} ${AWS::AccountId} ${AWS::NoSuch} $${x} ${!y} %{ if true }z%{ endif }';

const SPEC = `
openapi: 3.0.3
info: { title: Shop, version: '1', description: ${JSON.stringify(HOSTILE)} }
x-gateplan:
  backends:
    svc: { url: 'http://svc.internal:8080', vpcLink: true }
    fn: { lambda: orders }
  defaults: { backend: svc }
components:
  securitySchemes:
    gate:
      type: apiKey
      in: header
      name: Authorization
      x-gateplan: { lambda: { type: token } }
paths:
  /orders:
    get:
      summary: ${JSON.stringify(HOSTILE)}
      x-gateplan: { backend: fn }
      responses: { '200': { description: ${JSON.stringify(HOSTILE)} } }
  /svc:
    get:
      description: ${JSON.stringify(HOSTILE)}
      security: [{ gate: [] }]
      parameters: [{ name: q, in: query, description: ${JSON.stringify(HOSTILE)}, schema: { type: string, default: ${JSON.stringify(HOSTILE)} } }]
      responses: { '200': { description: ok } }
`;

const PSEUDO = ['AWS::Partition', 'AWS::Region', 'AWS::AccountId'];
/** Terraform's names for the AWS variables, as the module passes them to templatefile(). */
const TF_PSEUDO: Record<string, string> = {
  aws_partition: 'AWS::Partition',
  aws_region: 'AWS::Region',
  aws_account_id: 'AWS::AccountId',
};
const valueOf = (name: string) => `<<${name}>>`;

type Json = unknown;

/** Fn::Sub as CloudFormation evaluates it: `${Name}` from `values`, `${!x}` is the literal `${x}`. */
function evaluateSub(template: string, values: (name: string) => string, known: Set<string>): string {
  return template.replace(/\$\{(!?)([^}]*)\}/g, (_, bang: string, name: string) => {
    if (bang) return '${' + name + '}';
    if (!known.has(name))
      throw new Error(`Fn::Sub names ${name}, which is neither a parameter nor an AWS variable`);
    return values(name);
  });
}

function evaluateCfn(node: Json, values: (name: string) => string, known: Set<string>): Json {
  if (Array.isArray(node)) return node.map((n) => evaluateCfn(n, values, known));
  if (node !== null && typeof node === 'object') {
    const entries = Object.entries(node);
    if (entries.length === 1 && entries[0]![0] === 'Fn::Sub')
      return evaluateSub(entries[0]![1] as string, values, known);
    return Object.fromEntries(entries.map(([k, v]) => [k, evaluateCfn(v, values, known)]));
  }
  return node;
}

/** Every string of a document outside `Fn::Sub`: what reaches AWS as written. */
function strings(node: Json): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node !== null && typeof node === 'object')
    return 'Fn::Sub' in node ? [] : Object.values(node).flatMap(strings);
  return [];
}

let model: RouteModel;
const modelOnce = async () => (model ??= await modelOf(writeSpec(SPEC)));

describe.each(['apigw-rest', 'apigw-http'] as const)('%s: placeholders in the import document', (target) => {
  it('CloudFormation substitutes only its own parameters and AWS variables; the body is the document', async () => {
    const generated = generate(await modelOnce(), { targets: [target] });
    const template = parseYaml(
      generated.artifacts.find((a) => a.path === `${target}/template.yaml`)!.content,
    ) as {
      Parameters?: Record<string, unknown>;
      Resources: Record<string, { Properties: { Body?: Json } }>;
    };
    expect(validateCfnTemplate(template)).toEqual([]);
    const body = Object.values(template.Resources).find((r) => r.Properties?.Body)!.Properties.Body;
    const known = new Set([...Object.keys(template.Parameters ?? {}), ...PSEUDO]);
    const document = JSON.parse(
      generated.artifacts.find((a) => a.path === `${target}/openapi.json`)!.content,
    );

    // With every placeholder left as `${Name}`, the body is exactly openapi.json.
    expect(evaluateCfn(body, (name) => '${' + name + '}', known)).toEqual(document);
    const evaluated = evaluateCfn(body, valueOf, known);
    expect(strings(evaluated)).toContain(HOSTILE);
    expect(strings(evaluated).filter((s) => s.includes('leak'))).toEqual(
      strings(document).filter((s) => s.includes('leak')),
    );
    // The bare Lambda name's ARN is completed by CloudFormation (cfn-lint E1029: no `${AWS::…}` outside Fn::Sub).
    expect(JSON.stringify(evaluated)).toContain(
      'arn:<<AWS::Partition>>:lambda:<<AWS::Region>>:<<AWS::AccountId>>:function:',
    );
    expect(strings(body).filter((s) => /\$\{AWS::/.test(s) && !s.includes('leak'))).toEqual([]);
  });

  it('Terraform fills in the same placeholders with templatefile(), and nothing the spec wrote', async () => {
    const current = await modelOnce();
    const door = target;
    const tf = generate(current, { targets: ['terraform'], for: door });
    const files = Object.fromEntries(
      tf.artifacts.map((a) => [a.path.replace(/^terraform\//, ''), a.content]),
    );
    const module = await parseModule(files);
    expect(schemaProblems(module)).toEqual([]);
    const tfFile = `${door.replace('-', '_')}.tf`;
    const resource = [...module.resources.values()].find((r) => typeof r['body'] === 'string')!;
    const call = /templatefile\("\$\{path\.module\}\/([^"]+)", \{ (.*) \}\)/.exec(resource['body'] as string);
    expect(call, `${tfFile} reads the document with templatefile()`).not.toBeNull();
    const args = Object.fromEntries(call![2]!.split(', ').map((a) => a.split(' = ') as [string, string]));
    for (const [name, expression] of Object.entries(args)) {
      if (TF_PSEUDO[name])
        expect(expression).toMatch(/^data\.aws_(region|partition|caller_identity)\.current\.\w+$/);
      else expect(expression).toMatch(/^var\.\w+$/);
    }
    const rendered = JSON.parse(
      renderTemplatefile(
        files[call![1]!]!,
        Object.fromEntries(Object.keys(args).map((name) => [name, valueOf(TF_PSEUDO[name] ?? name)])),
      ),
    );
    const cfn = generate(current, { targets: [target] });
    const template = parseYaml(cfn.artifacts.find((a) => a.path === `${target}/template.yaml`)!.content) as {
      Parameters?: Record<string, unknown>;
      Resources: Record<string, { Properties: { Body?: Json } }>;
    };
    const body = Object.values(template.Resources).find((r) => r.Properties?.Body)!.Properties.Body;
    const known = new Set([...Object.keys(template.Parameters ?? {}), ...PSEUDO]);
    expect(rendered).toEqual(evaluateCfn(body, valueOf, known));
  });
});

describe('a spec without stack parameters', () => {
  it('keeps its `${…}` text as is, and Terraform reads the document with file()', async () => {
    const spec = `openapi: 3.0.3
info: { title: T, version: '1', description: ${JSON.stringify(HOSTILE)} }
x-gateplan: { backends: { b: { url: 'http://b.internal' } }, defaults: { backend: b } }
paths:
  /a: { get: { summary: ${JSON.stringify(HOSTILE)}, responses: { '200': { description: ok } } } }
`;
    const m = await modelOf(writeSpec(spec));
    const generated = generate(m, { targets: ['apigw-rest', 'terraform'] });
    const template = parseYaml(
      generated.artifacts.find((a) => a.path === 'apigw-rest/template.yaml')!.content,
    );
    expect(JSON.stringify(template.Resources.RestApi.Properties.Body)).not.toContain('Fn::Sub');
    expect(strings(template.Resources.RestApi.Properties.Body)).toContain(HOSTILE);
    const tf = generated.artifacts.find((a) => a.path === 'terraform/apigw_rest.tf')!.content;
    expect(tf).toContain('file("${path.module}/openapi-rest.json")');
    expect(generated.artifacts.find((a) => a.path === 'terraform/openapi-rest.json')!.content).toBe(
      generated.artifacts.find((a) => a.path === 'apigw-rest/openapi.json')!.content,
    );
  });
});
