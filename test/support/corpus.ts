import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './pipeline.js';

/** The shared corpus lives beside the repo; a user's clone does not have it. */
export const CORPUS_DIR = join(REPO, '..', 'shared', 'corpus');
export const HAS_CORPUS = existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));

export interface CorpusEntry {
  id: string;
  /** Absolute path of the entry file. */
  file: string;
  format: string;
  operations: number;
}

export function corpusEntries(): CorpusEntry[] {
  if (!HAS_CORPUS) return [];
  const [header, ...rows] = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = header!.split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    const file = get('file');
    return {
      id: file.split('/')[1]!,
      file: join(CORPUS_DIR, file),
      format: get('format'),
      operations: Number(get('operations')),
    };
  });
}

/** Call at the top of a corpus test file: says loudly why the tests are skipped. */
export function announceCorpus(): boolean {
  if (!HAS_CORPUS) {
    console.warn(
      `[gateplan] ../shared/corpus not found beside the repo: corpus tests are SKIPPED (expected in a user's clone).`,
    );
  }
  return HAS_CORPUS;
}
