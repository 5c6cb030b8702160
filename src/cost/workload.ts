import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Route, RouteModel } from '../model/types.js';
import { doorRoutes } from '../targets/door-routes.js';
import type { AlbFacts } from './alb-facts.js';
import type { Prices } from './prices.js';
import type { TrafficProfile } from './traffic.js';

/**
 * Per-request averages over the spec's routes. They do not depend on the monthly volume, which
 * is what makes every option's cost linear between tier boundaries.
 */
export interface Workload {
  /**
   * HTTP API billing units per request (512 KB metering), over the routes the HTTP API serves:
   * traffic to routes gateplan.yaml leaves out of it goes to the doors that serve them.
   */
  httpUnitsPerRequest: number;
  /** The same for the HTTP API in front of an ALB: it forwards every route, so it meters them all. */
  httpUnitsPerRequestBeforeAlb: number;
  /** Bytes the load balancer processes per request (request + response), split by target kind. */
  bytesToIpTargets: number;
  bytesToLambdaTargets: number;
  /** Rules evaluated per request on average (first match wins, so a route's rule position). */
  rulesProcessedPerRequest: number;
  /** The part of those beyond the free rule evaluations. */
  billableRulesPerRequest: number;
  /** Listener rules on the busiest listener, as the ALB compiler produced them. */
  albRules: number;
  /** Rules on the load balancer as its quota counts them (the number `lint` and `compare` print). */
  quotaRules: AlbFacts['quotaRules'];
  /** The same for the ALB behind an HTTP API, compiled for that topology (path stages, no auth). */
  behindApi: RuleLoad;
  requestsPerConnection: number;
  connectionSeconds: number;
  waf: AlbFacts['waf'];
}

/** How many listener rules a request meets on one ALB plan. */
export interface RuleLoad {
  albRules: number;
  /** Rules on the load balancer as its quota counts them (the number `lint` and `compare` print). */
  quotaRules: AlbFacts['quotaRules'];
  rulesProcessedPerRequest: number;
  billableRulesPerRequest: number;
}

interface RouteLoad {
  /** Route id; absent for the spec-less single class. */
  route?: string;
  share: number;
  requestBytes: number;
  responseBytes: number;
  lambdaFraction: number;
}

/** Spreads the profile over the spec's routes; unknown route names are GP601 warnings. */
export function workloadOf(
  model: RouteModel,
  profile: TrafficProfile,
  alb: AlbFacts,
  prices: Prices,
  behindApi: AlbFacts,
): { workload: Workload; diagnostics: Diagnostic[] } {
  const { loads, diagnostics } = routeLoads(model, profile);
  const http = prices.apigwHttp;
  const alone = ruleLoad(loads, alb, prices);
  const servedByHttpApi = new Set(doorRoutes(model, 'apigw-http').model.routes.map((r) => r.id));
  const w: Workload = {
    httpUnitsPerRequest: httpUnits(
      loads.filter((l) => l.route === undefined || servedByHttpApi.has(l.route)),
      http,
    ),
    httpUnitsPerRequestBeforeAlb: httpUnits(loads, http),
    bytesToIpTargets: 0,
    bytesToLambdaTargets: 0,
    ...alone,
    behindApi: ruleLoad(loads, behindApi, prices),
    requestsPerConnection: profile.requestsPerConnection,
    connectionSeconds: profile.connectionSeconds,
    waf: alb.waf,
  };
  for (const load of loads) {
    const bytes = load.requestBytes + load.responseBytes;
    w.bytesToLambdaTargets += load.share * bytes * load.lambdaFraction;
    w.bytesToIpTargets += load.share * bytes * (1 - load.lambdaFraction);
  }
  return { workload: w, diagnostics };
}

/**
 * Billing units per request over these routes' traffic, their shares taken as the whole. No
 * route at all is one unit a request, the least a request is billed.
 */
