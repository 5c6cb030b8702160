/**
 * Mixed path segments (`/Accounts/{Sid}.json`, `/compare/{base}...{head}`,
 * `/files/{id}/thumbnail.{extension}`, `/v{version}/…`, `/{name}:verb`) are routed exactly:
 * an anchored regex keeps the segment's text, so `{Sid}.json` never takes `/Accounts/AC1`
 * and `{Sid}` never takes `/Accounts/AC1.json`. Proven by the matcher on probes that include
 * the `{param}.json`-style neighbours, and by the verifier.
 */
import { describe, expect, it } from 'vitest';
import type { RouteModel } from '../../src/model/types.js';
import { matchListener } from '../../src/targets/alb/match.js';
import { modelOf as loadModel, writeSpec } from '../support/pipeline.js';
import { adversarialRequests, misroutedProbes } from './requests.js';
import { compileVerified, misroutedRequests, modelOf } from './support.js';

function strict(model: RouteModel): RouteModel {
  return { ...model, alb: { ...model.alb, unmatched: 'default' } };
}

function expectRight(model: RouteModel): void {
  for (const m of [model, strict(model)]) {
    const plan = compileVerified(m);
    expect(misroutedRequests(m, plan)).toEqual([]);
    expect(misroutedProbes(m, plan)).toEqual([]);
  }
}

describe('ALB routes mixed path segments exactly', () => {
  it('Twilio: /Accounts/{Sid}.json beside /Accounts/{Sid} and their sub-resources', () => {
    const model = modelOf([
      { method: 'GET', path: '/2010-04-01/Accounts/{Sid}.json', backend: 'accounts' },
      { method: 'POST', path: '/2010-04-01/Accounts/{Sid}.json', backend: 'accounts' },
      { method: 'GET', path: '/2010-04-01/Accounts/{Sid}', backend: 'legacy' },
      { method: 'GET', path: '/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json', backend: 'calls' },
      { method: 'GET', path: '/2010-04-01/Accounts/{AccountSid}/Calls.json', backend: 'calls' },
      { method: 'GET', path: '/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json', backend: 'messages' },
    ]);
    expectRight(model);
    const listener = compileVerified(strict(model)).listeners[0]!;
    const target = (path: string) => {
      const t = matchListener(listener, { method: 'GET', path }).actions.terminal;
      return t.type === 'forward' ? t.targets[0]!.backend : t.type;
    };
    expect(target('/2010-04-01/Accounts/AC1.json')).toBe('accounts');
    expect(target('/2010-04-01/Accounts/AC1')).toBe('legacy');
    expect(target('/2010-04-01/Accounts/AC1.xml')).toBe('legacy');
    expect(target('/2010-04-01/Accounts/AC1/Calls/CA1.json')).toBe('calls');
    expect(target('/2010-04-01/Accounts/AC1/Calls/CA1')).toBe('fixed-response');
    // `{Sid}.json` needs a non-empty {Sid}: `.json` is a value of `{Sid}` alone.
    expect(target('/2010-04-01/Accounts/.json')).toBe('legacy');
    const regexes = listener.rules.flatMap((r) =>
      r.conditions.flatMap((c) => (c.field === 'path-pattern' ? (c.regexValues ?? []) : [])),
    );
    expect(regexes.join(' ')).toContain('[^/]+\\.json');
  });

  it('GitHub, Box, versions and verbs: {base}...{head}, thumbnail.{extension}, v{version}, {name}:verb', () => {
    expectRight(
      modelOf([
        { method: 'GET', path: '/repos/{owner}/{repo}/compare/{base}...{head}', backend: 'compare' },
        { method: 'GET', path: '/repos/{owner}/{repo}/compare/{ref}', backend: 'refs' },
        { method: 'GET', path: '/files/{id}/thumbnail.{extension}', backend: 'thumbs' },
        { method: 'GET', path: '/files/{id}/{rendition}', backend: 'files' },
        { method: 'GET', path: '/v{version}/status', backend: 'status' },
        { method: 'GET', path: '/v1/status', backend: 'legacy' },
        { method: 'POST', path: '/models/{name}:predict', backend: 'predict' },
        { method: 'POST', path: '/models/{name}:batchPredict', backend: 'batch' },
        { method: 'GET', path: '/models/{name}', backend: 'models' },
      ]),
    );
  });

  it('probes the {param}.json neighbours', () => {
    const model = modelOf([
      { method: 'GET', path: '/Accounts/{Sid}.json', backend: 'a' },
      { method: 'GET', path: '/Accounts/{Sid}', backend: 'b' },
    ]);
    const probes = adversarialRequests(model).map((p) => [p.request.path, p.owner?.id]);
    expect(probes).toContainEqual(['/Accounts/zz1m0.json', 'GET /Accounts/{}.json']);
    expect(probes).toContainEqual(['/Accounts/zz1', 'GET /Accounts/{}']);
    expect(probes).toContainEqual(['/Accounts/zz1m0.json.json', 'GET /Accounts/{}.json']);
  });

  it('a spec with mixed segments generates ALB rules for every route', async () => {
    const model = await loadModel(
      writeSpec(`openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan:
  backends:
    a: { url: 'http://a.internal' }
    b: { url: 'http://b.internal' }
  defaults: { backend: a }
paths:
  /Accounts/{Sid}.json:
    get: { x-gateplan: { backend: b }, responses: { '200': { description: ok } } }
  /Accounts/{Sid}:
    get: { responses: { '200': { description: ok } } }
`),
    );
    const plan = compileVerified(model);
    expect(plan.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan.listeners[0]!.rules.flatMap((r) => r.routes).sort()).toEqual([
      'GET /Accounts/{}',
      'GET /Accounts/{}.json',
    ]);
    expectRight(model);
  });
});
