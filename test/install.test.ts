/**
 * The ways README says gateplan can be installed, each done for real in a temporary folder:
 * the release tag made by `npm run release` (installed from a git URL and by pre-commit), and
 * the release tarball (installed without development dependencies, used from ESM and CommonJS).
 * npm installs with `--prefer-offline`: the packages come from npm's cache when it has them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { release, releaseLock, releasePackageJson } from '../scripts/release.js';
import { REPO } from './support/pipeline.js';
import { identify, releasedClone, sh, type ReleasedClone } from './support/release.js';
import { tempDir } from './support/temp.js';

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

/** A project of a user's: an empty package.json, and gateplan installed from `spec`. */
async function projectWith(spec: string): Promise<string> {
  const dir = tempDir({
    'package.json': JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
  });
  await sh('npm', [...NPM_INSTALL, spec], dir);
  return dir;
}

let made: ReleasedClone;
let clone: string;

beforeAll(async () => {
  made = await releasedClone();
  clone = made.clone;
});

describe('npm run release', () => {
  it('tags v<version> on a commit that adds dist/ and drops the development tree', async () => {
    expect(made.tag).toBe(`v${VERSION}`);
    const show = (path: string) => sh('git', ['show', `${made.tag}:${path}`], clone).then((r) => r.stdout);
    const pkg = JSON.parse(await show('package.json')) as Record<string, unknown>;
    expect(pkg.devDependencies).toBeUndefined();
    expect(pkg.scripts).not.toHaveProperty('prepare');
    expect(pkg.dependencies).toHaveProperty('yaml');
    expect(await show('dist/cli/main.js')).toContain('export async function main');
    const lock = JSON.parse(await show('package-lock.json')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages)).not.toContain('node_modules/typescript');
    expect(Object.keys(lock.packages)).toContain('node_modules/yaml');
    // The branch is untouched: the tag's commit sits on top of it.
    const parent = await sh('git', ['rev-parse', `${made.tag}^`], clone);
    const head = await sh('git', ['rev-parse', 'HEAD'], clone);
    expect(parent.stdout).toBe(head.stdout);
  });

  it('keeps optional production packages and the root entry, drops only dev-only ones', () => {
    const lock = releaseLock({
      packages: {
        '': { devDependencies: { vitest: '1' } },
        'node_modules/vitest': { dev: true },
        'node_modules/uglify-js': {},
      },
    });
    expect(lock.packages).toEqual({ '': {}, 'node_modules/uglify-js': {} });
    expect(
      releasePackageJson({ version: '1.0.0', scripts: { prepare: 'x', test: 'y' }, devDependencies: {} }),
    ).toEqual({ version: '1.0.0', scripts: { test: 'y' } });
  });

  it('refuses a version the changelog does not describe, and a dirty tree', async () => {
    expect(readFileSync(join(REPO, 'CHANGELOG.md'), 'utf8')).toContain(`## [${VERSION}]`);
    const repo = tempDir({
      'package.json': JSON.stringify({ version: '9.9.9' }),
      'CHANGELOG.md': '## [1.0.0]\n',
    });
    await sh('git', ['init', '--quiet'], repo);
    await identify(repo);
    await sh('git', ['add', '.'], repo);
    await sh('git', ['commit', '--quiet', '-m', 'init'], repo);
    expect(() => release(repo, { build: false })).toThrow('CHANGELOG.md has no "## [9.9.9]" section');
    writeFileSync(join(repo, 'CHANGELOG.md'), '## [9.9.9]\n');
    expect(() => release(repo, { build: false })).toThrow('commit or stash your changes first');
  });
});

