import { distinctIds, pascalId } from '../../model/ids.js';
import { dict } from '../../util/dict.js';

/**
 * REST API models are JSON Schema draft 4 with API Gateway's own exceptions. These keywords
 * are left out (import rejects or ignores them); 3.1's type lists and `const` are rewritten.
 */
const DROPPED = new Set([
  'example',
  'examples',
  'readOnly',
  'writeOnly',
  'default',
  'discriminator',
  'deprecated',
  'xml',
  'externalDocs',
  'exclusiveMinimum',
  'exclusiveMaximum',
  '$comment',
  '$schema',
  '$id',
  '$anchor',
  '$defs',
  'contentMediaType',
  'contentEncoding',
  'unevaluatedProperties',
  'unevaluatedItems',
  'if',
  'then',
  'else',
  'dependentRequired',
  'dependentSchemas',
  'prefixItems',
  'contains',
  'minContains',
  'maxContains',
  'propertyNames',
]);

const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_ONES = ['not', 'additionalProperties', 'items'];
const NUMBER_FORMATS = new Set(['int32', 'int64', 'decimal', 'float', 'double']);

/** Model names are alphanumeric; names that collide after cleaning get a hash of the original. */
export function modelNames(names: string[]): Map<string, string> {
  return distinctIds(names, (n) => pascalId(n, 100));
}

/**
 * Converts one schema to what REST import accepts. `refName` maps a component schema name
 * to its model name; `dropped` collects the keywords left out.
 */
export function toRestSchema(
  schema: unknown,
  refName: (name: string) => string,
  dropped: Set<string>,
): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toRestSchema(s, refName, dropped));
  if (typeof schema !== 'object' || schema === null) return schema;
  const src = schema as Record<string, unknown>;
  if (typeof src.$ref === 'string') {
    const m = /^#\/components\/schemas\/(.+)$/.exec(src.$ref);
    return m ? { $ref: `#/components/schemas/${refName(m[1]!)}` } : {};
  }
  const out = dict<unknown>();
  for (const [key, value] of Object.entries(src)) {
    if (DROPPED.has(key) || key.startsWith('x-')) {
      dropped.add(key);
    } else if (key === 'type' && Array.isArray(value)) {
      // OpenAPI 3.1 `type: [t, 'null']` is OpenAPI 3.0's `nullable`; several types cannot be said.
      const types = value.filter((t) => t !== 'null');
      if (types.length === 1) out.type = types[0];
      else dropped.add('type');
      if (types.length < value.length) out.nullable = true;
    } else if (key === 'const') {
      out.enum = [value];
    } else if (key === 'format' && isNumeric(src.type) && NUMBER_FORMATS.has(String(value))) {
      dropped.add('format');
    } else if (SCHEMA_MAPS.includes(key) && isRecord(value)) {
      out[key] = dict(Object.entries(value).map(([k, v]) => [k, toRestSchema(v, refName, dropped)]));
    } else if (
      (SCHEMA_LISTS.includes(key) || SCHEMA_ONES.includes(key)) &&
      typeof value === 'object' &&
      value !== null
    ) {
      out[key] = toRestSchema(value, refName, dropped);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isNumeric(type: unknown): boolean {
  return (
    type === 'number' ||
    type === 'integer' ||
    (Array.isArray(type) && type.some((t) => t === 'number' || t === 'integer'))
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
