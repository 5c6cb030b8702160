import type { CatalogEntry } from './entry.js';

/** GP001–GP019: reading and parsing files, resolving `$ref`. */
export const loadCodes = {
  GP001: {
    slug: 'file-unreadable',
    level: 'error',
    stage: 'load',
    text: 'cannot read {file}: {reason}',
    fix: 'check the path and permissions',
  },
  GP002: {
    slug: 'file-too-large',
    level: 'error',
    stage: 'load',
    text: '{file} is {size} bytes, over the {limit}-byte limit',
    fix: 'raise the ceiling with --max-file-size if the file is trusted',
  },
  GP003: {
    slug: 'parse-error',
    level: 'error',
    stage: 'load',
    text: 'cannot parse {file}: {reason}',
    fix: 'fix the syntax at the position shown',
  },
  GP004: {
    slug: 'yaml-alias-limit',
    level: 'error',
    stage: 'load',
    text: 'YAML aliases in {file} expand past the limit of {limit} (alias bomb?)',
    fix: 'write the repeated parts out or use $ref',
  },
  GP005: {
    slug: 'nesting-too-deep',
    level: 'error',
    stage: 'load',
    text: '{file} nests deeper than {limit} levels',
    fix: 'flatten the document; deep nesting is refused to bound memory and stack use',
  },
  GP006: {
    slug: 'unknown-format',
    level: 'error',
    stage: 'load',
    text: '{file} is not Swagger 2.0, OpenAPI 3.x or a Postman collection ({reason})',
    fix: 'pass an OpenAPI document (with an `openapi` or `swagger` key) or a Postman v2 collection',
  },
  GP007: {
    slug: 'ref-unresolved',
    level: 'error',
    stage: 'load',
    text: '$ref {ref} cannot be resolved: {reason}',
    fix: 'point the $ref at an existing file and JSON pointer',
  },
  GP008: {
    slug: 'ref-remote-blocked',
    level: 'error',
    stage: 'load',
    text: '$ref {ref} is a network reference; remote references are off by default',
    fix: 'vendor the file next to the spec, or pass --allow-remote-refs if the spec is trusted',
  },
  GP009: {
    slug: 'ref-outside-root',
    level: 'error',
    stage: 'load',
    text: '$ref {ref} leaves the spec folder {root}',
    fix: 'keep referenced files under the spec folder, or pass --ref-root DIR to widen it',
  },
  GP010: {
    slug: 'ref-cycle',
    level: 'error',
    stage: 'load',
    text: '$ref {ref} refers back to itself through {chain}',
    fix: 'break the cycle: a path item, parameter or response cannot contain itself',
  },
  GP011: {
    slug: 'unsupported-version',
    level: 'error',
    stage: 'load',
    text: '{file} declares {version}, which gateplan does not read',
    fix: 'convert the document to Swagger 2.0 or OpenAPI 3.0/3.1',
  },
  GP012: {
    slug: 'ref-legacy-name',
    level: 'error',
    stage: 'load',
    text: '$ref {ref} is a bare name (Swagger 1.2 style), not a JSON reference',
    fix: 'write it as {suggestion}',
  },
} as const satisfies Record<string, CatalogEntry>;
