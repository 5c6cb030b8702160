import type { CostReport } from '../cost/estimate.js';
import { formatUsd, formatVolume } from '../cost/format.js';
import { FRONT_DOOR_LABELS, type FrontDoor } from '../cost/options.js';
import { shortList } from '../format/list.js';
import type { Deployability, DoorScore, Recommendation, Row } from './report.js';

/**
 * Only a door that generates can be recommended: first the doors `generate` writes without
 * errors, then the one serving the most routes, then the one that can do the most of what the
 * spec asks (fewest impossible features), then the cheapest at the profile's volume, then the
 * one that emulates least.
 */
export function recommend(
  rows: readonly Row[],
  cost: CostReport,
  deploy: Readonly<Record<FrontDoor, Deployability>>,
  specErrors: readonly string[] = [],
): Recommendation {
  const recommendation = rank(rows, cost, deploy);
  if (specErrors.length === 0) return recommendation;
  const first = `the spec has ${specErrors.length} error${specErrors.length === 1 ? '' : 's'} every front door shares (${shortList(specErrors, 2)}): nothing generates until they are fixed`;
  return { ...recommendation, reasons: [first, ...recommendation.reasons] };
}

function rank(
  rows: readonly Row[],
  cost: CostReport,
  deploy: Readonly<Record<FrontDoor, Deployability>>,
): Recommendation {
  const doors = cost.options.map((o) => o.option);
  const features = rows.filter((r) => r.feature !== 'deploy' && r.feature !== 'routes');
  const ranking = doors
    .map((door): DoorScore => ({
      door,
      generates: deploy[door].generates,
      servedRoutes: deploy[door].servedRoutes,
      impossible: features.filter((r) => r.cells[door].support === 'impossible').map((r) => r.label),
      emulated: features.filter((r) => r.cells[door].support === 'emulated').map((r) => r.label),
      monthlyUsd: cost.options.find((o) => o.option === door)!.monthlyUsd,
    }))
    .sort(
      (a, b) =>
        Number(b.generates) - Number(a.generates) ||
        b.servedRoutes - a.servedRoutes ||
        a.impossible.length - b.impossible.length ||
        a.monthlyUsd - b.monthlyUsd ||
        a.emulated.length - b.emulated.length ||
        doors.indexOf(a.door) - doors.indexOf(b.door),
    );
  const best = ranking[0]!;
  if (!best.generates) return nothingGenerates(ranking, deploy);
  const label = FRONT_DOOR_LABELS[best.door];
  const what =
    best.impossible.length === 0 && best.emulated.length === 0
      ? 'every feature native'
      : best.impossible.length === 0
        ? `every feature works (emulated: ${few(best.emulated)})`
        : `fewest gaps (cannot do: ${few(best.impossible)})`;
  const range = cheapestRange(best.door, cost);
  const reasons = [what];
  const routes = deploy[best.door];
  if (routes.leftOut.length)
    reasons.push(`it leaves out ${shortList(routes.leftOut, 3)}; no door that generates serves more routes`);
  const volume = formatVolume(cost.requestsPerMonth);
  if (cost.cheapest === best.door)
    reasons.push(`cheapest at ${volume} requests/month (${formatUsd(best.monthlyUsd)})`);
  else {
    const cheapest = cost.options.find((o) => o.option === cost.cheapest)!;
    const score = ranking.find((s) => s.door === cheapest.option)!;
    // A cheaper door with no gap ranks lower for serving fewer routes (leaveOutOf, say).
    const short = score.impossible.length
      ? `cannot do: ${few(score.impossible)}`
      : score.servedRoutes < best.servedRoutes
        ? `serves only ${score.servedRoutes} of the ${best.servedRoutes} routes`
        : 'cannot do: nothing less';
    reasons.push(
      `${formatUsd(best.monthlyUsd)}/month at ${volume} requests/month; ${FRONT_DOOR_LABELS[cheapest.option]} costs ${formatUsd(cheapest.monthlyUsd)} but ${short}`,
    );
  }
  if (range) reasons.push(range);
  for (const s of ranking.slice(1)) {
    if (!s.generates)
      reasons.push(`${FRONT_DOOR_LABELS[s.door]} does not generate: ${deploy[s.door].errors[0]}`);
    // The cheapest door's gaps are already in the cost reason.
    else if (s.impossible.length > best.impossible.length && s.door !== cost.cheapest) {
      reasons.push(`${FRONT_DOOR_LABELS[s.door]} cannot do: ${few(s.impossible)}`);
    }
  }
  return {
    door: best.door,
    summary: `${label}: ${[what, range].filter(Boolean).join(', ')}`,
    reasons,
    ranking,
  };
}

/** No door generates: say so, with each door's first error, rather than recommend one. */
function nothingGenerates(
  ranking: DoorScore[],
  deploy: Readonly<Record<FrontDoor, Deployability>>,
): Recommendation {
  return {
    door: null,
    summary: 'none: no front door generates this spec as it is; fix the errors below first',
    reasons: ranking.map(
      (s) => `${FRONT_DOOR_LABELS[s.door]} does not generate: ${deploy[s.door].errors[0]}`,
    ),
    ranking,
  };
}

/** Where on the volume axis this door is the cheapest, in words. */
function cheapestRange(door: FrontDoor, cost: CostReport): string | undefined {
  const ranges = cost.cheapestRanges.filter((r) => r.option === door);
  if (ranges.length === 0) return undefined;
  return (
    'cheapest ' +
    ranges
      .map((r) =>
        r.from === 0 && r.to === null
          ? 'at every volume'
          : r.from === 0
            ? `below ${formatVolume(r.to!)} requests/month`
            : r.to === null
              ? `above ${formatVolume(r.from)} requests/month`
              : `between ${formatVolume(r.from)} and ${formatVolume(r.to)} requests/month`,
      )
      .join(' and ')
  );
}

const few = (items: readonly string[]) => shortList(items, 4);
