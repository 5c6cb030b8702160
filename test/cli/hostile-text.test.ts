import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

/**
 * Spec text that would act on a terminal, a CI log or a rendered pull-request comment: an ESC
 * sequence that clears the screen, a CR that rewrites the line, a line that would be a GitHub
 * workflow command, a right-to-left override, and Markdown/HTML that would show an image or
 * pass for gateplan's own comment marker.
 */
const HOSTILE =
  'x\u001b[2J\u001b[1;1Hy\rforged ok\n::error file=a.yaml::forged\u202egnp.exe <img src=x onerror=alert(1)> ![pwned](https://evil.example/p.png) <!-- gateplan-diff -->';

const spec = (title: string) => `openapi: 3.0.3
info: { title: ${JSON.stringify(title)}, version: '1' }
x-gateplan: { backends: { b: { url: 'http://b.internal' } }, defaults: { backend: b } }
paths:
  /a:
    get:
      operationId: ${JSON.stringify(HOSTILE)}
      security: [{ ${JSON.stringify(HOSTILE)}: [] }]
      responses: { '200': { description: ok } }
`;

/** What spec text must never do in output meant for a terminal or a log. */
function expectInert(output: string, what: string) {
  expect(output, `${what}: ESC`).not.toContain('\u001b');
  expect(output, `${what}: CR`).not.toContain('\r');
  expect(output, `${what}: RLO`).not.toContain('\u202e');
  expect(
    output.split('\n').filter((l) => l.startsWith('forged') || l.startsWith('::error file=a.yaml')),
    `${what}: a forged line`,
  ).toEqual([]);
}

describe('spec text in text, log and Markdown output', () => {
  const dir = tempDir({ 'old.yaml': spec('T'), 'api.yaml': spec(HOSTILE) });
  const file = join(dir, 'api.yaml');

  it.each([
    ['lint', ['lint', file]],
    ['lint --format github', ['lint', file, '--format', 'github']],
    ['inspect', ['inspect', file]],
    ['compare', ['compare', file]],
    ['cost', ['cost', file]],
    ['diff', ['diff', join(dir, 'old.yaml'), file, '-t', 'apigw-rest,apigw-http,alb']],
    ['diff --format github', ['diff', join(dir, 'old.yaml'), file, '--format', 'github']],
    ['explain', ['explain', file, 'GET', '/a', '-t', 'alb']],
  ])('%s shows control characters instead of obeying them', async (what, args) => {
    const run = await runCli(args);
    expect(run.stderr, what).not.toContain('internal error');
    expectInert(run.stdout + run.stderr, what);
  });

  it.each([
    ['compare --format markdown', ['compare', file, '--format', 'markdown']],
    ['diff --format markdown', ['diff', join(dir, 'old.yaml'), file, '--format', 'markdown']],
  ])('%s keeps spec text as text: no HTML, no image, no second comment marker', async (what, args) => {
    const run = await runCli(args);
    expectInert(run.stdout, what);
    expect(run.stdout).not.toMatch(/<img/i);
    expect(run.stdout).not.toContain('![');
    expect(run.stdout.split('<!-- gateplan-diff -->').length - 1).toBeLessThanOrEqual(1);
    expect(run.stdout).toContain('gnp.exe'); // the text is there, escaped
  });
});
