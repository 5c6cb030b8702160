/**
 * Interim: routes with a mixed segment (`/Accounts/{Sid}.json`) are refused by the ALB
 * target (GP134) until its compiler routes them exactly; they are never compiled as a
 * plain parameter that would take requests of other operations.
 */
import { describe, expect, it } from 'vitest';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { matchListener } from '../../src/targets/alb/match.js';
import { generate } from '../../src/targets/generate.js';
import { modelOf, writeSpec } from '../support/pipeline.js';
import { misroutedRequests } from './support.js';

const spec = (extra = '', other = '/Accounts/{Sid}') =>
  writeSpec(`openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends:
    a: { url: 'http://a.internal' }
    b: { url: 'http://b.internal' }
  defaults: { backend: a }
${extra}paths:
  /Accounts/{Sid}.json:
    get: { x-gateplan: { backend: b }, responses: { '200': { description: ok } } }
  ${other}:
    get: { responses: { '200': { description: ok } } }
`);

describe('ALB and mixed segments (interim)', () => {
  it('GP134: each route with a mixed segment is refused by name; the others are routed', async () => {
    const model = await modelOf(spec());
    const plan = compileAlb(model);
    const refused = plan.diagnostics.filter((d) => d.code === 'GP134');
    expect(refused.map((d) => [d.severity, d.args.route, d.where.pointer])).toEqual([
      ['error', 'GET /Accounts/{Sid}.json', '/paths/~1Accounts~1{Sid}.json/get'],
    ]);
    expect(misroutedRequests(model, plan)).toEqual([]);
    expect(JSON.stringify(plan.listeners)).not.toContain('.json');
  });

  it('GP134 lowered, with `unmatched: default`: requests only the refused route declares reach the default action', async () => {
    const model = await modelOf(spec(`  alb: { unmatched: default }\n`, '/Users/{Sid}'));
    const lowered = { ...model, severity: { GP134: 'warn' as const } };
    const { diagnostics } = generate(lowered, { targets: ['alb'] });
    expect(diagnostics.find((d) => d.code === 'GP134')?.severity).toBe('warn');
    const match = matchListener(compileAlb(lowered).listeners[0]!, {
      method: 'GET',
      path: '/Accounts/AC1.json',
    });
    expect(match.rule).toBeUndefined();
  });
});
