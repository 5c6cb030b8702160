import type { PriceTier } from './prices.js';

/** One band of a tiered charge as applied: how many units fell in it and what they cost. */
export interface TierCharge {
  fromUnits: number;
  units: number;
  usdPerMillion: number;
  usd: number;
}

/** Charges `units` against consecutive tiers (each tier's `millions` is its width). */
export function tiered(units: number, tiers: readonly PriceTier[]): TierCharge[] {
  const out: TierCharge[] = [];
  let from = 0;
  for (const tier of tiers) {
    if (units <= from) break;
    const width = tier.millions === undefined ? Infinity : tier.millions * 1e6;
    const inTier = Math.min(units - from, width);
    out.push({
      fromUnits: from,
      units: inTier,
      usdPerMillion: tier.usdPerMillion,
      usd: (inTier / 1e6) * tier.usdPerMillion,
    });
    from += width;
  }
  return out;
}

/** Unit counts where a tiered price changes slope. */
export function tierBreaks(tiers: readonly PriceTier[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const tier of tiers) {
    if (tier.millions === undefined) break;
    at += tier.millions * 1e6;
    out.push(at);
  }
  return out;
}

/**
 * A monthly cost as a function of monthly requests that is linear between its breakpoints and
 * beyond the last one. Every option's cost has this shape: tiers, hourly charges and LCUs.
 */
export interface CostCurve {
  cost(requests: number): number;
  /** Volumes (requests/month, > 0) where the slope may change. */
  breaks: number[];
}

/** Where `a - b` changes sign, found exactly on each linear piece. */
export interface Crossing {
  requests: number;
  /** Which of the two is cheaper just above `requests`. */
  cheaperAbove: 'a' | 'b';
}

/**
 * Solves a(x) = b(x) for x > 0. Between consecutive breakpoints of either curve both are
 * linear, so the difference is too: one interpolation per piece gives the exact root. Past the
 * last breakpoint the difference is linear with the slope measured from two points.
 */
export function crossings(a: CostCurve, b: CostCurve): Crossing[] {
  const xs = [...new Set([0, ...a.breaks, ...b.breaks])]
    .filter((x) => x >= 0 && Number.isFinite(x))
    .sort((p, q) => p - q);
  const diff = (x: number) => a.cost(x) - b.cost(x);
  const out: Crossing[] = [];
  const push = (x: number, after: number) => {
    if (after === 0) return;
    const cheaperAbove = after < 0 ? 'a' : 'b';
    if (out.length && Math.abs(out[out.length - 1]!.requests - x) <= 1e-9 * Math.max(1, x)) return;
    out.push({ requests: x, cheaperAbove });
  };
  let sign = Math.sign(diff(xs[0]!));
  for (let i = 0; i < xs.length; i++) {
    const x0 = xs[i]!;
    const d0 = diff(x0);
    const last = i === xs.length - 1;
    const x1 = last ? x0 + Math.max(1e6, x0) : xs[i + 1]!;
    const d1 = diff(x1);
    if (d0 === 0 && i > 0 && Math.sign(d1) !== 0 && Math.sign(d1) !== sign) {
      // Touches zero exactly at a breakpoint and crosses.
      push(x0, d1);
    } else if (d0 !== 0 && d1 !== 0 && Math.sign(d0) !== Math.sign(d1)) {
      push(x0 + (d0 / (d0 - d1)) * (x1 - x0), d1);
    } else if (last && d0 !== 0 && d0 !== d1 && Math.sign(d1 - d0) !== Math.sign(d0)) {
      // Beyond the last breakpoint: the root of the final line lies further out.
      push(x0 + (d0 / (d0 - d1)) * (x1 - x0), -d0);
    }
    if (Math.sign(d1) !== 0) sign = Math.sign(d1);
  }
  return out;
}
