import { describe, expect, it } from 'vitest';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { modelOf } from '../support/pipeline.js';

describe('the ALB plan behind the bill', () => {
  it('counts the rules the compiler produced and the WAF rules it throttles with', async () => {
    const { facts, diagnostics } = albPlanFacts(await modelOf('specs/bookstore.yaml'));
    expect(diagnostics).toEqual([]);
    expect(facts.listeners).toHaveLength(1);
    expect(facts.listeners[0]!.rules).toBeGreaterThan(0);
    // Every route is served by some rule, at a position within the listener.
    for (const position of Object.values(facts.rulesProcessedByRoute)) {
      expect(position).toBeGreaterThanOrEqual(1);
      expect(position).toBeLessThanOrEqual(facts.listeners[0]!.rules);
    }
    expect(facts.waf.webAcls).toBe(1);
    expect(facts.waf.rules).toBeGreaterThan(0);
  });
});
