/** The bookstore's throttling, canary, auth and CORS reach both API Gateway outputs. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { buildRestPlan } from '../../src/targets/apigw/stack.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { modelOf } from '../support/pipeline.js';
import { documentOf, resourcesOf, run, templateOf, type Json } from './support.js';

let model: RouteModel;
beforeAll(async () => {
  model = await modelOf('specs/bookstore.yaml');
});

const ORIGIN = 'https://bookstore.example.com';

describe('bookstore × apigw-rest', () => {
  let doc: Json;
  let template: Json;
  beforeAll(() => {
    const result = run(model, 'apigw-rest');
    doc = documentOf(result);
    template = templateOf(result);
  });
  const stage = (name: string) =>
    resourcesOf(template, 'AWS::ApiGateway::Stage').find(([, r]) => r.Properties.StageName === name)![1]
      .Properties;

  it('throttles each stage and the routes that ask for it, in resource-path syntax', () => {
    const settings = stage('prod').MethodSettings;
    expect(settings).toContainEqual({
      ResourcePath: '/*',
      HttpMethod: '*',
      ThrottlingRateLimit: 1000,
      ThrottlingBurstLimit: 2000,
    });
    expect(settings).toContainEqual({
      ResourcePath: '/~1v2~1books',
      HttpMethod: 'POST',
      ThrottlingRateLimit: 10,
      ThrottlingBurstLimit: 20,
    });
    expect(settings).toContainEqual({
      ResourcePath: '/~1v2~1books~1{bookId}~1reviews',
      HttpMethod: 'POST',
      ThrottlingRateLimit: 5,
      ThrottlingBurstLimit: 10,
    });
    expect(stage('dev').MethodSettings).toContainEqual({
      ResourcePath: '/*',
      HttpMethod: '*',
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
  });

  it('sends the prod canary to catalog-v2 by overriding the stage variable catalog routes use', () => {
    expect(doc.paths['/v2/books'].get['x-amazon-apigateway-integration'].uri).toBe(
      'http://${stageVariables.catalogHost}/v2/books',
    );
    const prod = stage('prod');
    expect(prod.Variables.catalogHost).toBe('catalog.internal:8080');
    expect(prod.CanarySetting).toMatchObject({
      PercentTraffic: 10,
      StageVariableOverrides: { catalogHost: 'catalog-v2.internal:8080' },
    });
    expect(prod.CanarySetting.DeploymentId).toEqual(prod.DeploymentId);
    expect(stage('dev').CanarySetting).toBeUndefined();
    expect(prod.Variables.logLevel).toBe('info');
  });

  it('writes security on every operation (REST ignores root security) with the right authorizers', () => {
    expect(doc.security).toBeUndefined();
    expect(doc.paths['/v2/books'].post.security).toEqual([{ cognito: [] }]);
    expect(doc.paths['/v2/books'].get.security).toEqual([]);
    expect(doc.paths['/v2/books/{bookId}'].delete.security).toEqual([{ iam: [] }]);
    expect(doc.paths['/v2/partners/catalog'].get.security).toEqual([{ apiKey: [] }]);
    const schemes = doc.components.securitySchemes;
    expect(schemes.cognito['x-amazon-apigateway-authorizer']).toEqual({
      type: 'cognito_user_pools',
      providerARNs: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Bookstore'],
    });
    expect(schemes.iam['x-amazon-apigateway-authtype']).toBe('awsSigv4');
    expect(doc['x-amazon-apigateway-api-key-source']).toBe('HEADER');
    const plans = resourcesOf(template, 'AWS::ApiGateway::UsagePlan').map(([, r]) => r.Properties);
    expect(plans.map((p) => p.ApiStages[0].Stage).sort()).toEqual(['dev', 'prod']);
    expect(plans.find((p) => p.ApiStages[0].Stage === 'prod').Throttle).toEqual({
      RateLimit: 1000,
      BurstLimit: 2000,
    });
    expect(plans.find((p) => p.ApiStages[0].Stage === 'prod').Quota).toEqual({
      Limit: 1000000,
      Period: 'MONTH',
    });
    expect(plans.find((p) => p.ApiStages[0].Stage === 'dev').Quota).toBeUndefined();
    expect(resourcesOf(template, 'AWS::ApiGateway::UsagePlanKey')).toHaveLength(2);
  });

  it('answers CORS preflight with a mock on resources that allow CORS, and only there', () => {
    const preflight = doc.paths['/v2/books'].options;
    const integration = preflight['x-amazon-apigateway-integration'];
    expect(integration.type).toBe('mock');
    expect(integration.responses.default.responseParameters).toMatchObject({
      'method.response.header.Access-Control-Allow-Origin': `'${ORIGIN}'`,
      'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS,POST'",
      'method.response.header.Access-Control-Allow-Credentials': "'true'",
      'method.response.header.Access-Control-Max-Age': "'600'",
    });
    expect(preflight.security).toEqual([]);
    expect(doc.paths['/v2/healthz'].options).toBeUndefined();
    expect(doc.paths['/v2/assets/{path+}'].options).toBeUndefined();
    expect(
      doc['x-amazon-apigateway-gateway-responses'].DEFAULT_4XX.responseParameters[
        'gatewayresponse.header.Access-Control-Allow-Origin'
      ],
    ).toBe(`'${ORIGIN}'`);
  });

  it('validates request bodies against draft-4 models', () => {
    expect(doc.paths['/v2/books'].post['x-amazon-apigateway-request-validator']).toBe('body');
    expect(doc['x-amazon-apigateway-request-validators'].body).toEqual({
      validateRequestBody: true,
      validateRequestParameters: false,
    });
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Money', 'NewBook', 'NewOrder', 'NewReview']);
  });

  it('reaches the Lambda backend through the stage variable and grants API Gateway the invoke', () => {
    expect(doc.paths['/v2/orders'].post['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws_proxy',
      timeoutInMillis: 29000,
    });
    const [, permission] = resourcesOf(template, 'AWS::Lambda::Permission')[0]!;
    expect(permission.Properties.FunctionName).toBe(
      'arn:aws:lambda:us-east-1:123456789012:function:bookstore-orders',
    );
    expect(permission.Properties.SourceArn['Fn::Sub']).toContain('${RestApi}/*');
    expect(stage('prod').Variables.ordersFunction).toBe('bookstore-orders');
  });

  it('asks for the VPC link id it cannot know, and passes it in a stage variable', () => {
    expect(doc.paths['/v2/books/{bookId}/reviews'].get['x-amazon-apigateway-integration'].connectionId).toBe(
      '${stageVariables.reviewsVpcLink}',
    );
    expect(template.Parameters.ReviewsVpcLinkId.Type).toBe('String');
    expect(stage('dev').Variables.reviewsVpcLink).toEqual({ Ref: 'ReviewsVpcLinkId' });
  });

  it('fails the deploy on import warnings and redeploys when the document changes', () => {
    const [, api] = resourcesOf(template, 'AWS::ApiGateway::RestApi')[0]!;
    expect(api.Properties.FailOnWarnings).toBe(true);
    expect(api.Properties.Body.openapi).toBe('3.0.1');
    const [deploymentId] = resourcesOf(template, 'AWS::ApiGateway::Deployment')[0]!;
    expect(deploymentId).toBe(`Deployment${buildRestPlan(model).apis[0]!.documentHash}`);
    const changed = { ...model, routes: model.routes.filter((r) => r.operationId !== 'health') };
    expect(`Deployment${buildRestPlan(changed).apis[0]!.documentHash}`).not.toBe(deploymentId);
    expect(Object.keys(template.Outputs)).toEqual(['RestApiId', 'DevInvokeUrl', 'ProdInvokeUrl']);
  });

  it('is checked by a schema validator that does reject a wrong template', () => {
    const broken = structuredClone(template);
    broken.Resources.RestApi.Properties.FailOnWarnings = { nested: true };
    broken.Resources.RestApi.Properties.NoSuchProperty = 1;
    expect(validateCfnTemplate(broken).length).toBeGreaterThan(0);
  });
});

describe('bookstore × apigw-http', () => {
  let doc: Json;
  let template: Json;
  let diagnostics: ReturnType<typeof run>['diagnostics'];
  beforeAll(() => {
    const result = run(model, 'apigw-http');
    doc = documentOf(result);
    template = templateOf(result);
    diagnostics = result.diagnostics;
  });
  const stage = (name: string) =>
    resourcesOf(template, 'AWS::ApiGatewayV2::Stage').find(([, r]) => r.Properties.StageName === name)![1]
      .Properties;

  it('throttles stages and route keys', () => {
    expect(stage('prod').DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 1000,
      ThrottlingBurstLimit: 2000,
    });
    expect(stage('prod').RouteSettings['POST /v2/books']).toEqual({
      ThrottlingRateLimit: 10,
      ThrottlingBurstLimit: 20,
    });
    expect(stage('dev').AutoDeploy).toBe(true);
  });

  it('turns the Cognito scheme into a JWT authorizer and keeps IAM', () => {
    const cognito = doc.components.securitySchemes.cognito['x-amazon-apigateway-authorizer'];
    expect(cognito).toEqual({
      type: 'jwt',
      identitySource: '$request.header.Authorization',
      jwtConfiguration: {
        issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Bookstore',
        audience: ['4bookstoreclientid'],
      },
    });
    expect(doc.paths['/v2/books/{bookId}'].delete.security).toEqual([{ iam: [] }]);
  });

  it('configures CORS API-wide', () => {
    expect(doc['x-amazon-apigateway-cors']).toMatchObject({
      allowOrigins: [ORIGIN],
      allowCredentials: true,
      maxAge: 600,
    });
  });

  it('names what HTTP APIs cannot do: the canary, API keys, request validation', () => {
    const gaps = diagnostics
      .filter((d) => d.code === 'GP112' || d.code === 'GP128')
      .map((d) => `${d.args.feature} @ ${d.args.subject ?? d.args.route}`);
    expect(gaps).toContain('stage canaries @ stage prod');
    expect(gaps).toContain('API keys @ GET /v2/partners/catalog');
    expect(gaps).toContain(
      'request validation @ 4 routes: POST /v2/books, PUT /v2/books/{bookId}, POST /v2/books/{bookId}/reviews, POST /v2/orders',
    );
    // One finding per missing feature for the API, not one per route.
    expect(gaps.filter((g) => g.startsWith('request validation'))).toHaveLength(1);
    expect(doc.paths['/v2/partners/catalog']).toBeUndefined();
    // A left-out route gets no route settings either: API Gateway rejects settings for a missing route.
    expect(stage('prod').RouteSettings['GET /v2/partners/catalog']).toBeUndefined();
    expect(stage('prod').CanarySetting).toBeUndefined();
  });

  it('reaches the private backend through a VPC link and listener supplied as parameters', () => {
    const integration = doc.paths['/v2/books/{bookId}/reviews'].get['x-amazon-apigateway-integration'];
    expect(integration).toMatchObject({
      connectionType: 'VPC_LINK',
      connectionId: '${ReviewsVpcLinkId}',
      uri: '${ReviewsListenerArn}',
    });
    const body = template.Resources.HttpApi.Properties.Body;
    expect(
      body.paths['/v2/books/{bookId}/reviews'].get['x-amazon-apigateway-integration'].connectionId,
    ).toEqual({
      'Fn::Sub': '${ReviewsVpcLinkId}',
    });
    expect(Object.keys(template.Parameters).sort()).toEqual(['ReviewsListenerArn', 'ReviewsVpcLinkId']);
  });
});
