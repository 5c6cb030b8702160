import type { SourceFormat } from '../model/types.js';

export type Detected =
  { ok: true; format: SourceFormat } | { ok: false; code: 'GP006' | 'GP011'; reason: string };

/** Decides what a parsed document is by its content, never by its file name. */
export function detectFormat(value: unknown): Detected {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, code: 'GP006', reason: 'the top level is not an object' };
  }
  const doc = value as Record<string, unknown>;
  if ('swagger' in doc) {
    return String(doc.swagger) === '2.0'
      ? { ok: true, format: 'swagger-2.0' }
      : { ok: false, code: 'GP011', reason: `swagger ${String(doc.swagger)}` };
  }
  if ('openapi' in doc) {
    const version = String(doc.openapi);
    if (/^3\.0(\.\d+)?$/.test(version)) return { ok: true, format: 'openapi-3.0' };
    if (/^3\.1(\.\d+)?$/.test(version)) return { ok: true, format: 'openapi-3.1' };
    return { ok: false, code: 'GP011', reason: `openapi ${version}` };
  }
  const info = doc.info as Record<string, unknown> | undefined;
  const schema = typeof info?.schema === 'string' ? info.schema : '';
  if (Array.isArray(doc.item) && (schema.includes('getpostman.com') || '_postman_id' in (info ?? {}))) {
    return { ok: true, format: schema.includes('v2.0') ? 'postman-2.0' : 'postman-2.1' };
  }
  if ('swaggerVersion' in doc)
    return { ok: false, code: 'GP011', reason: `swagger ${String(doc.swaggerVersion)}` };
  return { ok: false, code: 'GP006', reason: 'no `openapi`, `swagger` or Postman `info.schema` key' };
}
