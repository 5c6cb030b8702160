import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import { apiLogicalId, apiTemplate, cfnValues, withBody } from './cfn.js';
import type { HttpPlan } from './plan.js';

const API = 'HttpApi';

/**
 * The HTTP API stack: the API from its document (`FailOnWarnings`), one auto-deployed Stage
 * per stage with its variables and throttles (stage-wide and per route key), and invoke
 * permissions for every Lambda function.
 */
export function httpTemplate(model: RouteModel, plan: HttpPlan, diagnostics: Diagnostic[]): string {
  const stageIds = new Map(plan.stages.map((s) => [s.name, s.id]));
  const stageId = (name: string, apiId: string) => `Stage${stageIds.get(name)!}${apiId}`;
  return withBody(
    model,
    plan,
    (bodies, extraParameters) => {
      const resources: Record<string, unknown> = {};
      for (const api of plan.apis) {
        const apiId = apiLogicalId(API, api);
        resources[apiId] = {
          Type: 'AWS::ApiGatewayV2::Api',
          Properties: { ...bodies[api.id], FailOnWarnings: true },
        };
        for (const stage of plan.stages) {
          const throttles = stage.routeThrottles.filter((t) => t.apiId === api.id);
          const routeSettings = Object.fromEntries(
            throttles.map((t) => [
              t.routeKey,
              { ThrottlingRateLimit: t.throttle.rate, ThrottlingBurstLimit: t.throttle.burst },
            ]),
          );
          resources[stageId(stage.name, api.id)] = {
            Type: 'AWS::ApiGatewayV2::Stage',
            Properties: {
              ApiId: { Ref: apiId },
              StageName: stage.name,
              AutoDeploy: true,
              ...(Object.keys(stage.variables).length ? { StageVariables: cfnValues(stage.variables) } : {}),
              ...(stage.throttle
                ? {
                    DefaultRouteSettings: {
                      ThrottlingRateLimit: stage.throttle.rate,
                      ThrottlingBurstLimit: stage.throttle.burst,
                    },
                  }
                : {}),
              ...(throttles.length ? { RouteSettings: routeSettings } : {}),
            },
          };
        }
      }
      return apiTemplate(model, plan, { stem: API, label: 'HTTP', stageId }, resources, extraParameters);
    },
    diagnostics,
  );
}
