import { describe, expect, it } from 'vitest';
import { announceCfnConstraints } from './support/cfn-constraints.js';
import { validateCfnTemplate } from './support/cfn-schema.js';

type Json = Record<string, unknown>;

/** A template holding one resource under test plus the resources it refers to. */
function stack(resources: Json, extra: Json = {}): Json {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Parameters: { ListenerArn: { Type: 'String' }, VpcId: { Type: 'AWS::EC2::VPC::Id' } },
    Resources: {
      Backend: {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: { VpcId: { Ref: 'VpcId' }, Port: 80, Protocol: 'HTTP' },
      },
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'books', ProtocolType: 'HTTP' } },
      ...resources,
    },
    ...extra,
  };
}

const listenerRule = (properties: Json): Json => ({
  Rule: { Type: 'AWS::ElasticLoadBalancingV2::ListenerRule', Properties: properties },
});

const validRuleProperties = (): Json => ({
  ListenerArn: { Ref: 'ListenerArn' },
  Priority: 10,
  Conditions: [
    { Field: 'path-pattern', PathPatternConfig: { Values: ['/books/*'] } },
    { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
  ],
  Actions: [
    {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [{ TargetGroupArn: { Ref: 'Backend' }, Weight: 90 }],
        TargetGroupStickinessConfig: { Enabled: false },
      },
    },
  ],
});

const restApi = (properties: Json): Json => ({
  Rest: { Type: 'AWS::ApiGateway::RestApi', Properties: properties },
});
const validRestApiProperties = (): Json => ({
  Name: 'books',
  EndpointConfiguration: { Types: ['REGIONAL'] },
  BinaryMediaTypes: ['image/png'],
  Body: { openapi: '3.0.1', info: { title: 'books', version: '1' }, paths: {} },
  Tags: [{ Key: 'team', Value: 'books' }],
});

const httpStage = (properties: Json): Json => ({
  Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: properties },
});
const validStageProperties = (): Json => ({
  ApiId: { Ref: 'Api' },
  StageName: 'prod',
  AutoDeploy: true,
  DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
  StageVariables: { color: 'blue' },
  AccessLogSettings: {
    DestinationArn: { 'Fn::Sub': 'arn:${AWS::Partition}:logs:${AWS::Region}:1:log-group:x' },
  },
});

const webAcl = (properties: Json): Json => ({ Acl: { Type: 'AWS::WAFv2::WebACL', Properties: properties } });
const visibility = { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'books' };
const validAclProperties = (): Json => ({
  Scope: 'REGIONAL',
  DefaultAction: { Allow: {} },
  VisibilityConfig: visibility,
  Rules: [
    {
      Name: 'rate-books',
      Priority: 1,
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } },
      VisibilityConfig: visibility,
    },
  ],
});

describe('validateCfnTemplate: valid templates pass', () => {
  it.each([
    ['ListenerRule', listenerRule(validRuleProperties())],
    ['RestApi', restApi(validRestApiProperties())],
    ['ApiGatewayV2 Stage', httpStage(validStageProperties())],
    ['WAFv2 WebACL', webAcl(validAclProperties())],
  ])('%s', (_name, resources) => {
    expect(validateCfnTemplate(stack(resources))).toEqual([]);
  });

  it('accepts intrinsics wherever a value is expected, including Fn::If branches with AWS::NoValue', () => {
    const template = stack(
      listenerRule({
        ...validRuleProperties(),
        Priority: { 'Fn::If': ['IsProd', 10, { Ref: 'AWS::NoValue' }] },
        Conditions: [
          {
            Field: 'host-header',
            HostHeaderConfig: { Values: { 'Fn::Split': [',', 'a.example.com,b.example.com'] } },
          },
        ],
      }),
      {
        Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'AWS::AccountId' }, '123456789012'] } },
        Outputs: {
          RuleArn: { Value: { 'Fn::GetAtt': ['Rule', 'RuleArn'] }, Export: { Name: 'books-rule' } },
          Url: { Value: { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/' } },
        },
      },
    );
    expect(validateCfnTemplate(template)).toEqual([]);
  });

  it.each(['10', '+10', '010'])(
    'accepts the numeric string %j for an integer, as CloudFormation does',
    (priority) => {
      expect(
        validateCfnTemplate(stack(listenerRule({ ...validRuleProperties(), Priority: priority }))),
      ).toEqual([]);
    },
  );

  it.each([' 7 ', '7 ', '', '0x9'])(
    'rejects the string %j for an integer, as CloudFormation does',
    (priority) => {
      const problems = validateCfnTemplate(
        stack(listenerRule({ ...validRuleProperties(), Priority: priority })),
      );
      expect(problems).toEqual([
        expect.stringContaining('Resources.Rule.Properties.Priority: expected integer'),
      ]);
    },
  );

  it('accepts "true" for a boolean and a number for a string', () => {
    const props = { ...validStageProperties(), AutoDeploy: 'true', Description: 42 };
    expect(validateCfnTemplate(stack(httpStage(props)))).toEqual([]);
  });
});

