/**
 * The verifier re-checks a rule list from the path values ALB is given; compileAlb with
 * `verify` reports a failure as GP217. These cases hand it lists with known faults.
 */
import { describe, expect, it } from 'vitest';
import { buildCells, CellTrie, type CellInput } from '../../src/targets/alb/cells.js';
import type { PackedRule } from '../../src/targets/alb/pack.js';
import { verifyRules } from '../../src/targets/alb/verify.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import { modelOf } from './support.js';

const inputs: CellInput[] = [
  {
    routeId: 'GET /users/me',
    method: 'GET',
    segs: [lit('users'), lit('me')],
    greedy: false,
    dest: 'accounts',
  },
  {
    routeId: 'GET /users/{}/avatar',
    method: 'GET',
    segs: [lit('users'), { kind: 'param' }, lit('avatar')],
    greedy: false,
    dest: 'media',
  },
];

function lit(value: string) {
  return { kind: 'lit' as const, value };
}

const trie = new CellTrie(buildCells(inputs), 'path-first');
const [me, avatar] = [0, 1].map((i) => trie.cells.find((c) => c.routes[0] === inputs[i]!.routeId)!.id);

function rule(dest: string, values: PackedRule['values'], homes: number[]): PackedRule {
  return { dest, pieces: [], values, homes, after: [] };
}

describe('verifyRules', () => {
  it('accepts exceptions before the claim that would take them', () => {
    const rules = [
      rule('media', { regexes: ['^/users/[^/]+/avatar$'] }, [avatar!]),
      rule('accounts', { globs: ['/users/me', '/users/me/*'] }, [me!]),
    ];
    expect(verifyRules(rules, trie.cells, 'path-first')).toEqual([]);
  });

  it('finds a claim that takes a request another backend declares (GET /users/me/avatar)', () => {
    const rules = [
      rule('accounts', { globs: ['/users/me', '/users/me/*'] }, [me!]),
      rule('media', { regexes: ['^/users/[^/]+/avatar$'] }, [avatar!]),
    ];
    expect(verifyRules(rules, trie.cells, 'path-first')).toEqual([
      'rule 0 takes requests of cell 1 (GET /users/{}/avatar) before its rule 1',
    ]);
  });

  it('finds a rule that does not take every path of its cell, and a glob wildcard that crosses /', () => {
    const rules = [
      rule('accounts', { globs: ['/users/*'] }, [me!]),
      rule('media', { regexes: ['^/users/x[^/]*/avatar$'] }, [avatar!]),
    ];
    expect(verifyRules(rules, trie.cells, 'path-first')).toEqual([
      'rule 1 does not take every path of cell 1 (GET /users/{}/avatar)',
      // `*` also matches `me/avatar`.
      'rule 0 takes requests of cell 1 (GET /users/{}/avatar) before its rule 1',
    ]);
  });

  it('finds a cell without a rule of its destination', () => {
    const rules = [rule('media', { regexes: ['^/users/[^/]+/avatar$'] }, [avatar!])];
    expect(verifyRules(rules, trie.cells, 'path-first')).toEqual([
      'cell 0 (GET /users/me) has no rule of its destination',
    ]);
  });

  it('compileAlb reports no GP217 for the rules it writes', () => {
    const model = modelOf([
      { method: 'GET', path: '/users/me', backend: 'accounts' },
      { method: 'GET', path: '/users/{id}/avatar', backend: 'media' },
    ]);
    expect(compileAlb(model, { verify: true }).diagnostics.map((d) => d.code)).not.toContain('GP217');
  });
});
