import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RouteModel } from '../model/types.js';
import type { AlbFacts } from './alb-facts.js';
import { allCrossovers, cheapestRanges, type CheapestRange, type Crossover } from './crossover.js';
import { FRONT_DOORS, priceOption, type FrontDoor, type OptionCost } from './options.js';
import type { Prices } from './prices.js';
import { SECONDS_PER_HOUR, type TrafficProfile } from './traffic.js';
import { workloadOf, type Workload } from './workload.js';

export interface CostReport {
  region: string;
  currency: string;
  requestsPerMonth: number;
  /** The monthly volume as an average rate. */
  requestsPerSecond: number;
  profile: TrafficProfile;
  workload: Workload;
  /** In FRONT_DOORS order. */
  options: OptionCost[];
  cheapest: FrontDoor;
  crossovers: Crossover[];
  cheapestRanges: CheapestRange[];
  diagnostics: Diagnostic[];
}

/** Prices every front door for one spec and profile. Pure: the caller reads files and plans the ALB. */
export function estimateCosts(
  model: RouteModel,
  profile: TrafficProfile,
  prices: Prices,
  /** The ALB plans' facts: alone, and behind an HTTP API (`albPlanFacts`). */
  alb: { facts: AlbFacts; behindApi: AlbFacts },
): CostReport {
  const { workload, diagnostics } = workloadOf(model, profile, alb.facts, prices, alb.behindApi);
  const options = FRONT_DOORS.map((o) => priceOption(o, profile.requestsPerMonth, workload, prices));
  const cheapest = options.reduce((best, o) => (o.monthlyUsd < best.monthlyUsd ? o : best)).option;
  const crossovers = allCrossovers(workload, prices);
  return {
    region: prices.region,
    currency: prices.currency,
    requestsPerMonth: profile.requestsPerMonth,
    requestsPerSecond: profile.requestsPerMonth / (prices.hoursPerMonth * SECONDS_PER_HOUR),
    profile,
    workload,
    options,
    cheapest,
    crossovers,
    cheapestRanges: cheapestRanges(crossovers, workload, prices),
    diagnostics,
  };
}
