/**
 * Path values of one rule (`path-values.ts`): when the pieces joined as written take more
 * values than a rule may hold, every shared prefix is written once. The values must hold
 * exactly the pieces' paths — checked as automata, not by the compiler's own reasoning —
 * and fit ALB's quotas.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, regexAutomaton } from '../../src/targets/alb/automata.js';
import { render } from '../../src/targets/alb/path-values.js';
import { ALB_QUOTAS } from '../../src/targets/alb/plan.js';
import { regexBody, type PathShape, type ShapeSeg } from '../../src/targets/alb/shape.js';

const lit = (value: string): ShapeSeg => ({ kind: 'lit', value });

/** Whether the values hold exactly the pieces' paths. */
function sameLanguage(values: string[], pieces: PathShape[]): boolean {
  const written = values.map(regexAutomaton);
  const meant = pieces.map((p) => regexAutomaton(`^${regexBody(p)}$`));
  return written.every((w) => !overlaps([w], meant)) && meant.every((m) => !overlaps([m], written));
}

function expectValid(pieces: PathShape[], budget: number): string[] | undefined {
  const values = render(pieces, budget, false);
  if (!values || !('regexes' in values)) return undefined;
  expect(values.regexes.length).toBeLessThanOrEqual(budget);
  for (const r of values.regexes) expect(r.length).toBeLessThanOrEqual(ALB_QUOTAS.patternLength);
  expect(sameLanguage(values.regexes, pieces)).toBe(true);
  return values.regexes;
}

const SLACK = [
  'admin.apps.approve',
  'admin.apps.restrict',
  'admin.apps.requests.list',
  'admin.emoji.add',
  'admin.emoji.list',
  'admin.teams.settings.setName',
  'admin.users.session.reset',
  'apps.permissions.scopes.list',
  'conversations.history',
  'conversations.replies',
  'oauth.v2.access',
  'search.messages',
  'migration.exchange',
].map((call): PathShape => ({ segs: [lit('api'), lit(call)], tail: 'none' }));

describe('path values of one rule', () => {
  it('writes shared prefixes once where the pieces as written take too many values', () => {
    const regexes = expectValid(SLACK, 2)!;
    expect(regexes).toBeDefined();
    expect(regexes.join('')).toContain('admin\\.(apps\\.(approve|requests\\.list|restrict)|');
    // As written they take three values.
    expect(render(SLACK, 3, false)).toMatchObject({ regexes: { length: 3 } });
  });

  it('keeps a path that ends where another goes on (the root beside paths under it)', () => {
    const pieces: PathShape[] = [{ segs: [], tail: 'none' }, ...SLACK.slice(0, 7)];
    expect(expectValid(pieces, 1)).toEqual([
      '^(/|/api/admin\\.(apps\\.(approve|requests\\.list|restrict)|emoji\\.(add|list)|teams\\.settings\\.setName|users\\.session\\.reset))$',
    ]);
  });

  it('writes a rest that several words share once', () => {
    const claim = (name: string): PathShape => ({
      segs: [lit('orgs'), { kind: 'param' }, lit('actions'), lit(name)],
      tail: 'tree',
    });
    const pieces = [
      'hosted-runners',
      'permissions',
      'runner-groups',
      'runners',
      'secrets',
      'variables',
      'oidc-config',
    ].map(claim);
    expect(expectValid(pieces, 1)).toEqual([
      // `hosted-` and `oidc-` are words of their own, so their rests differ from `(/.*)?`.
      '^/orgs/[^/]+/actions/(hosted-runners(/.*)?|oidc-config(/.*)?|(permissions|runners|secrets|variables)(/.*)?|runner-groups(/.*)?)$',
    ]);
  });

  it('holds exactly the pieces on random shapes (fast-check)', () => {
    const seg = fc.oneof(
      fc.constantFrom('a', 'b', 'api', 'chat.post', 'chat.get', 'x-y', 'a_b', 'v1:batch').map(lit),
      fc.constant<ShapeSeg>({ kind: 'param' }),
      fc.constant<ShapeSeg>({ kind: 'stem', prefix: 'chat.', suffix: '' }),
      fc.constant<ShapeSeg>({ kind: 'alt', values: ['a', 'b.c'] }),
      fc.constant<ShapeSeg>({ kind: 'mixed', parts: [{ kind: 'param' }, { kind: 'text', value: '.json' }] }),
    );
    const shape = fc.record({
      segs: fc.array(seg, { minLength: 0, maxLength: 4 }),
      tail: fc.constantFrom<PathShape['tail']>('none', 'tree', 'sub', 'greedy'),
    });
    fc.assert(
      fc.property(
        fc.array(shape, { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 1, max: 3 }),
        (pieces, budget) => {
          expectValid(pieces, budget);
        },
      ),
      { numRuns: 300 },
    );
  });
});
