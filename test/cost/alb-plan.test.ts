import { describe, expect, it } from 'vitest';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { modelOf, writeSpec } from '../support/pipeline.js';

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

  it('warns (GP603) that the count may be off when the plan has errors', async () => {
    const spec = writeSpec(`openapi: 3.0.3
info: { title: Bucket, version: '1' }
x-gateplan:
  backends: { files: { s3: { bucket: my-bucket } } }
  defaults: { backend: files }
paths:
  /files/{key}:
    get:
      parameters: [{ name: key, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`);
    const model = await modelOf(spec);
    const { diagnostics } = albPlanFacts(model);
    expect(diagnostics.map((d) => [d.code, d.where.file])).toEqual([['GP603', model.source.file]]);
  });
});