describe('installing gateplan', () => {
  let fromTarball: string;
  let fromGit: string;
  let actionInstall: { stdout: string; path: string };
  beforeAll(async () => {
    [fromTarball, fromGit, actionInstall] = await Promise.all([
      projectWith(made.tarball),
      projectWith(`git+file://${clone}#${made.tag}`),
      actionAtTag(),
    ]);
  });

  /** The action's install step, where `uses: gateplan/gateplan@<tag>` puts the action. */
  async function actionAtTag() {
    const path = join(clone, '..', 'action');
    await sh('git', ['worktree', 'add', '--quiet', '--detach', path, made.tag], clone);
    const run = await sh('bash', [join(path, 'action/run.sh'), 'install'], path, {
      GITHUB_ACTION_PATH: path,
      npm_config_prefer_offline: 'true',
    });
    return { stdout: run.stdout, path };
  }

  it('by the GitHub Action at the release tag: production dependencies only, no build', () => {
    expect(actionInstall.stdout).toContain(`gateplan ${VERSION}`);
    expect(existsSync(join(actionInstall.path, 'node_modules/yaml'))).toBe(true);
    expect(existsSync(join(actionInstall.path, 'node_modules/typescript'))).toBe(false);
  });

  it('from the release tarball: without development dependencies, and it runs', async () => {
    expect(existsSync(join(fromTarball, 'node_modules/gateplan/dist/index.js'))).toBe(true);
    for (const dev of ['typescript', 'vitest', 'tsx', 'eslint'])
      expect(existsSync(join(fromTarball, 'node_modules', dev))).toBe(false);
    const bin = join(fromTarball, 'node_modules/.bin/gateplan');
    expect((await sh(bin, ['--version'], fromTarball)).stdout.trim()).toBe(VERSION);
    const lint = await sh(bin, ['lint', 'node_modules/gateplan/specs/bookstore.yaml'], fromTarball);
    expect(lint.stdout).toContain('15 routes, no findings');
  });

  it('the ways README names: its git URL and tarball, and the registry name once published', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      name: string;
      repository: { url: string };
    };
    expect(readme).toContain(`npm install --save-dev ${pkg.repository.url}#${made.tag}`);
    expect(readme).toContain(`npm install --save-dev ./${basename(made.tarball)}`);
    expect(readme).toContain(`npm install --save-dev ${pkg.name}`);
    const installed = JSON.parse(
      readFileSync(join(fromTarball, 'node_modules/gateplan/package.json'), 'utf8'),
    ) as { name: string; bin: Record<string, string> };
    expect(installed.name).toBe('gateplan');
    expect(Object.keys(installed.bin)).toEqual(['gateplan']);
  });

  it('from a git URL at the release tag', async () => {
    const bin = join(fromGit, 'node_modules/.bin/gateplan');
    expect((await sh(bin, ['--version'], fromGit)).stdout.trim()).toBe(VERSION);
    expect(existsSync(join(fromGit, 'node_modules/typescript'))).toBe(false);
  });

  it("as a library from CommonJS: require('gateplan') (a CDK app)", async () => {
    writeFileSync(
      join(fromTarball, 'app.cjs'),
      `const { load, normalize, generate, VERSION } = require('gateplan');
const schema = require.resolve('gateplan/schema/gateplan.schema.json');
(async () => {
  const loaded = await load('node_modules/gateplan/specs/bookstore.yaml');
  if (!loaded.ok) throw new Error('load failed');
  const { artifacts } = generate(normalize(loaded.spec), { targets: ['apigw-http'] });
  console.log(VERSION, artifacts.map((a) => a.path).join(','), schema.endsWith('gateplan.schema.json'));
})();
`,
    );
    const run = await sh(process.execPath, ['app.cjs'], fromTarball);
    expect(run.stdout.trim()).toBe(`${VERSION} apigw-http/openapi.json,apigw-http/template.yaml true`);
    expect(run.stderr).toBe('');
  });

  it('as a library from ESM', async () => {
    writeFileSync(
      join(fromTarball, 'app.mjs'),
      `import { load, normalize } from 'gateplan';
const loaded = await load('node_modules/gateplan/specs/bookstore.yaml');
console.log(normalize(loaded.spec).routes.length);
`,
    );
    expect((await sh(process.execPath, ['app.mjs'], fromTarball)).stdout.trim()).toBe('15');
  });
});
