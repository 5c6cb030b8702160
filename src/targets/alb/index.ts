import type { Target } from '../target.js';
import { renderTemplate } from './cloudformation.js';
import { compileAlb } from './compile.js';
import { doorRoutes } from '../door-routes.js';

/** Application Load Balancer: listener rules, target groups, WAF rate limits as CloudFormation. */
export const albTarget: Target = {
  id: 'alb',
  summary: 'Application Load Balancer listener rules, target groups and WAF rate limits (template.yaml)',
  plan(all) {
    const door = doorRoutes(all, 'alb');
    if (door.empty) return { artifacts: [], diagnostics: door.diagnostics };
    // ALB keeps the routes left out of it, each answering 404 (see routeActions).
    const plan = compileAlb(all);
    return {
      artifacts: [{ path: 'template.yaml', content: renderTemplate(all, plan) }],
      diagnostics: [...plan.diagnostics, ...door.diagnostics],
    };
  },
};

export { compileAlb } from './compile.js';
export { matchListener, matchRequest, pickTarget, type AlbMatch, type AlbRequest } from './match.js';
export type * from './plan.js';
