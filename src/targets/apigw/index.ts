import { hasErrors } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import type { Target, TargetResult } from '../target.js';
import { httpTemplate } from './http-cfn.js';
import { restTemplate } from './rest-cfn.js';
import { buildHttpPlan, buildRestPlan } from './stack.js';

export { buildHttpPlan, buildRestPlan } from './stack.js';
export type { HttpPlan, RestPlan } from './plan.js';

/** Import blockers are errors before anything is written: no artifacts then. */
function result(
  plan: { documentJson: string; diagnostics: TargetResult['diagnostics'] },
  template: () => string,
): TargetResult {
  if (hasErrors(plan.diagnostics)) return { artifacts: [], diagnostics: plan.diagnostics };
  // Rendering the template can find errors of its own (a body too large to inline, say).
  const content = template();
  if (hasErrors(plan.diagnostics)) return { artifacts: [], diagnostics: plan.diagnostics };
  return {
    artifacts: [
      { path: 'openapi.json', content: plan.documentJson },
      { path: 'template.yaml', content },
    ],
    diagnostics: plan.diagnostics,
  };
}

export const apigwRestTarget: Target = {
  id: 'apigw-rest',
  summary: 'API Gateway REST API: import document (openapi.json) and CloudFormation stack (template.yaml)',
  plan(model: RouteModel) {
    const plan = buildRestPlan(model);
    return result(plan, () => restTemplate(model, plan, plan.diagnostics));
  },
};

export const apigwHttpTarget: Target = {
  id: 'apigw-http',
  summary: 'API Gateway HTTP API: import document (openapi.json) and CloudFormation stack (template.yaml)',
  plan(model: RouteModel) {
    const plan = buildHttpPlan(model);
    return result(plan, () => httpTemplate(model, plan, plan.diagnostics));
  },
};
