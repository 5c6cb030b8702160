/**
 * The user's path on one spec, checked for deployability: `gateplan init <spec> --config C`,
 * then `gateplan generate <spec> --config C --target apigw-rest,apigw-http,alb,terraform`.
 *
 * The spec is read once: init's config is attached to the loaded spec (`withConfig`) instead
 * of loading it again, and each target runs alone so the table can say which front door
 * stops a run (the CLI writes nothing when any target has an error). What a target writes is
 * checked against AWS's and HashiCorp's rules, not ours:
 *  - every CloudFormation template passes the registry resource schemas and value constraints;
 *  - the ALB template's own rules, read back from it, route every operation's request to its
 *    backend under the ALB matcher, and send requests for undeclared paths to the default;
 *  - the Terraform module parses with HashiCorp's HCL parser and fits the AWS provider schema.
 * A target that writes nothing must stop on errors whose fix says what to put in gateplan.yaml
 * (users cannot edit a vendor's spec).
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { schemaRefFor } from '../../src/cli/commands/init.js';
import { scaffoldConfig, type Scaffold } from '../../src/init/scaffold.js';
import type { Code } from '../../src/diagnostics/catalog.js';
import { renderFix, renderMessage, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { load, withConfig, type LoadedSpec } from '../../src/load/index.js';
import { normalize } from '../../src/model/normalize.js';
import type { RouteModel } from '../../src/model/types.js';
import type { Artifact } from '../../src/targets/artifact.js';
import { generate } from '../../src/targets/generate.js';
import { doorRoutes } from '../../src/targets/door-routes.js';
import type { AlbPlan } from '../../src/targets/alb/plan.js';
import { misroutedRequests, strayRequests } from '../alb/support.js';
import { parseModule, schemaProblems } from '../terraform/support/check.js';
import { listenersFromTemplate } from './alb-template.js';
import { validateCfnTemplate } from './cfn-schema.js';

/** The front doors of the user's path, in the order the table shows them. */
export const DEPLOY_TARGETS = ['apigw-rest', 'apigw-http', 'alb', 'terraform'] as const;
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];

export interface TargetOutcome {
  target: DeployTarget;
  /** Codes of the errors that stop this target, sorted and unique; empty when it writes. */
  errors: Code[];
  /** Errors whose fix does not say what to write in gateplan.yaml, rendered. */
  unactionable: string[];
  /** What is wrong with the files it writes (schema, constraints, HCL, routing). */
  problems: string[];
  /**
   * Routes init's gateplan.yaml leaves out of this front door (leaveOutOf) because it cannot
   * serve them as described; `all` when it leaves out every route and the door writes nothing.
   */
  leftOut: number | 'all';
}

export interface SpecOutcome {
  /** Routes in the model generate sees. */
  routes: number;
  targets: TargetOutcome[];
  /** Errors caused by the file init wrote: generate must accept it unchanged. */
  configErrors: string[];
}

/** A fix names what to write in gateplan.yaml when it says so. */
export function namesConfigRemedy(d: Pick<Diagnostic, 'code' | 'args'>): boolean {
  return /gateplan\.yaml/.test(renderFix(d) ?? '');
}

/**
 * The model `generate` sees after `gateplan init <spec>`: init's file, written to `configDir`,
 * attached to the spec loaded once. The load's errors when the spec does not load.
 */
export async function initModel(
  file: string,
  configDir: string,
): Promise<
  { ok: true; model: RouteModel; spec: LoadedSpec; scaffold: Scaffold } | { ok: false; errors: Diagnostic[] }
> {
  const cwd = dirname(file);
  const bare = await load(file, { cwd, config: false });
  if (!bare.ok) return { ok: false, errors: bare.diagnostics.filter((d) => d.severity === 'error') };
  const scaffold = scaffoldConfig(normalize(bare.spec), {
    by: 'server',
    schemaRef: schemaRefFor(configDir),
    spec: basename(file),
  });
  const configPath = join(configDir, 'gateplan.yaml');
  writeFileSync(configPath, scaffold.text);
  const spec = await withConfig(bare.spec, configPath, { cwd });
  return { ok: true, model: normalize(spec), spec, scaffold };
}

