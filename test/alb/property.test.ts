import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../src/model/types.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { ALB_QUOTAS } from '../../src/targets/alb/plan.js';
import { valueCount, wildcardsIn } from '../../src/targets/alb/report.js';
import { misroutedRequests, modelOf, strayRequests } from './support.js';

/** Few literals, so paths collide: shared prefixes, literal vs parameter siblings, greedy tails. */
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'users', 'me', 'v1') },
  { weight: 3, arbitrary: fc.constant('{p}') },
);
const path = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 4 }), fc.boolean(), fc.nat(9))
  .map(([segs, greedy, n]) => {
    const all = greedy && n < 3 ? [...segs, '{rest+}'] : segs;
    return '/' + all.map((s, i) => (s === '{p}' ? `{p${i}}` : s)).join('/');
  });
const route = fc.record({
  method: fc.constantFrom<Route['method']>('GET', 'POST', 'DELETE', 'ANY'),
  path,
  backend: fc.constantFrom('alpha', 'beta', 'gamma', 'delta'),
});
const routeSet = fc.uniqueArray(route, {
  minLength: 1,
  maxLength: 30,
  selector: (r) => `${r.method} ${r.path.replace(/\{[^}]*?(\+?)\}/g, '{$1}')}`,
});

describe('ALB compiler on random route sets (fast-check)', () => {
  it('routes every sample request to its backend and undeclared top-level paths to the default', () => {
    fc.assert(
      fc.property(routeSet, (routes) => {
        const model = modelOf(routes);
        const plan = compileAlb(model);
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
  const where = { file: 'mem.yaml', pointer: '' };
  const canary = { percent: 10, backends: { alpha: 'beta' } };
  const modes = {
    host: {
      albStageMode: 'host' as const,
      stages: {
        dev: { name: 'dev', host: 'dev.example.com', variables: {}, where },
        prod: { name: 'prod', host: 'api.example.com', variables: {}, canary, where },
      },
    },
    path: {
      albStageMode: 'path' as const,
      stages: {
        dev: { name: 'dev', pathPrefix: '/dev', variables: {}, where },
        prod: { name: 'prod', pathPrefix: '/prod', variables: {}, canary, where },
      },
    },
    listener: {
      albStageMode: 'listener' as const,
      stages: {
        dev: { name: 'dev', variables: {}, where },
        prod: { name: 'prod', variables: {}, canary, where },
      },
    },
  };
  for (const [mode, extra] of Object.entries(modes)) {
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
  const op = fc.record({
    service: fc.nat(5),
    suffix: fc.constantFrom('', '/{id}', '/{id}/audit', '/{id}/billing', '/{id}/items/{item}', '/{id}/{sub}'),
    method: fc.constantFrom<Route['method']>('GET', 'POST'),
    shared: fc.constantFrom<string | undefined>(undefined, undefined, 'audit', 'billing'),
    generic: fc.boolean(),
  });
  const api = fc
    .uniqueArray(op, {
      minLength: 1,
      maxLength: 40,
      selector: (o) => `${o.method} ${o.generic ? '*' : o.service}${o.suffix}`,
    })
    .map((ops) =>
      ops.map((o) => ({
        method: o.method,
        path: `/t/{tenant}/${o.generic ? '{kind}' : `s${o.service}`}${o.suffix}`,
        backend: o.shared ?? (o.generic ? 'generic' : `svc${o.service}`),
      })),
    );

  it('routes every sample request to its backend', () => {
    fc.assert(
      fc.property(api, (routes) => {
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
  const call = fc.record({
    family: fc.constantFrom('chat', 'chat.admin', 'users', 'users.admin', 'files-v2'),
    verb: fc.constantFrom('list', 'get', 'delete', 'post', 'info'),
    backend: fc.constantFrom('alpha', 'beta', 'gamma'),
    method: fc.constantFrom<Route['method']>('GET', 'POST'),
  });
  const api = fc
    .uniqueArray(call, { minLength: 1, maxLength: 40, selector: (c) => `${c.method} ${c.family}.${c.verb}` })
    .map((calls) =>
      calls.map((c) => ({ method: c.method, path: `/api/${c.family}.${c.verb}`, backend: c.backend })),
    );

  it('routes every sample request to its backend', () => {
    fc.assert(
      fc.property(api, (routes) => {
        const model = modelOf(routes);
        const plan = compileAlb(model);
        expect(misroutedRequests(model, plan)).toEqual([]);
        expect(strayRequests(model, plan)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
