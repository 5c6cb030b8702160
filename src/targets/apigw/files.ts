import { kebabId } from '../../model/ids.js';
import type { ApiDocumentPlan } from './plan.js';

/** The file an API's import document is written to: `openapi.json`, or `openapi-v1-customers.json` for a part of a split. */
export function documentFileName(api: ApiDocumentPlan, stem = 'openapi'): string {
  return api.id === '' ? `${stem}.json` : `${stem}-${kebabId(api.id, 80)}.json`;
}
