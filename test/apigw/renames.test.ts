/**
 * Sibling path variables with different names (`/users/{id}` beside `/users/{userId}/posts`):
 * API Gateway needs one name per position, so gateplan renames them in the import documents
 * and everything that refers to them, and the backend still receives the same request.
 */
import { describe, expect, it } from 'vitest';
import { diffApigw } from '../../src/diff/targets/apigw.js';
import { oas } from '../support/check.js';
import { backendPath, serve } from './gateway-sim.js';
import { API_TARGETS, documentOf, modelFrom, run, testTargetCode, type TargetCase } from './support.js';

const op = (extra = '') => `{ ${extra}responses: { '200': { description: ok } } }`;

function api(paths: string): string {
  return oas(`x-gateplan:
  backends:
    svc: { url: 'https://svc.internal/base' }
    fn: { lambda: 'arn:aws:lambda:us-east-1:123456789012:function:fn' }
  defaults: { backend: svc }
paths:
${paths}`);
}

// {id} and {userId} are used twice each under /users (a tie: code-unit order keeps {id}).
const USERS = `  /users/{id}:
    get: ${op()}
    delete: ${op()}
  /users/{userId}/posts:
    get: ${op()}
  /users/{user_id}/likes:
    get: ${op()}
  /users/{userId}/friends/{id}:
    get: ${op()}
`;

describe('renamed path variables', () => {
  testTargetCode('GP137', [
    ...API_TARGETS.map((target): TargetCase => ({
      name: 'one finding per position lists every renamed route',
      target,
      spec: api(USERS),
      expect: [
        {
          pointer: '/paths/~1users~1{userId}~1friends~1{id}/get',
          severity: 'info',
          args: {
            names: '{userId}, {user_id}',
            to: 'id',
            parent: '/users',
            count: '3',
            routes: 'GET /users/{userId}/friends/{id}, GET /users/{userId}/posts, GET /users/{user_id}/likes',
          },
        },
        {
          pointer: '/paths/~1users~1{userId}~1friends~1{id}/get',
          args: { names: '{id}', to: 'id_2', parent: '/users/{id}/friends', count: '1' },
        },
      ],
      writes: true,
    })),
    {
      name: 'one name at a position is no finding',
      target: 'apigw-rest',
      spec: api(`  /users/{id}:\n    get: ${op()}\n  /users/{id}/posts:\n    get: ${op()}\n`),
      expect: [],
    },
  ]);

  describe.each(API_TARGETS)('%s', (target) => {
    const kind = target === 'apigw-rest' ? 'rest' : 'http';

    it('one resource per position, and the backend receives the path as requested', async () => {
      const document = documentOf(run(await modelFrom(api(USERS)), target));
      expect(Object.keys(document.paths).sort()).toEqual([
        '/users/{id}',
        '/users/{id}/friends/{id_2}',
        '/users/{id}/likes',
        '/users/{id}/posts',
      ]);
      for (const path of ['/users/7', '/users/7/posts', '/users/7/likes', '/users/7/friends/8'])
        expect(backendPath(serve(document, 'GET', path)!, kind)).toBe('/base' + path);
    });

    it('an integration kept from the spec follows the rename', async () => {
      // No default backend: each route is served by the integration it carries.
      const kept = (uri: string) =>
        op(
          `x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: '${uri}', requestParameters: { integration.request.path.userId: method.request.path.userId } }, `,
        );
      const spec = oas(
        `paths:\n  /users/{id}:\n    get: ${op(`x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: 'https://svc.internal/u/{id}' }, `)}\n  /users/{userId}/posts:\n    get: ${kept('https://svc.internal/u/{userId}/posts')}\n`,
      );
      const document = documentOf(run(await modelFrom(spec), target));
      const integration = document.paths['/users/{id}/posts'].get['x-amazon-apigateway-integration'];
      if (kind === 'rest') {
        expect(integration.uri).toBe('https://svc.internal/u/{userId}/posts');
        expect(integration.requestParameters).toEqual({
          'integration.request.path.userId': 'method.request.path.id',
        });
      } else {
        expect(integration.uri).toBe('https://svc.internal/u/{id}/posts');
      }
      expect(backendPath(serve(document, 'GET', '/users/7/posts')!, kind)).toBe('/u/7/posts');
    });
  });

  it('names depend only on the routes through the position: an unrelated route changes none', async () => {
    const before = documentOf(run(await modelFrom(api(USERS)), 'apigw-rest'));
    const after = documentOf(
      run(await modelFrom(api(USERS + `  /teams/{zz}/users/{a}:\n    get: ${op()}\n`)), 'apigw-rest'),
    );
    for (const path of Object.keys(before.paths)) expect(after.paths[path]).toEqual(before.paths[path]);
  });

  it('a renamed route diffs cleanly: one more route is one more method and resource', async () => {
    const base = await modelFrom(api(USERS));
    const revision = await modelFrom(api(USERS + `  /users/{uid}/keys:\n    get: ${op()}\n`));
    for (const target of API_TARGETS) {
      const changes = diffApigw(target, base, revision);
      expect(changes.map((c) => [c.code, c.args.path])).toEqual(
        target === 'apigw-rest'
          ? [
              ['GP440', '/users/{id}/keys'],
              ['GP442', '/users/{id}/keys'],
            ]
          : [['GP442', '/users/{id}/keys']],
      );
    }
  });
});
