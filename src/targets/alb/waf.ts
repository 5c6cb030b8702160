/**
 * Throttling on ALB: WAF rate-based rules. WAF counts requests per client IP over a fixed
 * window and blocks above the limit; it has no token bucket, so a throttle of `rate`/s with
 * `burst` becomes the most a bucket could let through in one window: rate × window + burst.
 */
import type { Route, RouteModel, Segment, Stage, Throttle } from '../../model/types.js';
import { escapeRegex } from './shape.js';
import type { AlbRateLimit, AlbWaf } from './plan.js';
import { byEntryKey } from '../../util/order.js';

export const WAF_WINDOW_SECONDS = 60;
/** WAF's smallest rate-based limit. */
const WAF_MIN_LIMIT = 10;

export function limitFor(throttle: Throttle): number {
  return Math.max(WAF_MIN_LIMIT, Math.ceil(throttle.rate * WAF_WINDOW_SECONDS + throttle.burst));
}

export function buildWaf(model: RouteModel, stages: Stage[]): AlbWaf | undefined {
  const rules: AlbRateLimit[] = [];
  const prefixes = model.alb.stageMode === 'path' ? stages.map((s) => s.pathPrefix ?? '') : [''];
  const groups = new Map<string, Route[]>();
  for (const route of model.routes) {
    if (!route.throttle) continue;
    const key = `${route.throttle.rate}/${route.throttle.burst}`;
    groups.set(key, [...(groups.get(key) ?? []), route]);
  }
  for (const [, routes] of [...groups].sort(byEntryKey)) {
    const throttle = routes[0]!.throttle!;
    rules.push({
      name: `gateplan-routes-${slug(throttle)}`,
      limit: limitFor(throttle),
      windowSeconds: WAF_WINDOW_SECONDS,
      rate: throttle.rate,
      burst: throttle.burst,
      scope: routes.map((r) => ({
        ...(r.method !== 'ANY' ? { method: r.method } : {}),
        pathRegex: routeRegex(r, prefixes),
      })),
      routes: routes.map((r) => r.id),
      stages: stages.map((s) => s.name),
    });
  }
  for (const stage of stages) {
    if (!stage.throttle) continue;
    const scope: AlbRateLimit['scope'] = [];
    if (model.alb.stageMode === 'host' && stage.host) scope.push({ host: stage.host });
    if (model.alb.stageMode === 'path' && stage.pathPrefix)
      scope.push({ pathRegex: `^${escapeRegex(stage.pathPrefix)}(/.*)?$` });
    rules.push({
      name: `gateplan-stage-${stage.name}`,
      limit: limitFor(stage.throttle),
      windowSeconds: WAF_WINDOW_SECONDS,
      rate: stage.throttle.rate,
      burst: stage.throttle.burst,
      scope,
      routes: [],
      stages: [stage.name],
    });
  }
  return rules.length ? { rules } : undefined;
}

function slug(t: Throttle): string {
  return `${String(t.rate).replace('.', 'p')}-per-s-burst-${t.burst}`;
}

function segmentRegex(segment: Segment): string {
  switch (segment.kind) {
    case 'literal':
      return escapeRegex(segment.value);
    case 'param':
      return '[^/]+';
    case 'greedy':
      return '.+';
    case 'mixed':
      return segment.parts.map((p) => (p.kind === 'text' ? escapeRegex(p.value) : '[^/]+')).join('');
  }
}

/** The route's paths in every stage, as one anchored regex for WAF. */
function routeRegex(route: Route, prefixes: string[]): string {
  const body = route.segments.map((s) => '/' + segmentRegex(s)).join('');
  const path = body === '' ? '/' : body;
  const distinct = [...new Set(prefixes)];
  const prefix =
    distinct.length === 1 ? escapeRegex(distinct[0]!) : `(${distinct.map(escapeRegex).join('|')})`;
  return `^${prefix}${path}$`;
}
