import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';
import { runCli as run } from '../support/cli.js';

describe('gateplan cost (CLI)', () => {
  it('counts ALB listener rules the way lint and compare do: one number, against the same quota', async () => {
    const cost = (await run(['cost', 'specs/bookstore.yaml'])).stdout;
    const lint = JSON.parse(
      (await run(['lint', 'specs/bookstore.yaml', '-t', 'alb', '--format', 'json'])).stdout,
    ) as {
      diagnostics: { code: string; args: { rules: number; quota: number } }[];
    };
    const usage = lint.diagnostics.find((d) => d.code === 'GP212')!.args;
    const compare = (await run(['compare', 'specs/bookstore.yaml'])).stdout;
    expect(cost).toContain(`ALB plan: ${usage.rules} of ${usage.quota} listener rules`);
    expect(compare).toContain(`ALB uses ${usage.rules} of ${usage.quota} listener rules`);
  });

  it('holds the rule count against a raised quota when the API declares one', async () => {
    const spec = readFileSync('specs/bookstore.yaml', 'utf8').replace(
      /^x-gateplan:\n/m,
      'x-gateplan:\n  quotas: { albRules: 250 }\n',
    );
    const dir = tempDir({ 'api.yaml': spec });
    const { stdout } = await run(['cost', join(dir, 'api.yaml')]);
    expect(stdout).toMatch(/ALB plan: \d+ of 250 listener rules/);
    expect(stdout).toMatch(/behind an HTTP API: \d+ of 250 listener rules/);
  });

  it('--format json gives each option with its breakdown, adding up to the total', async () => {
    const { code, stdout } = await run([
      'cost',
      'specs/bookstore.yaml',
      '--requests',
      '50M',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      requestsPerMonth: number;
      options: { option: string; monthlyUsd: number; breakdown: { usd: number }[] }[];
    };
    expect(report.requestsPerMonth).toBe(50e6);
    expect(report.options.map((o) => o.option)).toEqual([
      'apigw-rest',
      'apigw-http',
      'alb',
      'apigw-http+alb',
    ]);
    for (const o of report.options) {
      expect(o.breakdown.reduce((sum, b) => sum + b.usd, 0)).toBeCloseTo(o.monthlyUsd, 1);
    }
    expect(report.options[0]!.monthlyUsd).toBe(175);
  });

  it('writes the chart atomically where --chart says', async () => {
    const dir = tempDir();
    const file = join(dir, 'charts', 'cost.svg');
    const { code, stdout } = await run(['cost', 'specs/bookstore.yaml', '--chart', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`chart written to ${file}`);
    expect(readFileSync(file, 'utf8')).toMatch(/^<svg /);
  });

  it('reads a traffic profile and reports its mistakes at their line', async () => {
    const dir = tempDir({
      'good.yaml': 'requestsPerSecond: 100\nresponseBytes: 20000\nroutes:\n  placeOrder: 30\n',
      'bad.yaml': 'requests: 10M\nrequestBytes: -5\n',
      'unknown-route.yaml': 'routes:\n  noSuchOperation: 30\n',
    });
    const good = await run([
      'cost',
      'specs/bookstore.yaml',
      '--profile',
      join(dir, 'good.yaml'),
      '--format',
      'json',
    ]);
    expect(good.code).toBe(0);
    expect((JSON.parse(good.stdout) as { requestsPerMonth: number }).requestsPerMonth).toBe(100 * 730 * 3600);
    const bad = await run(['cost', 'specs/bookstore.yaml', '--traffic', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:2:\d+ .*GP600/);
    const unknown = await run(['cost', 'specs/bookstore.yaml', '--profile', join(dir, 'unknown-route.yaml')]);
    expect(unknown.code).toBe(0);
    expect(unknown.stderr).toMatch(/unknown-route\.yaml:2:\d+ .*GP601/);
  });

  it('rejects a bad volume, a missing file and a broken price file with exit 2', async () => {
    expect((await run(['cost', 'specs/bookstore.yaml', '--requests', 'lots'])).code).toBe(2);
    expect((await run(['cost', 'specs/bookstore.yaml', '--profile', '/nonexistent.yaml'])).code).toBe(2);
    const dir = tempDir({ 'prices.json': '{"region": "x"}' });
    const broken = await run(['cost', 'specs/bookstore.yaml', '--prices', join(dir, 'prices.json')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('GP602');
    expect(existsSync(join(dir, 'cost.svg'))).toBe(false);
  });
});
