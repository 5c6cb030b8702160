import type { ValidationError, Validator } from '../util/validator.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { prices as validatePrices } from './prices-validator.generated.js';

/** One band of a tiered per-request price; the last band has no `millions` (unbounded). */
export interface PriceTier {
  millions?: number;
  usdPerMillion: number;
}

/** Where a price came from: every price group carries its own. */
export interface Provenance {
  source: string;
  checked: string;
  /** confirmed: seen in an AWS source; corroborated: independent secondary sources agree. */
  status: 'confirmed' | 'corroborated' | 'unconfirmed';
  note?: string;
}

/** The price data file (`data/prices/<region>.json`, or `--prices FILE`). */
export interface Prices {
  region: string;
  currency: string;
  hoursPerMonth: number;
  notes?: string;
  apigwRest: Provenance & { requestTiers: PriceTier[] };
  apigwHttp: Provenance & {
    requestTiers: PriceTier[];
    /** HTTP APIs bill one request per this many bytes, rounded up. */
    meteringBytes: number;
    meteredOn: 'request' | 'request+response';
  };
  alb: Provenance & {
    usdPerHour: number;
    usdPerLcuHour: number;
    lcu: {
      newConnectionsPerSecond: number;
      activeConnectionsPerMinute: number;
      processedGBPerHour: number;
      processedGBPerHourLambda: number;
      ruleEvaluationsPerSecond: number;
      freeRulesPerRequest: number;
    };
  };
  waf: Provenance & { usdPerWebAclMonth: number; usdPerRuleMonth: number; usdPerMillionRequests: number };
}

const validate = validatePrices as Validator<Prices>;

/** Checks a parsed price file; problems come back as GP602 diagnostics at the offending key. */
export function parsePrices(value: unknown, file: string): { prices?: Prices; diagnostics: Diagnostic[] } {
  if (validate(value)) {
    const bad = unboundedTierProblems(value, file);
    return bad.length ? { diagnostics: bad } : { prices: value, diagnostics: [] };
  }
  return { diagnostics: (validate.errors ?? []).map((e) => priceDiagnostic(e, file)) };
}

/** Only the last tier may be unbounded, and it must be: otherwise volumes past it have no price. */
function unboundedTierProblems(prices: Prices, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['apigwRest', 'apigwHttp'] as const) {
    const list = prices[key].requestTiers;
    list.forEach((tier, i) => {
      const last = i === list.length - 1;
      if (last === (tier.millions !== undefined)) {
        const reason = last
          ? 'the last tier must have no `millions` (it covers all volume above)'
          : 'only the last tier may omit `millions`';
        out.push(
          diagnostic(
            'GP602',
            { file, pointer: `/${key}/requestTiers/${i}` },
            { file, at: `${key}.requestTiers[${i}]`, reason },
          ),
        );
      }
    });
  }
  return out;
}

function priceDiagnostic(error: ValidationError, file: string): Diagnostic {
  const at = error.instancePath === '' ? '(top level)' : error.instancePath.slice(1).replace(/\//g, '.');
  const reason =
    error.keyword === 'additionalProperties'
      ? `has an unknown key \`${String((error.params as { additionalProperty: string }).additionalProperty)}\``
      : (error.message ?? 'is invalid');
  return diagnostic('GP602', { file, pointer: error.instancePath }, { file, at, reason });
}
