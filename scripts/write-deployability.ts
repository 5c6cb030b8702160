import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusEntries, HAS_CORPUS } from '../test/support/corpus.js';
import { deploySpec } from '../test/support/deployability.js';
import { replaceBlock, row, TABLE_FILE } from '../test/support/deployability-table.js';
import { tempDir } from '../test/support/temp.js';

/**
 * Rewrites the deployability table in docs/deployability.md (`npm run deployability`): the
 * user's path (init, then generate for every front door) on every corpus spec.
 */
if (!HAS_CORPUS) {
  console.error('../shared/corpus not found beside the repo: nothing to measure');
  process.exit(2);
}
const rows: string[] = [];
for (const entry of corpusEntries()) rows.push(row(entry.id, await deploySpec(entry.file, tempDir())));
const file = join(import.meta.dirname, '..', TABLE_FILE);
writeFileSync(file, replaceBlock(readFileSync(file, 'utf8'), rows));
console.log(`wrote ${TABLE_FILE}`);
