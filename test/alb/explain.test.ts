import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/pipeline.js';
import { runCli as run } from '../support/cli.js';

const BOOKSTORE = join(REPO, 'specs/bookstore.yaml');
const EVENTS = join(REPO, 'specs/events-openapi31.yaml');

describe('gateplan explain --target alb', () => {
  it('names the rule, the weighted target groups of the stage canary and the operation', async () => {
    const { code, stdout } = await run([
      'explain',
      BOOKSTORE,
      'GET',
      '/v2/books/42',
      '--stage',
      'prod',
      '--target',
      'alb',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('api.bookstore.example.com/v2/books/42');
    expect(stdout).toMatch(/rule {6}GetBook[0-9a-f]{8} \(priority \d+\)/);
    expect(stdout).toContain('forward to catalog (weight 81, 81%), catalog-v2 (weight 19, 19%)');
    expect(stdout).toContain('operation GET /v2/books/{bookId} (getBook)');
  });

  it('shows the authenticate action before the forward', async () => {
    const { stdout } = await run(['explain', BOOKSTORE, 'POST', '/v2/orders', '--format', 'json']);
    const e = JSON.parse(stdout) as { actions: string[]; route: { operationId: string } };
    expect(e.actions[0]).toBe('authenticate-cognito (security scheme cognito)');
    expect(e.actions[1]).toBe('forward to target group of backend orders');
    expect(e.route.operationId).toBe('placeOrder');
  });

  it('says when the default action answers and no operation matches', async () => {
    const { code, stdout } = await run(['explain', BOOKSTORE, 'GET', '/nothing/here']);
    expect(code).toBe(0);
    expect(stdout).toContain('none matched: the default action answers');
    expect(stdout).toContain('fixed-response 404 application/json');
    expect(stdout).toContain('operation none');
  });

  it('adds the stage prefix for path-prefix stages and shows the rewritten path', async () => {
    const { stdout } = await run([
      'explain',
      EVENTS,
      'GET',
      '/events/9',
      '--stage',
      'beta',
      '--format',
      'json',
    ]);
    const e = JSON.parse(stdout) as {
      request: { path: string };
      forwardedPath: string;
      route: { operationId: string };
    };
    expect(e.request.path).toBe('/beta/events/9');
    expect(e.forwardedPath).toBe('/events/9');
    expect(e.route.operationId).toBe('getEvent');
  });

  it('gives a request carrying a path key’s query to that operation, and one without it to the bare path', async () => {
    const spec = join(REPO, 'specs/path-shapes/openapi.yaml');
    const operation = async (path: string) => {
      const { stdout } = await run(['explain', spec, 'POST', path, '--target', 'alb', '--format', 'json']);
      return (JSON.parse(stdout) as { route: { operationId: string } }).route.operationId;
    };
    expect(await operation('/responses?beta=true')).toBe('createResponseBeta');
    expect(await operation('/responses?x=1&beta=true')).toBe('createResponseBeta');
    expect(await operation('/responses')).toBe('createResponse');
    expect(await operation('/responses?beta=false')).toBe('createResponse');
  });

  it('rejects an unknown stage and a malformed header as usage errors', async () => {
    expect((await run(['explain', BOOKSTORE, 'GET', '/v2/books', '--stage', 'qa'])).code).toBe(2);
    expect((await run(['explain', BOOKSTORE, 'GET', '/v2/books', '--header', 'novalue'])).code).toBe(2);
  });
});
