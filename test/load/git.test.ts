import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAtRevision } from '../../src/load/index.js';
import { runCli as run } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const spec = `openapi: 3.0.3
info: { title: T, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b' } }, defaults: { backend: b } }
paths:
  /a: { get: { responses: { '200': { description: ok } } } }
`;

/** A repository whose one commit holds specs/api.yaml and whatever `tree` adds to specs/. */
function repository(): { dir: string; git: (args: string[], input?: string) => string } {
  const dir = tempDir({ 'specs/api.yaml': spec });
  const git = (args: string[], input?: string) =>
    execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], {
      cwd: dir,
      encoding: 'utf8',
      ...(input !== undefined ? { input } : {}),
    }).trim();
  git(['init', '-q']);
  git(['add', '.']);
  git(['commit', '-q', '-m', 'spec']);
  return { dir, git };
}

describe('loadAtRevision (diff --base)', () => {
  const tmp = process.env.TMPDIR;
  afterEach(() => {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  });

  it('loads the spec as it was at the revision, showing paths from the repository root', async () => {
    const { dir } = repository();
    const loaded = await loadAtRevision('HEAD', join(dir, 'specs/api.yaml'));
    expect(loaded.ok && loaded.spec.sources.entry.display).toBe('specs/api.yaml');
  });

  it('refuses a crafted tree whose entries leave the temporary folder, and writes nothing outside it (issue 13.3)', async () => {
    const { dir, git } = repository();
    // specs/x/../../../evil.yaml: `git mktree` takes `..` as an entry name; `ls-tree -r` prints the joined path.
    const blob = git(['hash-object', '-w', '--stdin'], 'openapi: 3.0.3\n');
    let tree = git(['mktree'], `100644 blob ${blob}\tevil.yaml\n`);
    for (let i = 0; i < 3; i++) tree = git(['mktree'], `040000 tree ${tree}\t..\n`);
    const specBlob = git(['rev-parse', 'HEAD:specs/api.yaml']);
    const specs = git(['mktree'], `100644 blob ${specBlob}\tapi.yaml\n040000 tree ${tree}\tx\n`);
    const root = git(['mktree'], `040000 tree ${specs}\tspecs\n`);
    const commit = git(['commit-tree', root, '-m', 'crafted']);
    expect(git(['ls-tree', '-r', '--name-only', commit])).toContain('specs/x/../../../evil.yaml');

    // The copy goes to a folder under TMPDIR; the crafted path would land in TMPDIR itself.
    const outer = tempDir();
    process.env.TMPDIR = join(outer, 'tmp');
    execFileSync('mkdir', [process.env.TMPDIR]);
    const result = await run(['diff', join(dir, 'specs/api.yaml'), '--base', commit]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `gateplan: ${commit} holds a path that leaves its tree: "specs/x/../../../evil.yaml"\nRun \`gateplan --help\` for usage.\n`,
    );
    expect(existsSync(join(outer, 'evil.yaml'))).toBe(false);
    expect(readdirSync(outer)).toEqual(['tmp']);
    expect(readdirSync(process.env.TMPDIR)).toEqual([]);
  });
});
