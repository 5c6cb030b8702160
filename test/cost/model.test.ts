import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { albFacts } from '../../src/cost/alb-facts.js';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { estimateCosts } from '../../src/cost/estimate.js';
import { allCrossovers, cheapestRanges } from '../../src/cost/crossover.js';
import { priceOption } from '../../src/cost/options.js';
import { parsePrices, type Prices } from '../../src/cost/prices.js';
import { DEFAULT_PROFILE, parseProfile, parseVolume } from '../../src/cost/traffic.js';
import { workloadOf, type Workload } from '../../src/cost/workload.js';
import { oas } from '../support/check.js';
import { REPO, modelOf, writeSpec } from '../support/pipeline.js';

const PRICES_FILE = join(REPO, 'data/prices/us-east-1.json');
const parsed = parsePrices(JSON.parse(readFileSync(PRICES_FILE, 'utf8')), PRICES_FILE);
const prices = parsed.prices as Prices;
const GIB = 1024 ** 3;
const ALB_MONTH = 730 * 0.0225;

/** A workload whose only ALB charge is the one a test is about. */
function workload(overrides: Partial<Workload> = {}): Workload {
  return {
    httpUnitsPerRequest: 1,
    httpUnitsPerRequestBeforeAlb: 1,
    bytesToIpTargets: 0,
    bytesToLambdaTargets: 0,
    rulesProcessedPerRequest: 0,
    billableRulesPerRequest: 0,
    albRules: 0,
    quotaRules: { total: 0, fallback: 0, quota: 100 },
    behindApi: {
      albRules: 0,
      quotaRules: { total: 0, fallback: 0, quota: 100 },
      rulesProcessedPerRequest: 0,
      billableRulesPerRequest: 0,
    },
    requestsPerConnection: 1e12,
    connectionSeconds: 1,
    waf: { webAcls: 0, rules: 0 },
    ...overrides,
  };
}
const cost = (option: Parameters<typeof priceOption>[0], requests: number, w = workload()) =>
  priceOption(option, requests, w, prices).monthlyUsd;

