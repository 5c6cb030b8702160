/**
 * `compare` recommends only a front door that generates, counts the routes each door serves
 * from what its target writes, and keeps its output readable on large APIs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import type { CompareReport } from '../../src/compare/report.js';
import { compareFormatters } from '../../src/compare/render.js';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { estimateCosts } from '../../src/cost/estimate.js';
import { parsePrices, type Prices } from '../../src/cost/prices.js';
import { DEFAULT_PROFILE } from '../../src/cost/traffic.js';
import type { RouteModel } from '../../src/model/types.js';
import { generate } from '../../src/targets/generate.js';
import { announceCorpus, corpusEntries } from '../support/corpus.js';
import { oas } from '../support/check.js';
import { REPO, modelOf, writeSpec } from '../support/pipeline.js';
import { initModel } from '../support/deployability.js';
import { spawnCli } from '../support/spawn.js';
import { tempDir } from '../support/temp.js';

const prices = parsePrices(JSON.parse(readFileSync(join(REPO, 'data/prices/us-east-1.json'), 'utf8')), 'p')
  .prices as Prices;
const compareModel = (model: RouteModel): CompareReport =>
  compare(model, estimateCosts(model, DEFAULT_PROFILE, prices, albPlanFacts(model)));
const file = (id: string) => corpusEntries().find((e) => e.id === id)!.file;

/** Routes of the model that the door's import document has an operation for. */
function servedInDocument(model: RouteModel, door: 'apigw-rest' | 'apigw-http'): number {
  const doc = JSON.parse(
    generate(model, { targets: [door] }).artifacts.find((a) => a.path === `${door}/openapi.json`)!.content,
  ) as { paths: Record<string, Record<string, unknown>> };
  return model.routes.filter((r) => {
    const item = doc.paths[r.path];
    return (
      item?.[r.method === 'ANY' ? 'x-amazon-apigateway-any-method' : r.method.toLowerCase()] !== undefined
    );
  }).length;
}

const AWS_SAMPLES = ['oas30-aws-sp-ddb-crud', 'oas30-aws-sp-xray-terraform', 'oas30-aws-sp-kinesis'];

describe.skipIf(!announceCorpus())('compare runs the targets', () => {
  const reports = new Map<string, { model: RouteModel; report: CompareReport }>();
  beforeAll(async () => {
    for (const id of [...AWS_SAMPLES, 'sw2-aws-secure-pet-store', 'oas30-swagger-petstore']) {
      const model = await modelOf(file(id));
      reports.set(id, { model, report: compareModel(model) });
    }
  });

  it('AWS samples that keep x-amazon-apigateway-integration: a row of their own, REST recommended', () => {
    for (const id of AWS_SAMPLES.filter((x) => x !== 'oas30-aws-sp-xray-terraform')) {
      const { report } = reports.get(id)!;
      const row = report.rows.find((r) => r.feature === 'integration-existing')!;
      expect(row.label, id).toBe('kept x-amazon-apigateway-integration');
      expect(row.cells.alb.support, id).toBe('impossible');
      expect(report.deploy.alb.generates, id).toBe(false);
      expect(report.recommendation.door, id).toBe('apigw-rest');
      expect(compareFormatters.text(report, { color: false })).toContain('recommendation: API Gateway REST');
    }
  });

  it('a Lambda proxy the spec names by a template variable is served by ALB too (its ARN a parameter)', () => {
    const { report } = reports.get('oas30-aws-sp-xray-terraform')!;
    expect(report.deploy.alb.generates).toBe(true);
    expect(report.rows.find((r) => r.feature === 'integration-existing')!.cells.alb.support).toBe('native');
  });

  it('an HTTP API that leaves out every route does not generate (GP150): routes served says so', () => {
    const { report } = reports.get('oas30-aws-sp-kinesis')!;
    expect(report.deploy['apigw-http']).toMatchObject({ generates: false, servedRoutes: 0 });
    const served = report.rows.find((r) => r.feature === 'routes')!;
    expect(served.cells['apigw-http']).toMatchObject({
      support: 'impossible',
      routes: ['POST /submit/{streamName}/{eventId}'],
    });
    expect(served.cells['apigw-rest'].support).toBe('native');
  });

  it('counts the routes a door serves as its import document has them', () => {
    for (const [id, { model, report }] of reports)
      for (const door of ['apigw-rest', 'apigw-http'] as const)
        if (report.deploy[door].generates)
          expect(report.deploy[door].servedRoutes, `${id} ${door}`).toBe(servedInDocument(model, door));
  });

  it('never recommends a door whose target refuses the spec', () => {
    for (const [id, { report }] of reports) {
      const door = report.recommendation.door;
      if (door) expect(report.deploy[door].generates, id).toBe(true);
      else
        expect(
          Object.values(report.deploy).every((d) => !d.generates),
          id,
        ).toBe(true);
    }
  });
});

