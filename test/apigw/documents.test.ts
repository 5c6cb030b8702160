/**
 * Every example spec × both API Gateway targets: each route of the model is in the import
 * document with an integration of the right type and URI (or is named by the warning that
 * left it out), the document is valid OpenAPI, the template passes CloudFormation's resource
 * schemas, and output is byte-identical across runs.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { routeLabel } from '../../src/model/routes.js';
import type { Route, RouteModel } from '../../src/model/types.js';
import { buildHttpPlan, buildRestPlan } from '../../src/targets/apigw/stack.js';
import { routeForms } from '../../src/targets/route-forms.js';
import { validateCfnTemplate } from '../support/cfn-schema.js';
import { exampleSpecs, modelOf } from '../support/pipeline.js';
import { API_TARGETS, operationOf, run, templateOf, type ApiTarget, type Json } from './support.js';

/** The route's path as an integration URI ends: variables `{name}`, greedy ones too (example specs have no mixed segments). */
function uriPath(route: Route): string {
  return (
    route.segments
      .map((s) => '/' + (s.kind === 'literal' ? s.value : s.kind === 'mixed' ? '(mixed)' : `{${s.name}}`))
      .join('') || '/'
  );
}

const LAMBDA_URI =
  /^arn:[^:]+:apigateway:[^:]+:lambda:path\/2015-03-31\/functions\/arn:[^:]+:lambda:[^:]+:[^:]+:function:.+\/invocations$/;

/** What a route's integration must look like on a target, from the backend the route names. */
function expectIntegration(
  model: RouteModel,
  route: Route,
  integration: Json,
  target: ApiTarget,
  asWritten: boolean,
): void {
  const http = target === 'apigw-http';
  const name =
    'backend' in route.backend
      ? route.backend.backend
      : [...route.backend.weighted].sort((a, b) => b.weight - a.weight)[0]!.backend;
  const backend = model.backends[name]!;
  const kept =
    route.existingIntegration && backend.where.pointer.endsWith('/x-amazon-apigateway-integration');
  if (kept && !http) {
    expect(integration).toEqual(route.existingIntegration);
    return;
  }
  if (http) expect(['1.0', '2.0']).toContain(integration.payloadFormatVersion);
  const target_ = backend.target;
  if (kept) {
    expect(integration.type).toBe(String(route.existingIntegration!.type).toLowerCase());
    expect(integration.uri).toBe(route.existingIntegration!.uri);
  } else if (target_.kind === 'lambda') {
    expect(integration.type).toBe('aws_proxy');
    expect(integration.httpMethod).toBe('POST');
    expect(integration.uri).toMatch(LAMBDA_URI);
  } else if (!asWritten) {
    expect(integration.type).toBe(target_.kind === 'mock' ? 'mock' : 'http_proxy');
  } else if (target_.kind === 'http' && target_.vpcLink) {
    expect(integration.type).toBe('http_proxy');
    expect(integration.connectionType).toBe('VPC_LINK');
    expect(integration.connectionId).toMatch(/^\$\{/);
    if (!http)
      expect(integration.uri).toBe(
        `${new URL(target_.url).protocol}//\${stageVariables.${varStem(name)}Host}${uriPath(route)}`,
      );
  } else if (target_.kind === 'http') {
    expect(integration.type).toBe('http_proxy');
    expect(integration.httpMethod).toBe(route.method);
    expect(integration.uri).toBe(
      `${new URL(target_.url).protocol}//\${stageVariables.${varStem(name)}Host}${uriPath(route)}`,
    );
    if (!http) {
      for (const s of route.segments.filter((s) => s.kind === 'param' || s.kind === 'greedy')) {
        expect(integration.requestParameters[`integration.request.path.${s.name}`]).toBe(
          `method.request.path.${s.name}`,
        );
      }
    }
  } else if (target_.kind === 'mock') {
    expect(integration.type).toBe('mock');
  }
}

function varStem(backend: string): string {
  const pascal = backend
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}

describe.each(exampleSpecs())('%s', (spec) => {
  describe.each(API_TARGETS)('%s', (target) => {
    it('has every route with an integration of the right type and URI, or names why it left a route out', async () => {
      const model = await modelOf(spec);
      const result = run(model, target);
      const plan = target === 'apigw-rest' ? buildRestPlan(model) : buildHttpPlan(model);
      const forms = routeForms(model);
      const leftOutByRoute = new Set(
        result.diagnostics.filter((d) => d.code === 'GP128').map((d) => d.route),
      );
      const leftOutBySchemes = result.diagnostics
        .filter((d) => d.code === 'GP108')
        .reduce((n, d) => n + Number(d.args.count), 0);
      let missing = 0;
      for (const route of model.routes) {
        // Where the target holds the route: its API of a split, its path as widened or renamed.
        const form = forms.get(route.id)![target];
        const api = plan.apis.find((a) => a.basePath === (form.api ?? ''))!;
        const held = form.route
          ? { method: route.method, path: form.route.slice(route.method.length + 1) }
          : route;
        const operation = operationOf(JSON.parse(api.documentJson), held);
        if (!operation) {
          missing++;
          if (!leftOutByRoute.has(route.id)) {
            const schemes = (route.auth?.[0]?.schemes ?? []).map((s) => model.auth[s.name]?.scheme.kind);
            expect(schemes, `${routeLabel(route)} is missing`).not.toEqual([]);
          }
          continue;
        }
        // Widened, renamed and split routes have their URIs proven by serving requests
        // (test/apigw/paths.test.ts, renames.test.ts, split.test.ts); here, the integration type.
        const asWritten = form.api === undefined && form.notes.length === 0;
        expectIntegration(model, route, operation['x-amazon-apigateway-integration'], target, asWritten);
      }
      expect(missing).toBe(leftOutByRoute.size + leftOutBySchemes);
    });

    it('writes documents swagger-parser validates', async () => {
      const model = await modelOf(spec);
      const plan = target === 'apigw-rest' ? buildRestPlan(model) : buildHttpPlan(model);
      for (const api of plan.apis)
        await expect(SwaggerParser.validate(JSON.parse(api.documentJson))).resolves.toBeDefined();
    });

    it('writes a template that passes the CloudFormation resource schemas', async () => {
      const template = templateOf(run(await modelOf(spec), target));
      expect(validateCfnTemplate(template)).toEqual([]);
    });

    it('is byte-identical across runs', async () => {
      const first = run(await modelOf(spec), target).artifacts;
      const second = run(await modelOf(spec), target).artifacts;
      expect(second).toEqual(first);
    });
  });
});
