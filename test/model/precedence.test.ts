import { describe, expect, it } from 'vitest';
import { indexRoutes, pathParts } from '../../src/model/precedence.js';
import type { Route } from '../../src/model/types.js';
import { modelOf } from '../alb/support.js';

function routes(...specs: [Route['method'], string][]): Route[] {
  return modelOf(specs.map(([method, path]) => ({ method, path, backend: 'b' }))).routes;
}

function owner(rs: Route[], method: string, path: string, reading?: 'path-first'): string | undefined {
  return indexRoutes(rs).owner(method, path, { headFollowsGet: true, ...(reading ? { reading } : {}) })?.id;
}

describe('which operation owns a request', () => {
  const api = routes(
    ['GET', '/users/me'],
    ['GET', '/users/{id}'],
    ['DELETE', '/users/{id}'],
    ['GET', '/users/{id}/avatar'],
    ['GET', '/files/{path+}'],
    ['GET', '/files/{id}/meta'],
    ['ANY', '/any/{x}'],
    ['POST', '/any/{x}'],
  );

  it('a literal beats a parameter at the first segment where templates differ', () => {
    expect(owner(api, 'GET', '/users/me')).toBe('GET /users/me');
    expect(owner(api, 'GET', '/users/42')).toBe('GET /users/{}');
    // The parameter sits before the literal that would differ: /users/{id}/avatar is the only match.
    expect(owner(api, 'GET', '/users/me/avatar')).toBe('GET /users/{}/avatar');
  });

  it('a parameter beats a greedy segment; a greedy segment takes one or more non-empty segments', () => {
    expect(owner(api, 'GET', '/files/1/meta')).toBe('GET /files/{}/meta');
    expect(owner(api, 'GET', '/files/1/other')).toBe('GET /files/{+}');
    expect(owner(api, 'GET', '/files/a')).toBe('GET /files/{+}');
    expect(owner(api, 'GET', '/files')).toBeUndefined();
    expect(owner(api, 'GET', '/files/a/')).toBeUndefined();
    expect(owner(api, 'GET', '/users/')).toBeUndefined();
  });

  it('method-first: the most specific template that declares the method; path-first: the most specific template', () => {
    expect(owner(api, 'DELETE', '/users/me')).toBe('DELETE /users/{}');
    expect(owner(api, 'DELETE', '/users/me', 'path-first')).toBeUndefined();
    expect(owner(api, 'PUT', '/users/42')).toBeUndefined();
  });

  it('HEAD follows GET unless asked not to; ANY takes the methods its template does not declare', () => {
    expect(owner(api, 'HEAD', '/users/me')).toBe('GET /users/me');
    expect(indexRoutes(api).owner('HEAD', '/users/me')).toBeUndefined();
    expect(owner(api, 'PATCH', '/any/1')).toBe('ANY /any/{}');
    expect(owner(api, 'POST', '/any/1')).toBe('POST /any/{}');
  });

  it('splits paths the way templates read them', () => {
    expect(pathParts('/')).toEqual([]);
    expect(pathParts('/a/b')).toEqual(['a', 'b']);
    expect(pathParts('/a/')).toEqual(['a', '']);
  });
});
