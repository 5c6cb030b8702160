import type { CatalogEntry } from './entry.js';

/** GP040–GP069: deployment intent from `x-gateplan` and `gateplan.yaml`. */
export const intentCodes = {
  GP040: {
    slug: 'intent-invalid',
    level: 'error',
    stage: 'intent',
    text: 'x-gateplan {at}: {reason}',
    fix: 'see schema/x-gateplan.schema.json for the accepted keys',
  },
  GP041: {
    slug: 'backend-unknown',
    level: 'error',
    stage: 'intent',
    text: 'backend {backend} is not defined ({route})',
    fix: 'define it under x-gateplan.backends, or use one of: {known}',
  },
  GP042: {
    slug: 'backend-missing',
    level: 'error',
    stage: 'intent',
    text: 'no backend for {route}',
    fix: 'set x-gateplan.backend on the operation, a gateplan.yaml rule, or defaults.backend',
  },
  GP043: {
    slug: 'config-rule-unused',
    level: 'warn',
    stage: 'intent',
    text: 'gateplan.yaml rule {index} ({selector}) matches no route',
    fix: 'check the tag, path glob or operationId the rule selects',
  },
  GP044: {
    slug: 'security-scheme-unknown',
    level: 'error',
    stage: 'intent',
    text: 'security requirement names {scheme}, which is not a declared security scheme ({route}); the route is not served',
    fix: 'declare it in gateplan.yaml: `auth: { {scheme}: { enforcedBy: backend } }` if your backend checks it, or with its authorizer (auth.{scheme}.jwt, cognito, lambda, oidc or iam)',
  },
  GP045: {
    slug: 'integration-kept-verbatim',
    level: 'info',
    stage: 'intent',
    text: 'x-amazon-apigateway-integration of type {type} on {route} is kept as written as backend {backend}',
  },
  GP046: {
    slug: 'weights-invalid',
    level: 'error',
    stage: 'intent',
    text: 'weighted backends for {route} must have weights 0–999 that are not all zero',
  },
  GP047: {
    slug: 'canary-backend-unknown',
    level: 'error',
    stage: 'intent',
    text: 'stage {stage} canary names backend {backend}, which is not defined',
    fix: 'define it under x-gateplan.backends',
  },
  GP048: {
    slug: 'backend-kind-ambiguous',
    level: 'error',
    stage: 'intent',
    text: 'backend {backend} must set exactly one of url, lambda, mock, s3, kinesis (has {found})',
  },
  GP049: {
    slug: 'backend-unused',
    level: 'info',
    stage: 'intent',
    text: 'backend {backend} is defined but no route uses it',
  },
  GP050: {
    slug: 'config-invalid',
    level: 'error',
    stage: 'intent',
    text: '{file} {at}: {reason}',
    fix: 'see schema/gateplan.schema.json for the accepted keys',
  },
  GP051: {
    slug: 'catch-all-unknown',
    level: 'error',
    stage: 'intent',
    text: 'catchAll names backend {backend}, which is not defined',
  },
  GP052: {
    slug: 'auth-intent-unknown-scheme',
    level: 'error',
    stage: 'intent',
    text: 'auth names {scheme}, which is not a declared security scheme, and does not say what it is',
    fix: 'use the name the spec gives the scheme under securitySchemes (securityDefinitions); or, to declare it here, say who checks it (enforcedBy: backend) or give its authorizer (jwt, cognito, lambda, oidc, iam)',
  },
  GP053: {
    slug: 'auth-checked-by-backend',
    level: 'info',
    stage: 'intent',
    text: 'no front door checks security scheme {scheme} ({kind}): its credentials ({credential}) reach the backend unchanged, and the backend must check them ({count} route(s))',
    fix: 'this is auth.{scheme}.enforcedBy: backend; remove it to have each front door check the scheme with an authorizer of its own',
  },
} as const satisfies Record<string, CatalogEntry>;
