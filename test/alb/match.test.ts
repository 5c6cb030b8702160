import { describe, expect, it } from 'vitest';
import {
  conditionHolds,
  inCidr,
  matchRequest,
  pickTarget,
  type AlbRequest,
} from '../../src/targets/alb/match.js';
import type { AlbActions, AlbCondition, AlbRule } from '../../src/targets/alb/plan.js';

const to = (backend: string): AlbActions => ({
  terminal: { type: 'forward', targets: [{ backend, weight: 1 }] },
});
const DEFAULT: AlbActions = {
  terminal: { type: 'fixed-response', statusCode: '404', contentType: 'text/plain', body: '' },
};
const rule = (priority: number, backend: string, ...conditions: AlbCondition[]): AlbRule => ({
  name: backend,
  priority,
  conditions,
  actions: to(backend),
  transforms: [],
  routes: [],
  stages: [],
});
const get = (path: string, extra: Partial<AlbRequest> = {}): AlbRequest => ({
  method: 'GET',
  path,
  ...extra,
});
const holds = (c: AlbCondition, r: AlbRequest) => conditionHolds(c, r);
const path = (...values: string[]): AlbCondition => ({ field: 'path-pattern', values });

describe('ALB matcher: rule evaluation', () => {
  it('tries rules by ascending priority, whatever their order in the list, and falls back to the default', () => {
    const rules = [rule(20, 'broad', path('/api/*')), rule(10, 'narrow', path('/api/users'))];
    expect(matchRequest(rules, get('/api/users'), DEFAULT).rule?.name).toBe('narrow');
    expect(matchRequest(rules, get('/api/orders'), DEFAULT).rule?.name).toBe('broad');
    const miss = matchRequest(rules, get('/other'), DEFAULT);
    expect(miss.rule).toBeUndefined();
    expect(miss.actions).toBe(DEFAULT);
  });

  it('ANDs conditions and ORs the values inside one condition', () => {
    const r = rule(1, 'x', path('/a', '/b'), { field: 'http-request-method', values: ['GET', 'HEAD'] });
    expect(matchRequest([r], get('/b'), DEFAULT).rule).toBe(r);
    expect(matchRequest([r], { method: 'HEAD', path: '/a' }, DEFAULT).rule).toBe(r);
    expect(matchRequest([r], { method: 'POST', path: '/a' }, DEFAULT).rule).toBeUndefined();
    expect(matchRequest([r], get('/c'), DEFAULT).rule).toBeUndefined();
  });

  it('applies a url-rewrite transform to the forwarded path', () => {
    const r: AlbRule = {
      ...rule(1, 'x', path('/dev/*')),
      transforms: [{ type: 'url-rewrite', regex: '^/dev/?(.*)$', replace: '/$1' }],
    };
    expect(matchRequest([r], get('/dev/books/1'), DEFAULT).forwardedPath).toBe('/books/1');
  });
});

describe('ALB matcher: path patterns', () => {
  it('`*` matches any run of characters, including `/` and nothing at all', () => {
    expect(holds(path('/img/*'), get('/img/a/b/c.png'))).toBe(true);
    expect(holds(path('/img/*'), get('/img/'))).toBe(true);
    expect(holds(path('/img/*'), get('/img'))).toBe(false);
    expect(holds(path('/a/*/c'), get('/a/x/y/c'))).toBe(true);
  });

  it('`?` matches exactly one character', () => {
    expect(holds(path('/v?'), get('/v1'))).toBe(true);
    expect(holds(path('/v?'), get('/v'))).toBe(false);
    expect(holds(path('/v?'), get('/v12'))).toBe(false);
  });

  it('is case-sensitive and compares the whole path', () => {
    expect(holds(path('/Users'), get('/users'))).toBe(false);
    expect(holds(path('/users'), get('/users/1'))).toBe(false);
    expect(holds(path('/users'), get('/api/users'))).toBe(false);
  });

  it('treats other characters literally (`.`, `+`, `$`) and reads `&amp;` as `&`', () => {
    expect(holds(path('/a.b'), get('/axb'))).toBe(false);
    expect(holds(path('/a+b'), get('/a+b'))).toBe(true);
    expect(holds(path('/q&amp;a'), get('/q&a'))).toBe(true);
  });

  it('matches regex values as regular expressions', () => {
    const c: AlbCondition = { field: 'path-pattern', regexValues: ['^/users/[^/]+$'] };
    expect(holds(c, get('/users/42'))).toBe(true);
    expect(holds(c, get('/users/42/orders'))).toBe(false);
  });
});

