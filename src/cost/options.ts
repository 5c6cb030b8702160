import { tierBreaks, tiered, type CostCurve } from './piecewise.js';
import type { Prices } from './prices.js';
import { SECONDS_PER_HOUR } from './traffic.js';
import type { RuleLoad, Workload } from './workload.js';

/** The front doors priced: each API Gateway flavour, ALB alone, and an HTTP API in front of an ALB. */
export const FRONT_DOORS = ['apigw-rest', 'apigw-http', 'alb', 'apigw-http+alb'] as const;
export type FrontDoor = (typeof FRONT_DOORS)[number];

export const FRONT_DOOR_LABELS: Record<FrontDoor, string> = {
  'apigw-rest': 'API Gateway REST',
  'apigw-http': 'API Gateway HTTP',
  alb: 'ALB',
  'apigw-http+alb': 'HTTP API + ALB',
};

export interface LineItem {
  item: string;
  quantity: number;
  unit: string;
  usd: number;
  /** Tiered request charges: the tier's rate. */
  usdPerMillion?: number;
}

export interface LcuDimensions {
  newConnections: number;
  activeConnections: number;
  processedBytes: number;
  ruleEvaluations: number;
}

export interface OptionCost {
  option: FrontDoor;
  label: string;
  monthlyUsd: number;
  breakdown: LineItem[];
  /** ALB options: LCUs per hour in each dimension; the bill takes the largest. */
  lcu?: LcuDimensions & { billed: number; dominant: keyof LcuDimensions };
}

const GIB = 1024 ** 3;

/** Monthly cost of one option at a monthly request volume. */
export function priceOption(option: FrontDoor, requests: number, w: Workload, prices: Prices): OptionCost {
  const items: LineItem[] = [];
  let lcu: OptionCost['lcu'];
  if (option === 'apigw-rest') items.push(...restItems(requests, prices));
  if (option === 'apigw-http' || option === 'apigw-http+alb')
    items.push(...httpItems(requests, httpUnitsPerRequest(option, w), prices));
  if (option === 'alb' || option === 'apigw-http+alb') {
    const alb = albItems(requests, w, option === 'alb' ? w : w.behindApi, prices);
    items.push(...alb.items);
    lcu = alb.lcu;
    // Behind an HTTP API, throttling is the API's own: no web ACL is needed.
    if (option === 'alb' && w.waf.webAcls > 0) items.push(...wafItems(requests, w, prices));
  }
  const monthlyUsd = items.reduce((sum, i) => sum + i.usd, 0);
  return { option, label: FRONT_DOOR_LABELS[option], monthlyUsd, breakdown: items, ...(lcu ? { lcu } : {}) };
}

/** The option's cost as a curve over monthly volume, with the volumes where its slope changes. */
export function costCurve(option: FrontDoor, w: Workload, prices: Prices): CostCurve {
  const breaks: number[] = [];
  if (option === 'apigw-rest') breaks.push(...tierBreaks(prices.apigwRest.requestTiers));
  if (option === 'apigw-http' || option === 'apigw-http+alb') {
    const perRequest = httpUnitsPerRequest(option, w);
    breaks.push(...tierBreaks(prices.apigwHttp.requestTiers).map((units) => units / perRequest));
  }
  return { cost: (requests) => priceOption(option, requests, w, prices).monthlyUsd, breaks };
}

function restItems(requests: number, prices: Prices): LineItem[] {
  return tiered(requests, prices.apigwRest.requestTiers).map((t) => ({
    item: `REST API requests at $${t.usdPerMillion}/M`,
    quantity: t.units,
    unit: 'requests',
    usd: t.usd,
    usdPerMillion: t.usdPerMillion,
  }));
}

function httpUnitsPerRequest(option: 'apigw-http' | 'apigw-http+alb', w: Workload): number {
  return option === 'apigw-http' ? w.httpUnitsPerRequest : w.httpUnitsPerRequestBeforeAlb;
}

function httpItems(requests: number, unitsPerRequest: number, prices: Prices): LineItem[] {
  const units = requests * unitsPerRequest;
  return tiered(units, prices.apigwHttp.requestTiers).map((t) => ({
    item: `HTTP API requests at $${t.usdPerMillion}/M (${prices.apigwHttp.meteringBytes / 1024} KB metering)`,
    quantity: t.units,
    unit: 'billed requests',
    usd: t.usd,
    usdPerMillion: t.usdPerMillion,
  }));
}

function albItems(
  requests: number,
  w: Workload,
  rules: RuleLoad,
  prices: Prices,
): { items: LineItem[]; lcu: NonNullable<OptionCost['lcu']> } {
  const { hoursPerMonth } = prices;
  const per = prices.alb.lcu;
  const rps = requests / (hoursPerMonth * SECONDS_PER_HOUR);
  const newPerSecond = rps / w.requestsPerConnection;
  const gbPerHour = (bytes: number) => (rps * SECONDS_PER_HOUR * bytes) / GIB;
  const dims: LcuDimensions = {
    newConnections: newPerSecond / per.newConnectionsPerSecond,
    // Little's law: connections open at once = arrival rate × how long each stays open.
    activeConnections: (newPerSecond * w.connectionSeconds) / per.activeConnectionsPerMinute,
    processedBytes:
      gbPerHour(w.bytesToIpTargets) / per.processedGBPerHour +
      gbPerHour(w.bytesToLambdaTargets) / per.processedGBPerHourLambda,
    ruleEvaluations: (rps * rules.billableRulesPerRequest) / per.ruleEvaluationsPerSecond,
  };
  const dominant = (Object.keys(dims) as (keyof LcuDimensions)[]).reduce((a, b) =>
    dims[b] > dims[a] ? b : a,
  );
  const billed = dims[dominant];
  const lcuHours = billed * hoursPerMonth;
  return {
    items: [
      {
        item: 'ALB hours',
        quantity: hoursPerMonth,
        unit: 'hours',
        usd: hoursPerMonth * prices.alb.usdPerHour,
      },
      {
        item: `ALB LCU-hours (${dominant})`,
        quantity: lcuHours,
        unit: 'LCU-hours',
        usd: lcuHours * prices.alb.usdPerLcuHour,
      },
    ],
    lcu: { ...dims, billed, dominant },
  };
}

function wafItems(requests: number, w: Workload, prices: Prices): LineItem[] {
  return [
    {
      item: 'WAF web ACLs (rate-based throttling)',
      quantity: w.waf.webAcls,
      unit: 'web ACL-months',
      usd: w.waf.webAcls * prices.waf.usdPerWebAclMonth,
    },
    {
      item: 'WAF rules',
      quantity: w.waf.rules,
      unit: 'rule-months',
      usd: w.waf.rules * prices.waf.usdPerRuleMonth,
    },
    {
      item: 'WAF requests',
      quantity: requests,
      unit: 'requests',
      usd: (requests / 1e6) * prices.waf.usdPerMillionRequests,
    },
  ];
}
