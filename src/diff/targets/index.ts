import type { RouteModel } from '../../model/types.js';
import type { RouteChange } from '../types.js';
import { diffAlb } from './alb.js';
import { diffApigw } from './apigw.js';

/** The targets whose emitted configuration `diff --target` can compare. */
export const DIFF_TARGETS = ['apigw-rest', 'apigw-http', 'alb'] as const;
export type DiffTarget = (typeof DIFF_TARGETS)[number];

export const TARGET_DIFFS: Record<DiffTarget, (base: RouteModel, revision: RouteModel) => RouteChange[]> = {
  'apigw-rest': (base, revision) => diffApigw('apigw-rest', base, revision),
  'apigw-http': (base, revision) => diffApigw('apigw-http', base, revision),
  alb: diffAlb,
};
