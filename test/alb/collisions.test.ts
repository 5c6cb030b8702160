/**
 * Requests whose parameter values equal a sibling's literal (`GET /users/me/avatar` beside
 * `GET /users/me` and `GET /users/{id}/avatar`), with trailing slashes, `.json` suffixes and
 * methods the path does not declare (see `requests.ts`): every declared one must reach the
 * operation the model's precedence rule names; with `alb.unmatched: default`, no undeclared
 * one may be taken by a rule. A claim may widen to undeclared requests, never take a declared one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Route, RouteModel } from '../../src/model/types.js';
import { exampleSpecs, modelOf as loadModel } from '../support/pipeline.js';
import { routeSet, rpcApi, serviceApi, stageModes } from './arbitraries.js';
import { adversarialRequests, misroutedProbes } from './requests.js';
import { compileVerified, modelOf } from './support.js';

type Spec = [Route['method'], string, string][];

function api(spec: Spec): RouteModel {
  return modelOf(spec.map(([method, path, backend]) => ({ method, path, backend })));
}

function strict(model: RouteModel): RouteModel {
  return { ...model, alb: { ...model.alb, unmatched: 'default' } };
}

function expectRight(model: RouteModel): void {
  expect(misroutedProbes(model, compileVerified(model))).toEqual([]);
}

/** The examples of issue #16, each cut down to the operations that collide. */
const regressions: Record<string, Spec> = {
  'GET /users/me/avatar reaches /users/{userId}/avatar, not the owner of /users/me': [
    ['GET', '/users/me', 'accounts'],
    ['PATCH', '/users/me', 'accounts'],
    ['GET', '/users/me/preferences', 'accounts'],
    ['GET', '/users/{userId}/avatar', 'media'],
    ['GET', '/users/{userId}/invoices', 'media'],
    ['GET', '/users/{userId}/orders/{id}', 'media'],
  ],
  'Instagram: GET /v1/users/self/follows reaches /v1/users/{user-id}/follows': [
    ['GET', '/v1/users/search', 'users'],
    ['GET', '/v1/users/self/feed', 'users'],
    ['GET', '/v1/users/self/media/liked', 'users'],
    ['GET', '/v1/users/self/requested-by', 'relationships'],
    ['GET', '/v1/users/{user-id}', 'users'],
    ['GET', '/v1/users/{user-id}/followed-by', 'relationships'],
    ['GET', '/v1/users/{user-id}/follows', 'relationships'],
    ['GET', '/v1/users/{user-id}/media/recent', 'users'],
    ['POST', '/v1/users/{user-id}/relationship', 'relationships'],
  ],
  'DigitalOcean: GET /v2/droplets/backups/actions reaches /v2/droplets/{id}/actions': [
    ['GET', '/v2/droplets', 'droplets'],
    ['GET', '/v2/droplets/backups', 'backups'],
    ['GET', '/v2/droplets/backups/policies', 'backups'],
    ['GET', '/v2/droplets/{droplet_id}', 'droplets'],
    ['GET', '/v2/droplets/{droplet_id}/actions', 'actions'],
    ['POST', '/v2/droplets/{droplet_id}/actions', 'actions'],
  ],
  'GitHub: POST /orgs/x/actions/y reaches /orgs/{org}/{security_product}/{enablement}': [
    ['GET', '/orgs/{org}/actions/permissions', 'actions'],
    ['PUT', '/orgs/{org}/actions/permissions', 'actions'],
    ['GET', '/orgs/{org}/actions/runners', 'actions'],
    ['POST', '/orgs/{org}/{security_product}/{enablement}', 'security'],
    ['GET', '/orgs/{org}', 'orgs'],
  ],
  'Adobe: GET /crx/x reaches /{path}/{name}': [
    ['POST', '/crx/explorer/ui/setpassword.jsp', 'crx'],
    ['GET', '/crx/packmgr/installstatus.jsp', 'crx'],
    ['POST', '/crx/packmgr/service.jsp', 'crx'],
    ['GET', '/{path}/{name}', 'sling'],
    ['POST', '/{path}/{name}', 'sling'],
    ['GET', '/system/health', 'custom'],
  ],
};

describe('colliding requests: every declared one reaches its operation', () => {
  for (const [name, spec] of Object.entries(regressions)) {
    it(name, () => expectRight(api(spec)));
    it(`${name} (alb.unmatched: default)`, () => expectRight(strict(api(spec))));
  }

  it('probes the collisions the regressions name', () => {
    const probes = adversarialRequests(
      api(regressions['GET /users/me/avatar reaches /users/{userId}/avatar, not the owner of /users/me']!),
    );
    const avatar = probes.find((p) => p.request.method === 'GET' && p.request.path === '/users/me/avatar');
    expect(avatar?.owner?.id).toBe('GET /users/{}/avatar');
    const slash = probes.find((p) => p.request.path === '/users/me/');
    expect(slash).toBeDefined();
    expect(slash?.owner).toBeUndefined();
  });

  for (const spec of exampleSpecs()) {
    it(spec, async () => expectRight(await loadModel(spec)));
    it(`${spec} (alb.unmatched: default)`, async () => expectRight(strict(await loadModel(spec))));
  }
});

describe('colliding requests on random route sets (fast-check)', () => {
  const sets = { 'random route sets': routeSet, 'multi-service APIs': serviceApi, 'RPC-style APIs': rpcApi };
  for (const [name, arbitrary] of Object.entries(sets)) {
    it(name, () => {
      fc.assert(
        fc.property(arbitrary, (routes) => expectRight(modelOf(routes))),
        { numRuns: 200 },
      );
    });
    it(`${name} (alb.unmatched: default)`, () => {
      fc.assert(
        fc.property(arbitrary, (routes) => expectRight(strict(modelOf(routes)))),
        { numRuns: 150 },
      );
    });
  }

  for (const [mode, extra] of Object.entries(stageModes)) {
    it(`${mode} stages`, () => {
      fc.assert(
        fc.property(routeSet, (routes) => expectRight(modelOf(routes, extra, ['beta']))),
        { numRuns: 100 },
      );
    });
    it(`${mode} stages (alb.unmatched: default)`, () => {
      fc.assert(
        fc.property(routeSet, (routes) => expectRight(strict(modelOf(routes, extra, ['beta'])))),
        { numRuns: 100 },
      );
    });
  }
});