describe('price file', () => {
  it('is valid and every price group says where it came from', () => {
    expect(parsed.diagnostics).toEqual([]);
    for (const group of [prices.apigwRest, prices.apigwHttp, prices.alb, prices.waf]) {
      expect(group.source).toMatch(/^https:\/\//);
      expect(group.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('rejects unknown keys and a bounded last tier, at the offending key', () => {
    const bad = JSON.parse(readFileSync(PRICES_FILE, 'utf8')) as Record<string, Record<string, unknown>>;
    bad.alb!.usdPerHuor = 1;
    expect(parsePrices(bad, 'p.json').diagnostics.map((d) => [d.code, d.where.pointer])).toEqual([
      ['GP602', '/alb'],
    ]);
    const tiers = JSON.parse(readFileSync(PRICES_FILE, 'utf8')) as Prices;
    tiers.apigwHttp.requestTiers = [{ millions: 300, usdPerMillion: 1 }];
    expect(parsePrices(tiers, 'p.json').diagnostics.map((d) => d.where.pointer)).toEqual([
      '/apigwHttp/requestTiers/0',
    ]);
  });
});

describe('API Gateway REST tiers', () => {
  it.each([
    [1e6, 3.5],
    [333e6, 333 * 3.5],
    [334e6, 333 * 3.5 + 2.8],
    [1e9, 333 * 3.5 + 667 * 2.8],
    [20e9, 333 * 3.5 + 667 * 2.8 + 19000 * 2.38],
    [21e9, 333 * 3.5 + 667 * 2.8 + 19000 * 2.38 + 1000 * 1.51],
  ])('%d requests cost %d', (requests, usd) => {
    expect(cost('apigw-rest', requests)).toBeCloseTo(usd, 6);
  });
});

describe('API Gateway HTTP', () => {
  it('switches tier at 300M billed requests', () => {
    expect(cost('apigw-http', 300e6)).toBeCloseTo(300, 6);
    expect(cost('apigw-http', 400e6)).toBeCloseTo(300 + 100 * 0.9, 6);
  });

  it('meters each request in 512 KB units', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const units = (requestBytes: number) =>
      workloadOf(
        model,
        { ...DEFAULT_PROFILE, requestBytes },
        albFacts({ listeners: [], usage: { rules: 0, fallbackRules: 0 } }, 100),
        prices,
        albFacts({ listeners: [], usage: { rules: 0, fallbackRules: 0 } }, 100),
      ).workload.httpUnitsPerRequest;
    expect(units(0)).toBeCloseTo(1, 9);
    expect(units(512 * 1024)).toBeCloseTo(1, 9);
    expect(units(512 * 1024 + 1)).toBeCloseTo(2, 9);
    expect(units(600 * 1024)).toBeCloseTo(2, 9);
    expect(units(1536 * 1024)).toBeCloseTo(3, 9);
    // 10M requests of 600 KB bill as 20M requests.
    expect(cost('apigw-http', 10e6, workload({ httpUnitsPerRequest: units(600 * 1024) }))).toBeCloseTo(20, 6);
  });

  it('meters only the routes the HTTP API serves: one left out of it (leaveOutOf) goes to another door', async () => {
    const spec = oas(`x-gateplan:
  backends: { svc: { url: 'https://svc.example.com' } }
  defaults: { backend: svc }
paths:
  /upload:
    post: { operationId: upload, x-gateplan: { leaveOutOf: [apigw-http] }, responses: { '200': { description: ok } } }
  /small:
    get: { operationId: small, responses: { '200': { description: ok } } }
`);
    const model = await modelOf(writeSpec(spec));
    const { profile, diagnostics } = parseProfile(
      { routes: { upload: { share: 50, requestBytes: 1536 * 1024 } } },
      'p.yaml',
      730,
    );
    expect(diagnostics).toEqual([]);
    const report = estimateCosts(model, { ...profile, requestsPerMonth: 10e6 }, prices, albPlanFacts(model));
    // The HTTP API serves only /small (one unit a request); in front of an ALB it serves both.
    expect(report.workload.httpUnitsPerRequest).toBeCloseTo(1, 9);
    expect(report.workload.httpUnitsPerRequestBeforeAlb).toBeCloseTo(0.5 * 3 + 0.5 * 1, 9);
    const usd = (option: string, item: RegExp) =>
      report.options
        .find((o) => o.option === option)!
        .breakdown.filter((i) => item.test(i.item))
        .reduce((sum, i) => sum + i.usd, 0);
    expect(usd('apigw-http', /^HTTP API requests/)).toBeCloseTo(10, 6);
    expect(usd('apigw-http+alb', /^HTTP API requests/)).toBeCloseTo(20, 6);
  });
});

describe('ALB', () => {
  it('charges 730 hours even with no traffic', () => {
    expect(cost('alb', 0)).toBeCloseTo(ALB_MONTH, 6);
  });

  it('processed bytes: 1 GB/h per LCU for IP targets, 0.4 GB/h for Lambda', () => {
    const bytes = 100 * 1024;
    // LCU-hours in a month = requests × bytes / GiB (the hours cancel out).
    const ip = priceOption('alb', 10e6, workload({ bytesToIpTargets: bytes }), prices);
    expect(ip.lcu?.dominant).toBe('processedBytes');
    expect(ip.monthlyUsd).toBeCloseTo(ALB_MONTH + ((10e6 * bytes) / GIB) * 0.008, 6);
    const lambda = priceOption('alb', 10e6, workload({ bytesToLambdaTargets: bytes }), prices);
    expect(lambda.monthlyUsd).toBeCloseTo(ALB_MONTH + ((10e6 * bytes) / GIB / 0.4) * 0.008, 6);
  });

  it('new connections: 25 per second per LCU', () => {
    const r = priceOption('alb', 10e6, workload({ requestsPerConnection: 1 }), prices);
    expect(r.lcu?.dominant).toBe('newConnections');
    expect(r.monthlyUsd).toBeCloseTo(ALB_MONTH + (10e6 / 25 / 3600) * 0.008, 6);
  });

  it('active connections: 3,000 per LCU, from new connections × duration', () => {
    const r = priceOption(
      'alb',
      10e6,
      workload({ requestsPerConnection: 10, connectionSeconds: 600 }),
      prices,
    );
    expect(r.lcu?.dominant).toBe('activeConnections');
    expect(r.monthlyUsd).toBeCloseTo(ALB_MONTH + (((10e6 / 10) * 600) / 3000 / 3600) * 0.008, 6);
  });

  it('rule evaluations: the first 10 rules a request meets are free', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const routes = model.routes.map((r) => r.id);
    // 25 rules, one route each, in route order: route i is matched by rule i + 1.
    const plan = {
      listeners: [
        {
          name: 'main',
          rules: Array.from({ length: 25 }, (_, i) => ({ routes: routes[i] ? [routes[i]!] : [] })),
        },
      ],
      usage: { rules: 25, fallbackRules: 0 },
    };
    const only = (route: string) => ({ ...DEFAULT_PROFILE, routes: [{ route, share: 100, pointer: '' }] });
    const w = (route: string) =>
      workloadOf(model, only(route), albFacts(plan, 100), prices, albFacts(plan, 100)).workload;
    expect(w(model.routes[0]!.id).billableRulesPerRequest).toBe(0);
    expect(w(model.routes[9]!.id).billableRulesPerRequest).toBe(0);
    expect(w(model.routes[10]!.id).billableRulesPerRequest).toBe(1);
    expect(w(model.routes[14]!.id).billableRulesPerRequest).toBe(5);
    const r = priceOption('alb', 10e6, workload({ billableRulesPerRequest: 15 }), prices);
    expect(r.lcu?.dominant).toBe('ruleEvaluations');
    expect(r.monthlyUsd).toBeCloseTo(ALB_MONTH + ((10e6 * 15) / 1000 / 3600) * 0.008, 6);
  });

  it('a route no rule serves falls through every rule of the listener', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const plan = {
      listeners: [
        { name: 'main', rules: Array.from({ length: 14 }, () => ({ routes: ['GET /elsewhere'] })) },
      ],
      usage: { rules: 14, fallbackRules: 0 },
    };
    const w = workloadOf(model, DEFAULT_PROFILE, albFacts(plan, 100), prices, albFacts(plan, 100)).workload;
    expect(w.rulesProcessedPerRequest).toBeCloseTo(14, 9);
    expect(w.billableRulesPerRequest).toBeCloseTo(4, 9);
  });

  it('adds WAF (web ACL, rules, requests) when the plan throttles with WAF, but not behind an HTTP API', () => {
    const w = workload({ waf: { webAcls: 1, rules: 3 } });
    expect(cost('alb', 10e6, w)).toBeCloseTo(ALB_MONTH + 5 + 3 + 6, 6);
    expect(cost('apigw-http+alb', 10e6, w)).toBeCloseTo(ALB_MONTH + 10, 6);
  });
});

describe('traffic from the spec', () => {
  it('sends Lambda-backed routes through the 0.4 GB/h dimension and splits weighted backends', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const profile = {
      ...DEFAULT_PROFILE,
      requestBytes: 1000,
      responseBytes: 9000,
      routes: [
        { route: 'placeOrder', share: 50, pointer: '/routes/placeOrder' },
        { route: 'GET /v2/books/{bookId}', share: 50, pointer: '' },
      ],
    };
    const { workload: w, diagnostics } = workloadOf(
      model,
      profile,
      albFacts({ listeners: [], usage: { rules: 0, fallbackRules: 0 } }, 100),
      prices,
      albFacts({ listeners: [], usage: { rules: 0, fallbackRules: 0 } }, 100),
    );
    expect(diagnostics).toEqual([]);
    expect(w.bytesToLambdaTargets).toBeCloseTo(5000, 6);
    expect(w.bytesToIpTargets).toBeCloseTo(5000, 6);
  });

  it('warns about a route the spec does not have', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const profile = {
      ...DEFAULT_PROFILE,
      file: 'traffic.yaml',
      routes: [{ route: 'nope', share: 10, pointer: '/routes/nope' }],
    };
    const { diagnostics } = workloadOf(
      model,
      profile,
      albFacts({ listeners: [], usage: { rules: 0, fallbackRules: 0 } }, 100),
      prices,
      albFacts({ listeners: [], usage: { rules: 0, fallbackRules: 0 } }, 100),
    );
    expect(diagnostics.map((d) => [d.code, d.where.file, d.where.pointer])).toEqual([
      ['GP601', 'traffic.yaml', '/routes/nope'],
    ]);
  });
});

