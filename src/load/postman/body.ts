import { isObject } from './url.js';
import { dict } from '../../util/dict.js';
import { textOf } from '../../util/text.js';

type Content = Record<string, { schema: Record<string, unknown> }>;

/** The request body's media type and a schema for it, from Postman's body modes. */
export function requestBody(body: unknown, headers: unknown): Content | undefined {
  if (!isObject(body) || body.disabled === true) return undefined;
  switch (body.mode) {
    case 'raw': {
      const raw = typeof body.raw === 'string' ? body.raw : '';
      if (raw.trim() === '') return undefined;
      const type = rawType(body, headers);
      return { [type]: { schema: type.endsWith('json') ? jsonSchemaOf(raw) : { type: 'string' } } };
    }
    case 'urlencoded':
      return { 'application/x-www-form-urlencoded': { schema: formSchema(body.urlencoded, false) } };
    case 'formdata':
      return { 'multipart/form-data': { schema: formSchema(body.formdata, true) } };
    case 'file':
      return { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } };
    case 'graphql':
      return {
        'application/json': {
          schema: {
            type: 'object',
            properties: { query: { type: 'string' }, variables: { type: 'object' } },
            required: ['query'],
          },
        },
      };
    default:
      return undefined;
  }
}

const LANGUAGE_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
};

/** An explicit Content-Type header wins over the editor language Postman stores. */
function rawType(body: Record<string, unknown>, headers: unknown): string {
  if (Array.isArray(headers)) {
    const header = headers.find(
      (h) => isObject(h) && h.disabled !== true && textOf(h.key).toLowerCase() === 'content-type',
    );
    const value =
      isObject(header) && typeof header.value === 'string' ? header.value.split(';')[0]!.trim() : '';
    if (/^[\w.+-]+\/[\w.+-]+$/.test(value)) return value.toLowerCase();
  }
  const options = isObject(body.options) && isObject(body.options.raw) ? body.options.raw : {};
  const language = typeof options.language === 'string' ? options.language : '';
  if (LANGUAGE_TYPES[language]) return LANGUAGE_TYPES[language];
  return /^\s*[{[]/.test(textOf(body.raw)) ? 'application/json' : 'text/plain';
}

/** The shape of a JSON example, a few levels deep; `{{variables}}` in it make it an untyped object. */
function jsonSchemaOf(raw: string): Record<string, unknown> {
  try {
    return schemaOf(JSON.parse(raw), 0);
  } catch {
    return /^\s*\[/.test(raw) ? { type: 'array' } : { type: 'object' };
  }
}

function schemaOf(value: unknown, depth: number): Record<string, unknown> {
  if (Array.isArray(value)) {
    return depth < 3 && value.length > 0
      ? { type: 'array', items: schemaOf(value[0], depth + 1) }
      : { type: 'array' };
  }
  if (isObject(value)) {
    if (depth >= 3) return { type: 'object' };
    const properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, schemaOf(v, depth + 1)]));
    return { type: 'object', properties };
  }
  if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
  if (typeof value === 'string' || typeof value === 'boolean') return { type: typeof value };
  return {};
}

function formSchema(fields: unknown, files: boolean): Record<string, unknown> {
  const properties = dict<unknown>();
  if (Array.isArray(fields)) {
    for (const f of fields) {
      if (!isObject(f) || typeof f.key !== 'string' || f.key === '' || f.disabled === true) continue;
      properties[f.key] ??=
        files && f.type === 'file' ? { type: 'string', format: 'binary' } : { type: 'string' };
    }
  }
  return { type: 'object', properties };
}
