/**
 * References in a kept x-amazon-apigateway-integration to what the spec's origin template
 * defines become stack parameters (kept-references.ts), in CloudFormation and Terraform alike.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parameterizeKept } from '../../src/targets/apigw/kept-references.js';
import type { StackParameter } from '../../src/targets/apigw/plan.js';
import { Substituted } from '../../src/targets/apigw/substitution.js';
import { targets } from '../../src/targets/registry.js';
import { check, oas } from '../support/check.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { testTargetCode } from '../support/target-code.js';
import { parseModule, schemaProblems } from '../terraform/support/check.js';

const ddb = `{ responses: { '200': { description: ok } }, x-amazon-apigateway-integration: { type: aws, httpMethod: POST, credentials: { Fn::GetAtt: [CrudRole, Arn] }, uri: { Fn::Sub: 'arn:aws:apigateway:\${AWS::Region}:dynamodb:action/Scan' }, requestTemplates: { application/json: { Fn::Sub: '{"TableName": "\${CrudDDB}", "Id": "\${!literal}"}' } } } }`;
const lambda = `{ responses: { '200': { description: ok } }, x-amazon-apigateway-integration: { type: AWS_PROXY, httpMethod: POST, uri: '\${openapi_demo_lambda_uri}' } }`;

describe('references to the template a spec came from', () => {
  testTargetCode('GP155', [
    {
      name: 'Fn::GetAtt and Fn::Sub of a SAM template',
      target: 'apigw-rest',
      spec: oas(`paths:\n  /items:\n    get: ${ddb}\n`),
      expect: [
        {
          pointer: '/paths/~1items/get/x-amazon-apigateway-integration',
          severity: 'info',
          args: { route: 'GET /items', parameters: 'CrudRoleArn, CrudDDB' },
        },
      ],
      writes: true,
    },
    {
      name: 'a templatefile variable as the Lambda URI, on an HTTP API',
      target: 'apigw-http',
      spec: oas(`paths:\n  /customers:\n    post: ${lambda}\n`),
      expect: [
        {
          pointer: '/paths/~1customers/post/x-amazon-apigateway-integration',
          args: { parameters: 'OpenapiDemoLambdaUri' },
        },
      ],
      writes: true,
    },
    {
      name: 'stage variables and API Gateway’s own ${AWS::Region} stay as written',
      target: 'apigw-rest',
      spec: oas(
        `paths:\n  /x:\n    get: { responses: { '200': { description: ok } }, x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: 'https://\${stageVariables.host}/x' } }\n`,
      ),
      expect: [],
      writes: true,
    },
  ]);

  it('parameterizeKept: each reference a parameter once, pseudo parameters and ${!…} literals as CloudFormation reads them', () => {
    const parameters: StackParameter[] = [];
    const { integration, references } = parameterizeKept(
      {
        credentials: { 'Fn::GetAtt': 'Role.Arn' },
        uri: { 'Fn::Sub': ['arn:${AWS::Partition}:x:${Name}', { Name: 'fixed' }] },
        requestTemplates: { 'application/json': { 'Fn::Sub': '${Table} ${!keep} ${Role.Arn}' } },
        connectionId: '${vpc_link_id}',
        requestParameters: { 'integration.request.header.x': "'${not_an_address}'" },
      },
      parameters,
    );
    expect(parameters.map((p) => p.name)).toEqual(['RoleArn', 'Table', 'VpcLinkId']);
    expect(references.map((r) => r.written)).toEqual(['Fn::GetAtt Role.Arn', 'Ref Table', '${vpc_link_id}']);
    const template = (v: unknown) => (v as Substituted).cfnTemplate;
    expect(template(integration.credentials)).toBe('${RoleArn}');
    expect(template(integration.uri)).toBe('arn:${AWS::Partition}:x:fixed');
    expect(template((integration.requestTemplates as Record<string, unknown>)['application/json'])).toBe(
      '${Table} ${!keep} ${RoleArn}',
    );
    expect(template(integration.connectionId)).toBe('${VpcLinkId}');
    // Only address fields hold template variables: elsewhere `${…}` is the spec's text.
    expect(integration.requestParameters).toEqual({ 'integration.request.header.x': "'${not_an_address}'" });
  });

  it('a Lambda proxy named by a template variable is a Lambda on ALB too, its ARN a parameter (no GP124)', async () => {
    const { model } = await check(oas(`paths:\n  /customers:\n    post: ${lambda}\n`));
    expect(model!.backends['lambda-openapi-demo-lambda-uri']!.target).toEqual({
      kind: 'lambda',
      functionArn: '${openapi_demo_lambda_uri}',
    });
    const alb = targets.alb!.plan(model!, {});
    expect(alb.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const template = parse(alb.artifacts[0]!.content) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    expect(template.Parameters!.LambdaOpenapiDemoLambdaUriFunctionArn).toMatchObject({ Type: 'String' });
    expect(validateCfnTemplate(template)).toEqual([]);
    const terraform = targets.terraform!.plan(model!, { for: 'alb' });
    const module = await parseModule(Object.fromEntries(terraform.artifacts.map((a) => [a.path, a.content])));
    expect(schemaProblems(module)).toEqual([]);
    expect(terraform.artifacts.find((a) => a.path === 'alb.tf')!.content).toContain(
      'target_id        = var.lambda_openapi_demo_lambda_uri_function_arn',
    );
    const rest = targets['apigw-rest']!.plan(model!, {});
    expect(rest.diagnostics.map((d) => d.code)).not.toContain('GP124');
  });

  it('the REST stack declares the parameters and passes the resource schemas', async () => {
    const { model } = await check(oas(`paths:\n  /items:\n    get: ${ddb}\n`));
    const result = targets['apigw-rest']!.plan(model!, {});
    const template = parse(result.artifacts.find((a) => a.path === 'template.yaml')!.content) as Record<
      string,
      unknown
    >;
    expect(Object.keys(template.Parameters as object).sort()).toEqual(['CrudDDB', 'CrudRoleArn']);
    expect(validateCfnTemplate(template)).toEqual([]);
  });
});