describe('crossovers, solved on the piecewise-linear curves', () => {
  it('small payloads, no billable rules: ALB is cheaper above a volume the fixed charge sets', () => {
    const bytes = 5 * 1024;
    const w = workload({ bytesToIpTargets: bytes, requestsPerConnection: 10, connectionSeconds: 20 });
    const albPerRequest = (bytes / GIB) * 0.008;
    const found = allCrossovers(w, prices);
    const at = (a: string, b: string) => found.filter((c) => c.a === a && c.b === b);
    expect(at('apigw-http', 'alb')).toHaveLength(1);
    expect(at('apigw-http', 'alb')[0]!.requests).toBeCloseTo(ALB_MONTH / (1e-6 - albPerRequest), 0);
    expect(at('apigw-http', 'alb')[0]!.cheaperAbove).toBe('alb');
    expect(at('apigw-rest', 'alb')[0]!.requests).toBeCloseTo(ALB_MONTH / (3.5e-6 - albPerRequest), 0);
    expect(at('apigw-rest', 'apigw-http+alb')[0]!.requests).toBeCloseTo(
      ALB_MONTH / (3.5e-6 - 1e-6 - albPerRequest),
      0,
    );
    expect(cheapestRanges(found, w, prices).map((r) => r.option)).toEqual(['apigw-http', 'alb']);
  });

  it('large Lambda responses: ALB never catches up with API Gateway', () => {
    const w = workload({
      bytesToLambdaTargets: 1024 * 1024 + 1024,
      requestsPerConnection: 10,
      connectionSeconds: 20,
    });
    const found = allCrossovers(w, prices);
    expect(found.filter((c) => c.a === 'apigw-http' && c.b === 'alb')).toEqual([]);
    expect(found.filter((c) => c.a === 'apigw-rest' && c.b === 'alb')).toEqual([]);
    expect(cheapestRanges(found, w, prices)).toEqual([{ from: 0, to: null, option: 'apigw-http' }]);
  });

  it('finds both crossings when a REST tier boundary lets REST win back', () => {
    // ALB at exactly $2.50 per million: cheaper than REST's $3.50 and $2.80 tiers, dearer than $2.38.
    const w = workload({ bytesToIpTargets: (2.5e-6 / 0.008) * GIB });
    const restAlb = allCrossovers(w, prices).filter((c) => c.a === 'apigw-rest' && c.b === 'alb');
    expect(restAlb.map((c) => c.cheaperAbove)).toEqual(['alb', 'apigw-rest']);
    expect(restAlb[0]!.requests).toBeCloseTo(ALB_MONTH / 1e-6, 0);
    // Past 1B: 3033.1 + 2.38/M × (R − 1B) = 16.425 + 2.50/M × R.
    expect(restAlb[1]!.requests).toBeCloseTo((333 * 3.5 + 667 * 2.8 - 2380 - ALB_MONTH) / 0.12e-6, 0);
  });
});

