import type { CatalogEntry } from './entry.js';

/** GP020–GP039: the route model built from paths and operations. */
export const modelCodes = {
  GP020: {
    slug: 'duplicate-route',
    level: 'error',
    stage: 'model',
    text: '{route} is declared twice: {path} and {other} differ only in parameter names, and they disagree on {differs}',
    fix: 'to a front door both are one route: give both the same {differs} in gateplan.yaml (a rule whose `match` selects both), and one route {other} serves both; or `severity: { GP020: warn }` in gateplan.yaml deploys {other} for both (its settings then apply to both); or an overlay action `{ target: "{target}", remove: true }` removes this one',
  },
  GP021: {
    slug: 'path-param-undeclared',
    level: 'warn',
    stage: 'model',
    text: 'path parameter {{name}} is not declared ({route}); it is treated as a required string',
    fix: 'add a parameter with `in: path` and `name: {name}` to the operation or path item',
  },
  GP022: {
    slug: 'path-param-unused',
    level: 'warn',
    stage: 'model',
    text: 'parameter {name} is declared `in: path` but the path {path} has no {{name}}',
    fix: 'remove the parameter or add it to the path template',
  },
  GP023: {
    slug: 'invalid-path-template',
    level: 'error',
    stage: 'model',
    text: 'path {path} is not a valid template: {reason}',
    fix: 'leave the path out in gateplan.yaml (`exclude: [{ path: "{path}" }]`, which `gateplan init` writes for you), or fix the path key: whole-segment parameters (`/a/{b}`), a greedy `{name+}` only as the last segment',
  },
  GP024: {
    slug: 'no-operations',
    level: 'warn',
    stage: 'model',
    text: 'the document declares no operations',
    fix: 'add paths with operations: without them a front door routes nothing, and a REST API cannot be deployed at all (GP129)',
  },
  GP025: {
    slug: 'duplicate-operation-id',
    level: 'warn',
    stage: 'model',
    text: 'operationId {operationId} is used by {route} and {other}',
    fix: 'make operationIds unique; generated names fall back to method + path',
  },
  GP026: {
    slug: 'webhooks-ignored',
    level: 'info',
    stage: 'model',
    text: '{count} webhook operation(s) describe calls the API makes, not routes it serves; they are not routed',
  },
  GP028: {
    slug: 'trailing-slash-dropped',
    level: 'info',
    stage: 'model',
    text: 'path {path} ends with a slash; it is routed as {routed}',
    fix: 'write the path without the trailing slash, or route both forms in the backend',
  },
  GP035: {
    slug: 'inferred-schemas-not-validated',
    level: 'info',
    stage: 'model',
    text: 'request validation is off for {count} route(s) whose schemas gateplan inferred from the collection’s examples (first: {route}): an example is not a contract',
    fix: 'set x-gateplan `validate: body` (or `params`, `all`) on the routes whose schema you have checked, in gateplan.yaml rules or an overlay',
  },
  GP151: {
    slug: 'duplicate-route-shared',
    level: 'info',
    stage: 'model',
    text: '{route} is also declared as {kept}, which differs only in parameter names; to a front door both are one route, and as they agree on backend, security and settings, {kept} serves both (the backend receives each request’s path unchanged)',
  },
  GP030: {
    slug: 'operations-excluded',
    level: 'info',
    stage: 'model',
    text: 'gateplan.yaml exclude ({selector}) leaves out {count} operation(s): {routes}',
    fix: 'nothing to do when those operations are served elsewhere; remove the entry to route them',
  },
  GP031: {
    slug: 'exclude-unused',
    level: 'warn',
    stage: 'model',
    text: 'gateplan.yaml exclude ({selector}) matches no operation',
    fix: 'check the path (as the spec writes it, with its base path left off), method, tag or operationId the entry selects',
  },
} as const satisfies Record<string, CatalogEntry>;
