import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staleClassifiers, unclassifiedCodes } from '../../src/compare/classify.js';
import { compare } from '../../src/compare/compare.js';
import type { CompareReport } from '../../src/compare/report.js';
import { compareFormatters } from '../../src/compare/render.js';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { estimateCosts } from '../../src/cost/estimate.js';
import { parsePrices, type Prices } from '../../src/cost/prices.js';
import { DEFAULT_PROFILE } from '../../src/cost/traffic.js';
import type { RouteModel } from '../../src/model/types.js';
import { announceCorpus, corpusEntries } from '../support/corpus.js';
import { REPO, modelOf, writeSpec } from '../support/pipeline.js';

const prices = parsePrices(JSON.parse(readFileSync(join(REPO, 'data/prices/us-east-1.json'), 'utf8')), 'p')
  .prices as Prices;

function compareModel(model: RouteModel, requestsPerMonth = DEFAULT_PROFILE.requestsPerMonth): CompareReport {
  const cost = estimateCosts(model, { ...DEFAULT_PROFILE, requestsPerMonth }, prices, albPlanFacts(model));
  return compare(model, cost);
}

const cell = (
  report: CompareReport,
  feature: string,
  door: 'apigw-rest' | 'apigw-http' | 'alb' | 'apigw-http+alb',
) => report.rows.find((r) => r.feature === feature)?.cells[door];

describe('gateplan compare', () => {
  it('classifies every API Gateway and ALB code into a row or the quota table', () => {
    const hint = 'keep CLASSIFIERS in src/compare/classify.ts in step with the API Gateway / ALB codes';
    expect(unclassifiedCodes(), hint).toEqual([]);
    expect(staleClassifiers(), hint).toEqual([]);
  });

  it('reads each cell from the findings the targets emit for the bookstore', async () => {
    const report = compareModel(await modelOf('specs/bookstore.yaml'));
    expect(cell(report, 'weighted-routing', 'apigw-rest')).toMatchObject({
      support: 'impossible',
      routes: ['GET /v2/books/{bookId}'],
      codes: ['GP106'],
    });
    expect(cell(report, 'weighted-routing', 'alb')).toMatchObject({ support: 'native', codes: [] });
    expect(cell(report, 'throttling', 'alb')).toMatchObject({ support: 'emulated', codes: ['GP204'] });
    expect(cell(report, 'stages', 'alb')).toMatchObject({ support: 'emulated', codes: ['GP203'] });
    expect(cell(report, 'cors', 'alb')).toMatchObject({ support: 'impossible', codes: ['GP202'] });
    expect(cell(report, 'canary', 'apigw-http')).toMatchObject({ support: 'impossible', codes: ['GP112'] });
    expect(cell(report, 'request-validation', 'apigw-rest')).toMatchObject({ support: 'native' });
    // The combined door takes whichever layer can do it.
    expect(cell(report, 'canary', 'apigw-http+alb')?.support).toBe('native');
    expect(cell(report, 'cors', 'apigw-http+alb')?.support).toBe('native');
    // Silence is not support: API Gateway has no target groups.
    expect(cell(report, 'sticky-sessions', 'apigw-http')?.support).toBe('impossible');
  });

  it('recommends the HTTP API for a plain spec, with the volume where it stops being cheapest', async () => {
    const spec = writeSpec(`openapi: 3.0.3
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
`);
    const report = compareModel(await modelOf(spec));
    expect(report.recommendation.door).toBe('apigw-http');
    expect(report.recommendation.summary).toMatch(
      /^API Gateway HTTP: every feature native, cheapest below [\d.]+M requests\/month$/,
    );
    // Past the crossover the same spec is cheaper on ALB, and every feature still works there.
    const busy = compareModel(await modelOf(spec), 2e9);
    expect(busy.recommendation.door).toBe('alb');
  });

  it('bookstore: golden markdown and json', async () => {
    const report = compareModel(await modelOf('specs/bookstore.yaml'));
    await expect(compareFormatters.markdown(report, { color: false })).toMatchFileSnapshot(
      'golden/bookstore.md',
    );
    await expect(compareFormatters.json(report, { color: false })).toMatchFileSnapshot(
      'golden/bookstore.json',
    );
    await expect(compareFormatters.text(report, { color: false })).toMatchFileSnapshot(
      'golden/bookstore.txt',
    );
  });
});

describe.skipIf(!announceCorpus())('gateplan compare on corpus specs', () => {
  const picks = ['sw2-aws-secure-pet-store', 'oas30-swagger-petstore'];
  for (const id of picks) {
    it(`${id}: golden markdown`, async () => {
      const entry = corpusEntries().find((e) => e.id === id);
      expect(entry, `${id} is in the corpus manifest`).toBeDefined();
      const report = compareModel(await modelOf(entry!.file));
      await expect(compareFormatters.markdown(report, { color: false })).toMatchFileSnapshot(
        `golden/${id}.md`,
      );
    });
  }
});
