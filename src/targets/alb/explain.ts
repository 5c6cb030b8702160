/**
 * `gateplan explain … --target alb`: which listener rule serves a request, what it does,
 * and which operation of the spec that is.
 */
import { routeLabel } from '../../model/routes.js';
import { indexRoutes } from '../../model/precedence.js';
import type { Route, RouteModel } from '../../model/types.js';
import { matchListener, type AlbRequest } from './match.js';
import type { AlbActions, AlbCondition, AlbPlan } from './plan.js';

export interface AlbExplanation {
  listener: string;
  request: AlbRequest;
  /** Absent when the listener's default action answers. */
  rule?: { name: string; priority: number; conditions: string[] };
  actions: string[];
  forwardedPath: string;
  /** The operation that owns the path and method, if any. */
  route?: { id: string; label: string; operationId?: string };
  /** The stage's canary, when it moves a share of this route's backends: ALB has no canary, so it is folded into the forward's weights. */
  canary?: { stage: string; percent: number; backends: Record<string, string> };
}

export function explainRequest(
  model: RouteModel,
  plan: AlbPlan,
  request: AlbRequest,
  stage?: string,
): AlbExplanation {
  const listener =
    plan.listeners.find((l) => (stage ? l.stages.includes(stage) : true)) ?? plan.listeners[0]!;
  const match = matchListener(listener, request);
  const query = (request.query ?? []).map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&');
  const route = owner(model, request.method, match.forwardedPath, query);
  return {
    listener: listener.name,
    request,
    ...(match.rule
      ? {
          rule: {
            name: match.rule.name,
            priority: match.rule.priority,
            conditions: match.rule.conditions.map(describeCondition),
          },
        }
      : {}),
    actions: describeActions(match.actions),
    forwardedPath: match.forwardedPath,
    ...(route
      ? {
          route: {
            id: route.id,
            label: routeLabel(route),
            ...(route.operationId ? { operationId: route.operationId } : {}),
          },
        }
      : {}),
  };
}

export function explanationText(e: AlbExplanation): string {
  const query = e.request.query?.length
    ? '?' + e.request.query.map(([k, v]) => (v === '' ? k : `${k}=${v}`)).join('&')
    : '';
  const lines = [
    `${e.request.method} ${e.request.host ?? ''}${e.request.path}${query} on listener ${e.listener}`,
  ];
  if (e.rule) {
    lines.push(`  rule      ${e.rule.name} (priority ${e.rule.priority})`);
    for (const c of e.rule.conditions) lines.push(`            if ${c}`);
  } else {
    lines.push('  rule      none matched: the default action answers');
  }
  for (const a of e.actions) lines.push(`  then      ${a}`);
  if (e.canary) {
    const moves = Object.entries(e.canary.backends).map(([from, to]) => `${from} → ${to}`);
    lines.push(
      `  canary    stage ${e.canary.stage} sends ${e.canary.percent}% of ${moves.join(', ')}: folded into these weights`,
    );
  }
  if (e.forwardedPath !== e.request.path) lines.push(`  path      rewritten to ${e.forwardedPath}`);
  lines.push(
    e.route
      ? `  operation ${e.route.label}${e.route.operationId ? ` (${e.route.operationId})` : ''}`
      : '  operation none: no operation of the spec declares this method and path',
  );
  return lines.join('\n') + '\n';
}

function describeCondition(c: AlbCondition): string {
  switch (c.field) {
    case 'path-pattern':
      return c.regexValues
        ? `path matches regex ${c.regexValues.join(' | ')}`
        : `path is ${c.values!.join(' | ')}`;
    case 'host-header':
      return `host is ${(c.values ?? c.regexValues ?? []).join(' | ')}`;
    case 'http-header':
      return `header ${c.name} is ${c.values.join(' | ')}`;
    case 'http-request-method':
      return `method is ${c.values.join(' | ')}`;
    case 'query-string':
      return `query has ${c.values.map((v) => (v.key ? `${v.key}=${v.value}` : v.value)).join(' | ')}`;
    case 'source-ip':
      return `source IP in ${c.values.join(' | ')}`;
  }
}

function describeActions(a: AlbActions): string[] {
  const out: string[] = [];
  if (a.auth) out.push(`${a.auth.type} (security scheme ${a.auth.scheme})`);
  const t = a.terminal;
  if (t.type === 'forward') {
    const total = t.targets.reduce((sum, x) => sum + x.weight, 0) || 1;
    const groups = t.targets.map((x) =>
      t.targets.length === 1
        ? `target group of backend ${x.backend}`
        : `${x.backend} (weight ${x.weight}, ${Math.round((x.weight / total) * 1000) / 10}%)`,
    );
    out.push(
      `forward to ${groups.join(', ')}${t.stickinessSeconds ? `, sticky for ${t.stickinessSeconds}s` : ''}`,
    );
  } else if (t.type === 'fixed-response') {
    out.push(`fixed-response ${t.statusCode} ${t.contentType} ${t.body}`);
  } else {
    out.push(`redirect ${t.statusCode} to ${t.protocol}:${t.port}`);
  }
  return out;
}

/** The operation API Gateway would pick: the most specific template, then its method or ANY (path-first). */
function owner(model: RouteModel, method: string, path: string, query: string): Route | undefined {
  return indexRoutes(model.routes).owner(method, path, { reading: 'path-first', query });
}