describe('profile input', () => {
  it.each([
    ['10M', 10e6],
    ['2.5B', 2.5e9],
    ['300k/month', 300e3],
    ['20/s', 20 * 730 * 3600],
    [5000, 5000],
  ] as const)('%s is %d requests/month', (text, expected) => {
    expect(parseVolume(text, 730)).toBe(expected);
  });

  it.each(['ten', '-5M', '5X', ''])('rejects %j', (text) => {
    expect(parseVolume(text, 730)).toBeUndefined();
  });

  it('reads a profile and keeps connections as a ratio to requests', () => {
    const { profile, diagnostics } = parseProfile(
      {
        requestsPerSecond: 100,
        responseBytes: 20000,
        newConnectionsPerSecond: 4,
        routes: { listBooks: 40, placeOrder: { share: 10, requestBytes: 2048 } },
      },
      'p.yaml',
      730,
    );
    expect(diagnostics).toEqual([]);
    expect(profile.requestsPerMonth).toBe(100 * 730 * 3600);
    expect(profile.requestsPerConnection).toBeCloseTo(25, 9);
    expect(profile.responseBytes).toBe(20000);
    expect(profile.routes.map((r) => [r.route, r.share, r.requestBytes])).toEqual([
      ['listBooks', 40, undefined],
      ['placeOrder', 10, 2048],
    ]);
  });

  it('reports bad keys and values at their pointer and keeps the defaults', () => {
    const { profile, diagnostics } = parseProfile(
      { requests: 'lots', requestBytes: -1, colour: 'red', routes: { a: 70, b: { share: 50 } } },
      'p.yaml',
      730,
    );
    expect(diagnostics.map((d) => [d.code, d.where.pointer])).toEqual([
      ['GP600', '/colour'],
      ['GP600', '/requests'],
      ['GP600', '/requestBytes'],
      ['GP600', '/routes'],
    ]);
    expect(profile.requestsPerMonth).toBe(DEFAULT_PROFILE.requestsPerMonth);
    expect(profile.requestBytes).toBe(DEFAULT_PROFILE.requestBytes);
  });
});

