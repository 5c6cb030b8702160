/**
 * Synthetic SaaS APIs the ALB compiler must serve in about one rule per destination: each
 * a shape that real multi-service APIs have and that defeats simple prefix claims. Used by
 * test/alb/shapes.test.ts (correctness and rule counts) and bench/alb.ts (the table in
 * BENCHMARKS.md).
 */
import type { Route } from '../../src/model/types.js';

export interface RouteSpec {
  method: Route['method'];
  path: string;
  backend: string;
}

export interface SyntheticApi {
  name: string;
  routes: RouteSpec[];
}

/**
 * `n` services under `/tenants/{tenantId}/…`, 17 operations each: collection, item, a
 * collection-level literal of the owner (`search`), an item-level one (`settings`),
 * sub-resources with their own ids (`attachments/{attachmentId}`); a collection-level action
 * owned by a shared export service (`POST …/export`) and item-level sub-resources owned by
 * shared audit, billing and comments services. 40 services: 680 operations, 44 backends.
 */
export function tenantServices(n: number): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (let s = 0; s < n; s++) {
    const base = `/tenants/{tenantId}/service${s}`;
    const own = `svc${s}`;
    const ops: [Route['method'], string, string][] = [
      ['GET', '', own],
      ['POST', '', own],
      ['GET', '/search', own],
      ['POST', '/export', 'exports'],
      ['GET', '/{id}', own],
      ['PUT', '/{id}', own],
      ['DELETE', '/{id}', own],
      ['GET', '/{id}/settings', own],
      ['GET', '/{id}/attachments', own],
      ['POST', '/{id}/attachments', own],
      ['GET', '/{id}/attachments/{attachmentId}', own],
      ['DELETE', '/{id}/attachments/{attachmentId}', own],
      ['GET', '/{id}/audit', 'audit'],
      ['GET', '/{id}/billing', 'billing'],
      ['GET', '/{id}/comments', 'comments'],
      ['POST', '/{id}/comments', 'comments'],
      ['GET', '/{id}/comments/{commentId}', 'comments'],
    ];
    for (const [method, suffix, backend] of ops) out.push({ method, path: base + suffix, backend });
  }
  return out;
}

/**
 * Nested sub-resources with ids, three levels deep, each level owned by the next service in
 * line: `/projects/{p}` (projects), `/projects/{p}/boards/{b}` (boards),
 * `/projects/{p}/boards/{b}/cards/{c}` (cards), `…/cards/{c}/files/{f}` (files) — for 12
 * top-level resources, whose levels rotate through 6 services.
 */
export function nestedResources(): RouteSpec[] {
  const levels = ['items', 'parts', 'notes', 'files'];
  const services = ['catalog', 'inventory', 'pricing', 'notes', 'files', 'search'];
  const out: RouteSpec[] = [];
  for (let r = 0; r < 12; r++) {
    let path = `/res${r}`;
    for (let depth = 0; depth < levels.length; depth++) {
      const backend = services[(r + depth) % services.length]!;
      if (depth > 0) path += `/${levels[depth]}`;
      out.push({ method: 'GET', path, backend });
      out.push({ method: 'POST', path, backend });
      path += `/{id${depth}}`;
      out.push({ method: 'GET', path, backend });
      out.push({ method: 'DELETE', path, backend });
    }
  }
  return out;
}

/**
 * Collection-level actions owned elsewhere: 30 resources with their own service each, and
 * on every collection `POST …/import` (importer), `POST …/bulk-delete` (bulk) and
 * `GET …/export.csv` (exports), beside the item `GET …/{id}` of the owner.
 */
export function collectionActions(): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (let r = 0; r < 30; r++) {
    const base = `/api/resource${r}`;
    const own = `svc${r}`;
    out.push({ method: 'GET', path: base, backend: own });
    out.push({ method: 'POST', path: base, backend: own });
    out.push({ method: 'GET', path: `${base}/{id}`, backend: own });
    out.push({ method: 'PATCH', path: `${base}/{id}`, backend: own });
    out.push({ method: 'GET', path: `${base}/{id}/history`, backend: own });
    out.push({ method: 'POST', path: `${base}/import`, backend: 'importer' });
    out.push({ method: 'POST', path: `${base}/bulk-delete`, backend: 'bulk' });
    out.push({ method: 'GET', path: `${base}/export.csv`, backend: 'exports' });
  }
  return out;
}

/**
 * Version prefixes with different owners: `/v1/…` is one legacy monolith; `/v2/<resource>/…`
 * belongs to a service per resource (20 resources), except the resources `/v2` still leaves
 * to the monolith; `/v3/<resource>` is a beta service for a few.
 */
