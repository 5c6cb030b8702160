import { child } from '../../model/document.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { distinctIds, pascalId } from '../../model/ids.js';
import type { Backend, RouteModel, Stage } from '../../model/types.js';
import { parseHttpUrl, parseLambdaArn, type LambdaAddress } from './addresses.js';
import type { BackendVariables, PlanValue, StackParameter } from './plan.js';
import { primaryBackendName } from './route-backend.js';
import { byEntryKey, byKey } from '../../util/order.js';

export function planBackendVariables(model: RouteModel, api: 'rest' | 'http'): BackendVariables {
  const out: BackendVariables = {
    host: new Map(),
    fn: new Map(),
    vpcLink: new Map(),
    defaults: {},
    parameters: [],
  };
  // Integrations kept as written name their own addresses; only gateplan's own read variables.
  const served = new Set(model.routes.filter((r) => !r.usesExistingIntegration).map(primaryBackendName));
  if (api === 'http' && model.catchAll) served.add(model.catchAll);
  const backends = Object.values(model.backends)
    .filter((b) => served.has(b.name))
    .sort(byKey((x) => x.name));
  const names = uniqueNames(backends.map((b) => b.name));
  for (const backend of backends) {
    const base = names.get(backend.name)!;
    const target = backend.target;
    if (target.kind === 'http') {
      const address = parseHttpUrl(target.url);
      if (!address) continue;
      if (target.vpcLink && api === 'http') continue;
      out.host.set(backend.name, `${base}Host`);
      out.defaults[`${base}Host`] = address.host;
      if (target.vpcLink) {
        out.vpcLink.set(backend.name, `${base}VpcLink`);
        out.defaults[`${base}VpcLink`] = vpcLinkValue(backend, out.parameters);
      }
    } else if (target.kind === 'lambda') {
      out.fn.set(backend.name, `${base}Function`);
      out.defaults[`${base}Function`] = parseLambdaArn(target.functionArn).name;
    }
  }
  out.defaults = Object.fromEntries(Object.entries(out.defaults).sort(byEntryKey));
  return out;
}

/** A VPC link id from the backend, or a stack parameter named after the backend. */
export function vpcLinkValue(backend: Backend, parameters: StackParameter[]): PlanValue {
  if (backend.target.kind === 'http' && backend.target.vpcLink?.id) return backend.target.vpcLink.id;
  const name = `${pascalId(backend.name)}VpcLinkId`;
  if (!parameters.some((p) => p.name === name)) {
    parameters.push({
      name,
      description: `VPC link id through which API Gateway reaches backend ${backend.name}`,
    });
  }
  return { param: name };
}

/** camelCase variable stems; stems that collide get a hash of the backend name. */
function uniqueNames(backendNames: string[]): Map<string, string> {
  const stem = (n: string) => {
    const p = pascalId(n, 40);
    return p[0]!.toLowerCase() + p.slice(1);
  };
  return distinctIds(backendNames, stem, 4);
}

/** Stage variable names API Gateway accepts. */
const VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** API Gateway's limits on stage variables (per stage; value length as REST documents it). */
const MAX_VARIABLES = 100;
const MAX_VALUE_LENGTH = 512;

/** The variables a stage deploys with: backend defaults, then the stage's own (which win). */
export function stageVariables(vars: BackendVariables, stage: Stage): Record<string, PlanValue> {
  const merged: Record<string, PlanValue> = { ...vars.defaults, ...stage.variables };
  return Object.fromEntries(Object.entries(merged).sort(byEntryKey));
}

export function checkStage(stage: Stage, api: 'rest' | 'http'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nameOk = STAGE_NAME.test(stage.name) || (api === 'http' && stage.name === '$default');
  if (!nameOk)
    out.push(
      diagnostic('GP125', stage.where, {
        stage: stage.name,
        reason: 'the name has characters API Gateway rejects',
      }),
    );
  for (const key of Object.keys(stage.variables).sort()) {
    if (!VARIABLE_NAME.test(key)) {
      out.push(
        diagnostic('GP125', child(stage.where, 'variables', key), {
          stage: stage.name,
          reason: `variable name ${key} is not alphanumeric`,
        }),
      );
    }
  }
  return out;
}

