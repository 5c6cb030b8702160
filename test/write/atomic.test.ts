import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputBusyError, writeArtifacts } from '../../src/write/index.js';
import { tempDir } from '../support/temp.js';

/** A set of files that all say which run wrote them. */
const set = (run: string, files = 12) =>
  Array.from({ length: files }, (_, i) => ({
    path: i % 3 === 0 ? `nested/f${i}.txt` : `f${i}.txt`,
    content: `${run}\n`.repeat(200 + i),
  }));

/** Which runs the files on disk come from. */
function writers(out: string): Set<string> {
  const found = new Set<string>();
  for (const { path } of set('x')) found.add(readFileSync(join(out, path), 'utf8').split('\n')[0]!);
  return found;
}

function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) =>
    /gateplan-|\.gateplan\.lock/.test(n),
  );
}

describe('writeArtifacts: a reader sees the old set or the new one', () => {
  it('concurrent runs into one folder each leave a whole set, never a mix', async () => {
    const out = tempDir();
    for (let round = 0; round < 8; round++) {
      await Promise.all(['a', 'b', 'c'].map((run) => writeArtifacts(out, set(`${run}${round}`))));
      expect(writers(out).size, `round ${round}`).toBe(1);
    }
    expect(leftovers(out)).toEqual([]);
  });

  it('a rename that fails puts back the files already renamed', async () => {
    const out = tempDir({ 'a.txt': 'old a\n', 'c.txt': 'old c\n' });
    // A folder where b.txt goes: its rename fails after a.txt's succeeded.
    mkdirSync(join(out, 'b.txt/inside'), { recursive: true });
    const artifacts = ['a', 'b', 'c'].map((n) => ({ path: `${n}.txt`, content: `new ${n}\n` }));
    await expect(writeArtifacts(out, artifacts)).rejects.toThrow();
    expect(readFileSync(join(out, 'a.txt'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(out, 'c.txt'), 'utf8')).toBe('old c\n');
    expect(leftovers(out)).toEqual([]);
  });

  it('a file that did not exist before is removed again when a later rename fails', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'b.txt/inside'), { recursive: true });
    const artifacts = ['a', 'b'].map((n) => ({ path: `${n}.txt`, content: `new ${n}\n` }));
    await expect(writeArtifacts(out, artifacts)).rejects.toThrow();
    expect(existsSync(join(out, 'a.txt'))).toBe(false);
  });

  it('removes what a killed run left: temporary files, backups, its lock', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const out = tempDir({
      'a.txt.gateplan-tmp-deadbeef': 'half',
      'nested/b.txt.gateplan-old-0badf00d': 'backup',
      '.gateplan.lock': JSON.stringify({ pid: dead, host: hostname() }),
    });
    const result = await writeArtifacts(out, [
      { path: 'a.txt', content: 'a\n' },
      { path: 'nested/b.txt', content: 'b\n' },
    ]);
    expect(result.written).toEqual(['a.txt', 'nested/b.txt']);
    expect(leftovers(out)).toEqual([]);
  });

  it('waits for a live writer, then says who holds the folder', async () => {
    const out = tempDir({ '.gateplan.lock': JSON.stringify({ pid: process.pid, host: hostname() }) });
    const attempt = writeArtifacts(out, [{ path: 'a.txt', content: 'a\n' }], { lockWaitMs: 50 });
    await expect(attempt).rejects.toThrow(OutputBusyError);
    await expect(attempt).rejects.toThrow(`process ${process.pid}`);
    expect(existsSync(join(out, 'a.txt'))).toBe(false);
    writeFileSync(join(out, 'unrelated.txt'), 'kept');
    expect(leftovers(out)).toEqual(['.gateplan.lock']);
  });
});