describe('validateCfnTemplate: AWS::ElasticLoadBalancingV2::ListenerRule', () => {
  it('flags an unknown property', () => {
    const problems = validateCfnTemplate(stack(listenerRule({ ...validRuleProperties(), Weight: 5 })));
    expect(problems).toEqual([
      expect.stringMatching(/^Resources\.Rule\.Properties\.Weight: unknown property/),
    ]);
  });

  it('flags a missing required property', () => {
    const { Priority: _drop, ...props } = validRuleProperties();
    expect(validateCfnTemplate(stack(listenerRule(props)))).toEqual([
      'Resources.Rule.Properties.Priority: required property missing [AWS::ElasticLoadBalancingV2::ListenerRule]',
    ]);
  });

  it('flags a wrong primitive type', () => {
    const problems = validateCfnTemplate(
      stack(listenerRule({ ...validRuleProperties(), Priority: 'first' })),
    );
    expect(problems).toEqual([
      expect.stringContaining('Resources.Rule.Properties.Priority: expected integer, got string "first"'),
    ]);
  });

  it('flags a wrong nested property inside a property type', () => {
    const props = validRuleProperties();
    props['Actions'] = [
      {
        Type: 'forward',
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: 'Backend' }, Wieght: 1 }] },
      },
    ];
    const problems = validateCfnTemplate(stack(listenerRule(props)));
    expect(problems).toEqual([
      expect.stringMatching(
        /^Resources\.Rule\.Properties\.Actions\[0\]\.ForwardConfig\.TargetGroups\[0\]\.Wieght: unknown property/,
      ),
    ]);
  });

  it('flags a scalar where a list is expected and a list-valued intrinsic in a scalar slot', () => {
    const props = {
      ...validRuleProperties(),
      Conditions: { Field: 'path-pattern' },
      ListenerArn: { 'Fn::Split': [',', 'a'] },
    };
    const problems = validateCfnTemplate(stack(listenerRule(props)));
    expect(problems).toEqual([
      expect.stringContaining(
        'Resources.Rule.Properties.ListenerArn: Fn::Split yields a list where string is expected',
      ),
      expect.stringContaining('Resources.Rule.Properties.Conditions: expected list of object, got object'),
    ]);
  });
});

describe('validateCfnTemplate: AWS::ApiGateway::RestApi', () => {
  it('flags an unknown property', () => {
    const problems = validateCfnTemplate(stack(restApi({ ...validRestApiProperties(), StageName: 'prod' })));
    expect(problems).toEqual([
      expect.stringMatching(/^Resources\.Rest\.Properties\.StageName: unknown property/),
    ]);
  });

  it('flags a missing required property of a nested type (Tag.Value)', () => {
    const problems = validateCfnTemplate(
      stack(restApi({ ...validRestApiProperties(), Tags: [{ Key: 'team' }] })),
    );
    expect(problems).toEqual([
      'Resources.Rest.Properties.Tags[0].Value: required property missing [AWS::ApiGateway::RestApi]',
    ]);
  });

  it('flags a wrong type', () => {
    const problems = validateCfnTemplate(
      stack(restApi({ ...validRestApiProperties(), BinaryMediaTypes: 'image/png' })),
    );
    expect(problems).toEqual([
      expect.stringContaining('Resources.Rest.Properties.BinaryMediaTypes: expected list of string'),
    ]);
  });

  it('flags a wrong nested property', () => {
    const props = { ...validRestApiProperties(), EndpointConfiguration: { Type: 'REGIONAL' } };
    const problems = validateCfnTemplate(stack(restApi(props)));
    expect(problems).toEqual([
      expect.stringMatching(/^Resources\.Rest\.Properties\.EndpointConfiguration\.Type: unknown property/),
    ]);
  });
});

