import type { CostReport } from '../cost/estimate.js';
import type { FrontDoor } from '../cost/options.js';
import { renderMessage, type Diagnostic } from '../diagnostics/diagnostic.js';
import { routeLabel } from '../model/routes.js';
import type { RouteModel } from '../model/types.js';
import { generate } from '../targets/generate.js';
import { classify } from './classify.js';
import { requestedFeatures, FEATURES, SILENT_GAPS, type FeatureId } from './features.js';
import { quotaLines } from './quotas.js';
import { recommend } from './recommend.js';
import { DOORS, TARGET_DOORS, type Cell, type CompareReport, type Row, type Support } from './report.js';
import { compareText } from '../util/order.js';

const RANK: Record<Support, number> = { native: 0, emulated: 1, impossible: 2 };

/**
 * Runs each front-door target over the model and tabulates, per feature the spec uses, what
 * the targets' own findings say: nothing (native), an emulation note, or an impossibility.
 * Pure: the cost report is computed by the caller from the same model.
 */
export function compare(model: RouteModel, cost: CostReport): CompareReport {
  const requested = requestedFeatures(model);
  const rows = new Map<FeatureId, Row>();
  const empty = (): Cell => ({ support: 'native', notes: [], routes: [], unnamed: 0, codes: [] });
  const rowFor = (feature: FeatureId, subjects: string[] = []): Row => {
    let row = rows.get(feature);
    if (!row) {
      row = {
        feature,
        label: FEATURES[feature],
        subjects,
        cells: Object.fromEntries(DOORS.map((d) => [d, empty()])) as Record<FrontDoor, Cell>,
      };
      rows.set(feature, row);
    }
    return row;
  };
  for (const f of requested) rowFor(f.id, f.subjects);

  const labels = new Map(model.routes.map((r) => [r.id, routeLabel(r)]));
  const quotas: Diagnostic[] = [];
  const other: CompareReport['other'] = [];
  for (const door of TARGET_DOORS) {
    const own = generate(model, { targets: [door] }).diagnostics.filter(
      (d) => !model.diagnostics.includes(d),
    );
    const sorted = classify(own, model);
    quotas.push(...sorted.quotas);
    for (const d of sorted.unclassified) other.push({ door, message: renderMessage(d) });
    for (const v of sorted.verdicts) {
      const cell = rowFor(v.feature).cells[door];
      const support: Support = v.kind === 'note' ? 'native' : v.kind;
      if (RANK[support] > RANK[cell.support]) cell.support = support;
      if (!cell.notes.includes(v.text)) cell.notes.push(v.text);
      if (!cell.codes.includes(v.diagnostic.code)) cell.codes.push(v.diagnostic.code);
      const route = v.diagnostic.route;
      // Findings name routes by id (`GET /books/{}`) or by label; the table shows labels.
      const named = route !== undefined ? [route] : listed(v.diagnostic.args.routes);
      cell.unnamed += route !== undefined ? 0 : unnamedCount(v.diagnostic.args.routes);
      for (const name of named.map((n) => labels.get(n) ?? n))
        if (!cell.routes.includes(name)) cell.routes.push(name);
    }
  }
  for (const row of rows.values()) {
    const gap = SILENT_GAPS[row.feature];
    for (const door of gap?.doors ?? []) {
      const cell = row.cells[door];
      if (cell.support !== 'native') continue;
      cell.support = 'impossible';
      cell.routes.push(...row.subjects);
      cell.notes.push(gap!.why);
    }
    for (const cell of Object.values(row.cells)) {
      cell.routes.sort();
      cell.codes.sort();
    }
    row.cells['apigw-http+alb'] = combined(row.cells['apigw-http'], row.cells.alb);
  }

  const order = Object.keys(FEATURES) as FeatureId[];
  const sortedRows = [...rows.values()].sort((a, b) => order.indexOf(a.feature) - order.indexOf(b.feature));
  const title = model.api.title;
  return {
    title,
    rows: sortedRows,
    quotas: quotaLines(model, quotas, cost),
    other: other.sort((a, b) => compareText(a.door, b.door) || compareText(a.message, b.message)),
    cost,
    recommendation: recommend(sortedRows, cost),
  };
}

/**
 * HTTP API in front of an ALB: a feature works if either layer does it. The HTTP API answers
 * first (auth, CORS, throttling); the ALB routes behind it (weights, stickiness, targets).
 */
function combined(http: Cell, alb: Cell): Cell {
  const pick =
    RANK[http.support] <= RANK[alb.support] ? { cell: http, via: 'HTTP API' } : { cell: alb, via: 'ALB' };
  if (pick.cell.support === 'native' && pick.cell.notes.length === 0)
    return { ...pick.cell, notes: [], routes: [], unnamed: 0, codes: [] };
  return { ...pick.cell, notes: pick.cell.notes.map((n) => `${pick.via}: ${n}`) };
}

/** Findings about many routes list them as "A, B, C and 4 more"; the named ones are kept. */
function listed(text: string | undefined): string[] {
  return text
    ? text
        .replace(/ and \d+ more$/, '')
        .split(', ')
        .filter(Boolean)
    : [];
}

function unnamedCount(text: string | undefined): number {
  return Number(/ and (\d+) more$/.exec(text ?? '')?.[1] ?? 0);
}
