/** Random route sets for the ALB property tests. */
import fc from 'fast-check';
import type { Route } from '../../src/model/types.js';

/** Few literals, so paths collide: shared prefixes, literal vs parameter siblings, greedy tails. */
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('a', 'b', 'users', 'me', 'v1') },
  { weight: 3, arbitrary: fc.constant('{p}') },
);
const path = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 4 }), fc.boolean(), fc.nat(9))
  .map(([segs, greedy, n]) => {
    const all = greedy && n < 3 ? [...segs, '{rest+}'] : segs;
    return '/' + all.map((s, i) => (s === '{p}' ? `{p${i}}` : s)).join('/');
  });
const route = fc.record({
  method: fc.constantFrom<Route['method']>('GET', 'POST', 'DELETE', 'ANY'),
  path,
  backend: fc.constantFrom('alpha', 'beta', 'gamma', 'delta'),
});
export const routeSet = fc.uniqueArray(route, {
  minLength: 1,
  maxLength: 30,
  selector: (r) => `${r.method} ${r.path.replace(/\{[^}]*?(\+?)\}/g, '{$1}')}`,
});

const where = { file: 'mem.yaml', pointer: '' };
const canary = { percent: 10, backends: { alpha: 'beta' } };

/** Two stages (the second with a canary from alpha to beta) per ALB stage mode. */
export const stageModes = {
  host: {
    alb: { stageMode: 'host' as const, stack: 'listener-rules' as const, unmatched: 'backend' as const },
    stages: {
      dev: { name: 'dev', host: 'dev.example.com', variables: {}, where },
      prod: { name: 'prod', host: 'api.example.com', variables: {}, canary, where },
    },
  },
  path: {
    alb: { stageMode: 'path' as const, stack: 'listener-rules' as const, unmatched: 'backend' as const },
    stages: {
      dev: { name: 'dev', pathPrefix: '/dev', variables: {}, where },
      prod: { name: 'prod', pathPrefix: '/prod', variables: {}, canary, where },
    },
  },
  listener: {
    alb: { stageMode: 'listener' as const, stack: 'listener-rules' as const, unmatched: 'backend' as const },
    stages: {
      dev: { name: 'dev', variables: {}, where },
      prod: { name: 'prod', variables: {}, canary, where },
    },
  },
};

/** Multi-service APIs with cross-cutting sub-resources (`/t/{tenant}/s3/{id}/audit`). */
export const serviceApi = fc
  .uniqueArray(
    fc.record({
      service: fc.nat(5),
      suffix: fc.constantFrom(
        '',
        '/{id}',
        '/{id}/audit',
        '/{id}/billing',
        '/{id}/items/{item}',
        '/{id}/{sub}',
      ),
      method: fc.constantFrom<Route['method']>('GET', 'POST'),
      shared: fc.constantFrom<string | undefined>(undefined, undefined, 'audit', 'billing'),
      generic: fc.boolean(),
    }),
    {
      minLength: 1,
      maxLength: 40,
      selector: (o) => `${o.method} ${o.generic ? '*' : o.service}${o.suffix}`,
    },
  )
  .map((ops) =>
    ops.map((o) => ({
      method: o.method,
      path: `/t/{tenant}/${o.generic ? '{kind}' : `s${o.service}`}${o.suffix}`,
      backend: o.shared ?? (o.generic ? 'generic' : `svc${o.service}`),
    })),
  );

/** RPC-style APIs whose calls share stems (`/api/chat.list`, `/api/chat.admin.get`). */
export const rpcApi = fc
  .uniqueArray(
    fc.record({
      family: fc.constantFrom('chat', 'chat.admin', 'users', 'users.admin', 'files-v2'),
      verb: fc.constantFrom('list', 'get', 'delete', 'post', 'info'),
      backend: fc.constantFrom('alpha', 'beta', 'gamma'),
      method: fc.constantFrom<Route['method']>('GET', 'POST'),
    }),
    { minLength: 1, maxLength: 40, selector: (c) => `${c.method} ${c.family}.${c.verb}` },
  )
  .map((calls) =>
    calls.map((c) => ({ method: c.method, path: `/api/${c.family}.${c.verb}`, backend: c.backend })),
  );