/** Runs init then generate for every front door on one spec; `configDir` receives init's file. */
export async function deploySpec(file: string, configDir: string): Promise<SpecOutcome> {
  const init = await initModel(file, configDir);
  if (!init.ok)
    return {
      routes: 0,
      targets: DEPLOY_TARGETS.map((target) => failed(target, init.errors)),
      configErrors: [],
    };
  const { model, spec } = init;
  const config = spec.config?.display;
  const configErrors = [...spec.diagnostics, ...model.diagnostics]
    .filter((d) => d.severity === 'error' && (d.where.file === config || d.code === 'GP042'))
    .map((d) => `${d.code} ${d.where.pointer}: ${renderMessage(d)}`);
  const targets: TargetOutcome[] = [];
  for (const target of DEPLOY_TARGETS) targets.push(await generateTarget(model, target));
  return { routes: model.routes.length, targets, configErrors };
}

function failed(target: DeployTarget, errors: Diagnostic[]): TargetOutcome {
  return {
    target,
    errors: [...new Set(errors.map((d) => d.code))].sort(),
    unactionable: [
      ...new Set(
        errors.filter((d) => !namesConfigRemedy(d)).map((d) => `${d.code}: ${renderFix(d) ?? '(no fix)'}`),
      ),
    ],
    problems: [],
    leftOut: 0,
  };
}

async function generateTarget(model: RouteModel, target: DeployTarget): Promise<TargetOutcome> {
  const { artifacts, diagnostics } = generate(model, { targets: [target] });
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return failed(target, errors);
  const door = target === 'terraform' ? 'apigw-rest' : target;
  if (diagnostics.some((d) => d.code === 'GP153'))
    return {
      target,
      errors: [],
      unactionable: [],
      problems: artifacts.length ? ['wrote files for a door it leaves out'] : [],
      leftOut: 'all',
    };
  const leftOut = Number(
    diagnostics.find((d) => d.code === 'GP152' && d.args.door === door)?.args.count ?? 0,
  );
  return {
    target,
    errors: [],
    unactionable: [],
    // ALB keeps routes left out of it as rules answering 404, which the routing check expects.
    problems: await artifactProblems(
      door === 'alb' ? model : doorRoutes(model, door).model,
      target,
      artifacts,
      diagnostics,
    ),
    leftOut,
  };
}

/** What is wrong with one target's files; empty when they deploy. Async: the HCL parser is. */
async function artifactProblems(
  model: RouteModel,
  target: DeployTarget,
  artifacts: Artifact[],
  diagnostics: Diagnostic[],
): Promise<string[]> {
  if (artifacts.length === 0) return ['wrote nothing and reported no error'];
  if (target === 'terraform') {
    const module = await parseModule(Object.fromEntries(artifacts.map((a) => [a.path, a.content])));
    return schemaProblems(module);
  }
  const problems: string[] = [];
  for (const artifact of artifacts.filter((a) => a.path.endsWith('.yaml'))) {
    const template = parseYaml(artifact.content) as Record<string, unknown>;
    problems.push(...validateCfnTemplate(template).map((p) => `${artifact.path}: ${p}`));
    if (target === 'alb') problems.push(...albRoutingProblems(model, template, diagnostics));
  }
  return problems;
}

/**
 * Requests the template's own rules send to the wrong place, under the ALB matcher. The
 * target's findings say which routes it refused to serve (and so needs not route).
 */
function albRoutingProblems(
  model: RouteModel,
  template: Record<string, unknown>,
  diagnostics: Diagnostic[],
): string[] {
  const plan = { listeners: listenersFromTemplate(template, model), diagnostics } as AlbPlan;
  return [
    ...misroutedRequests(model, plan).map(
      (m) =>
        `alb: ${m.request.method} ${m.request.path} (${m.route}, stage ${m.stage}) reaches ${JSON.stringify(m.got)}, not ${m.expected.join(' + ')}`,
    ),
    ...strayRequests(model, plan).map(
      (s) => `alb: undeclared ${s.request.method} ${s.request.path} is taken by rule ${s.rule}`,
    ),
  ];
}