describe('ALB matcher: other conditions', () => {
  it('host-header: case-insensitive with wildcards; `*.example.com` does not match the apex', () => {
    const c: AlbCondition = { field: 'host-header', values: ['*.example.com'] };
    expect(holds(c, get('/', { host: 'API.Example.com' }))).toBe(true);
    expect(holds(c, get('/', { host: 'example.com' }))).toBe(false);
    expect(holds(c, get('/'))).toBe(false);
  });

  it('http-header: name and value case-insensitive, any of several header values', () => {
    const c: AlbCondition = { field: 'http-header', name: 'X-Tenant', values: ['gold-*'] };
    expect(holds(c, get('/', { headers: { 'x-tenant': 'GOLD-1' } }))).toBe(true);
    expect(holds(c, get('/', { headers: { 'X-TENANT': ['silver', 'gold-2'] } }))).toBe(true);
    expect(holds(c, get('/', { headers: { 'x-other': 'gold-1' } }))).toBe(false);
  });

  it('http-request-method: exact and case-sensitive', () => {
    const c: AlbCondition = { field: 'http-request-method', values: ['GET'] };
    expect(holds(c, { method: 'get', path: '/' })).toBe(false);
    expect(holds(c, { method: 'GET', path: '/' })).toBe(true);
  });

  it('query-string: key/value pairs case-insensitive with wildcards, key optional, `\\*` literal', () => {
    const c: AlbCondition = {
      field: 'query-string',
      values: [{ key: 'version', value: 'v*' }, { value: 'beta' }],
    };
    expect(holds(c, get('/', { query: [['Version', 'V2']] }))).toBe(true);
    expect(holds(c, get('/', { query: [['channel', 'BETA']] }))).toBe(true);
    expect(holds(c, get('/', { query: [['version', '2']] }))).toBe(false);
    const literal: AlbCondition = { field: 'query-string', values: [{ key: 'q', value: 'a\\*' }] };
    expect(holds(literal, get('/', { query: [['q', 'a*']] }))).toBe(true);
    expect(holds(literal, get('/', { query: [['q', 'ab']] }))).toBe(false);
  });

  it('source-ip: IPv4 and IPv6 CIDR blocks', () => {
    const c: AlbCondition = { field: 'source-ip', values: ['10.0.0.0/8', '2001:db8::/32'] };
    expect(holds(c, get('/', { sourceIp: '10.1.2.3' }))).toBe(true);
    expect(holds(c, get('/', { sourceIp: '11.1.2.3' }))).toBe(false);
    expect(holds(c, get('/', { sourceIp: '2001:db8:1::5' }))).toBe(true);
    expect(holds(c, get('/', { sourceIp: '2001:db9::5' }))).toBe(false);
    expect(inCidr('192.168.1.7', '192.168.1.7/32')).toBe(true);
    expect(inCidr('192.168.1.8', '192.168.1.7/32')).toBe(false);
  });
});

describe('ALB matcher: weighted forward', () => {
  it('splits the weight range in order and skips zero weights', () => {
    const targets = [
      { backend: 'a', weight: 90 },
      { backend: 'off', weight: 0 },
      { backend: 'b', weight: 10 },
    ];
    expect(pickTarget(targets, 0)).toBe('a');
    expect(pickTarget(targets, 0.899)).toBe('a');
    expect(pickTarget(targets, 0.9)).toBe('b');
    const picks = Array.from({ length: 1000 }, (_, i) => pickTarget(targets, i / 1000));
    expect(picks.filter((p) => p === 'b')).toHaveLength(100);
    expect(picks).not.toContain('off');
  });
});
