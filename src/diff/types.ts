import type { Code } from '../diagnostics/catalog.js';
import type { Where } from '../diagnostics/diagnostic.js';

/** How much a change can hurt clients; taken from the catalog level of its code. */
export type Classification = 'breaking' | 'risky' | 'safe';

export const CLASSIFICATIONS: readonly Classification[] = ['breaking', 'risky', 'safe'];

/** Where a change applies: the model (route level) or one target's emitted configuration. */
export type DiffScope = 'routes' | 'apigw-rest' | 'apigw-http' | 'alb';

/** One thing the revision does differently from the base. */
export interface RouteChange {
  code: Code;
  /** The catalog slug of `code`, e.g. `route-removed`. */
  kind: string;
  classification: Classification;
  scope: DiffScope;
  /** Named values for the catalog's message template (`before`, `after`, `route`, …). */
  args: Record<string, string>;
  /** Route identity (`GET /books/{}`) when the change concerns one route. */
  route?: string;
  /** Where the change sits in the old spec; absent for additions. */
  base?: Where;
  /** Where the change sits in the new spec; absent for removals. */
  revision?: Where;
  /**
   * Names the same change across runs and line moves: a hash of code, scope, route and
   * the arguments, never of line numbers.
   */
  fingerprint: string;
}

/** A concrete request used to compare how two versions route traffic. */
export interface SampleRequest {
  method: string;
  path: string;
  /** Host header, when the stage is addressed by host. */
  host?: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  sourceIp?: string;
}

export interface DiffReport {
  base: { file: string; title: string; version: string; routes: number };
  revision: { file: string; title: string; version: string; routes: number };
  /** Sorted: breaking first, then risky, then safe; within a class by scope, route, code. */
  changes: RouteChange[];
  summary: Record<Classification, number>;
}
