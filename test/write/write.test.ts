import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArtifacts, writeArtifacts } from '../../src/write/index.js';
import { tempDir } from '../support/temp.js';

const artifacts = [
  { path: 'a.json', content: '{"a":1}\n' },
  { path: 'nested/b.yaml', content: 'b: 2\n' },
];

describe('writeArtifacts', () => {
  it('writes every file and leaves no temporary files behind', async () => {
    const out = join(tempDir(), 'out');
    const result = await writeArtifacts(out, artifacts);
    expect(result.written).toEqual(['a.json', 'nested/b.yaml']);
    expect(readFileSync(join(out, 'nested/b.yaml'), 'utf8')).toBe('b: 2\n');
    expect(readdirSync(out).filter((f) => f.includes('gateplan-tmp'))).toEqual([]);
  });

  it('does not touch files whose content is unchanged', async () => {
    const out = join(tempDir(), 'out');
    await writeArtifacts(out, artifacts);
    const before = statSync(join(out, 'a.json')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    const result = await writeArtifacts(out, [artifacts[0]!, { path: 'nested/b.yaml', content: 'b: 3\n' }]);
    expect(result).toEqual({ written: ['nested/b.yaml'], removed: [], unchanged: ['a.json'] });
    expect(statSync(join(out, 'a.json')).mtimeMs).toBe(before);
  });

  it('writes nothing at all when one file cannot be written', async () => {
    const out = join(tempDir(), 'out');
    mkdirSync(join(out, 'locked'), { recursive: true });
    writeFileSync(join(out, 'a.json'), 'old\n');
    chmodSync(join(out, 'locked'), 0o500);
    const isRoot = process.getuid?.() === 0;
    // root ignores directory permissions; use a path whose parent is a file instead.
    const blocked = isRoot
      ? { path: 'a.json/child.txt', content: 'x' }
      : { path: 'locked/c.txt', content: 'x' };
    await expect(writeArtifacts(out, [{ path: 'a.json', content: 'new\n' }, blocked])).rejects.toThrow();
    expect(readFileSync(join(out, 'a.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(out).filter((f) => f.includes('gateplan-tmp'))).toEqual([]);
    chmodSync(join(out, 'locked'), 0o700);
  });

  it('refuses a path that would escape the output folder', async () => {
    const root = tempDir();
    await expect(writeArtifacts(join(root, 'out'), [{ path: '../evil.txt', content: 'x' }])).rejects.toThrow(
      /escapes/,
    );
    expect(existsSync(join(root, 'evil.txt'))).toBe(false);
  });
});

describe('checkArtifacts', () => {
  it('lists missing and changed files with a short diff, and writes nothing', async () => {
    const out = join(tempDir(), 'out');
    await writeArtifacts(out, [artifacts[0]!]);
    const stale = await checkArtifacts(out, [{ path: 'a.json', content: '{"a":2}\n' }, artifacts[1]!]);
    expect(stale.map((s) => [s.path, s.status])).toEqual([
      ['a.json', 'changed'],
      ['nested/b.yaml', 'missing'],
    ]);
    expect(stale[0]!.diff).toContain('-{"a":1}');
    expect(stale[0]!.diff).toContain('+{"a":2}');
    expect(existsSync(join(out, 'nested'))).toBe(false);
    expect(await checkArtifacts(out, [artifacts[0]!])).toEqual([]);
  });
});
