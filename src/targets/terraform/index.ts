import { diagnostic, type Diagnostic } from '../../model/diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import type { Artifact } from '../../write/artifact.js';
import type { Target, TargetOptions, TargetResult } from '../target.js';
import { albContext } from './alb.js';
import { documentFile, httpContext, restContext } from './apigw.js';
import { expr, type HclExpr } from './hcl.js';
import { ModuleInterface } from './module.js';
import { albBehindApiModel, albPlan, behindAlb, httpPlan, restPlan } from './plans.js';
import { bundledTemplates, createRenderer, TemplateError, type Renderer } from './templates.js';

/** The front doors `--for` accepts. */
export const FRONT_DOORS = ['apigw-rest', 'apigw-http', 'alb', 'apigw+alb'] as const;
export type FrontDoor = (typeof FRONT_DOORS)[number];
export const DEFAULT_FRONT_DOOR: FrontDoor = 'apigw-rest';

/**
 * Terraform and AWS provider constraints. The provider floor is the first release with
 * listener-rule `transform` blocks and `regex_values` conditions (6.19.0).
 */
export const VERSIONS = { terraform: '>= 1.5.0', aws: '>= 6.19.0, < 7.0.0' };

export const terraformTarget: Target = {
  id: 'terraform',
  summary: 'a Terraform module (HCL from templates) for --for apigw-rest | apigw-http | alb | apigw+alb',
  plan: planTerraform,
};

export function planTerraform(model: RouteModel, options: TargetOptions): TargetResult {
  const where = { file: model.source.file, pointer: '' };
  const door = (options.for ?? DEFAULT_FRONT_DOOR) as FrontDoor;
  if (!FRONT_DOORS.includes(door)) {
    return {
      artifacts: [],
      diagnostics: [
        diagnostic('GP300', where, { value: String(options.for), known: FRONT_DOORS.join(', ') }),
      ],
    };
  }
  const renderer = createRenderer(options.templates ?? {});
  const diagnostics: Diagnostic[] = renderer.unknown.map((template) =>
    diagnostic('GP302', templateWhere(template), {
      template,
      known: Object.keys(bundledTemplates()).join(', '),
    }),
  );
  try {
    const artifacts = renderModule(model, door, renderer, diagnostics);
    return { artifacts: artifacts.sort((a, b) => (a.path < b.path ? -1 : 1)), diagnostics };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const { template, reason } = error.problem;
    return {
      artifacts: [],
      diagnostics: [...diagnostics, diagnostic('GP301', templateWhere(template), { template, reason })],
    };
  }
}

function templateWhere(template: string) {
  return { file: `${template}.hbs`, pointer: '' };
}

function renderModule(
  model: RouteModel,
  door: FrontDoor,
  renderer: Renderer,
  diagnostics: Diagnostic[],
): Artifact[] {
  const vars = new ModuleInterface();
  const artifacts: Artifact[] = [];
  if (door === 'apigw-rest') {
    const plan = restPlan(model);
    diagnostics.push(...plan.diagnostics);
    const doc = documentFile(plan, 'openapi-rest.json', vars);
    artifacts.push({ path: doc.path, content: doc.content });
    artifacts.push({
      path: 'apigw_rest.tf',
      content: renderer.render('apigw-rest.tf', restContext(model, plan, doc, vars)),
    });
  }
  if (door === 'apigw-http') {
    const plan = httpPlan(model);
    diagnostics.push(...plan.diagnostics);
    const doc = documentFile(plan, 'openapi-http.json', vars);
    artifacts.push({ path: doc.path, content: doc.content });
    artifacts.push({
      path: 'apigw_http.tf',
      content: renderer.render('apigw-http.tf', httpContext(model, plan, doc, vars)),
    });
  }
  let entryListener: string | undefined;
  if (door === 'alb' || door === 'apigw+alb') {
    const albModel = door === 'apigw+alb' ? albBehindApiModel(model) : model;
    const plan = albPlan(albModel);
    diagnostics.push(...plan.diagnostics);
    const ctx = albContext(albModel, plan, vars, { internal: door === 'apigw+alb' }, diagnostics);
    entryListener = ctx.listeners[0]?.tfName;
    artifacts.push({ path: 'alb.tf', content: renderer.render('alb.tf', ctx) });
  }
  if (door === 'apigw+alb') {
    const { plan, vpcLinkParam, listenerParam } = behindAlb(model);
    diagnostics.push(...plan.diagnostics);
    const supplied: Record<string, HclExpr> = {};
    if (vpcLinkParam) supplied[vpcLinkParam] = expr('aws_apigatewayv2_vpc_link.this.id');
    // The API enters through the first listener: the one that serves every stage unless stages have their own.
    if (listenerParam && entryListener)
      supplied[listenerParam] = expr(`aws_lb_listener.${entryListener}.arn`);
    const doc = documentFile(plan, 'openapi-http.json', vars, supplied);
    const vpcLink = {
      name: `${model.api.title}`.slice(0, 128),
      subnets: vars.variable(
        'subnet_ids',
        'list(string)',
        'Subnets of the load balancer (at least two Availability Zones)',
      ),
      securityGroups: vars.variable(
        'security_group_ids',
        'list(string)',
        'Security groups of the load balancer',
      ),
    };
    artifacts.push({ path: doc.path, content: doc.content });
    artifacts.push({
      path: 'apigw_http.tf',
      content: renderer.render('apigw-http.tf', httpContext(model, plan, doc, vars, vpcLink)),
    });
  }
  artifacts.push({ path: 'versions.tf', content: renderer.render('versions.tf', VERSIONS) });
  artifacts.push({
    path: 'variables.tf',
    content: renderer.render('variables.tf', { variables: vars.variables }),
  });
  artifacts.push({ path: 'outputs.tf', content: renderer.render('outputs.tf', { outputs: vars.outputs }) });
  return artifacts;
}