export function versionPrefixes(): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (let r = 0; r < 20; r++) {
    const name = `things${r}`;
    for (const [method, suffix] of [
      ['GET', ''],
      ['POST', ''],
      ['GET', '/{id}'],
      ['DELETE', '/{id}'],
      ['GET', '/{id}/events'],
    ] as const) {
      out.push({ method, path: `/v1/${name}${suffix}`, backend: 'legacy' });
      out.push({ method, path: `/v2/${name}${suffix}`, backend: r % 5 === 0 ? 'legacy' : `svc${r}` });
      if (r % 4 === 0) out.push({ method, path: `/v3/${name}${suffix}`, backend: 'beta' });
    }
  }
  return out;
}

/**
 * Literals of another backend deep inside a prefix: `/orgs/{org}/repos/{repo}/…` belongs to
 * the repos service, but its `actions`, `pulls/{n}/reviews`, `issues/{n}/comments`,
 * `hooks` and `releases/{id}/assets` sub-trees belong to five other services, and
 * `/orgs/{org}/members` to a sixth; 60 operations per variant, under `/orgs` and `/users`.
 */
export function deepLiterals(): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (const owner of ['orgs', 'users']) {
    const repo = `/${owner}/{owner}/repos/{repo}`;
    const add = (method: Route['method'], path: string, backend: string) =>
      out.push({ method, path, backend });
    add('GET', `/${owner}/{owner}`, 'accounts');
    add('PATCH', `/${owner}/{owner}`, 'accounts');
    add('GET', `/${owner}/{owner}/members`, 'members');
    add('PUT', `/${owner}/{owner}/members/{user}`, 'members');
    add('GET', `/${owner}/{owner}/repos`, 'repos');
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['GET', '/branches'],
      ['GET', '/branches/{branch}'],
      ['GET', '/commits'],
      ['GET', '/commits/{sha}'],
      ['GET', '/contents/{path}'],
      ['PUT', '/contents/{path}'],
      ['GET', '/pulls'],
      ['POST', '/pulls'],
      ['GET', '/pulls/{number}'],
      ['GET', '/issues'],
      ['GET', '/issues/{number}'],
      ['GET', '/releases'],
      ['GET', '/releases/{id}'],
    ] as const)
      add(method, repo + suffix, 'repos');
    for (const suffix of [
      '/actions/runs',
      '/actions/runs/{run}',
      '/actions/secrets',
      '/actions/secrets/{name}',
    ])
      add('GET', repo + suffix, 'actions');
    add('GET', `${repo}/pulls/{number}/reviews`, 'reviews');
    add('POST', `${repo}/pulls/{number}/reviews`, 'reviews');
    add('GET', `${repo}/pulls/{number}/reviews/{review}`, 'reviews');
    add('GET', `${repo}/issues/{number}/comments`, 'comments');
    add('POST', `${repo}/issues/{number}/comments`, 'comments');
    add('GET', `${repo}/hooks`, 'hooks');
    add('POST', `${repo}/hooks`, 'hooks');
    add('GET', `${repo}/releases/{id}/assets`, 'assets');
  }
  return out;
}

/**
 * Methods split between backends on one path: 30 resources whose reads go to a read
 * service and whose writes go to a write service, plus 5 resources a third service owns.
 */
export function methodSplit(): RouteSpec[] {
  const out: RouteSpec[] = [];
  for (let r = 0; r < 35; r++) {
    const base = `/data/set${r}`;
    const read = r < 30 ? 'reader' : 'archive';
    const write = r < 30 ? 'writer' : 'archive';
    out.push({ method: 'GET', path: base, backend: read });
    out.push({ method: 'POST', path: base, backend: write });
    out.push({ method: 'GET', path: `${base}/{id}`, backend: read });
    out.push({ method: 'PUT', path: `${base}/{id}`, backend: write });
    out.push({ method: 'DELETE', path: `${base}/{id}`, backend: write });
  }
  return out;
}

export function syntheticApis(): SyntheticApi[] {
  return [
    {
      name: '10 services under /tenants/{t}/… (17 operations each; export, audit, billing, comments shared)',
      routes: tenantServices(10),
    },
    { name: '40 services under /tenants/{t}/… (the same shape)', routes: tenantServices(40) },
    { name: '80 services under /tenants/{t}/…', routes: tenantServices(80) },
    { name: '120 services under /tenants/{t}/…', routes: tenantServices(120) },
    { name: 'nested sub-resources with ids, each level another service', routes: nestedResources() },
    { name: 'collection-level actions owned by shared services', routes: collectionActions() },
    { name: 'version prefixes with different owners', routes: versionPrefixes() },
    { name: 'literals of other backends deep inside a prefix', routes: deepLiterals() },
    { name: 'methods split between backends on one path', routes: methodSplit() },
  ];
}
