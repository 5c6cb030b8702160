import type { Argv } from 'yargs';
import {
  printable,
  routeAuth,
  routeForms,
  ROUTE_FORM_TARGETS,
  type RouteModel,
  type Route,
  type BackendRef,
  type RouteForm,
  type RouteFormTarget,
} from '../../index.js';
import { configUse, locateAll, loadModel, specOptions, type SpecArgs } from '../common.js';
import type { CommandResult } from '../result.js';

export interface InspectArgs extends SpecArgs {
  format: 'table' | 'json';
}

export function inspectBuilder(yargs: Argv) {
  return specOptions(yargs)
    .option('format', {
      choices: ['table', 'json'] as const,
      default: 'table' as const,
      describe: 'output format',
    })
    .example(
      '$0 inspect specs/bookstore.yaml',
      'one line per route: method, path, operationId, backend, auth, throttle, source',
    )
    .example('$0 inspect specs/bookstore.yaml --format json | jq .routes[0]', 'the route model as JSON');
}

export async function handleInspect(argv: InspectArgs): Promise<CommandResult> {
  const { spec, model } = await loadModel(argv);
  const diagnostics = locateAll(model.diagnostics, spec);
  const wheres = spec.sources.locateAll(model.routes.map((r) => r.where));
  const forms = routeForms(model);
  const rows = model.routes.map((r, i) => inspectRow(model, r, forms.get(r.id)!, wheres[i]!));
  return {
    diagnostics,
    diagnosticsFormat: 'text',
    diagnosticsTo: 'stderr',
    ...(argv.format === 'json' ? { json: inspectJson(model, rows) } : { stdout: table(rows) }),
    config: configUse(spec, argv),
    failOn: 'none',
  };
}

interface InspectRow {
  method: string;
  path: string;
  operationId: string | null;
  backend: string;
  auth: string;
  throttle: string;
  /** What each front door matches for the route, when that is not the template as written. */
  frontDoors: string;
  source: string;
  targets: Record<RouteFormTarget, RouteForm>;
}

function inspectRow(
  model: RouteModel,
  route: Route,
  targets: Record<RouteFormTarget, RouteForm>,
  where: { file: string; line?: number; column?: number },
): InspectRow {
  return {
    method: route.method,
    path: route.path + (route.pathQuery !== undefined ? `?${route.pathQuery}` : ''),
    operationId: route.operationId ?? null,
    backend: describeBackend(route.backend),
    auth: describeAuth(model, route),
    throttle: route.throttle ? `${route.throttle.rate}/s burst ${route.throttle.burst}` : '-',
    frontDoors: describeForms(route, targets),
    targets,
    source: where.line !== undefined ? `${where.file}:${where.line}:${where.column}` : where.file,
  };
}

export function describeBackend(ref: BackendRef): string {
  if ('backend' in ref) return ref.backend || '(none)';
  return ref.weighted.map((w) => `${w.backend}=${w.weight}`).join(' ');
}

/** `=` when every front door matches the template as written; else each distinct form, by target. */
function describeForms(route: Route, targets: Record<RouteFormTarget, RouteForm>): string {
  const asWritten = `${route.method} ${route.path}${route.pathQuery !== undefined ? `?${route.pathQuery}` : ''}`;
  const byText = new Map<string, string[]>();
  for (const target of ROUTE_FORM_TARGETS) {
    const form = targets[target];
    const notes = form.notes.join('; ');
    const text = form.route
      ? (form.api !== undefined ? `[${form.api || '(none)'}] ` : '') +
        form.route.slice(form.route.indexOf(' ') + 1) +
        (notes ? ` (${notes})` : '')
      : notes;
    const same = form.route === asWritten && form.api === undefined && form.notes.length === 0;
    const key = same ? '=' : text;
    byText.set(key, [...(byText.get(key) ?? []), target.replace('apigw-', '')]);
  }
  if (byText.size === 1 && byText.has('=')) return '=';
  return [...byText].map(([text, names]) => `${names.join('+')}: ${text}`).join('; ');
}

/** The route's alternatives; `backend:` when no front door checks any of them (`enforcedBy: backend`). */
function describeAuth(model: RouteModel, route: Route): string {
  const auth = route.auth;
  if (auth === undefined) return '-';
  if (auth.length === 0) return 'public';
  const text = auth.map((r) => r.schemes.map((s) => s.name).join('+') || 'anonymous').join(' | ');
  return routeAuth(model, route).kind === 'backend' ? `backend: ${text}` : text;
}

function inspectJson(model: RouteModel, rows: InspectRow[]) {
  return {
    summary: {
      routes: rows.length,
      backends: Object.keys(model.backends).length,
      stages: Object.keys(model.stages).length,
    },
    api: model.api,
    source: model.source,
    backends: Object.fromEntries(Object.values(model.backends).map((b) => [b.name, b.target])),
    stages: Object.keys(model.stages),
    routes: rows.map(({ frontDoors: _text, ...row }, i) => ({
      ...row,
      id: model.routes[i]!.id,
      tags: model.routes[i]!.tags,
    })),
  };
}

type TableRow = Omit<InspectRow, 'targets'>;

function table(rows: InspectRow[]): string {
  const header: TableRow = {
    method: 'METHOD',
    path: 'PATH',
    operationId: 'OPERATION',
    backend: 'BACKEND',
    auth: 'AUTH',
    throttle: 'THROTTLE',
    frontDoors: 'FRONT DOORS',
    source: 'SOURCE',
  };
  const all: TableRow[] = [header, ...rows];
  const keys = Object.keys(header) as (keyof TableRow)[];
  const shown = (r: TableRow, k: keyof TableRow) => printable(String(r[k] ?? '-'));
  const widths = keys.map((k) => Math.max(...all.map((r) => shown(r, k).length)));
  return (
    all
      .map((r) =>
        keys
          .map((k, i) => shown(r, k).padEnd(i === keys.length - 1 ? 0 : widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + `\n${rows.length} route(s)\n`
  );
}