describe('validateCfnTemplate: AWS::ApiGatewayV2::Stage', () => {
  it('flags an unknown property', () => {
    const problems = validateCfnTemplate(
      stack(httpStage({ ...validStageProperties(), Throttle: { rate: 1 } })),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^Resources\.Stage\.Properties\.Throttle: unknown property/),
    ]);
  });

  it('flags missing required properties', () => {
    expect(validateCfnTemplate(stack(httpStage({ AutoDeploy: true })))).toEqual([
      'Resources.Stage.Properties.StageName: required property missing [AWS::ApiGatewayV2::Stage]',
      'Resources.Stage.Properties.ApiId: required property missing [AWS::ApiGatewayV2::Stage]',
    ]);
  });

  it('flags a wrong type', () => {
    const problems = validateCfnTemplate(stack(httpStage({ ...validStageProperties(), AutoDeploy: 'yes' })));
    expect(problems).toEqual([
      expect.stringContaining('Resources.Stage.Properties.AutoDeploy: expected boolean, got string "yes"'),
    ]);
  });

  it('flags a wrong nested property type', () => {
    const props = { ...validStageProperties(), DefaultRouteSettings: { ThrottlingBurstLimit: [100] } };
    const problems = validateCfnTemplate(stack(httpStage(props)));
    expect(problems).toEqual([
      expect.stringContaining(
        'Resources.Stage.Properties.DefaultRouteSettings.ThrottlingBurstLimit: expected integer, got list',
      ),
    ]);
  });
});

describe('validateCfnTemplate: AWS::WAFv2::WebACL', () => {
  it('flags an unknown property', () => {
    const problems = validateCfnTemplate(stack(webAcl({ ...validAclProperties(), RateLimit: 100 })));
    expect(problems).toEqual([
      expect.stringMatching(/^Resources\.Acl\.Properties\.RateLimit: unknown property/),
    ]);
  });

  it('flags a missing required property', () => {
    const { VisibilityConfig: _drop, ...props } = validAclProperties();
    expect(validateCfnTemplate(stack(webAcl(props)))).toEqual([
      'Resources.Acl.Properties.VisibilityConfig: required property missing [AWS::WAFv2::WebACL]',
    ]);
  });

  it('flags a value outside the allowed values', () => {
    const problems = validateCfnTemplate(stack(webAcl({ ...validAclProperties(), Scope: 'GLOBAL' })));
    expect(problems).toEqual([
      expect.stringContaining('Resources.Acl.Properties.Scope: "GLOBAL" is not one of CLOUDFRONT, REGIONAL'),
    ]);
  });

  it('flags a wrong nested property deep in a rule statement', () => {
    const props = validAclProperties();
    props['Rules'] = [
      {
        ...(props['Rules'] as Json[])[0],
        Statement: { RateBasedStatement: { Limit: '2k', AggregateKeyType: 'IP' } },
      },
    ];
    const problems = validateCfnTemplate(stack(webAcl(props)));
    expect(problems).toEqual([
      expect.stringContaining(
        'Resources.Acl.Properties.Rules[0].Statement.RateBasedStatement.Limit: expected integer, got string "2k"',
      ),
    ]);
  });
});

