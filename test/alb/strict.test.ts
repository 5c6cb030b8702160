/**
 * `x-gateplan.alb.unmatched: default`: no rule may take a request that no operation
 * declares. Each route's sample still reaches its backends, and probes next to it (one
 * segment deeper, a sibling literal, another method) reach the default action.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { matchListener } from '../../src/targets/alb/match.js';
import { ALB_QUOTAS, type AlbCondition, type AlbPlan } from '../../src/targets/alb/plan.js';
import { exampleSpecs, modelOf as loadModel } from '../support/pipeline.js';
import { rpcApi, routeSet, serviceApi, stageModes } from './arbitraries.js';
import {
  compileVerified,
  leakedProbes,
  misroutedRequests,
  modelOf,
  strayRequests,
  undeclaredProbes,
} from './support.js';

function strict(model: RouteModel): RouteModel {
  return { ...model, alb: { ...model.alb, unmatched: 'default' } };
}

function pathValues(c: AlbCondition): { globs: string[]; regexes: string[] } {
  return c.field === 'path-pattern'
    ? { globs: c.values ?? [], regexes: c.regexValues ?? [] }
    : { globs: [], regexes: [] };
}

/** Counts every rule's values and wildcards from its conditions, against the quotas and `plan.usage`. */
function expectQuotaReport(plan: AlbPlan): void {
  const rules = plan.listeners.flatMap((l) => l.rules);
  let maxValues = 0;
  let maxWildcards = 0;
  let regexValues = 0;
  for (const rule of rules) {
    let values = 0;
    let wildcards = 0;
    for (const c of rule.conditions) {
      const { globs, regexes } = pathValues(c);
      const n = c.field === 'path-pattern' ? globs.length + regexes.length : (c.values?.length ?? 0);
      expect(n).toBeLessThanOrEqual(ALB_QUOTAS.valuesPerCondition);
      values += n;
      regexValues += regexes.length;
      // A wildcard in a path value matches more than the one path it stands for.
      for (const g of globs) expect(g).not.toMatch(/[*?]/);
      for (const r of regexes) {
        expect(r).toMatch(/^\^.*\$$/);
        expect(r.length).toBeLessThanOrEqual(ALB_QUOTAS.patternLength);
      }
      if (c.field === 'host-header' || c.field === 'http-header')
        for (const v of c.values ?? []) wildcards += (v.match(/[*?]/g) ?? []).length;
    }
    expect(values).toBeLessThanOrEqual(ALB_QUOTAS.valuesPerRule);
    expect(wildcards).toBeLessThanOrEqual(ALB_QUOTAS.wildcardsPerRule);
    maxValues = Math.max(maxValues, values);
    maxWildcards = Math.max(maxWildcards, wildcards);
  }
  expect(plan.usage).toMatchObject({
    rules: rules.length,
    maxValuesInRule: maxValues,
    maxWildcardsInRule: maxWildcards,
    regexValues,
  });
  const codes = plan.diagnostics.map((d) => d.code);
  expect(codes).not.toContain('GP214');
  expect(codes.includes('GP200')).toBe(
    plan.usage.rules + plan.usage.fallbackRules > ALB_QUOTAS.rulesPerLoadBalancer,
  );
  const priorities = plan.listeners.map((l) => l.rules.map((r) => r.priority));
  for (const p of priorities) expect(new Set(p).size).toBe(p.length);
}

function expectStrict(model: RouteModel, options: { checkAuth?: boolean } = {}): AlbPlan {
  const plan = compileVerified(model);
  expect(misroutedRequests(model, plan, options)).toEqual([]);
  expect(strayRequests(model, plan)).toEqual([]);
  expect(leakedProbes(model, plan)).toEqual([]);
  expectQuotaReport(plan);
  return plan;
}

describe('alb.unmatched: default on the example specs', () => {
  for (const spec of exampleSpecs()) {
    it(`${spec}: routes reach their backends; undeclared paths and methods reach the default`, async () => {
      const model = strict(await loadModel(spec));
      expect(undeclaredProbes(model).length).toBeGreaterThan(model.routes.length);
      expectStrict(model, { checkAuth: true });
    });
  }

  it("sends the bookstore's GET /v2/orders/1/2/3 to the default action, which the orders backend gets otherwise", async () => {
    const model = await loadModel('specs/bookstore.yaml');
    const request = { method: 'GET', path: '/v2/orders/1/2/3', host: 'api.bookstore.example.com' };
    expect(matchListener(compileAlb(model).listeners[0]!, request).rule).toBeDefined();
    expect(matchListener(compileAlb(strict(model)).listeners[0]!, request).rule).toBeUndefined();
  });
});

describe('alb.unmatched: default on random route sets (fast-check)', () => {
  it('takes exactly the declared requests', () => {
    fc.assert(
      fc.property(routeSet, (routes) => {
        expectStrict(strict(modelOf(routes)));
      }),
      { numRuns: 300 },
    );
  });

  for (const [mode, extra] of Object.entries(stageModes)) {
    it(`${mode} stages: takes exactly each stage's declared requests`, () => {
      fc.assert(
        fc.property(routeSet, (routes) => {
          expectStrict(strict(modelOf(routes, extra, ['beta'])));
        }),
        { numRuns: 100 },
      );
    });
  }

  it('multi-service APIs with cross-cutting sub-resources', () => {
    fc.assert(
      fc.property(serviceApi, (routes) => {
        expectStrict(strict(modelOf(routes)));
      }),
      { numRuns: 150 },
    );
  });

  it('RPC-style APIs', () => {
    fc.assert(
      fc.property(rpcApi, (routes) => {
        expectStrict(strict(modelOf(routes)));
      }),
      { numRuns: 150 },
    );
  });
});
