import type { CostReport } from './estimate.js';
import { columns, formatUsd, formatVolume, round } from './format.js';
import type { FormatContext, Formatter } from '../format/formatter.js';
import { FRONT_DOOR_LABELS } from './options.js';
import { JSON_SCHEMA_VERSION } from '../format/json.js';
import type { RuleLoad } from './workload.js';
import { printable } from '../format/text.js';

/** As `lint --target alb` and `compare` count them, against the same quota. */
function ruleCount(rules: RuleLoad['quotaRules']): string {
  return (
    `${rules.total} of ${rules.quota} listener rules` +
    (rules.fallback ? ` (${rules.fallback} in place of the default action)` : '')
  );
}

export type CostFormat = 'text' | 'json';

export interface CostFormatContext extends FormatContext {
  /** What the report is about: the API's title, or the spec's name when it has none. */
  title: string;
}

export const costFormatters: Record<CostFormat, Formatter<CostReport, CostFormatContext>> = {
  text: (report, { title }) => costText(report, title),
  json: (report) => JSON.stringify(costJson(report), null, 2) + '\n',
};
export const COST_FORMATS = Object.keys(costFormatters) as CostFormat[];

/** The compact table `gateplan cost` prints. */
function costText(report: CostReport, specTitle: string): string {
  const title = printable(specTitle);
  const p = report.profile;
  const w = report.workload;
  const lines = [
    `${title}: ${formatVolume(report.requestsPerMonth)} requests/month in ${report.region} (${report.currency})`,
    `profile: ${p.requestBytes} B requests, ${p.responseBytes} B responses, ${round(p.requestsPerConnection, 2)} requests/connection, ${p.connectionSeconds} s connections` +
      (p.routes.length ? `, ${p.routes.length} route share(s)` : ''),
    `ALB plan: ${ruleCount(w.quotaRules)}` +
      (w.waf.webAcls ? `, WAF ${w.waf.webAcls} web ACL(s) with ${w.waf.rules} rule(s)` : ', no WAF') +
      `; behind an HTTP API: ${ruleCount(w.behindApi.quotaRules)}`,
    '',
  ];
  const rows = [['OPTION', 'MONTHLY', 'DRIVER']];
  for (const o of report.options) {
    const driver = o.lcu
      ? `${round(o.lcu.billed, 4)} LCU/h by ${o.lcu.dominant}${o.breakdown.some((b) => b.item.startsWith('WAF')) ? ' + WAF' : ''}`
      : o.breakdown.map((b) => `${formatVolume(b.quantity)} at $${b.usdPerMillion ?? '?'}/M`).join(' + ');
    rows.push([o.label + (o.option === report.cheapest ? ' *' : ''), formatUsd(o.monthlyUsd), driver]);
  }
  lines.push(columns(rows, [1]), '* cheapest at this volume', '');
  lines.push('cheapest by volume (requests/month):');
  for (const r of report.cheapestRanges) {
    lines.push(
      `  ${formatVolume(r.from).padStart(6)} – ${(r.to === null ? '' : formatVolume(r.to)).padEnd(6)} ${FRONT_DOOR_LABELS[r.option]}`,
    );
  }
  if (report.crossovers.length) {
    lines.push('', 'crossovers:');
    for (const c of report.crossovers) {
      lines.push(
        `  ${formatVolume(c.requests).padStart(6)}  ${FRONT_DOOR_LABELS[c.cheaperAbove]} becomes cheaper than ${FRONT_DOOR_LABELS[c.cheaperBelow]}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** `--format json`: every option with its breakdown, the crossovers and the inputs used. */
export function costJson(report: CostReport) {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    summary: { options: report.options.length, crossovers: report.crossovers.length },
    region: report.region,
    currency: report.currency,
    requestsPerMonth: report.requestsPerMonth,
    profile: {
      ...report.profile,
      requestsPerConnection: round(report.profile.requestsPerConnection),
      // Pointers only locate findings in the profile file.
      routes: report.profile.routes.map(({ pointer: _pointer, ...route }) => route),
    },
    workload: roundAll(report.workload),
    cheapest: report.cheapest,
    options: report.options.map((o) => ({
      option: o.option,
      label: o.label,
      monthlyUsd: round(o.monthlyUsd, 2),
      breakdown: o.breakdown.map((b) => ({ ...b, quantity: round(b.quantity), usd: round(b.usd, 4) })),
      ...(o.lcu
        ? {
            lcuPerHour: roundAll(o.lcu),
          }
        : {}),
    })),
    crossovers: report.crossovers.map((c) => ({ ...c, requests: Math.round(c.requests) })),
    cheapestRanges: report.cheapestRanges.map((r) => ({
      ...r,
      from: Math.round(r.from),
      to: r.to === null ? null : Math.round(r.to),
    })),
  };
}

/** Every number in a plain object tree, rounded (see `round`). */
function roundAll<T>(value: T): T {
  if (typeof value === 'number') return round(value) as T;
  if (Array.isArray(value)) return value.map(roundAll) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundAll(v)])) as T;
  }
  return value;
}
