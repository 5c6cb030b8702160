/**
 * The GitHub Action (action.yml): there is no Actions runner here, so this test reads the
 * composite action's steps and runs them the way the runner would — each `run:` script in bash,
 * with the step's `env:` (inputs substituted), GITHUB_ACTION_PATH, GITHUB_BASE_REF and the
 * GITHUB_STEP_SUMMARY / GITHUB_OUTPUT files — in a temporary git repository with a pull request
 * branch. The install step is run against a release clone in test/install.test.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './support/built.js';
import { REPO } from './support/pipeline.js';
import { identify, sh } from './support/release.js';
import { tempDir } from './support/temp.js';

const exec = promisify(execFile);

interface Step {
  name: string;
  id?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as Action;
const step = (name: string) => action.runs.steps.find((s) => s.name === name)!;

const SPEC = `openapi: 3.0.3
info: { title: Shop, version: '1' }
x-gateplan:
  backends: { users: { url: 'http://users.internal:8080' } }
  defaults: { backend: users }
paths:
  /users:
    get: { responses: { '200': { description: ok } } }
  /users/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
`;

interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

/** Runs one step of action.yml as the runner would, in `workspace`. */
async function runStep(
  name: string,
  workspace: string,
  inputs: Record<string, string>,
  github: Record<string, string> = {},
): Promise<StepRun> {
  const s = step(name);
  const files = tempDir({ summary: '', output: '' });
  const withDefaults = Object.fromEntries(
    Object.entries(action.inputs).map(([key, input]) => [key, inputs[key] ?? input.default ?? '']),
  );
  const env: Record<string, string> = {
    ...process.env,
    GITHUB_ACTION_PATH: REPO,
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_OUTPUT: join(files, 'output'),
    RUNNER_TEMP: files,
    ...github,
  };
  for (const [key, value] of Object.entries(s.env ?? {}))
    env[key] = value.replace(
      /\$\{\{ inputs\.([\w-]+) \}\}/g,
      (_, input: string) => withDefaults[input] ?? '',
    );
  const result = await exec('bash', ['-c', s.run!], { cwd: workspace, env, encoding: 'utf8' }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  const outputs = Object.fromEntries(
    readFileSync(join(files, 'output'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
  return {
    code: result.code,
    stdout: result.stdout,
    stderr: result.stderr,
    summary: readFileSync(join(files, 'summary'), 'utf8'),
    outputs,
  };
}

describe('action.yml', () => {
  it('is a composite action whose scripts read inputs from the environment only', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.inputs.spec!.required).toBe(true);
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(['spec', 'targets', 'base-ref', 'fail-on', 'out', 'fail-on-diff', 'comment']),
    );
    for (const s of action.runs.steps) {
      // An expression inside a script is script injection; values come through `env:`.
      if (s.run) expect(s.run).not.toContain('${{');
      for (const value of Object.values(s.env ?? {}))
        expect(value).toMatch(/^\$\{\{ (inputs|steps)\.[\w.-]+ \}\}$/);
    }
    for (const [name, output] of Object.entries(action.outputs))
      expect(output.value, name).toMatch(/^\$\{\{ steps\.diff\.outputs\.[\w-]+ \}\}$/);
  });

  it('keeps examples/ci/gateplan.yml as its long form: the same commands step by step', () => {
    const workflow = readFileSync(join(REPO, 'examples/ci/gateplan.yml'), 'utf8');
    for (const command of [
      'gateplan lint',
      'generate',
      '--check',
      'gateplan diff',
      '--format markdown',
      '--format github',
    ])
      expect(workflow).toContain(command);
  });
});

describe('the action, run step by step on a pull request', () => {
  let workspace: string;
  beforeAll(async () => {
    await ensureBuilt();
    // origin: main holds the spec; the pull request deletes a method. The workspace is a
    // one-commit checkout of the pull request branch, as actions/checkout makes it.
    const origin = tempDir({ 'specs/api.yaml': SPEC });
    await sh('git', ['init', '--quiet', '-b', 'main'], origin);
    await identify(origin);
    await sh('git', ['add', '.'], origin);
    await sh('git', ['commit', '--quiet', '-m', 'base'], origin);
    await sh('git', ['checkout', '--quiet', '-b', 'feature'], origin);
    writeFileSync(
      join(origin, 'specs/api.yaml'),
      SPEC.replace("    delete: { responses: { '204': { description: gone } } }\n", ''),
    );
    await sh('git', ['commit', '--quiet', '-am', 'drop DELETE'], origin);
    workspace = join(tempDir(), 'workspace');
    await sh(
      'git',
      ['clone', '--quiet', '--depth', '1', '--branch', 'feature', `file://${origin}`, workspace],
      origin,
    );
  });

  it('lint: findings in the log and the summary, annotations grouped, exit 1 at --fail-on', async () => {
    writeFileSync(
      join(workspace, 'broken.yaml'),
      SPEC.replace('defaults: { backend: users }', 'defaults: {}'),
    );
    const run = await runStep('Lint', workspace, { spec: 'broken.yaml' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('broken.yaml:8:5 error GP042 no backend for GET /users');
    expect(run.stdout).toMatch(/^::error file=broken\.yaml,line=8,col=5,title=GP042 \(3 in this file\)::/m);
    expect(run.summary).toContain('### gateplan lint `broken.yaml`');
    expect(run.summary).toContain('3 errors');
    const clean = await runStep('Lint', workspace, { spec: 'specs/api.yaml', targets: 'apigw-rest,alb' });
    expect(clean.code).toBe(0);
  });

  it('generate --check: fails while the committed files are stale', async () => {
    const inputs = { spec: 'specs/api.yaml', targets: 'apigw-http', out: 'deploy' };
    const stale = await runStep('Generated files are up to date', workspace, inputs);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('missing: deploy/apigw-http/openapi.json');
    await exec(
      process.execPath,
      [join(REPO, 'bin/gateplan.js'), 'generate', 'specs/api.yaml', '-t', 'apigw-http', '--out', 'deploy'],
      {
        cwd: workspace,
      },
    );
    expect((await runStep('Generated files are up to date', workspace, inputs)).code).toBe(0);
  });

  it('diff: fetches the base branch, writes the comment, the summary and the counts, fails on breaking', async () => {
    const run = await runStep(
      'Routing diff',
      workspace,
      { spec: 'specs/api.yaml', targets: 'alb' },
      { GITHUB_BASE_REF: 'main' },
    );
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ breaking: '1', risky: expect.any(String), safe: expect.any(String) });
    const comment = readFileSync(run.outputs['comment-file']!, 'utf8');
    expect(comment.startsWith('<!-- gateplan-diff -->\n### gateplan diff: 1 breaking')).toBe(true);
    expect(comment).toContain('method-removed');
    expect(run.summary).toBe(comment);
    expect(run.stdout).toMatch(/^::error file=specs\/api\.yaml,title=GP403 method-removed \(breaking\)::/m);
    expect(run.stdout).toContain("::error title=gateplan diff::routing changes at or above 'breaking'");

    const reportOnly = await runStep(
      'Routing diff',
      workspace,
      { spec: 'specs/api.yaml', 'fail-on-diff': 'none' },
      { GITHUB_BASE_REF: 'main' },
    );
    expect(reportOnly.code).toBe(0);
    expect(reportOnly.outputs.breaking).toBe('1');
  });

  it('diff: skipped outside a pull request without base-ref; base-ref picks any revision', async () => {
    const skipped = await runStep('Routing diff', workspace, { spec: 'specs/api.yaml' });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('gateplan diff skipped');
    expect(skipped.outputs).toEqual({});
    const same = await runStep('Routing diff', workspace, { spec: 'specs/api.yaml', 'base-ref': 'HEAD' });
    expect(same.code).toBe(0);
    expect(same.outputs).toMatchObject({ breaking: '0', risky: '0', safe: '0' });
    expect(existsSync(same.outputs['comment-file']!)).toBe(true);
  });
});
