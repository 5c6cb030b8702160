import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { compareFormatters } from '../../src/compare/render.js';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { estimateCosts } from '../../src/cost/estimate.js';
import { parsePrices, type Prices } from '../../src/cost/prices.js';
import { DEFAULT_PROFILE } from '../../src/cost/traffic.js';
import { REPO, modelOf } from '../support/pipeline.js';

/** Table rows compared cell by cell: prettier pads the doc's tables, the command does not. */
const cells = (line: string) =>
  line
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' | ');

describe('README.md', () => {
  it('shows what `gateplan compare specs/bookstore.yaml --format markdown` prints today', async () => {
    const prices = parsePrices(
      JSON.parse(readFileSync(join(REPO, 'data/prices/us-east-1.json'), 'utf8')),
      'p',
    ).prices as Prices;
    const model = await modelOf('specs/bookstore.yaml');
    const report = compare(model, estimateCosts(model, DEFAULT_PROFILE, prices, albPlanFacts(model)));
    const doc = readFileSync(join(REPO, 'README.md'), 'utf8');
    const docLines = new Set(doc.split('\n').map((l) => (l.startsWith('|') ? cells(l) : l.trim())));
    const output = compareFormatters
      .markdown(report, { color: false })
      .split('\n')
      .slice(2) // the doc has its own heading
      .filter((l) => l.trim() && !/^\|[-:| ]+\|$/.test(l));
    const missing = output.filter((l) => !docLines.has(l.startsWith('|') ? cells(l) : l.trim()));
    expect(missing, 'regenerate the compare output in README.md').toEqual([]);
  });
});
