import type { RouteModel, Stage } from '../model/types.js';
import { change } from './change.js';
import {
  describeCanary,
  describeCanaryBackends,
  describeStageAddress,
  describeThrottle,
  throttleDirection,
} from './describe.js';
import type { RouteChange } from './types.js';

/** Stage-level changes: stages added or removed, where they answer, throttling, canary, variables. Pure. */
export function diffStages(base: RouteModel, revision: RouteModel): RouteChange[] {
  const out: RouteChange[] = [];
  for (const [name, old] of Object.entries(base.stages)) {
    const next = revision.stages[name];
    if (!next) {
      out.push(
        change('GP421', 'routes', { stage: name, before: describeStageAddress(old) }, { base: old.where }),
      );
      continue;
    }
    out.push(...compareStage(name, old, next));
  }
  for (const [name, next] of Object.entries(revision.stages)) {
    if (!base.stages[name])
      out.push(
        change(
          'GP420',
          'routes',
          { stage: name, after: describeStageAddress(next) },
          { revision: next.where },
        ),
      );
  }
  return out;
}

function compareStage(stage: string, old: Stage, next: Stage): RouteChange[] {
  const out: RouteChange[] = [];
  const at = { base: old.where, revision: next.where };
  const pair = (before: string, after: string) => ({ stage, before, after });

  const address = [describeStageAddress(old), describeStageAddress(next)] as const;
  if (address[0] !== address[1]) out.push(change('GP422', 'routes', pair(...address), at));

  const throttle = throttleDirection(old.throttle, next.throttle);
  if (throttle !== 0)
    out.push(
      change(
        throttle < 0 ? 'GP423' : 'GP424',
        'routes',
        pair(describeThrottle(old.throttle), describeThrottle(next.throttle)),
        at,
      ),
    );

  const percentBefore = old.canary?.percent ?? 0;
  const percentAfter = next.canary?.percent ?? 0;
  if (percentBefore !== percentAfter) {
    out.push(
      change(
        percentAfter > percentBefore ? 'GP425' : 'GP426',
        'routes',
        pair(describeCanary(old.canary), describeCanary(next.canary)),
        at,
      ),
    );
  }
  const substitutesBefore = describeCanaryBackends(old.canary);
  const substitutesAfter = describeCanaryBackends(next.canary);
  if (old.canary && next.canary && substitutesBefore !== substitutesAfter) {
    out.push(change('GP427', 'routes', pair(substitutesBefore, substitutesAfter), at));
  }

  const variables = variableChanges(old.variables, next.variables);
  if (variables.length) out.push(change('GP428', 'routes', { stage, detail: variables.join('; ') }, at));
  return out;
}

function variableChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const out: string[] = [];
  for (const key of keys) {
    if (before[key] === after[key]) continue;
    if (before[key] === undefined) out.push(`${key} added (${after[key]})`);
    else if (after[key] === undefined) out.push(`${key} removed (was ${before[key]})`);
    else out.push(`${key} ${before[key]} → ${after[key]}`);
  }
  return out;
}
