/**
 * The integration kinds, authorizers and API settings the example specs do not exercise:
 * S3, Kinesis, mock, Lambda authorizers with and without a known function, private and
 * binary REST APIs, the HTTP API `$default` route. Each output is also valid OpenAPI and
 * passes the CloudFormation resource schemas.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { planTerraform } from '../../src/targets/terraform/index.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { oas } from '../support/check.js';
import { parseModule, schemaProblems } from '../terraform/support/check.js';
import { documentOf, modelFrom, resourcesOf, run, templateOf, type ApiTarget, type Json } from './support.js';

const SPEC = oas(`x-gateplan:
  backends:
    web: { url: 'https://web.internal/base' }
    files: { s3: { bucket: my-bucket, role: 'arn:aws:iam::123456789012:role/s3-read' } }
    stream: { kinesis: { stream: clicks, role: 'arn:aws:iam::123456789012:role/kinesis-put', region: eu-west-1 } }
    canned: { mock: { statusCode: 202, body: '{"queued":true}' } }
    fn: { lambda: 'arn:aws:lambda:eu-west-1:123456789012:function:api:live' }
  defaults: { backend: web }
  catchAll: fn
  endpoint: { type: private, vpcEndpointIds: [vpce-0abc] }
  binaryMediaTypes: [image/png]
paths:
  /files/{key+}:
    get:
      x-gateplan: { backend: files }
      parameters: [{ name: key, in: path, required: true }]
      responses: { '200': { description: a file } }
  /clicks:
    post:
      x-gateplan: { backend: stream }
      responses: { '200': { description: queued } }
  /jobs:
    post:
      x-gateplan: { backend: canned }
      responses: { '200': { description: never } }
  /items/{id}:
    get:
      security: [{ tokenAuth: [] }]
      parameters: [{ name: id, in: path, required: true }, { name: verbose, in: query, required: true }]
      responses: { '200': { description: an item } }
  /me:
    get:
      x-gateplan: { backend: fn }
      security: [{ headerAuth: [] }]
      responses: { '200': { description: me } }
components:
  securitySchemes:
    tokenAuth:
      type: apiKey
      name: X-Token
      in: header
      x-gateplan: { lambda: { type: token, functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:authz', resultTtlSeconds: 60 } }
    headerAuth:
      type: apiKey
      name: X-Auth
      in: header
      x-gateplan: { lambda: { type: request, identitySource: [method.request.header.X-Auth, method.request.querystring.tenant] } }
`);

describe.each(['apigw-rest', 'apigw-http'] as ApiTarget[])('%s', (target) => {
  it('writes a valid document and template', async () => {
    const result = run(
      await modelFrom(
        SPEC.replace('type: private', target === 'apigw-http' ? 'type: regional' : 'type: private'),
      ),
      target,
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await expect(SwaggerParser.validate(structuredClone(documentOf(result) as Json))).resolves.toBeDefined();
    expect(validateCfnTemplate(templateOf(result))).toEqual([]);
  });
});

describe('apigw-rest', () => {
  let doc: Json;
  let template: Json;
  beforeAll(async () => {
    const result = run(await modelFrom(SPEC), 'apigw-rest');
    doc = documentOf(result);
    template = templateOf(result);
  });
  const integration = (path: string, method: string) =>
    doc.paths[path][method]['x-amazon-apigateway-integration'];

  it('reads S3 objects with the backend role, the greedy variable as the key', () => {
    expect(integration('/files/{key+}', 'get')).toMatchObject({
      type: 'aws',
      httpMethod: 'GET',
      uri: 'arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/my-bucket/{key}',
      credentials: 'arn:aws:iam::123456789012:role/s3-read',
      requestParameters: { 'integration.request.path.key': 'method.request.path.key' },
    });
    expect(doc.paths['/files/{key+}'].get.responses['200'].headers['Content-Type']).toBeDefined();
  });

  it('puts records on Kinesis through a request template', () => {
    const kinesis = integration('/clicks', 'post');
    expect(kinesis).toMatchObject({
      type: 'aws',
      httpMethod: 'POST',
      uri: 'arn:${AWS::Partition}:apigateway:eu-west-1:kinesis:action/PutRecord',
    });
    expect(
      JSON.parse(kinesis.requestTemplates['application/json'].replace('$util.base64Encode($input.body)', 'x'))
        .StreamName,
    ).toBe('clicks');
  });

  it('answers a mock with its status and body, declared on the method', () => {
    expect(integration('/jobs', 'post').responses.default).toEqual({
      statusCode: '202',
      responseTemplates: { 'application/json': '{"queued":true}' },
    });
    expect(doc.paths['/jobs'].post.responses['202']).toBeDefined();
  });

  it('keeps the HTTP backend base path and validates required query parameters', () => {
    expect(integration('/items/{id}', 'get').uri).toBe('https://${stageVariables.webHost}/base/items/{id}');
    expect(doc.paths['/items/{id}'].get['x-amazon-apigateway-request-validator']).toBe('params');
  });

  it('calls a Lambda alias through a stage variable holding name:alias', () => {
    expect(integration('/me', 'get').uri).toBe(
      'arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:${stageVariables.fnFunction}/invocations',
    );
    expect(template.Resources.StageProd.Properties.Variables.fnFunction).toBe('api:live');
  });

  it('wires Lambda authorizers: the known function directly, the unknown one as a parameter', () => {
    const token = doc.components.securitySchemes.tokenAuth;
    expect(token.name).toBe('X-Token');
    expect(token['x-amazon-apigateway-authorizer']).toMatchObject({
      type: 'token',
      authorizerResultTtlInSeconds: 60,
    });
    const request = doc.components.securitySchemes.headerAuth['x-amazon-apigateway-authorizer'];
    expect(request.identitySource).toBe('method.request.header.X-Auth, method.request.querystring.tenant');
    expect(request.authorizerUri).toContain('${AuthorizerHeaderAuthFunctionArn}');
    expect(template.Parameters.AuthorizerHeaderAuthFunctionArn.Type).toBe('String');
    const body = template.Resources.RestApi.Properties.Body;
    expect(
      body.components.securitySchemes.headerAuth['x-amazon-apigateway-authorizer'].authorizerUri['Fn::Sub'],
    ).toBe(
      'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${AuthorizerHeaderAuthFunctionArn}/invocations',
    );
    const permissions: Json = Object.fromEntries(resourcesOf(template, 'AWS::Lambda::Permission'));
    expect(permissions.AuthorizerHeaderAuthInvokePermission.Properties.FunctionName).toEqual({
      Ref: 'AuthorizerHeaderAuthFunctionArn',
    });
    expect(permissions.AuthorizerTokenAuthInvokePermission.Properties.SourceArn['Fn::Sub']).toMatch(
      /\/authorizers\/\*$/,
    );
    expect(permissions.FnInvokePermission.Properties.FunctionName).toBe(
      'arn:aws:lambda:eu-west-1:123456789012:function:api:live',
    );
  });

  it('makes a private API with its VPC endpoints, the resource policy it needs to deploy, and binary types', () => {
    expect(template.Resources.RestApi.Properties.EndpointConfiguration).toEqual({
      Types: ['PRIVATE'],
      VpcEndpointIds: ['vpce-0abc'],
    });
    expect(doc['x-amazon-apigateway-policy'].Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceVpce': ['vpce-0abc'] },
    });
    expect(doc['x-amazon-apigateway-binary-media-types']).toEqual(['image/png']);
  });
});

describe('apigw-http', () => {
  let doc: Json;
  let diagnostics: ReturnType<typeof run>['diagnostics'];
  beforeAll(async () => {
    const result = run(await modelFrom(SPEC.replace('type: private', 'type: regional')), 'apigw-http');
    doc = documentOf(result);
    diagnostics = result.diagnostics;
  });

  it('sends unmatched requests to the catch-all backend through $default', () => {
    const route = doc.paths['/$default']['x-amazon-apigateway-any-method'];
    expect(route.isDefaultRoute).toBe(true);
    expect(route['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws_proxy',
      payloadFormatVersion: '1.0',
    });
  });

  it('turns the Lambda authorizers into request authorizers with HTTP identity sources', () => {
    const request = doc.components.securitySchemes.headerAuth['x-amazon-apigateway-authorizer'];
    expect(request).toMatchObject({
      type: 'request',
      identitySource: '$request.header.X-Auth, $request.querystring.tenant',
      authorizerPayloadFormatVersion: '1.0',
    });
    expect(doc.components.securitySchemes.tokenAuth['x-amazon-apigateway-authorizer'].identitySource).toBe(
      '$request.header.X-Token',
    );
  });

  it('leaves out S3, Kinesis and mock routes, naming each', () => {
    const left = diagnostics.filter((d) => d.code === 'GP128').map((d) => d.args.route);
    expect(left.sort()).toEqual(['GET /files/{key+}', 'POST /clicks', 'POST /jobs']);
    expect(doc.paths['/clicks']).toBeUndefined();
    expect(
      diagnostics.find((d) => d.code === 'GP112' && d.args.feature === 'binary media types'),
    ).toBeDefined();
  });
});

describe('a stage quota with an offset', () => {
  const spec = oas(`x-gateplan:
  backends: { web: { url: 'https://web.internal' } }
  defaults: { backend: web }
  stages: { prod: { quota: { limit: 500, period: WEEK, offset: 20 } } }
components:
  securitySchemes:
    key: { type: apiKey, name: x-api-key, in: header }
paths:
  /x:
    get: { security: [{ key: [] }], responses: { '200': { description: ok } } }
`);

  it('reaches the usage plan in CloudFormation and Terraform, each valid against its schema', async () => {
    const model = await modelFrom(spec);
    const template = templateOf(run(model, 'apigw-rest'));
    expect(validateCfnTemplate(template)).toEqual([]);
    const [, plan] = resourcesOf(template, 'AWS::ApiGateway::UsagePlan')[0]!;
    expect(plan.Properties.Quota).toEqual({ Limit: 500, Period: 'WEEK', Offset: 20 });

    const files = Object.fromEntries(
      planTerraform(model, { for: 'apigw-rest' }).artifacts.map((a) => [a.path, a.content]),
    );
    const module = await parseModule(files);
    expect(schemaProblems(module)).toEqual([]);
    const [usage] = [...module.resources].filter(([address]) =>
      address.startsWith('aws_api_gateway_usage_plan.'),
    );
    expect((usage![1]['quota_settings'] as Json[])[0]).toEqual({ limit: 500, period: 'WEEK', offset: 20 });
  });
});
