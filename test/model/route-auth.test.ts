import { describe, expect, it } from 'vitest';
import { routeAuth } from '../../src/model/route-auth.js';
import type { AuthRequirement, NamedAuthScheme, RouteModel } from '../../src/model/types.js';

const scheme = (name: string, enforcedBy: 'gateway' | 'backend'): NamedAuthScheme => ({
  name,
  scheme: { kind: 'http-basic' },
  enforcedBy,
  credential: { in: 'header', name: 'Authorization' },
  where: { file: 'api.yaml', pointer: `/components/securitySchemes/${name}` },
});
const model: Pick<RouteModel, 'auth'> = {
  auth: {
    g1: scheme('g1', 'gateway'),
    g2: scheme('g2', 'gateway'),
    b1: scheme('b1', 'backend'),
    b2: scheme('b2', 'backend'),
  },
};
/** `'g1+b1 | g2:read'` → requirements: alternatives split by `|`, schemes by `+`, scopes after `:`. */
const req = (text: string): AuthRequirement[] =>
  text.split('|').map((alt) => ({
    schemes: alt
      .trim()
      .split('+')
      .filter(Boolean)
      .map((s) => {
        const [name, scopes] = s.split(':');
        return { name: name!, scopes: scopes ? scopes.split(',') : [] };
      }),
  }));
const of = (auth: AuthRequirement[] | undefined) => routeAuth(model, { auth });

describe('routeAuth: what a front door does about a route’s security', () => {
  it('no security, explicitly public, and an anonymous alternative', () => {
    expect(of(undefined)).toEqual({ kind: 'none' });
    expect(of([])).toEqual({ kind: 'public' });
    expect(of([...req('g1'), { schemes: [] }])).toEqual({ kind: 'public' });
  });

  it('every alternative backend-checked: no authorizer', () => {
    expect(of(req('b1 | b2'))).toEqual({ kind: 'backend', schemes: ['b1', 'b2'] });
  });

  it('one gateway set, backend schemes beside it pass through', () => {
    expect(of(req('g1+b1'))).toEqual({
      kind: 'gateway',
      requirement: { schemes: [{ name: 'g1', scopes: [] }] },
      backend: ['b1'],
    });
    expect(of(req('g1:read+b1 | g1:write+b2'))).toEqual({
      kind: 'gateway',
      requirement: { schemes: [{ name: 'g1', scopes: ['read', 'write'] }] },
      backend: ['b1', 'b2'],
    });
  });

  it('alternatives that do not come down to one gateway set', () => {
    expect(of(req('g1 | g2'))).toEqual({ kind: 'alternatives', gateway: [['g1'], ['g2']], backendOnly: [] });
    expect(of(req('g1 | b1'))).toEqual({ kind: 'alternatives', gateway: [['g1']], backendOnly: [['b1']] });
  });

  it('a scheme nobody declared', () => {
    expect(of(req('g1 | ghost'))).toEqual({ kind: 'undeclared', schemes: ['ghost'] });
  });
});
