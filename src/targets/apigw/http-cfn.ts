import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import { apiTemplate, cfnValues, withBody } from './cfn.js';
import type { HttpPlan } from './plan.js';

const API = 'HttpApi';

/**
 * The HTTP API stack: the API from its document (`FailOnWarnings`), one auto-deployed Stage
 * per stage with its variables and throttles (stage-wide and per route key), and invoke
 * permissions for every Lambda function.
 */
export function httpTemplate(model: RouteModel, plan: HttpPlan, diagnostics: Diagnostic[]): string {
  return withBody(
    model,
    plan,
    (body, extraParameters) => {
      const resources: Record<string, unknown> = {
        [API]: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ...body, FailOnWarnings: true } },
      };
      for (const stage of plan.stages) {
        const routeSettings = Object.fromEntries(
          stage.routeThrottles.map((t) => [
            t.routeKey,
            { ThrottlingRateLimit: t.throttle.rate, ThrottlingBurstLimit: t.throttle.burst },
          ]),
        );
        resources[`Stage${stage.id}`] = {
          Type: 'AWS::ApiGatewayV2::Stage',
          Properties: {
            ApiId: { Ref: API },
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
            ...(stage.routeThrottles.length ? { RouteSettings: routeSettings } : {}),
          },
        };
      }
      return apiTemplate(model, plan, { logicalId: API, label: 'HTTP' }, resources, extraParameters);
    },
    diagnostics,
  );
}
