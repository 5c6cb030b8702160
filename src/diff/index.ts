import type { RouteModel } from '../model/types.js';
import { compareChanges } from './change.js';
import { diffRoutes } from './routes.js';
import { diffStages } from './stages.js';
import { TARGET_DIFFS, type DiffTarget } from './targets/index.js';
import { CLASSIFICATIONS, type Classification, type DiffReport, type RouteChange } from './types.js';

export type { Classification, DiffReport, DiffScope, RouteChange, SampleRequest } from './types.js';
export { DIFF_TARGETS, type DiffTarget } from './targets/index.js';

export interface DiffOptions {
  /** Also compare what these targets emit (API Gateway resources, ALB rules and routing). */
  targets?: DiffTarget[];
}

/** Route-level changes between two route models (routes, methods, settings, stages), sorted. Pure. */
export function diffModels(base: RouteModel, revision: RouteModel): RouteChange[] {
  return [...diffRoutes(base, revision), ...diffStages(base, revision)].sort(compareChanges);
}

/** The full report: route-level changes plus each requested target's. Pure. */
export function diff(base: RouteModel, revision: RouteModel, options: DiffOptions = {}): DiffReport {
  const changes = [...diffRoutes(base, revision), ...diffStages(base, revision)];
  for (const target of options.targets ?? []) changes.push(...TARGET_DIFFS[target](base, revision));
  changes.sort(compareChanges);
  const summary = Object.fromEntries(
    CLASSIFICATIONS.map((c) => [c, changes.filter((ch) => ch.classification === c).length]),
  ) as Record<Classification, number>;
  return { base: sideOf(base), revision: sideOf(revision), changes, summary };
}

function sideOf(model: RouteModel): DiffReport['base'] {
  return {
    file: model.source.file,
    title: model.api.title,
    version: model.api.version,
    routes: model.routes.length,
  };
}
