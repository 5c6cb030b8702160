import { applySeverity, hasErrors } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import type { Target, TargetResult } from '../target.js';
import { httpTemplate } from './http-cfn.js';
import { restTemplate } from './rest-cfn.js';
import { buildHttpPlan, buildRestPlan } from './stack.js';
import { documentFileName } from './files.js';
import { doorRoutes } from '../door-routes.js';
import type { ApiPlanBase } from './plan.js';

export { buildHttpPlan, buildRestPlan } from './stack.js';
export type { HttpPlan, RestPlan } from './plan.js';

/**
 * Import blockers are errors before anything is written: no artifacts then. Severity
 * overrides from gateplan.yaml count: a finding the user lowered does not block.
 */
function result(model: RouteModel, plan: ApiPlanBase, template: () => string): TargetResult {
  const findings = () => applySeverity(plan.diagnostics, model.severity ?? {});
  if (hasErrors(findings())) return { artifacts: [], diagnostics: findings() };
  // Rendering the template can find errors of its own (a body too large to inline, say).
  const content = template();
  if (hasErrors(findings())) return { artifacts: [], diagnostics: findings() };
  return {
    artifacts: [
      ...plan.apis.map((a) => ({ path: documentFileName(a), content: a.documentJson })),
      { path: 'template.yaml', content },
    ],
    diagnostics: findings(),
  };
}

export const apigwRestTarget: Target = {
  id: 'apigw-rest',
  summary: 'API Gateway REST API: import document (openapi.json) and CloudFormation stack (template.yaml)',
  plan(all: RouteModel) {
    const door = doorRoutes(all, 'apigw-rest');
    if (door.empty) return { artifacts: [], diagnostics: door.diagnostics };
    const model = door.model;
    const plan = buildRestPlan(model);
    plan.diagnostics.push(...door.diagnostics);
    return result(model, plan, () => restTemplate(model, plan, plan.diagnostics));
  },
};

export const apigwHttpTarget: Target = {
  id: 'apigw-http',
  summary: 'API Gateway HTTP API: import document (openapi.json) and CloudFormation stack (template.yaml)',
  plan(all: RouteModel) {
    const door = doorRoutes(all, 'apigw-http');
    if (door.empty) return { artifacts: [], diagnostics: door.diagnostics };
    const model = door.model;
    const plan = buildHttpPlan(model);
    plan.diagnostics.push(...door.diagnostics);
    return result(model, plan, () => httpTemplate(model, plan, plan.diagnostics));
  },
};
