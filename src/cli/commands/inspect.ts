import type { Argv } from 'yargs';
import {
  printable,
  type RouteModel,
  type Route,
  type BackendRef,
  type AuthRequirement,
} from '../../index.js';
import { locateAll, loadModel, specOptions, type SpecArgs } from '../common.js';
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
  const rows = model.routes.map((r, i) => inspectRow(r, wheres[i]!));
  const stdout =
    argv.format === 'json' ? JSON.stringify(inspectJson(model, rows), null, 2) + '\n' : table(rows);
  return {
    diagnostics,
    diagnosticsFormat: argv.format === 'json' ? 'json' : 'text',
    diagnosticsTo: 'stderr',
    stdout,
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
  source: string;
}

function inspectRow(route: Route, where: { file: string; line?: number; column?: number }): InspectRow {
  return {
    method: route.method,
    path: route.path,
    operationId: route.operationId ?? null,
    backend: describeBackend(route.backend),
    auth: describeAuth(route.auth),
    throttle: route.throttle ? `${route.throttle.rate}/s burst ${route.throttle.burst}` : '-',
    source: where.line !== undefined ? `${where.file}:${where.line}:${where.column}` : where.file,
  };
}

export function describeBackend(ref: BackendRef): string {
  if ('backend' in ref) return ref.backend || '(none)';
  return ref.weighted.map((w) => `${w.backend}=${w.weight}`).join(' ');
}

function describeAuth(auth: AuthRequirement[] | undefined): string {
  if (auth === undefined) return '-';
  if (auth.length === 0) return 'public';
  return auth.map((r) => r.schemes.map((s) => s.name).join('+') || 'anonymous').join(' | ');
}

function inspectJson(model: RouteModel, rows: InspectRow[]) {
  return {
    api: model.api,
    source: model.source,
    backends: Object.fromEntries(Object.values(model.backends).map((b) => [b.name, b.target])),
    stages: Object.keys(model.stages),
    routes: rows.map((row, i) => ({ ...row, id: model.routes[i]!.id, tags: model.routes[i]!.tags })),
  };
}

function table(rows: InspectRow[]): string {
  const header: InspectRow = {
    method: 'METHOD',
    path: 'PATH',
    operationId: 'OPERATION',
    backend: 'BACKEND',
    auth: 'AUTH',
    throttle: 'THROTTLE',
    source: 'SOURCE',
  };
  const all = [header, ...rows];
  const keys = Object.keys(header) as (keyof InspectRow)[];
  const shown = (r: InspectRow, k: keyof InspectRow) => printable(String(r[k] ?? '-'));
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
