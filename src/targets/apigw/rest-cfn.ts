import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import { apiLogicalId, apiTemplate, cfnValues, withBody } from './cfn.js';
import type { RestPlan, StagePlan } from './plan.js';

const API = 'RestApi';

/** `/v2/books/{id}` as CloudFormation's MethodSetting.ResourcePath: `/~1v2~1books~1{id}`. */
export function methodSettingPath(resourcePath: string): string {
  return '/' + resourcePath.replace(/~/g, '~0').replace(/\//g, '~1');
}

function methodSettings(stage: StagePlan, apiId: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  if (stage.throttle) {
    out.push({
      ResourcePath: '/*',
      HttpMethod: '*',
      ThrottlingRateLimit: stage.throttle.rate,
      ThrottlingBurstLimit: stage.throttle.burst,
    });
  }
  for (const t of stage.routeThrottles.filter((x) => x.apiId === apiId)) {
    out.push({
      ResourcePath: methodSettingPath(t.resourcePath),
      HttpMethod: t.method,
      ThrottlingRateLimit: t.throttle.rate,
      ThrottlingBurstLimit: t.throttle.burst,
    });
  }
  return out;
}

/**
 * The REST API stack: the API from its document (`FailOnWarnings`, so a route API Gateway
 * drops fails the deploy), a Deployment whose logical id carries the document's hash (so
 * CloudFormation redeploys when routes change), one Stage per stage, usage plans with an API
 * key when routes need keys, and invoke permissions for every Lambda function.
 */
export function restTemplate(model: RouteModel, plan: RestPlan, diagnostics: Diagnostic[]): string {
  const stageIds = new Map(plan.stages.map((s) => [s.name, s.id]));
  const stageId = (name: string, apiId: string) => `Stage${stageIds.get(name)!}${apiId}`;
  return withBody(
    model,
    plan,
    (bodies, extraParameters) => {
      const resources: Record<string, unknown> = {};
      for (const api of plan.apis) {
        const apiId = apiLogicalId(API, api);
        const deployment = `Deployment${api.id}${api.documentHash}`;
        resources[apiId] = {
          Type: 'AWS::ApiGateway::RestApi',
          Properties: {
            Name: api.name,
            ...(plan.description ? { Description: plan.description } : {}),
            ...bodies[api.id],
            Mode: 'overwrite',
            FailOnWarnings: true,
            EndpointConfiguration: {
              Types: [plan.endpoint.type],
              ...(plan.endpoint.vpcEndpointIds.length
                ? { VpcEndpointIds: [...plan.endpoint.vpcEndpointIds] }
                : {}),
            },
          },
        };
        resources[deployment] = {
          Type: 'AWS::ApiGateway::Deployment',
          Properties: { RestApiId: { Ref: apiId }, Description: `gateplan document ${api.documentHash}` },
        };
        for (const stage of plan.stages) {
          const settings = methodSettings(stage, api.id);
          resources[stageId(stage.name, api.id)] = {
            Type: 'AWS::ApiGateway::Stage',
            Properties: {
              RestApiId: { Ref: apiId },
              StageName: stage.name,
              DeploymentId: { Ref: deployment },
              ...(Object.keys(stage.variables).length ? { Variables: cfnValues(stage.variables) } : {}),
              ...(settings.length ? { MethodSettings: settings } : {}),
              ...(stage.canary
                ? {
                    CanarySetting: {
                      DeploymentId: { Ref: deployment },
                      PercentTraffic: stage.canary.percent,
                      StageVariableOverrides: cfnValues(stage.canary.variableOverrides),
                      UseStageCache: false,
                    },
                  }
                : {}),
            },
          };
        }
      }
      for (const usage of plan.usagePlans) {
        const key = `ApiKey${usage.stageId}`;
        resources[usage.id] = {
          Type: 'AWS::ApiGateway::UsagePlan',
          // The stages must exist before a usage plan can name them.
          DependsOn: plan.apis.map((a) => `Stage${usage.stageId}${a.id}`),
          Properties: {
            UsagePlanName: usage.name,
            ApiStages: plan.apis.map((a) => ({ ApiId: { Ref: apiLogicalId(API, a) }, Stage: usage.stage })),
            ...(usage.throttle
              ? { Throttle: { RateLimit: usage.throttle.rate, BurstLimit: usage.throttle.burst } }
              : {}),
            ...(usage.quota
              ? {
                  Quota: {
                    Limit: usage.quota.limit,
                    Period: usage.quota.period,
                    ...(usage.quota.offset !== undefined ? { Offset: usage.quota.offset } : {}),
                  },
                }
              : {}),
          },
        };
        resources[key] = {
          Type: 'AWS::ApiGateway::ApiKey',
          Properties: { Enabled: true, Description: `API key for ${usage.name}` },
        };
        resources[`${usage.id}Key`] = {
          Type: 'AWS::ApiGateway::UsagePlanKey',
          Properties: { KeyId: { Ref: key }, KeyType: 'API_KEY', UsagePlanId: { Ref: usage.id } },
        };
      }
      return apiTemplate(model, plan, { stem: API, label: 'REST', stageId }, resources, extraParameters);
    },
    diagnostics,
  );
}
