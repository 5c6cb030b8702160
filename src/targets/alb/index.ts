import type { Target } from '../target.js';
import { renderTemplate } from './cloudformation.js';
import { compileAlb } from './compile.js';

/** Application Load Balancer: listener rules, target groups, WAF rate limits as CloudFormation. */
export const albTarget: Target = {
  id: 'alb',
  summary: 'Application Load Balancer listener rules, target groups and WAF rate limits (template.yaml)',
  plan(model) {
    const plan = compileAlb(model);
    return {
      artifacts: [{ path: 'template.yaml', content: renderTemplate(model, plan) }],
      diagnostics: plan.diagnostics,
    };
  },
};

export { compileAlb } from './compile.js';
export { matchListener, matchRequest, pickTarget, type AlbMatch, type AlbRequest } from './match.js';
export type * from './plan.js';
