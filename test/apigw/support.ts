import { parse } from 'yaml';
import type { Route, RouteModel } from '../../src/model/types.js';
import { targets } from '../../src/targets/registry.js';
import type { TargetResult } from '../../src/targets/target.js';
import { check } from '../support/check.js';

/** Parsed JSON/YAML output, navigated freely in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type ApiTarget = 'apigw-rest' | 'apigw-http';
export const API_TARGETS: ApiTarget[] = ['apigw-rest', 'apigw-http'];

/** Model of an inline spec; throws when it does not load. */
export async function modelFrom(spec: string, files: Record<string, string> = {}): Promise<RouteModel> {
  const { model, diagnostics } = await check(spec, files);
  if (!model) throw new Error(`spec did not load: ${JSON.stringify(diagnostics)}`);
  return model;
}

export function run(model: RouteModel, target: ApiTarget): TargetResult {
  return targets[target]!.plan(model, {});
}

export function artifact(result: TargetResult, name: string): string {
  const found = result.artifacts.find((a) => a.path === name);
  if (!found) throw new Error(`no ${name}; diagnostics: ${JSON.stringify(result.diagnostics)}`);
  return found.content;
}

export function documentOf(result: TargetResult): Record<string, Json> {
  return JSON.parse(artifact(result, 'openapi.json'));
}

export function templateOf(result: TargetResult): Record<string, Json> {
  return parse(artifact(result, 'template.yaml'));
}

export function operationOf(
  document: Record<string, Json>,
  route: Pick<Route, 'path' | 'method'>,
): Record<string, Json> | undefined {
  const key = route.method === 'ANY' ? 'x-amazon-apigateway-any-method' : route.method.toLowerCase();
  return document.paths?.[route.path]?.[key];
}

/** Resources of a template by type. */
export function resourcesOf(template: Record<string, Json>, type: string): [string, Record<string, Json>][] {
  return Object.entries(template.Resources as Record<string, Json>).filter(([, r]) => r.Type === type);
}

export { testTargetCode, type TargetCase } from '../support/target-code.js';
