import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { costChart } from '../../src/cost/chart.js';
import { estimateCosts } from '../../src/cost/estimate.js';
import { FRONT_DOORS } from '../../src/cost/options.js';
import { parsePrices, type Prices } from '../../src/cost/prices.js';
import { DEFAULT_PROFILE } from '../../src/cost/traffic.js';
import { REPO, modelOf } from '../support/pipeline.js';

const prices = parsePrices(JSON.parse(readFileSync(join(REPO, 'data/prices/us-east-1.json'), 'utf8')), 'p')
  .prices as Prices;

type Node = Record<string, unknown>;
/** Every element named `name` anywhere below `node`, attributes prefixed `@`. */
function all(node: unknown, name: string): Node[] {
  if (Array.isArray(node)) return node.flatMap((n) => all(n, name));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Node).flatMap(([key, value]) => [
    ...(key === name
      ? (Array.isArray(value) ? value : [value]).filter((v): v is Node => typeof v === 'object')
      : []),
    ...all(value, name),
  ]);
}

async function chartFor(title: string) {
  const model = await modelOf('specs/bookstore.yaml');
  const report = estimateCosts(model, DEFAULT_PROFILE, prices, albPlanFacts(model));
  return { report, svg: costChart(report, prices, title) };
}

describe('cost chart', () => {
  it('is well-formed SVG with one series per option and a marker per crossover', async () => {
    const { report, svg } = await chartFor('Bookstore API');
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg) as Node;
    expect(doc.svg).toBeDefined();
    const series = all(doc, 'g').filter((g) => g['@class'] === 'series');
    expect(series.map((g) => g['@data-option'])).toEqual([...FRONT_DOORS]);
    for (const g of series)
      expect(String((g.polyline as Node)['@points']).split(' ').length).toBeGreaterThan(100);
    const markers = all(doc, 'circle').filter((c) => c['@class'] === 'crossover');
    expect(report.crossovers.length).toBeGreaterThan(0);
    expect(markers.map((m) => Number(m['@data-requests']))).toEqual(
      report.crossovers.map((c) => Math.round(c.requests)),
    );
  });

  it('escapes a title taken from the spec', async () => {
    const { svg } = await chartFor('A & B <API> "quoted"');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('A &amp; B &lt;API&gt; &quot;quoted&quot;');
  });

  it('keeps every coordinate finite with no traffic at all', async () => {
    const model = await modelOf('specs/bookstore.yaml');
    const report = estimateCosts(
      model,
      { ...DEFAULT_PROFILE, requestsPerMonth: 0 },
      prices,
      albPlanFacts(model),
    );
    const svg = costChart(report, prices, 'idle');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('is the same bytes on every run', async () => {
    expect((await chartFor('x')).svg).toBe((await chartFor('x')).svg);
  });

  it('puts each crossover label where it covers no marker and no other label', async () => {
    const { svg } = await chartFor('Bookstore API');
    const circles = [
      ...svg.matchAll(/<circle class="crossover"[^>]* cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"/g),
    ].map(([, x, y, r]) => ({ x: Number(x), y: Number(y), r: Number(r) }));
    // A label's box, estimated independently: 6 px per character at 10 px, 8 px above the baseline.
    const labels = [
      ...svg.matchAll(
        /<text class="crossover-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(\w+)"[^>]*>([^<]+)</g,
      ),
    ].map(([, x, y, anchor, text]) => {
      const width = text!.length * 6;
      const left =
        anchor === 'start' ? Number(x) : anchor === 'end' ? Number(x) - width : Number(x) - width / 2;
      return { text, left, right: left + width, top: Number(y) - 8, bottom: Number(y) + 1 };
    });
    expect(labels).toHaveLength(circles.length);
    expect(circles.length).toBeGreaterThanOrEqual(4);
    for (const label of labels) {
      for (const c of circles) {
        const nearestX = Math.max(label.left, Math.min(c.x, label.right));
        const nearestY = Math.max(label.top, Math.min(c.y, label.bottom));
        expect(Math.hypot(c.x - nearestX, c.y - nearestY), `${label.text} over a marker`).toBeGreaterThan(
          c.r,
        );
      }
      for (const other of labels)
        if (other !== label)
          expect(
            label.left < other.right &&
              other.left < label.right &&
              label.top < other.bottom &&
              other.top < label.bottom,
            `${label.text} over ${other.text}`,
          ).toBe(false);
    }
  });
});
