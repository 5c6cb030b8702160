import { costJson } from '../cost/render.js';
import { JSON_SCHEMA_VERSION } from '../format/json.js';
import type { Formatter } from '../format/formatter.js';
import { formatUsd, formatVolume, round } from '../cost/format.js';
import { FRONT_DOOR_LABELS } from '../cost/options.js';
import { shortList } from '../format/list.js';
import { DOORS, TARGET_DOORS, type Cell, type CompareReport, type Row } from './report.js';
import { markdownText } from '../format/markdown.js';
import { printableStrings } from '../format/text.js';

export type CompareFormat = 'text' | 'markdown' | 'json';

export const compareFormatters: Record<CompareFormat, Formatter<CompareReport>> = {
  text: (report) => text(printableStrings(report)),
  markdown: (report) => markdown(report),
  json: (report) => JSON.stringify(compareJson(report), null, 2) + '\n',
};
export const COMPARE_FORMATS = Object.keys(compareFormatters) as CompareFormat[];

function short(cell: Cell): string {
  if (cell.support === 'native') return cell.notes.length ? 'native*' : 'native';
  const n = cell.routes.length + cell.unnamed;
  const where = n ? ` (${n} route${n === 1 ? '' : 's'})` : '';
  return cell.support + where;
}

/** The subjects when short, else counts: "8 routes", "4 routes, 2 stages". */
function usedBy(row: Row): string {
  const joined = row.subjects.join(', ');
  if (joined.length <= 32) return joined;
  const routes = row.subjects.filter((s) => /^[A-Z]+ \//.test(s)).length;
  const stages = row.subjects.filter((s) => s.startsWith('stage ')).length;
  const others = row.subjects.length - routes - stages;
  const plural = (n: number, word: string) => (n ? `${n} ${word}${n === 1 ? '' : 's'}` : '');
  return [plural(routes, 'route'), plural(stages, 'stage'), plural(others, 'other')]
    .filter(Boolean)
    .join(', ');
}

/** Routes a detail line names; the table has the count. */
const LISTED_ROUTES = 5;

/**
 * One line per feature and target door: the first finding's message (the others are the same
 * finding on other routes) and the routes concerned. The combined door repeats its parts.
 */
function details(report: CompareReport): string[] {
  const out: string[] = [];
  for (const row of report.rows) {
    for (const door of TARGET_DOORS) {
      const cell = row.cells[door];
      if (cell.notes.length === 0) continue;
      const more = cell.notes.length > 1 ? ` (+${cell.notes.length - 1} more like it)` : '';
      // The routes, unless the finding already names them; a few, never the whole API.
      const shown = cell.routes.slice(0, LISTED_ROUTES);
      const named = shown.length > 0 && !shown.every((r) => cell.notes[0]!.includes(r));
      const routes = named ? ` [${shortList(cell.routes, LISTED_ROUTES)}]` : '';
      out.push(
        `${row.label} — ${FRONT_DOOR_LABELS[door]} (${cell.support}): ${cell.notes[0]}${more}${routes}`,
      );
    }
  }
  return out;
}

function hasCaveats(report: CompareReport): boolean {
  return report.rows.some((r) => DOORS.some((d) => short(r.cells[d]) === 'native*'));
}

function costLines(report: CompareReport): string[] {
  const c = report.cost;
  const lines = c.options.map(
    (o) =>
      `${FRONT_DOOR_LABELS[o.option]}: ${formatUsd(o.monthlyUsd)}/month${o.option === c.cheapest ? ' (cheapest)' : ''}`,
  );
  for (const x of c.crossovers) {
    lines.push(
      `at ${formatVolume(x.requests)} requests/month ${FRONT_DOOR_LABELS[x.cheaperAbove]} becomes cheaper than ${FRONT_DOOR_LABELS[x.cheaperBelow]}`,
    );
  }
  return lines;
}

function text(report: CompareReport): string {
  const head = ['FEATURE', 'USED BY', ...DOORS.map((d) => FRONT_DOOR_LABELS[d])];
  const rows = report.rows.map((r) => [r.label, usedBy(r), ...DOORS.map((d) => short(r.cells[d]))]);
  const out = [
    `${report.title}: which front door?`,
    '',
    leftColumns([head, ...rows]),
    ...(hasCaveats(report) ? ['* native, with a caveat below'] : []),
    '',
  ];
  const notes = details(report);
  if (notes.length) out.push('details:', ...notes.map((n) => `  ${n}`), '');
  if (report.other.length)
    out.push(
      'other findings:',
      ...report.other.map((o) => `  ${FRONT_DOOR_LABELS[o.door]}: ${o.message}`),
      '',
    );
  out.push(`quotas (${report.cost.region} defaults):`);
  for (const q of report.quotas.lines) {
    out.push(
      `  ${FRONT_DOOR_LABELS[q.door]}: ${q.quota} ${q.used} of ${q.limit}${q.binds ? '  ← over the default' : ''}`,
    );
  }
  for (const f of report.quotas.findings) out.push(`  ${f.binds ? 'BINDS: ' : ''}${f.message}`);
  out.push(
    '',
    `cost at ${formatVolume(report.cost.requestsPerMonth)} requests/month (${report.cost.region}):`,
    ...costLines(report).map((l) => `  ${l}`),
  );
  out.push(
    '',
    `recommendation: ${report.recommendation.summary}`,
    ...report.recommendation.reasons.map((r) => `  - ${r}`),
  );
  return out.join('\n') + '\n';
}

function markdown(report: CompareReport): string {
  const cell = markdownText;
  const head = ['feature', 'used by', ...DOORS.map((d) => FRONT_DOOR_LABELS[d])];
  const out = [
    `### ${cell(report.title)}: which front door?`,
    '',
    `**Recommendation — ${cell(report.recommendation.summary)}**`,
    '',
    ...report.recommendation.reasons.map((r) => `- ${cell(r)}`),
    '',
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...report.rows.map(
      (r) => `| ${[r.label, usedBy(r), ...DOORS.map((d) => short(r.cells[d]))].map(cell).join(' | ')} |`,
    ),
    '',
    ...(hasCaveats(report) ? ['`native*`: native, with a caveat below.', ''] : []),
  ];
  const notes = details(report);
  if (notes.length)
    out.push(
      '<details><summary>How features are emulated, and what cannot be done</summary>',
      '',
      ...notes.map((n) => `- ${cell(n)}`),
      '',
      '</details>',
      '',
    );
  if (report.other.length)
    out.push(
      'Other findings:',
      '',
      ...report.other.map((o) => `- ${FRONT_DOOR_LABELS[o.door]}: ${cell(o.message)}`),
      '',
    );
  out.push('| front door | quota | used | default limit |', '|---|---|---:|---:|');
  for (const q of report.quotas.lines) {
    out.push(
      `| ${FRONT_DOOR_LABELS[q.door]} | ${q.quota} | ${q.binds ? `**${q.used}**` : q.used} | ${q.limit} |`,
    );
  }
  if (report.quotas.findings.length)
    out.push('', ...report.quotas.findings.map((f) => `- ${f.binds ? '**binds:** ' : ''}${cell(f.message)}`));
  out.push(
    '',
    `Cost at ${formatVolume(report.cost.requestsPerMonth)} requests/month (${report.cost.region}):`,
    '',
    ...costLines(report).map((l) => `- ${l}`),
  );
  return out.join('\n') + '\n';
}

/** The first two columns left-aligned, like a feature list; the door columns too. */
function leftColumns(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function compareJson(report: CompareReport) {
  const { schemaVersion: _version, summary: _summary, ...cost } = costJson(report.cost);
  const supports = report.rows.flatMap((r) => Object.values(r.cells).map((c) => c.support));
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    summary: {
      features: report.rows.length,
      native: supports.filter((s) => s === 'native').length,
      emulated: supports.filter((s) => s === 'emulated').length,
      impossible: supports.filter((s) => s === 'impossible').length,
    },
    title: report.title,
    features: report.rows.map((r) => ({
      feature: r.feature,
      label: r.label,
      usedBy: r.subjects,
      doors: r.cells,
    })),
    quotas: report.quotas,
    deploy: report.deploy,
    otherFindings: report.other,
    cost,
    recommendation: {
      ...report.recommendation,
      ranking: report.recommendation.ranking.map((s) => ({ ...s, monthlyUsd: round(s.monthlyUsd, 2) })),
    },
  };
}
