import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COMMENT_MARKER } from '../../src/diff/format/index.js';
import { main } from '../../src/cli/main.js';
import { REPO } from '../support/pipeline.js';
import { writeSpec } from '../support/temp.js';
import { samplePullRequest } from '../support/sample-change.js';

const DOC = join(REPO, 'README.md');

function between(text: string, begin: string, end: string): string {
  const start = text.indexOf(begin);
  const stop = text.indexOf(end, start + begin.length);
  if (start < 0 || stop < 0) throw new Error(`README.md lacks ${begin} … ${end}`);
  return text.slice(start + begin.length, stop);
}

describe('README.md cannot go stale', () => {
  it('shows the workflow file as it is', () => {
    const doc = readFileSync(DOC, 'utf8');
    const workflow = readFileSync(join(REPO, 'examples/ci/gateplan.yml'), 'utf8');
    expect(between(doc, '```yaml\n# gateplan in CI', '```')).toBe(workflow.replace(/^# gateplan in CI/, ''));
  });

  it('shows the markdown the tool produces for the sample change', async () => {
    const bookstore = readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8');
    const base = writeSpec(bookstore, 'bookstore.yaml');
    const revision = writeSpec(samplePullRequest(bookstore), 'bookstore.yaml');
    let stdout = '';
    const code = await main(
      ['diff', base, revision, '--target', 'apigw-rest,alb', '--format', 'markdown', '--fail-on', 'breaking'],
      {
        stdout: (t) => void (stdout += t),
        stderr: () => undefined,
        color: false,
      },
    );
    expect(code).toBe(1);
    // As `diff specs/bookstore.yaml --base origin/main` shows the two versions.
    const shown = stdout
      .split(base)
      .join('origin/main:specs/bookstore.yaml')
      .split(revision)
      .join('specs/bookstore.yaml');
    const sample = between(readFileSync(DOC, 'utf8'), '<!-- sample:begin -->\n', '<!-- sample:end -->');
    // The route-level table is exact; the summary's counts include the ALB rules, which belong to the compiler.
    const table = (md: string) => md.slice(md.indexOf('| |'), md.indexOf('<details'));
    expect(table(sample)).toBe(table(shown));
    // ALB rule names and priorities belong to the compiler; every breaking line must still be there.
    const mask = (md: string) => md.replace(/rule \S+/g, 'rule R').replace(/priority \d+/g, 'priority N');
    const breaking = sample.split('\n').filter((l) => l.includes('🔴'));
    expect(breaking.length).toBeGreaterThan(1);
    for (const line of breaking) expect(mask(shown)).toContain(mask(line));
  });
});

describe('CI examples', () => {
  it('the workflow lints, checks generated files and posts the diff on pull requests', () => {
    const workflow = parse(readFileSync(join(REPO, 'examples/ci/gateplan.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] }>;
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions['pull-requests']).toBe('write');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/gateplan lint "\$SPEC" .*--format github/);
    expect(runs).toMatch(/gateplan generate "\$SPEC" .*--check/);
    expect(runs).toMatch(
      /gateplan diff "\$SPEC" --base "origin\/\$BASE_REF" .*--format markdown > gateplan-diff.md/,
    );
    expect(runs).toMatch(/--fail-on breaking/);
    // The base ref reaches scripts through the environment, never spliced into them.
    expect(runs).not.toContain('${{');
    const comment = steps.find((s) => s.uses?.startsWith('actions/github-script'));
    expect(String(comment?.with?.script)).toContain(COMMENT_MARKER);
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('the pre-commit hooks run lint and generate --check', () => {
    const hooks = parse(readFileSync(join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as {
      id: string;
      entry: string;
      language: string;
    }[];
    expect(hooks.map((h) => h.id)).toEqual(['gateplan-lint', 'gateplan-check']);
    expect(hooks[0]!.entry).toBe('gateplan lint --skip-non-specs');
    expect(hooks[1]!.entry).toBe('gateplan generate --check');
    expect(hooks.every((h) => h.language === 'node')).toBe(true);
  });
});