export function checkStageVariables(stage: Stage, variables: Record<string, PlanValue>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const count = Object.keys(variables).length;
  if (count > MAX_VARIABLES) {
    out.push(
      diagnostic('GP131', child(stage.where, 'variables'), {
        count,
        what: `stage variables in stage ${stage.name} (one per backend address, plus its own)`,
        limit: MAX_VARIABLES,
        fix: 'split the API, or share backends between routes',
      }),
    );
  }
  for (const [key, value] of Object.entries(variables)) {
    if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) {
      out.push(
        diagnostic('GP125', child(stage.where, 'variables', key), {
          stage: stage.name,
          reason: `variable ${key} is ${value.length} characters, over the ${MAX_VALUE_LENGTH} API Gateway allows`,
        }),
      );
    }
  }
  return out;
}

/**
 * Variable overrides that send a stage's canary traffic to the canary backends. A swap is only
 * possible when the variable can hold the other backend's address: same kind, same scheme
 * and path for HTTP, same account and region for Lambda.
 */
export function canaryOverrides(
  model: RouteModel,
  stage: Stage,
  vars: BackendVariables,
  diagnostics: Diagnostic[],
): Record<string, PlanValue> {
  const out: Record<string, PlanValue> = {};
  for (const [stableName, canaryName] of Object.entries(stage.canary?.backends ?? {}).sort(byEntryKey)) {
    const stable = model.backends[stableName];
    const canary = model.backends[canaryName];
    if (!stable || !canary) continue;
    const where = child(stage.where, 'canary', 'backends', stableName);
    const fail = (reason: string) =>
      diagnostics.push(
        diagnostic('GP118', where, { stage: stage.name, stable: stableName, canary: canaryName, reason }),
      );
    const s = stable.target;
    const c = canary.target;
    if (s.kind === 'http' && c.kind === 'http') {
      const hostVar = vars.host.get(stableName);
      if (!hostVar) continue;
      const sa = parseHttpUrl(s.url);
      const ca = parseHttpUrl(c.url);
      if (!sa || !ca) continue;
      if (sa.scheme !== ca.scheme)
        fail(`one is ${sa.scheme} and the other ${ca.scheme}; a stage variable cannot change the scheme`);
      else if (sa.basePath !== ca.basePath)
        fail(`their URL paths differ (${sa.basePath || '/'} and ${ca.basePath || '/'})`);
      else if (Boolean(s.vpcLink) !== Boolean(c.vpcLink))
        fail('only one of them is reached through a VPC link');
      else {
        out[hostVar] = ca.host;
        const linkVar = vars.vpcLink.get(stableName);
        if (linkVar) out[linkVar] = vpcLinkValue(canary, vars.parameters);
      }
    } else if (s.kind === 'lambda' && c.kind === 'lambda') {
      const fnVar = vars.fn.get(stableName);
      if (!fnVar) continue;
      const sa = parseLambdaArn(s.functionArn);
      const ca = parseLambdaArn(c.functionArn);
      if (sameAccountAndRegion(sa, ca)) {
        out[fnVar] = ca.name;
      } else {
        fail(
          'the functions are in different accounts or regions; a stage variable can only change the function name',
        );
      }
    } else if (s.kind === 'http' || s.kind === 'lambda') {
      fail(`${stableName} is a ${s.kind} backend and ${canaryName} a ${c.kind} backend`);
    } else {
      fail(`${s.kind} backends have no address a stage variable can change`);
    }
  }
  return out;
}

/** Two functions a stage variable can switch between: only the name differs (a bare name is the API's own account and region). */
function sameAccountAndRegion(a: LambdaAddress, b: LambdaAddress): boolean {
  if (!a.full || !b.full) return a.full === b.full;
  return a.partition === b.partition && a.region === b.region && a.account === b.account;
}
