import type { CostReport } from '../cost/estimate.js';
import type { FrontDoor } from '../cost/options.js';
import type { FeatureId } from './features.js';
import type { QuotaReport } from './quotas.js';

/** Front doors with a target of their own; `apigw-http+alb` is derived from two of them. */
export const TARGET_DOORS = ['apigw-rest', 'apigw-http', 'alb'] as const;
export type TargetDoor = (typeof TARGET_DOORS)[number];
export const DOORS: readonly FrontDoor[] = [...TARGET_DOORS, 'apigw-http+alb'];

export type Support = 'native' | 'emulated' | 'impossible';

export interface Cell {
  support: Support;
  /** How it is emulated, why it is impossible, or a caveat on native support. */
  notes: string[];
  /** Routes (or stages) the emulation or impossibility concerns. */
  routes: string[];
  /** More routes a finding counted without naming them ("… and 5 more"). */
  unnamed: number;
  /** The findings this cell was computed from. */
  codes: string[];
}

export interface Row {
  feature: FeatureId;
  label: string;
  /** What in the spec asks for it (routes, stages, backends). */
  subjects: string[];
  cells: Record<FrontDoor, Cell>;
}

/** What running a door's own target made of the spec. */
export interface Deployability {
  /** `generate` writes it: no error-level finding. */
  generates: boolean;
  /** The messages of the door's own error findings (the spec's errors are in `specErrors`). */
  errors: string[];
  /** Labels of the routes it leaves out (named by the findings). */
  leftOut: string[];
  servedRoutes: number;
}

export interface CompareReport {
  title: string;
  rows: Row[];
  quotas: QuotaReport;
  /** Target findings no row claims (a new code): shown, never dropped. */
  other: { door: TargetDoor; message: string }[];
  cost: CostReport;
  deploy: Record<FrontDoor, Deployability>;
  /** Errors in the spec itself, which stop every door until fixed (a route with no backend). */
  specErrors: string[];
  recommendation: Recommendation;
}

export interface DoorScore {
  door: FrontDoor;
  generates: boolean;
  servedRoutes: number;
  impossible: string[];
  emulated: string[];
  monthlyUsd: number;
}

export interface Recommendation {
  /** `null` when no door generates the spec as it is. */
  door: FrontDoor | null;
  /** One line, e.g. "API Gateway HTTP: every feature native, cheapest below 17.1M requests/month". */
  summary: string;
  reasons: string[];
  /** Every door, best first. */
  ranking: DoorScore[];
}
