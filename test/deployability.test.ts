/**
 * The user's path on every corpus spec — `gateplan init <spec> --config C`, then
 * `gateplan generate <spec> --config C --target apigw-rest,apigw-http,alb,terraform` — and
 * whether what it writes deploys (see test/support/deployability.ts for what is checked).
 *
 * docs/deployability.md records the outcome, spec × front door; each test checks its row, so
 * the table cannot go stale: after a change that moves a cell, run `npm run deployability`
 * and commit the table with the change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announceCfnConstraints } from './support/cfn-constraints.js';
import { announceCorpus, corpusEntries, HAS_CORPUS } from './support/corpus.js';
import { deploySpec } from './support/deployability.js';
import { cell, readRows, readSummary, row, summary, TABLE_FILE } from './support/deployability-table.js';
import { REPO } from './support/pipeline.js';
import { tempDir } from './support/temp.js';

announceCorpus();
announceCfnConstraints();

const table = readFileSync(join(REPO, TABLE_FILE), 'utf8');
const rows = readRows(table);

/**
 * Front doors whose files are written but do not deploy yet, each with the reason. This list
 * only shrinks: a cell that becomes invalid fails, and so does one listed here that is fixed.
 */
const KNOWN_INVALID: Record<string, string> = {};

describe.skipIf(!HAS_CORPUS)('every corpus spec: init, then generate for every front door', () => {
  for (const entry of corpusEntries()) {
    it(entry.id, async () => {
      const outcome = await deploySpec(entry.file, tempDir());
      expect(outcome.configErrors, 'errors caused by the file init wrote').toEqual([]);
      for (const target of outcome.targets) {
        const known = KNOWN_INVALID[`${entry.id} ${target.target}`];
        if (known)
          expect(target.problems.length, `fixed? drop it from KNOWN_INVALID: ${known}`).toBeGreaterThan(0);
        else expect(target.problems, `${target.target} wrote files that do not deploy`).toEqual([]);
      }
      expect(
        row(entry.id, outcome),
        `${TABLE_FILE} is stale for ${entry.id} (${outcome.targets.map(cell).join(', ')}): run \`npm run deployability\``,
      ).toBe(rows.get(entry.id));
    });
  }

  it(`${TABLE_FILE} has a row for every corpus spec, and its summary adds them up`, () => {
    expect([...rows.keys()].sort()).toEqual(
      corpusEntries()
        .map((e) => e.id)
        .sort(),
    );
    expect(readSummary(table)).toBe(summary([...rows.values()]));
  });
});