function httpUnits(loads: readonly RouteLoad[], http: Prices['apigwHttp']): number {
  const total = loads.reduce((sum, l) => sum + l.share, 0);
  if (total <= 0) return 1;
  let units = 0;
  for (const load of loads) {
    const metered = http.meteredOn === 'request' ? load.requestBytes : load.requestBytes + load.responseBytes;
    units += (load.share / total) * Math.max(1, Math.ceil(metered / http.meteringBytes));
  }
  return units;
}

/**
 * ALB stops at the first matching rule, so a request meets its rule's position in priority
 * order. A route no rule serves falls through every rule to the default action, and so does
 * the whole listener when the plan says nothing.
 */
function ruleLoad(loads: readonly RouteLoad[], alb: AlbFacts, prices: Prices): RuleLoad {
  const albRules = Math.max(0, ...alb.listeners.map((l) => l.rules));
  const free = prices.alb.lcu.freeRulesPerRequest;
  const out: RuleLoad = {
    albRules,
    quotaRules: alb.quotaRules,
    rulesProcessedPerRequest: 0,
    billableRulesPerRequest: 0,
  };
  for (const load of loads) {
    const processed = (load.route && alb.rulesProcessedByRoute[load.route]) || albRules;
    out.rulesProcessedPerRequest += load.share * processed;
    out.billableRulesPerRequest += load.share * Math.max(0, processed - free);
  }
  return out;
}

function routeLoads(
  model: RouteModel,
  profile: TrafficProfile,
): { loads: RouteLoad[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const routes = model.routes;
  const base = (route?: Route): RouteLoad => ({
    ...(route ? { route: route.id } : {}),
    share: 0,
    requestBytes: profile.requestBytes,
    responseBytes: profile.responseBytes,
    lambdaFraction: route ? lambdaFraction(model, route) : 0,
  });
  if (routes.length === 0) return { loads: [{ ...base(), share: 1 }], diagnostics };

  const loads = routes.map((r) => base(r));
  const listed = new Set<number>();
  for (const entry of profile.routes) {
    const index = routes.findIndex((r) => routeNames(r).includes(entry.route));
    if (index < 0) {
      diagnostics.push(
        diagnostic(
          'GP601',
          { file: profile.file ?? '(profile)', pointer: entry.pointer },
          { file: profile.file ?? '(profile)', route: entry.route },
        ),
      );
      continue;
    }
    const load = loads[index]!;
    load.share += entry.share / 100;
    if (entry.requestBytes !== undefined) load.requestBytes = entry.requestBytes;
    if (entry.responseBytes !== undefined) load.responseBytes = entry.responseBytes;
    listed.add(index);
  }
  const listedShare = [...listed].reduce((sum, i) => sum + loads[i]!.share, 0);
  const unlisted = routes.length - listed.size;
  if (listed.size === 0) {
    for (const load of loads) load.share = 1 / routes.length;
  } else if (unlisted > 0) {
    const rest = Math.max(0, 1 - listedShare) / unlisted;
    loads.forEach((load, i) => {
      if (!listed.has(i)) load.share = rest;
    });
  }
  // Shares that do not add up to 100% (all routes listed, or rounding) are scaled to 100%.
  const total = loads.reduce((sum, l) => sum + l.share, 0);
  if (total > 0) for (const load of loads) load.share /= total;
  else for (const load of loads) load.share = 1 / loads.length;
  return { loads, diagnostics };
}

/** The names a profile may use for a route. */
export function routeNames(route: Route): string[] {
  const names = [`${route.method} ${route.path}`, route.id];
  if (route.operationId) names.push(route.operationId);
  if (route.name) names.push(route.name);
  return names;
}

/** Share of a route's traffic that goes to Lambda targets (weighted backends split it). */
function lambdaFraction(model: RouteModel, route: Route): number {
  const isLambda = (name: string) => model.backends[name]?.target.kind === 'lambda';
  const ref = route.backend;
  if ('backend' in ref) return isLambda(ref.backend) ? 1 : 0;
  const total = ref.weighted.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) return 0;
  return ref.weighted.reduce((sum, w) => sum + (isLambda(w.backend) ? w.weight : 0), 0) / total;
}
