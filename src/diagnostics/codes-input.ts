import type { CatalogEntry } from './entry.js';

/** GP500–GP599: inputs other than an OpenAPI file — Postman collections, overlays, `init`. */
export const inputCodes = {
  GP500: {
    slug: 'postman-duplicate-request',
    level: 'warn',
    stage: 'input',
    text: '"{name}" requests {route} again; it is merged into the operation from "{first}"',
    fix: 'delete one of the two requests, or give them different paths',
  },
  GP501: {
    slug: 'postman-segment-mixed',
    level: 'info',
    stage: 'input',
    text: 'path segment {segment} mixes text and variables with no value; the whole segment becomes path parameter {{param}}',
    fix: 'give the variable a value in the collection or --postman-env, or make it a whole segment',
  },
  GP502: {
    slug: 'postman-segment-encoded',
    level: 'info',
    stage: 'input',
    text: 'path segment {segment} has characters no front door routes on; it is routed as {encoded}',
  },
  GP503: {
    slug: 'postman-url-missing',
    level: 'warn',
    stage: 'input',
    text: 'request "{name}" has no URL; it is skipped',
    fix: 'give the request a URL',
  },
  GP504: {
    slug: 'postman-variable-unset',
    level: 'info',
    stage: 'input',
    text: 'base URL variable {variable} has no value in the collection or environment',
    fix: 'set it in the collection variables or pass --postman-env FILE',
  },
  GP505: {
    slug: 'postman-environment-invalid',
    level: 'error',
    stage: 'input',
    text: '{file} is not a Postman environment: {reason}',
    fix: 'export the environment from Postman (it has a `values` list of { key, value })',
  },
  GP506: {
    slug: 'postman-method-unsupported',
    level: 'warn',
    stage: 'input',
    text: 'request "{name}" uses method {method}, which OpenAPI cannot describe; it is skipped',
  },
  GP510: {
    slug: 'overlay-invalid',
    level: 'error',
    stage: 'input',
    text: 'overlay {file} {at}: {reason}',
    fix: 'an overlay has `overlay: 1.0.0`, `info` and a list of `actions`, each with a `target` and `update` or `remove`',
  },
  GP511: {
    slug: 'overlay-target-unmatched',
    level: 'error',
    stage: 'input',
    text: 'overlay action {index} target {target} selects nothing',
    fix: 'check the JSONPath against the spec; the action was not applied',
  },
  GP512: {
    slug: 'overlay-jsonpath-invalid',
    level: 'error',
    stage: 'input',
    text: 'overlay action {index} target {target} is not valid JSONPath: {reason}',
    fix: "write an RFC 9535 JSONPath starting with $, e.g. $.paths['/pets'].get",
  },
  GP513: {
    slug: 'overlay-update-mismatch',
    level: 'error',
    stage: 'input',
    text: 'overlay action {index} cannot apply to {pointer}: {reason}',
    fix: 'an update for an object must be an object; removing the document root is not possible',
  },
  GP520: {
    slug: 'init-config-exists',
    level: 'error',
    stage: 'input',
    text: '{file} already exists; nothing written',
    fix: 'pass --force to overwrite it',
  },
} as const satisfies Record<string, CatalogEntry>;
