import type { CatalogEntry } from './entry.js';
import { loadCodes } from './codes-load.js';
import { modelCodes } from './codes-model.js';
import { intentCodes } from './codes-intent.js';
import { albCodes } from './codes-alb.js';
import { apigwCodes } from './codes-apigw.js';
import { inputCodes } from './codes-input.js';
import { costCodes } from './codes-cost.js';
import { diffCodes } from './codes-diff.js';
import { terraformCodes } from './codes-terraform.js';

export type { CatalogEntry, Level, Stage } from './entry.js';

/**
 * The one list of diagnostic codes. Each stage keeps its codes in its own file and range:
 * GP001 load, GP020 model, GP040 intent, GP100 API Gateway, GP200 ALB, GP300 Terraform,
 * GP400 diff, GP500 other inputs (Postman, overlays).
 */
export const catalog = {
  ...loadCodes,
  ...modelCodes,
  ...intentCodes,
  ...albCodes,
  ...apigwCodes,
  ...inputCodes,
  ...costCodes,
  ...diffCodes,
  ...terraformCodes,
} as const satisfies Record<string, CatalogEntry>;

export type Code = keyof typeof catalog;

export const DOCS_URL = 'https://github.com/gateplan/gateplan/blob/main/docs/codes.md';

export function docsUrl(code: Code): string {
  return `${DOCS_URL}#${code.toLowerCase()}`;
}