describe('crossovers for a spec and two traffic profiles, end to end', () => {
  const SPEC = `openapi: 3.0.3
info: { title: Plain, version: '1' }
x-gateplan:
  backends: { app: { url: 'http://app.internal:8080' } }
  defaults: { backend: app }
paths:
  /items:
    get: { responses: { '200': { description: ok } } }
  /items/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
`;
  const crossover = async (profileDoc: unknown) => {
    const model = await modelOf(writeSpec(SPEC));
    const alb = albPlanFacts(model);
    // A handful of rules: under the 10 free ones, so only bytes and connections cost LCUs.
    expect(Math.max(...alb.facts.listeners.map((l) => l.rules))).toBeLessThanOrEqual(10);
    const { profile, diagnostics } = parseProfile(profileDoc, 'p.yaml', 730);
    expect(diagnostics).toEqual([]);
    const report = estimateCosts(model, profile, prices, alb);
    return report.crossovers.find((c) => c.a === 'apigw-http' && c.b === 'alb');
  };

  it('small responses: ALB undercuts the HTTP API above 16.425 / (1 − bytes-rate) million', async () => {
    const c = await crossover({ requestBytes: 1024, responseBytes: 4096, requestsPerConnection: 10 });
    const perRequest = ((1024 + 4096) / GIB) * 0.008;
    expect(c?.cheaperAbove).toBe('alb');
    expect(c!.requests).toBeCloseTo(ALB_MONTH / (1e-6 - perRequest), 0);
  });

  it('100 KB responses: the same crossover moves out by the bytes ALB processes', async () => {
    const c = await crossover({ requestBytes: 1024, responseBytes: 102400, requestsPerConnection: 10 });
    const perRequest = ((1024 + 102400) / GIB) * 0.008;
    expect(c!.requests).toBeCloseTo(ALB_MONTH / (1e-6 - perRequest), 0);
    expect(c!.requests).toBeGreaterThan(70e6);
  });
});
