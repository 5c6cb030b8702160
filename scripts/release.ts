/**
 * `npm run release` — makes the release tag `v<version>` for the committed source:
 *
 *   node --import tsx scripts/release.ts [--repo DIR] [--skip-build] [--pack DIR]
 *
 * The tag points at a commit on top of HEAD that adds the built `dist/` and drops what only
 * development needs (`devDependencies`, the `prepare` build) from `package.json` and the lock
 * file. Everything that installs gateplan from git — `npm install git+https://…#v0.1.0`,
 * pre-commit (which runs `npm install` with dev dependencies and `npm pack` in the hook's
 * repository), the GitHub Action — then gets a ready package and installs only what it runs on.
 * The working tree and the branch are not touched: the commit is built with git plumbing.
 *
 * `--pack DIR` also writes the release tarball, `npm pack` of that commit, to DIR.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

interface PackageJson {
  version: string;
  scripts?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface PackageLock {
  packages: Record<string, { dev?: boolean; devDependencies?: Record<string, string> }>;
}

/** The package.json a release commit carries: nothing that installs or builds for development. */
export function releasePackageJson(pkg: PackageJson): PackageJson {
  const { devDependencies: _dev, ...rest } = pkg;
  const scripts = Object.fromEntries(
    Object.entries(pkg.scripts ?? {}).filter(([name]) => name !== 'prepare'),
  );
  return { ...rest, scripts };
}

/** The lock file without the packages only development needs, so `npm ci --omit=dev` agrees with it. */
export function releaseLock(lock: PackageLock): PackageLock {
  const packages: PackageLock['packages'] = {};
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.dev) continue;
    if (path === '') {
      const { devDependencies: _dev, ...root } = entry;
      packages[path] = root;
    } else packages[path] = entry;
  }
  return { ...lock, packages };
}

function git(
  repo: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'inherit'],
  }).trim();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export interface Release {
  tag: string;
  commit: string;
  tarball?: string;
}

export function release(repo: string, options: { build: boolean; packInto?: string }): Release {
  if (git(repo, ['status', '--porcelain'])) throw new Error('commit or stash your changes first');
  const pkg = JSON.parse(git(repo, ['show', 'HEAD:package.json'])) as PackageJson;
  const tag = `v${pkg.version}`;
  if (!git(repo, ['show', 'HEAD:CHANGELOG.md']).includes(`## [${pkg.version}]`))
    throw new Error(`CHANGELOG.md has no "## [${pkg.version}]" section`);
  if (git(repo, ['tag', '--list', tag])) throw new Error(`tag ${tag} exists already`);
  if (options.build) execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });

  const scratch = mkdtempSync(join(tmpdir(), 'gateplan-release-'));
  try {
    const env = { GIT_INDEX_FILE: join(scratch, 'index') };
    git(repo, ['read-tree', 'HEAD'], { env });
    const dist = filesUnder(join(repo, 'dist')).map((file) => relative(repo, file));
    git(repo, ['update-index', '--add', '--stdin'], { env, input: dist.join('\n') + '\n' });
    const rewrite = (path: string, text: string) => {
      const blob = git(repo, ['hash-object', '-w', '--stdin'], { input: text });
      git(repo, ['update-index', '--cacheinfo', `100644,${blob},${path}`], { env });
    };
    rewrite('package.json', JSON.stringify(releasePackageJson(pkg), null, 2) + '\n');
    const lock = JSON.parse(git(repo, ['show', 'HEAD:package-lock.json'])) as PackageLock;
    rewrite('package-lock.json', JSON.stringify(releaseLock(lock), null, 2) + '\n');
    const tree = git(repo, ['write-tree'], { env });
    const commit = git(repo, [
      'commit-tree',
      tree,
      '-p',
      'HEAD',
      '-m',
      `Release ${tag}\n\nThe source of ${git(repo, ['rev-parse', '--short', 'HEAD'])} with dist/ built and no development dependencies.`,
    ]);
    git(repo, ['tag', '-a', tag, '-m', `gateplan ${pkg.version}`, commit]);

    if (!options.packInto) return { tag, commit };
    const treeDir = join(scratch, 'tree');
    mkdirSync(treeDir);
    git(repo, ['archive', '--format=tar', '-o', join(scratch, 'tree.tar'), commit]);
    execFileSync('tar', ['-xf', join(scratch, 'tree.tar'), '-C', treeDir]);
    mkdirSync(options.packInto, { recursive: true });
    const name = execFileSync(
      'npm',
      ['pack', '--ignore-scripts', '--silent', '--pack-destination', resolve(options.packInto)],
      { cwd: treeDir, encoding: 'utf8' },
    ).trim();
    return { tag, commit, tarball: join(resolve(options.packInto), name) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string', default: '.' },
      'skip-build': { type: 'boolean', default: false },
      pack: { type: 'string' },
    },
  });
  try {
    const made = release(resolve(values.repo), {
      build: !values['skip-build'],
      ...(values.pack ? { packInto: values.pack } : {}),
    });
    process.stdout.write(
      `tagged ${made.tag} at ${made.commit}${made.tarball ? `\npacked ${made.tarball}` : ''}\n`,
    );
    process.stdout.write(`publish it with: git push origin ${made.tag}\n`);
  } catch (error) {
    process.stderr.write(`release: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
