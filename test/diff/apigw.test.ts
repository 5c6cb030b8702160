import { describe, expect, it } from 'vitest';
import { BASE, patch, report } from './helpers.js';

const AVATAR = `  /users/{id}/avatar:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get:\n      operationId: getAvatar\n      responses: { '200': { description: ok } }\n  /orders/{id}:\n`;
const NO_ORDERS = `  /orders/{id}:\n    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n    get:\n      operationId: getOrder\n      x-gateplan: { backend: orders }\n      responses: { '200': { description: ok } }\n`;

async function targetChanges(baseText: string, revisionText: string, target: 'apigw-rest' | 'apigw-http') {
  const { changes } = await report(baseText, revisionText, { targets: [target] });
  return changes
    .filter((c) => c.scope === target)
    .map((c) => [c.code, c.classification, c.args.method ?? '', c.args.path]);
}

describe('API Gateway diff', () => {
  it('reports nothing for identical versions', async () => {
    expect(await targetChanges(BASE, BASE, 'apigw-rest')).toEqual([]);
    expect(await targetChanges(BASE, BASE, 'apigw-http')).toEqual([]);
  });

  it('REST: a new nested path adds its resource and method; HTTP: only the route', async () => {
    const revision = patch(['  /orders/{id}:\n', AVATAR]);
    expect(await targetChanges(BASE, revision, 'apigw-rest')).toEqual([
      ['GP440', 'safe', '', '/users/{id}/avatar'],
      ['GP442', 'safe', 'GET', '/users/{id}/avatar'],
    ]);
    expect(await targetChanges(BASE, revision, 'apigw-http')).toEqual([
      ['GP442', 'safe', 'GET', '/users/{id}/avatar'],
    ]);
  });

  it('REST: removing the only path under /orders removes both resources (breaking)', async () => {
    const revision = patch([NO_ORDERS, '']);
    expect(await targetChanges(BASE, revision, 'apigw-rest')).toEqual([
      ['GP441', 'breaking', '', '/orders'],
      ['GP441', 'breaking', '', '/orders/{id}'],
      ['GP443', 'breaking', 'GET', '/orders/{id}'],
    ]);
  });

  it('renaming a path parameter changes no resource', async () => {
    const renamed = BASE.replace(/\/users\/\{id\}/g, '/users/{userId}').replace(
      '/users/{userId}:\n    parameters: [{ name: id,',
      '/users/{userId}:\n    parameters: [{ name: userId,',
    );
    expect(renamed).toContain('name: userId');
    expect(await targetChanges(BASE, renamed, 'apigw-rest')).toEqual([]);
  });

  it('a route left out of one door (leaveOutOf) leaves that door only', async () => {
    const leaveOut = (doors: string) =>
      patch(['x-gateplan: { backend: orders }', `x-gateplan: { backend: orders, leaveOutOf: [${doors}] }`]);
    expect(await targetChanges(BASE, leaveOut('apigw-http'), 'apigw-http')).toEqual([
      ['GP443', 'breaking', 'GET', '/orders/{id}'],
    ]);
    expect(await targetChanges(BASE, leaveOut('apigw-http'), 'apigw-rest')).toEqual([]);
    expect(await targetChanges(BASE, leaveOut('apigw-rest'), 'apigw-rest')).toEqual([
      ['GP441', 'breaking', '', '/orders'],
      ['GP441', 'breaking', '', '/orders/{id}'],
      ['GP443', 'breaking', 'GET', '/orders/{id}'],
    ]);
    expect(await targetChanges(BASE, leaveOut('apigw-rest'), 'apigw-http')).toEqual([]);
    // A new route left out of the HTTP API adds nothing there.
    const added = patch([
      '  /orders/{id}:\n',
      AVATAR.replace(
        'operationId: getAvatar',
        'operationId: getAvatar\n      x-gateplan: { leaveOutOf: [apigw-http] }',
      ),
    ]);
    expect(await targetChanges(BASE, added, 'apigw-http')).toEqual([]);
  });
});
