import type { CostReport } from '../cost/estimate.js';
import type { FrontDoor } from '../cost/options.js';
import { renderMessage, type Diagnostic } from '../diagnostics/diagnostic.js';
import { routeLabel } from '../model/routes.js';
import type { FrontDoorId, RouteModel } from '../model/types.js';
import { doorRoutes } from '../targets/door-routes.js';
import { generate } from '../targets/generate.js';
import { classify, LEAVES_OUT } from './classify.js';
import { requestedFeatures, FEATURES, SILENT_GAPS, type FeatureId } from './features.js';
import { quotaLines } from './quotas.js';
import { recommend } from './recommend.js';
import {
  DOORS,
  TARGET_DOORS,
  type Cell,
  type CompareReport,
  type Deployability,
  type Row,
  type Support,
} from './report.js';
import { shortList } from '../format/list.js';
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
  const deploy = {} as Record<FrontDoor, Deployability>;
  for (const door of TARGET_DOORS) {
    const all = generate(model, { targets: [door] }).diagnostics;
    deploy[door] = deployability(all, model, labels, door);
    const own = all.filter((d) => !model.diagnostics.includes(d));
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
  // HTTP API + ALB is what `generate --target terraform --for apigw+alb` renders: run that.
  // The HTTP API forwards every route to the ALB, which answers those left out of it with 404.
  deploy['apigw-http+alb'] = deployability(
    generate(model, { targets: ['terraform'], for: 'apigw+alb' }).diagnostics,
    model,
    labels,
    'alb',
  );
  deploymentRows(rowFor, deploy, model.routes.length);

  for (const row of rows.values()) {
    const gap = SILENT_GAPS[row.feature];
    const ownCells = row.feature === 'deploy' || row.feature === 'routes';
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
    if (!ownCells) row.cells['apigw-http+alb'] = combined(row.cells['apigw-http'], row.cells.alb);
  }

  const specErrors = model.diagnostics.filter((d) => d.severity === 'error').map(renderMessage);
  const order = Object.keys(FEATURES) as FeatureId[];
  const sortedRows = [...rows.values()].sort((a, b) => order.indexOf(a.feature) - order.indexOf(b.feature));
  const title = model.api.title;
  return {
    title,
    rows: sortedRows,
    quotas: quotaLines(model, quotas, cost),
    other: other.sort((a, b) => compareText(a.door, b.door) || compareText(a.message, b.message)),
    cost,
    deploy,
    specErrors,
    recommendation: recommend(sortedRows, cost, deploy, specErrors),
  };
}

/**
 * What running a door's target says about deploying it: its errors, and the routes it leaves
 * out, those gateplan.yaml leaves out of it (`leaveOutOf`, decided by `doorRoutes` as the
 * targets decide it) and those its findings name.
 */
function deployability(
  diagnostics: readonly Diagnostic[],
  model: RouteModel,
  labels: ReadonlyMap<string, string>,
  /** The door whose `leaveOutOf` applies. */
  door: FrontDoorId,
): Deployability {
  // The spec's own errors (a route with no backend) stop every door alike: they are reported
  // once, as `specErrors`, and do not decide between the doors.
  const errors = diagnostics
    .filter((d) => d.severity === 'error' && !model.diagnostics.includes(d))
    .map(renderMessage);
  const served = new Set(doorRoutes(model, door).model.routes);
  const excluded = model.routes.filter((r) => !served.has(r));
  const leftOut: string[] = excluded.map(routeLabel);
  let count = excluded.length;
  for (const d of diagnostics) {
    const leaves = LEAVES_OUT[d.code]?.(d);
    if (!leaves) continue;
    count += leaves.count;
    for (const name of leaves.named) {
      const label = labels.get(name) ?? name;
      if (label && !leftOut.includes(label)) leftOut.push(label);
    }
  }
  return {
    generates: errors.length === 0,
    errors,
    leftOut: leftOut.sort(),
    servedRoutes: Math.max(0, model.routes.length - Math.max(count, leftOut.length)),
  };
}

/** The two rows every spec gets: does the door generate, and does it serve every route. */
function deploymentRows(
  rowFor: (feature: FeatureId, subjects?: string[]) => Row,
  deploy: Record<FrontDoor, Deployability>,
  routes: number,
): void {
  const generates = rowFor('deploy', ['the API']);
  const served = rowFor('routes', [`${routes} route${routes === 1 ? '' : 's'}`]);
  for (const door of DOORS) {
    const d = deploy[door];
    if (!d.generates) {
      const cell = generates.cells[door];
      cell.support = 'impossible';
      cell.notes.push(
        `generate refuses it (${d.errors.length} error${d.errors.length === 1 ? '' : 's'}): ${shortList(d.errors, 2)}`,
      );
    }
    if (d.servedRoutes < routes) {
      const cell = served.cells[door];
      cell.support = 'impossible';
      cell.routes = d.leftOut;
      cell.unnamed = routes - d.servedRoutes - d.leftOut.length;
      const left = routes - d.servedRoutes;
      const named = d.leftOut.slice(0, 5);
      const more = left - named.length;
      cell.notes.push(
        `${left} of ${routes} route(s) are left out: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
      );
    }
  }
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
