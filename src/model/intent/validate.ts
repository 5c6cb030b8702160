import type { ValidationError, Validator } from '../../util/validator.js';
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import type { RawConfig, RawRootIntent, RawRouteSettings, RawSecuritySchemeIntent } from './raw.js';
import * as generated from './validators.generated.js';
import {
  configSchema,
  operationIntentSchema,
  rootIntentSchema,
  securitySchemeIntentSchema,
} from './schema.js';
import { didYouMean } from '../../util/suggest.js';

/** Precompiled from ./schema.ts (`npm run schema`): no schema compilation at start-up. */
const validators = {
  root: generated.root as Validator<RawRootIntent>,
  operation: generated.operation as Validator<RawRouteSettings>,
  securityScheme: generated.securityScheme as Validator<RawSecuritySchemeIntent>,
  config: generated.config as Validator<RawConfig>,
};

export type IntentKind = keyof typeof validators;

/** The schema each validator was compiled from: an unknown key's error points into it for the known keys. */
const schemas: Record<IntentKind, object> = {
  root: rootIntentSchema,
  operation: operationIntentSchema,
  securityScheme: securitySchemeIntentSchema,
  config: configSchema,
};

export interface Validated<T> {
  value?: T;
  diagnostics: Diagnostic[];
}

/** Validates one intent block; invalid blocks are reported at the offending key and ignored. */
export function validateIntent<K extends IntentKind>(
  kind: K,
  value: unknown,
  where: Where,
): Validated<(typeof validators)[K] extends Validator<infer T> ? T : never> {
  const validate = validators[kind];
  if (validate(value)) return { value: value as never, diagnostics: [] };
  const code = kind === 'config' ? 'GP050' : 'GP040';
  const diagnostics = simplify(validate.errors ?? []).map((error) => {
    const at = { file: where.file, pointer: where.pointer + error.instancePath };
    const label = error.instancePath === '' ? '(top level)' : error.instancePath.slice(1).replace(/\//g, '.');
    return diagnostic(code, at, { at: label, reason: describe(error, schemas[kind]), file: where.file });
  });
  return { diagnostics };
}

/** `oneOf` failures produce one error per branch; keep the most specific per location. */
function simplify(errors: ValidationError[]): ValidationError[] {
  const byPath = new Map<string, ValidationError>();
  for (const error of errors) {
    const existing = byPath.get(error.instancePath);
    if (!existing || (existing.keyword === 'oneOf' && error.keyword !== 'oneOf')) {
      byPath.set(error.instancePath, error);
    }
  }
  const paths = [...byPath.keys()];
  // A parent reported only because a child failed adds nothing.
  return [...byPath.values()].filter(
    (e) =>
      e.keyword !== 'oneOf' || !paths.some((p) => p !== e.instancePath && p.startsWith(e.instancePath + '/')),
  );
}

function describe(error: ValidationError, schema: object): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return `unknown key "${key}"${didYouMean(key, knownKeys(schema, error.schemaPath))}`;
    }
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required key "${String(params.missingProperty)}"`;
    case 'propertyNames':
      return `key "${String(params.propertyName)}" is not a valid name`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * The keys the object schema behind an `additionalProperties` error declares: its schema path
 * (`#/properties/stages/additionalProperties/additionalProperties`) names the keyword inside
 * that object schema. The schemas hold no `$ref`, so the path leads there directly.
 */
function knownKeys(schema: object, schemaPath: string | undefined): string[] {
  if (!schemaPath?.startsWith('#/')) return [];
  let node: unknown = schema;
  for (const token of schemaPath.slice(2).split('/').slice(0, -1))
    node =
      node && typeof node === 'object'
        ? (node as Record<string, unknown>)[decodeURIComponent(token)]
        : undefined;
  const properties = (node as { properties?: object } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}
