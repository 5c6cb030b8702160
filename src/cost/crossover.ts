import { crossings } from './piecewise.js';
import { FRONT_DOORS, costCurve, type FrontDoor } from './options.js';
import type { Prices } from './prices.js';
import type { Workload } from './workload.js';
import { compareText } from '../util/order.js';

/** Volume (requests/month) where `cheaperAbove` becomes the cheaper of two options. */
export interface Crossover {
  a: FrontDoor;
  b: FrontDoor;
  requests: number;
  cheaperAbove: FrontDoor;
  cheaperBelow: FrontDoor;
}

/** A volume range and the option cheapest in it. */
export interface CheapestRange {
  from: number;
  /** `null`: no upper end. */
  to: number | null;
  option: FrontDoor;
}

/** Every pairwise crossover, sorted by volume then option ids. */
export function allCrossovers(
  w: Workload,
  prices: Prices,
  options: readonly FrontDoor[] = FRONT_DOORS,
): Crossover[] {
  const out: Crossover[] = [];
  for (let i = 0; i < options.length; i++) {
    for (let j = i + 1; j < options.length; j++) {
      const a = options[i]!;
      const b = options[j]!;
      for (const c of crossings(costCurve(a, w, prices), costCurve(b, w, prices))) {
        const above = c.cheaperAbove === 'a' ? a : b;
        out.push({ a, b, requests: c.requests, cheaperAbove: above, cheaperBelow: above === a ? b : a });
      }
    }
  }
  return out.sort((p, q) => p.requests - q.requests || compareText(p.a, q.a) || compareText(p.b, q.b));
}

/**
 * Which option is cheapest where: the lower envelope of the curves. It can only change at a
 * pairwise crossover, so checking one volume inside each gap between crossovers is exact.
 */
export function cheapestRanges(
  crossovers: readonly Crossover[],
  w: Workload,
  prices: Prices,
  options: readonly FrontDoor[] = FRONT_DOORS,
): CheapestRange[] {
  const curves = options.map((o) => ({ option: o, curve: costCurve(o, w, prices) }));
  const cheapestAt = (x: number) =>
    curves.reduce((best, c) => (c.curve.cost(x) < best.curve.cost(x) ? c : best)).option;
  const points = [...new Set(crossovers.map((c) => c.requests))].sort((p, q) => p - q);
  const ranges: CheapestRange[] = [];
  let from = 0;
  for (let i = 0; i <= points.length; i++) {
    const to = i < points.length ? points[i]! : null;
    const probe = to === null ? Math.max(1, from) * 2 : from + (to - from) / 2;
    const option = cheapestAt(probe);
    const last = ranges[ranges.length - 1];
    if (last && last.option === option) last.to = to;
    else ranges.push({ from, to, option });
    if (to !== null) from = to;
  }
  return ranges;
}
