import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { ALB_QUOTAS } from '../../src/targets/alb/plan.js';
import { valueCount, wildcardsIn } from '../../src/targets/alb/rule-size.js';
import { rpcApi, routeSet, serviceApi, stageModes } from './arbitraries.js';
import { compileVerified, misroutedRequests, modelOf, strayRequests } from './support.js';

describe('ALB compiler on random route sets (fast-check)', () => {
  it('routes every sample request to its backend and undeclared top-level paths to the default', () => {
    fc.assert(
      fc.property(routeSet, (routes) => {
        const model = modelOf(routes);
        const plan = compileVerified(model);
        expect(misroutedRequests(model, plan)).toEqual([]);
        expect(strayRequests(model, plan)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every rule within the per-rule quotas and priorities unique', () => {
    fc.assert(
      fc.property(routeSet, (routes) => {
        const plan = compileAlb(modelOf(routes));
        for (const rule of plan.listeners[0]!.rules) {
          expect(valueCount(rule)).toBeLessThanOrEqual(ALB_QUOTAS.valuesPerRule);
          expect(wildcardsIn(rule)).toBeLessThanOrEqual(ALB_QUOTAS.wildcardsPerRule);
          for (const c of rule.conditions) {
            const n =
              'values' in c && c.values
                ? c.values.length
                : 'regexValues' in c
                  ? (c.regexValues?.length ?? 0)
                  : 0;
            expect(n).toBeLessThanOrEqual(ALB_QUOTAS.valuesPerCondition);
          }
        }
        const priorities = plan.listeners[0]!.rules.map((r) => r.priority);
        expect(new Set(priorities).size).toBe(priorities.length);
      }),
      { numRuns: 200 },
    );
  });

  it('compiles the same input to the same plan (determinism)', () => {
    fc.assert(
      fc.property(routeSet, (routes) => {
        expect(JSON.stringify(compileAlb(modelOf(routes)))).toBe(
          JSON.stringify(compileAlb(modelOf([...routes].reverse()))),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('ALB stage emulation on random route sets', () => {
  for (const [mode, extra] of Object.entries(stageModes)) {
    it(`${mode} stages: every stage's requests reach the stage's backends (with its canary)`, () => {
      fc.assert(
        fc.property(routeSet, (routes) => {
          const model = modelOf(routes, extra, ['beta']);
          const plan = compileAlb(model);
          expect(misroutedRequests(model, plan)).toEqual([]);
          expect(strayRequests(model, plan)).toEqual([]);
        }),
        { numRuns: 150 },
      );
    });
  }
});

describe('ALB compiler on random multi-service APIs with cross-cutting sub-resources', () => {
  it('routes every sample request to its backend', () => {
    fc.assert(
      fc.property(serviceApi, (routes) => {
        const model = modelOf(routes);
        const plan = compileAlb(model);
        expect(misroutedRequests(model, plan)).toEqual([]);
        expect(strayRequests(model, plan)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('ALB compiler on random RPC-style APIs (stems)', () => {
  it('routes every sample request to its backend', () => {
    fc.assert(
      fc.property(rpcApi, (routes) => {
        const model = modelOf(routes);
        const plan = compileAlb(model);
        expect(misroutedRequests(model, plan)).toEqual([]);
        expect(strayRequests(model, plan)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