describe('validateCfnTemplate: template-level rules', () => {
  it('flags an unknown resource type', () => {
    const problems = validateCfnTemplate(stack({ Odd: { Type: 'AWS::ApiGateway::Rest', Properties: {} } }));
    expect(problems).toEqual(['Resources.Odd.Type: unknown resource type AWS::ApiGateway::Rest']);
  });

  it('flags dangling Ref, GetAtt, Sub, DependsOn and If targets', () => {
    const template = stack(
      {
        Rule: {
          Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
          DependsOn: ['Missing'],
          Properties: {
            ...validRuleProperties(),
            ListenerArn: { 'Fn::Sub': '${Nowhere}' },
            Priority: { 'Fn::If': ['NoSuchCondition', 1, 2] },
          },
        },
      },
      {
        Outputs: {
          A: { Value: { Ref: 'Ghost' } },
          B: { Value: { 'Fn::GetAtt': ['Backend', 'NoSuchAttribute'] } },
          C: { Value: { 'Fn::GetAtt': 'Api.ApiEndpoint' } },
        },
      },
    );
    expect(validateCfnTemplate(template)).toEqual([
      'Resources.Rule.DependsOn: "Missing" is not a resource in this template',
      'Resources.Rule.Properties.ListenerArn.Fn::Sub: ${Nowhere} is not a parameter, resource or variable',
      'Resources.Rule.Properties.Priority.Fn::If: condition "NoSuchCondition" is not defined',
      'Outputs.A.Value.Ref: Ghost is not a parameter, resource or pseudo parameter',
      expect.stringMatching(
        /^Outputs\.B\.Value\.Fn::GetAtt: AWS::ElasticLoadBalancingV2::TargetGroup has no attribute NoSuchAttribute/,
      ),
    ]);
  });

  it('flags circular dependencies through Ref, GetAtt, Sub and DependsOn', () => {
    const template = {
      Resources: {
        Api: {
          Type: 'AWS::ApiGatewayV2::Api',
          DependsOn: 'Stage',
          Properties: { Name: 'b', ProtocolType: 'HTTP' },
        },
        Stage: {
          Type: 'AWS::ApiGatewayV2::Stage',
          Properties: { ApiId: { 'Fn::Sub': '${Api}' }, StageName: 'prod' },
        },
        Lone: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'c', ProtocolType: 'HTTP' } },
      },
    };
    expect(validateCfnTemplate(template)).toEqual(['Resources: circular dependency Api → Stage → Api']);
  });

  it('flags a FindInMap on an undefined mapping and an export name used twice', () => {
    const template = stack(
      restApi({ ...validRestApiProperties(), Name: { 'Fn::FindInMap': ['Names', 'a', 'b'] } }),
      {
        Outputs: {
          A: { Value: { Ref: 'Rest' }, Export: { Name: 'books-api' } },
          B: { Value: { Ref: 'Api' }, Export: { Name: 'books-api' } },
        },
      },
    );
    expect(validateCfnTemplate(template)).toEqual([
      'Outputs.B.Export: export name books-api is also exported by A',
      'Resources.Rest.Properties.Name.Fn::FindInMap: mapping Names is not defined',
    ]);
  });

  it('flags non-alphanumeric logical ids, bad parameters and outputs without Value', () => {
    const template = {
      Parameters: { Stage: { Type: 'Text' } },
      Resources: {
        'books-api': { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'b', ProtocolType: 'HTTP' } },
      },
      Outputs: { Out: { Description: 'x' } },
    };
    expect(validateCfnTemplate(template)).toEqual([
      'Resources.books-api: logical ids must be alphanumeric (A-Za-z0-9)',
      'Parameters.Stage.Type: Text is not a parameter type',
      'Outputs.Out.Value: required property missing',
    ]);
  });

  it('flags more than 500 resources', () => {
    const resources = Object.fromEntries(
      Array.from({ length: 501 }, (_, i) => [
        `Api${i}`,
        { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'a', ProtocolType: 'HTTP' } },
      ]),
    );
    expect(validateCfnTemplate({ Resources: resources })).toEqual([
      'Resources: 501 resources exceed the limit of 500',
    ]);
  });

  it('flags null values and a missing Resources section', () => {
    expect(validateCfnTemplate({ Description: 'x' })).toEqual(['Resources: required section missing']);
    const problems = validateCfnTemplate(stack(restApi({ ...validRestApiProperties(), Description: null })));
    expect(problems).toEqual([
      expect.stringContaining('Resources.Rest.Properties.Description: null values are not allowed'),
    ]);
  });
});

describe.runIf(announceCfnConstraints())('validateCfnTemplate: registry value constraints', () => {
  it('flags a priority above 50000 and more than five path patterns in a rule', () => {
    const props = validRuleProperties();
    props['Priority'] = 60000;
    props['Conditions'] = [
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/a', '/b', '/c', '/d', '/e', '/f'] } },
    ];
    expect(validateCfnTemplate(stack(listenerRule(props)))).toEqual([
      'Resources.Rule.Properties.Conditions[0].PathPatternConfig.Values: ["/a","/b","/c","/d","/e","/f"] has more than 5 items',
      'Resources.Rule.Properties.Priority: 60000 is above the maximum 50000',
    ]);
  });

  it('flags a character WAF does not allow in a web ACL description, and accepts the plain text', () => {
    const acl = (description: string) =>
      stack({
        Acl: {
          Type: 'AWS::WAFv2::WebACL',
          Properties: {
            Scope: 'REGIONAL',
            DefaultAction: { Allow: {} },
            Description: description,
            VisibilityConfig: {
              SampledRequestsEnabled: true,
              CloudWatchMetricsEnabled: true,
              MetricName: 'acl',
            },
          },
        },
      });
    expect(validateCfnTemplate(acl('rate rules; per IP'))).toEqual([
      expect.stringMatching(/^Resources\.Acl\.Properties\.Description: "rate rules; per IP" does not match/),
    ]);
    expect(validateCfnTemplate(acl('rate rules, per IP'))).toEqual([]);
  });

  it('leaves values given by intrinsic functions alone', () => {
    const props = { ...validRuleProperties(), Priority: { Ref: 'ListenerArn' } };
    expect(validateCfnTemplate(stack(listenerRule(props)))).toEqual([]);
  });
});
