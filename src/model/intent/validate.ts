import type { ValidationError, Validator } from '../../util/validator.js';
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import type { RawConfig, RawRootIntent, RawRouteSettings, RawSecuritySchemeIntent } from './raw.js';
import * as generated from './validators.generated.js';

/** Precompiled from ./schema.ts (`npm run schema`): no schema compilation at start-up. */
const validators = {
  root: generated.root as Validator<RawRootIntent>,
  operation: generated.operation as Validator<RawRouteSettings>,
  securityScheme: generated.securityScheme as Validator<RawSecuritySchemeIntent>,
  config: generated.config as Validator<RawConfig>,
};

export type IntentKind = keyof typeof validators;

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
    return diagnostic(code, at, { at: label, reason: describe(error), file: where.file });
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

function describe(error: ValidationError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${String(params.additionalProperty)}"`;
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