describe.skipIf(!announceCorpus())('compare on a large API (Stripe, 446 routes)', () => {
  let report: CompareReport;
  beforeAll(async () => {
    report = compareModel(await modelOf(file('oas30-stripe')));
  });

  it('recommends no door the 300-route HTTP API quota refuses, and says the spec has no backends yet', () => {
    expect(report.deploy['apigw-http'].generates).toBe(false);
    expect(report.deploy['apigw-http+alb'].generates).toBe(false);
    expect(report.recommendation.door).not.toBe('apigw-http+alb');
    expect(report.recommendation.reasons[0]).toMatch(
      /^the spec has 446 errors every front door shares \(no backend for/,
    );
  });

  it('prints a page, not the route list over and over', () => {
    for (const format of ['text', 'markdown'] as const) {
      const out = compareFormatters[format](report, { color: false });
      expect(out.length, format).toBeLessThan(10_000);
      expect(Math.max(...out.split('\n').map((l) => l.length)), format).toBeLessThan(600);
    }
  });
});

describe.skipIf(!announceCorpus())('gateplan compare, the process', () => {
  it('exits 0 with a recommendation on the AWS Kinesis sample (it crashed on padEnd before)', async () => {
    const run = await spawnCli(['compare', file('oas30-aws-sp-kinesis')]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kept x-amazon-apigateway-integration');
  });
});

describe('compare counts what each door serves (leaveOutOf)', () => {
  const spec = (door: string) =>
    oas(`x-gateplan:
  backends: { svc: { url: 'https://svc.example.com' } }
  defaults: { backend: svc }
paths:
  /a/b/c:
    get: { x-gateplan: { leaveOutOf: [${door}] }, responses: { '200': { description: ok } } }
  /d:
    get: { responses: { '200': { description: ok } } }
    post: { responses: { '200': { description: ok } } }
`);
  const quota = (report: CompareReport, door: string) =>
    report.quotas.lines.find((l) => l.door === door && /per API/.test(l.quota))!.used;

  it('a route left out of the HTTP API: served routes, quota and recommendation leave it out there', async () => {
    const report = compareModel(await modelOf(writeSpec(spec('apigw-http'))));
    expect(report.deploy['apigw-http']).toMatchObject({ servedRoutes: 2, leftOut: ['GET /a/b/c'] });
    expect(report.deploy['apigw-rest']).toMatchObject({ servedRoutes: 3, leftOut: [] });
    expect(report.deploy['apigw-http+alb']).toMatchObject({ servedRoutes: 3, leftOut: [] });
    expect(report.rows.find((r) => r.feature === 'routes')!.cells['apigw-http'].support).toBe('impossible');
    expect(quota(report, 'apigw-http')).toBe(2);
    expect(quota(report, 'apigw-rest')).toBe(4);
    // The cheapest door that serves every route wins, not the HTTP API that serves two of three.
    expect(report.recommendation.door).not.toBe('apigw-http');
  });

  it('a route left out of the REST API: its resources are not counted', async () => {
    const report = compareModel(await modelOf(writeSpec(spec('apigw-rest'))));
    expect(report.deploy['apigw-rest']).toMatchObject({ servedRoutes: 2, leftOut: ['GET /a/b/c'] });
    expect(report.deploy['apigw-http']).toMatchObject({ servedRoutes: 3, leftOut: [] });
    expect(quota(report, 'apigw-rest')).toBe(1);
    expect(quota(report, 'apigw-http')).toBe(3);
  });

  it('a route left out of ALB: HTTP API + ALB leaves it out too (the ALB behind answers 404)', async () => {
    const report = compareModel(await modelOf(writeSpec(spec('alb'))));
    expect(report.deploy.alb).toMatchObject({ servedRoutes: 2, leftOut: ['GET /a/b/c'] });
    expect(report.deploy['apigw-http+alb']).toMatchObject({ servedRoutes: 2, leftOut: ['GET /a/b/c'] });
    expect(report.deploy['apigw-http']).toMatchObject({ servedRoutes: 3, leftOut: [] });
  });
});

describe.skipIf(!announceCorpus())('compare with the gateplan.yaml init writes (AWS samples)', () => {
  it('recommends REST, which alone serves the routes init leaves out of the HTTP API and ALB', async () => {
    for (const id of [
      ...AWS_SAMPLES.filter((x) => x !== 'oas30-aws-sp-xray-terraform'),
      'sw2-aws-secure-pet-store',
    ]) {
      const init = await initModel(file(id), tempDir());
      if (!init.ok) throw new Error(`${id} does not load`);
      const { model, scaffold } = init;
      expect(scaffold.leftOut, id).toBeGreaterThan(0);
      const report = compareModel(model);
      const routes = model.routes.length;
      expect(report.deploy['apigw-rest'].servedRoutes, id).toBe(routes);
      for (const door of ['apigw-http', 'alb', 'apigw-http+alb'] as const)
        expect(report.deploy[door].servedRoutes, `${id} ${door}`).toBe(routes - scaffold.leftOut);
      expect(
        report.quotas.lines.find((l) => l.door === 'apigw-http' && /routes per API/.test(l.quota))!.used,
        id,
      ).toBe(routes - scaffold.leftOut);
      expect(report.recommendation.door, id).toBe('apigw-rest');
    }
  });
});
