import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';
import type { Artifact } from '../artifact.js';
import type { Target, TargetOptions, TargetResult } from '../target.js';
import { albContext, loadBalancerNetwork } from './alb.js';
import { documentFile, domainContext, httpContext, restContext, type DocumentFile } from './apigw.js';
import { documentFileName } from '../apigw/files.js';
import type { ApiDocumentPlan, HttpPlan, RestPlan } from '../apigw/plan.js';
import { expr, type HclExpr } from './hcl.js';
import { ModuleInterface } from './module.js';
import { albBehindApiModel } from '../../model/topology.js';
import { albPlan, behindAlb, httpPlan, restPlan } from './plans.js';
import { BUNDLED_TEMPLATES } from './templates.generated.js';
import { createRenderer, TemplateError, type Renderer } from './templates.js';
import { byKey } from '../../util/order.js';
import { doorRoutes } from '../door-routes.js';

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
  const templateWhere = (template: string) => ({ file: templateFile(template, options), pointer: '' });
  const diagnostics: Diagnostic[] = renderer.unknown.map((template) =>
    diagnostic('GP302', templateWhere(template), {
      template,
      known: Object.keys(BUNDLED_TEMPLATES).join(', '),
    }),
  );
  try {
    const artifacts = renderModule(model, door, renderer, diagnostics);
    return { artifacts: artifacts.sort(byKey((x) => x.path)), diagnostics };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    const { template, reason } = error.problem;
    return {
      artifacts: [],
      diagnostics: [...diagnostics, diagnostic('GP301', templateWhere(template), { template, reason })],
    };
  }
}

/** A user template is named in the folder it was read from; a bundled one by its name alone. */
function templateFile(template: string, options: TargetOptions): string {
  const dir = options.templatesDir;
  const own = options.templates !== undefined && Object.hasOwn(options.templates, template);
  return own && dir !== undefined ? `${dir.replace(/\/+$/, '')}/${template}.hbs` : `${template}.hbs`;
}

function renderModule(
  all: RouteModel,
  door: FrontDoor,
  renderer: Renderer,
  diagnostics: Diagnostic[],
): Artifact[] {
  // leaveOutOf names one front door; the combined topology serves what its doors serve as a whole.
  const served = door === 'apigw+alb' ? undefined : doorRoutes(all, door, 'terraform');
  if (served) diagnostics.push(...served.diagnostics);
  if (served?.empty) return [];
  // ALB keeps the routes left out of it, each answering 404 (see routeActions).
  const model = door === 'alb' ? all : (served?.model ?? all);
  const vars = new ModuleInterface();
  const env = { vars, renderer, diagnostics };
  const artifacts: Artifact[] = [];
  if (door === 'apigw-rest') {
    const plan = restPlan(model);
    const context = (api: ApiDocumentPlan, doc: DocumentFile) => restContext(model, plan, api, doc, vars);
    artifacts.push(...apiArtifacts(plan, 'openapi-rest', 'apigw-rest', context, env));
  }
  if (door === 'apigw-http') {
    const plan = httpPlan(model);
    const context = (api: ApiDocumentPlan, doc: DocumentFile) => httpContext(model, plan, api, doc, vars);
    artifacts.push(...apiArtifacts(plan, 'openapi-http', 'apigw-http', context, env));
  }
  let entryListener: string | undefined;
  if (door === 'alb' || door === 'apigw+alb') {
    const albModel = door === 'apigw+alb' ? albBehindApiModel(model) : model;
    const plan = albPlan(albModel);
    diagnostics.push(...plan.diagnostics);
    const ctx = albContext(albModel, plan, vars, { internal: door === 'apigw+alb' });
    entryListener = ctx.listeners[0]?.tfName;
    artifacts.push({ path: 'alb.tf', content: renderer.render('alb.tf', ctx) });
  }
  if (door === 'apigw+alb') {
    const { plan, vpcLinkParam, listenerParam } = behindAlb(model);
    const supplied: Record<string, HclExpr> = {};
    if (vpcLinkParam) supplied[vpcLinkParam] = expr('aws_apigatewayv2_vpc_link.this.id');
    // The API enters through the first listener: the one that serves every stage unless stages have their own.
    if (listenerParam && entryListener)
      supplied[listenerParam] = expr(`aws_lb_listener.${entryListener}.arn`);
    const context = (api: ApiDocumentPlan, doc: DocumentFile) =>
      httpContext(model, plan, api, doc, vars, {
        name: `${model.api.title}`.slice(0, 128),
        ...loadBalancerNetwork(vars),
      });
    artifacts.push(...apiArtifacts(plan, 'openapi-http', 'apigw-http', context, env, supplied));
  }
  artifacts.push({ path: 'versions.tf', content: renderer.render('versions.tf', VERSIONS) });
  artifacts.push({
    path: 'variables.tf',
    content: renderer.render('variables.tf', { variables: vars.variables, data: vars.data }),
  });
  artifacts.push({ path: 'outputs.tf', content: renderer.render('outputs.tf', { outputs: vars.outputs }) });
  return artifacts;
}

/**
 * An API Gateway front door: its import documents as files beside the module and the `.tf`
 * that reads them (the template rendered once per API of a split, then the custom domain).
 * The plan's findings are the module's.
 */
function apiArtifacts(
  plan: RestPlan | HttpPlan,
  documentStem: string,
  template: 'apigw-rest' | 'apigw-http',
  context: (api: ApiDocumentPlan, doc: DocumentFile) => object,
  env: { vars: ModuleInterface; renderer: Renderer; diagnostics: Diagnostic[] },
  supplied?: Record<string, HclExpr>,
): Artifact[] {
  env.diagnostics.push(...plan.diagnostics);
  const documents: Artifact[] = [];
  const blocks: string[] = [];
  for (const api of plan.apis) {
    const doc = documentFile(plan, api, documentFileName(api, documentStem), env.vars, supplied);
    documents.push({ path: doc.path, content: doc.content });
    blocks.push(env.renderer.render(`${template}.tf`, context(api, doc)));
  }
  const domain = domainContext(plan, env.vars);
  if (domain) blocks.push(env.renderer.render('apigw-domain.tf', domain));
  return [...documents, { path: `${template.replace('-', '_')}.tf`, content: blocks.join('\n') }];
}
