import type { Diagnostic } from '../../model/diagnostics/diagnostic.js';
import { pascalId } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import { cfnValues, invokeUrl, parametersSection, permissionResources, withBody } from './cfn.js';
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
        resources[`Stage${pascalId(stage.name)}`] = {
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
      Object.assign(resources, permissionResources(plan.lambdaPermissions, API));
      const outputs: Record<string, unknown> = {
        HttpApiId: { Description: 'Id of the HTTP API', Value: { Ref: API } },
      };
      for (const stage of plan.stages) {
        outputs[`${pascalId(stage.name)}InvokeUrl`] = {
          Description: `Invoke URL of stage ${stage.name}`,
          Value: invokeUrl(API, stage.name),
        };
      }
      const parameters = { ...parametersSection(plan), ...extraParameters };
      return {
        AWSTemplateFormatVersion: '2010-09-09',
        Description: `gateplan: HTTP API ${plan.name} ${model.api.version}`,
        ...(Object.keys(parameters).length ? { Parameters: parameters } : {}),
        Resources: resources,
        Outputs: outputs,
      };
    },
    diagnostics,
  );
}
