import type { CatalogEntry } from './entry.js';

/**
 * GP400–GP499: what a spec change does to routing. The level is the classification:
 * error = breaking, warn = risky, info = safe (see the README (gateplan in CI)). A change whose class
 * depends on its direction (tighter or looser) has one code per direction.
 */
export const diffCodes = {
  // Routes and methods.
  GP400: { slug: 'route-added', level: 'info', stage: 'diff', text: 'new route {route} → {after}' },
  GP401: {
    slug: 'route-removed',
    level: 'error',
    stage: 'diff',
    text: 'route {route} is removed (was → {before})',
    fix: 'keep the route until its clients have moved, or mark it deprecated first',
  },
  GP402: {
    slug: 'method-added',
    level: 'info',
    stage: 'diff',
    text: 'method {method} added on {path} → {after}',
  },
  GP403: {
    slug: 'method-removed',
    level: 'error',
    stage: 'diff',
    text: 'method {method} removed from {path} (was → {before})',
    fix: 'keep the method until its clients have moved, or mark it deprecated first',
  },
  GP404: {
    slug: 'backend-changed',
    level: 'error',
    stage: 'diff',
    text: '{route} moves from backend {before} to {after}',
  },
  GP405: {
    slug: 'weights-changed',
    level: 'warn',
    stage: 'diff',
    text: '{route} traffic split changes from {before} to {after}',
  },
  GP406: {
    slug: 'auth-added',
    level: 'error',
    stage: 'diff',
    text: '{route} now requires {after} (was {before})',
    fix: 'clients without credentials will get 401/403 once this deploys',
  },
  GP407: {
    slug: 'auth-removed',
    level: 'warn',
    stage: 'diff',
    text: '{route} no longer requires auth (was {before})',
  },
  GP408: {
    slug: 'auth-changed',
    level: 'error',
    stage: 'diff',
    text: '{route} auth changes from {before} to {after}',
  },
  GP418: {
    slug: 'auth-widened',
    level: 'warn',
    stage: 'diff',
    text: '{route} accepts more credentials: {after} (was {before})',
  },
  GP409: {
    slug: 'throttle-tightened',
    level: 'warn',
    stage: 'diff',
    text: '{route} throttling tightens from {before} to {after}',
  },
  GP410: {
    slug: 'throttle-loosened',
    level: 'info',
    stage: 'diff',
    text: '{route} throttling loosens from {before} to {after}',
  },
  GP411: {
    slug: 'timeout-shortened',
    level: 'warn',
    stage: 'diff',
    text: '{route} integration timeout shortens from {before} to {after}',
  },
  GP412: {
    slug: 'timeout-lengthened',
    level: 'info',
    stage: 'diff',
    text: '{route} integration timeout lengthens from {before} to {after}',
  },
  GP413: { slug: 'cors-narrowed', level: 'warn', stage: 'diff', text: '{route} CORS narrows: {detail}' },
  GP414: { slug: 'cors-widened', level: 'info', stage: 'diff', text: '{route} CORS widens: {detail}' },
  GP415: {
    slug: 'match-changed',
    level: 'warn',
    stage: 'diff',
    text: '{route} extra match conditions change from {before} to {after}',
  },
  GP416: {
    slug: 'backend-address-changed',
    level: 'warn',
    stage: 'diff',
    text: 'backend {backend} now points at {after} (was {before}); {count} route(s) use it',
  },
  GP417: {
    slug: 'catch-all-changed',
    level: 'info',
    stage: 'diff',
    text: 'requests that match no route now go to {after} (was {before})',
  },

  // Stages and canaries.
  GP420: { slug: 'stage-added', level: 'info', stage: 'diff', text: 'new stage {stage} ({after})' },
  GP421: {
    slug: 'stage-removed',
    level: 'error',
    stage: 'diff',
    text: 'stage {stage} is removed (was {before})',
    fix: 'every client of the stage loses it; move them first',
  },
  GP422: {
    slug: 'stage-address-changed',
    level: 'error',
    stage: 'diff',
    text: 'stage {stage} moves from {before} to {after}',
  },
  GP423: {
    slug: 'stage-throttle-tightened',
    level: 'warn',
    stage: 'diff',
    text: 'stage {stage} throttling tightens from {before} to {after}',
  },
  GP424: {
    slug: 'stage-throttle-loosened',
    level: 'info',
    stage: 'diff',
    text: 'stage {stage} throttling loosens from {before} to {after}',
  },
  GP425: {
    slug: 'canary-increased',
    level: 'warn',
    stage: 'diff',
    text: 'stage {stage} canary grows from {before} to {after}',
  },
  GP426: {
    slug: 'canary-decreased',
    level: 'info',
    stage: 'diff',
    text: 'stage {stage} canary shrinks from {before} to {after}',
  },
  GP427: {
    slug: 'canary-backends-changed',
    level: 'warn',
    stage: 'diff',
    text: 'stage {stage} canary substitutes {after} (was {before})',
  },
  GP428: {
    slug: 'stage-variables-changed',
    level: 'warn',
    stage: 'diff',
    text: 'stage {stage} variables change: {detail}',
  },

  // What the emitted configuration of each target does differently.
  GP440: {
    slug: 'apigw-resource-added',
    level: 'info',
    stage: 'diff',
    text: '{target}: resource {path} added',
  },
  GP441: {
    slug: 'apigw-resource-removed',
    level: 'error',
    stage: 'diff',
    text: '{target}: resource {path} removed',
  },
  GP442: {
    slug: 'apigw-method-added',
    level: 'info',
    stage: 'diff',
    text: '{target}: {method} {path} added',
  },
  GP443: {
    slug: 'apigw-method-removed',
    level: 'error',
    stage: 'diff',
    text: '{target}: {method} {path} removed',
  },
  GP450: {
    slug: 'alb-rule-added',
    level: 'info',
    stage: 'diff',
    text: '{target}: rule {rule} added at priority {after}',
  },
  GP451: {
    slug: 'alb-rule-removed',
    level: 'warn',
    stage: 'diff',
    text: '{target}: rule {rule} removed (was priority {before})',
  },
  GP452: {
    slug: 'alb-rule-reprioritized',
    level: 'warn',
    stage: 'diff',
    text: '{target}: rule {rule} moves from priority {before} to {after}',
    fix: 'renumbered priorities replace listener rules in place during deploy',
  },
  GP456: {
    slug: 'alb-rule-changed',
    level: 'info',
    stage: 'diff',
    text: '{target}: rule {rule} changes: {detail}',
  },
  GP457: {
    slug: 'alb-rule-replaced',
    level: 'warn',
    stage: 'diff',
    text: '{target}: rule {before} is replaced by {after} (priority {priorityBefore} → {priorityAfter})',
    fix: 'CloudFormation keys rules by priority and updates this one in place; Terraform names blocks by rule, so it destroys the old block before creating the new one',
  },
  GP453: {
    slug: 'alb-request-rerouted',
    level: 'error',
    stage: 'diff',
    text: '{target}: {request} (served by {baseRoute}) now reaches {after} instead of {before}',
  },
  GP454: {
    slug: 'alb-request-shadowed',
    level: 'error',
    stage: 'diff',
    text: '{target}: {request} (served by {baseRoute}) is captured by rule {rule} of {route} and now reaches {after} instead of {before}',
    fix: 'make the new rule more specific or give {baseRoute} a lower priority number',
  },
  GP455: {
    slug: 'alb-unmatched-now-routed',
    level: 'info',
    stage: 'diff',
    text: '{target}: {request} matched no operation before (reached {before}); it now reaches {after} via {route}',
  },
  GP460: {
    slug: 'quota-newly-exceeded',
    level: 'error',
    stage: 'diff',
    text: '{target}: {quota} goes from {before} to {after}, over the quota of {limit}',
    fix: 'request a quota increase (and declare it in x-gateplan.quotas) before deploying, or split the API',
  },
} as const satisfies Record<string, CatalogEntry>;
