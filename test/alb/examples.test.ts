import { describe, expect, it } from 'vitest';
import { exampleSpecs, modelOf } from '../support/pipeline.js';
import { compileVerified, misroutedRequests, strayRequests, unmatchedRequests } from './support.js';

describe('ALB rules for the example specs, proven by the matcher', () => {
  for (const spec of exampleSpecs()) {
    it(`${spec}: every route reaches its backends with its auth; undeclared paths reach the default`, async () => {
      const model = await modelOf(spec);
      const plan = compileVerified(model);
      expect(misroutedRequests(model, plan, { checkAuth: true })).toEqual([]);
      expect(unmatchedRequests(model).length).toBeGreaterThan(0);
      expect(strayRequests(model, plan)).toEqual([]);
      expect(plan.usage.rules + plan.usage.fallbackRules).toBeLessThanOrEqual(100);
    });
  }
});
