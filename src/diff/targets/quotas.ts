import type { RouteModel } from '../../model/types.js';
import { change } from '../change.js';
import type { DiffScope, RouteChange } from '../types.js';

export interface QuotaCount {
  /** What is counted, as the AWS quota names it. */
  quota: string;
  /** AWS's default, or the raised quota the revision declares (`x-gateplan.quotas`); only crossing it is reported. */
  limit: number;
  before: number;
  after: number;
}

/** A quota the base stayed within and the revision goes over: the deploy would fail. */
export function quotaChanges(
  target: Exclude<DiffScope, 'routes'>,
  counts: QuotaCount[],
  revision: RouteModel,
): RouteChange[] {
  return counts
    .filter((q) => q.before <= q.limit && q.after > q.limit)
    .map((q) =>
      change(
        'GP460',
        target,
        { target, quota: q.quota, before: q.before, after: q.after, limit: q.limit },
        { revision: { file: revision.source.file, pointer: '/paths' } },
      ),
    );
}
