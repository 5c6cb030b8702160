import type { CostReport } from '../cost/estimate.js';
import { formatUsd, formatVolume } from '../cost/format.js';
import { FRONT_DOOR_LABELS, type FrontDoor } from '../cost/options.js';
import type { DoorScore, Recommendation, Row } from './report.js';

/**
 * The door that can do the most of what the spec asks (fewest impossible features), then the
 * cheapest at the profile's volume, then the one that emulates least.
 */
export function recommend(rows: readonly Row[], cost: CostReport): Recommendation {
  const doors = cost.options.map((o) => o.option);
  const ranking = doors
    .map((door): DoorScore => ({
      door,
      impossible: rows.filter((r) => r.cells[door].support === 'impossible').map((r) => r.label),
      emulated: rows.filter((r) => r.cells[door].support === 'emulated').map((r) => r.label),
      monthlyUsd: cost.options.find((o) => o.option === door)!.monthlyUsd,
    }))
    .sort(
      (a, b) =>
        a.impossible.length - b.impossible.length ||
        a.monthlyUsd - b.monthlyUsd ||
        a.emulated.length - b.emulated.length ||
        doors.indexOf(a.door) - doors.indexOf(b.door),
    );
  const best = ranking[0]!;
  const label = FRONT_DOOR_LABELS[best.door];
  const features =
    best.impossible.length === 0 && best.emulated.length === 0
      ? 'every feature native'
      : best.impossible.length === 0
        ? `every feature works (emulated: ${few(best.emulated)})`
        : `fewest gaps (cannot do: ${few(best.impossible)})`;
  const range = cheapestRange(best.door, cost);
  const reasons = [features];
  const volume = formatVolume(cost.requestsPerMonth);
  if (cost.cheapest === best.door)
    reasons.push(`cheapest at ${volume} requests/month (${formatUsd(best.monthlyUsd)})`);
  else {
    const cheapest = cost.options.find((o) => o.option === cost.cheapest)!;
    reasons.push(
      `${formatUsd(best.monthlyUsd)}/month at ${volume} requests/month; ${FRONT_DOOR_LABELS[cheapest.option]} costs ${formatUsd(cheapest.monthlyUsd)} but cannot do: ${
        few(ranking.find((s) => s.door === cheapest.option)!.impossible) || 'nothing less'
      }`,
    );
  }
  if (range) reasons.push(range);
  for (const s of ranking.slice(1)) {
    // The cheapest door's gaps are already in the cost reason.
    if (s.impossible.length > best.impossible.length && s.door !== cost.cheapest) {
      reasons.push(`${FRONT_DOOR_LABELS[s.door]} cannot do: ${few(s.impossible)}`);
    }
  }
  return {
    door: best.door,
    summary: `${label}: ${[features, range].filter(Boolean).join(', ')}`,
    reasons,
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

/** A list short enough for one line. */
function few(items: readonly string[], max = 4): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
