/** One target group per backend that ALB forwards to, with every setting the backend asks for. */
import { kebabId, shortHash } from '../../model/ids.js';
import type { Backend, HealthCheck, RouteModel } from '../../model/types.js';
import type { AlbTargetGroup } from './plan.js';

/** gRPC target groups answer health checks on this path with gRPC code 12 (unimplemented) by default. */
const GRPC_HEALTH = { path: '/AWS.ALB/healthcheck', matcher: '12' };

export function buildTargetGroup(model: RouteModel, backend: Backend): AlbTargetGroup {
  const tg = backend.targetGroup;
  const lambda = backend.target.kind === 'lambda';
  const targetType = lambda ? 'lambda' : (tg.targetType ?? 'ip');
  const group: AlbTargetGroup = {
    backend: backend.name,
    name: targetGroupName(backend.name),
    targetType,
    health: healthOf(model, backend),
    attributes: attributesOf(backend, targetType === 'lambda'),
    tags: { 'gateplan:backend': backend.name },
  };
  if (targetType !== 'lambda') {
    group.protocol = tg.protocol ?? 'HTTP';
    group.port = tg.port ?? (group.protocol === 'HTTPS' ? 443 : 80);
    if (tg.protocolVersion) group.protocolVersion = tg.protocolVersion;
    if (tg.stickiness) group.stickiness = { ...tg.stickiness };
  }
  if (backend.target.kind === 'lambda') group.lambdaArn = backend.target.functionArn;
  return group;
}

/** Target-group names are ≤32 characters of `[A-Za-z0-9-]`; long backend names keep a hash to stay unique. */
export function targetGroupName(backend: string): string {
  const readable = kebabId(backend, 32);
  if (readable === backend.toLowerCase() && readable.length <= 32) return readable;
  return `${kebabId(backend, 23)}-${shortHash(backend, 8)}`;
}

function healthOf(model: RouteModel, backend: Backend): AlbTargetGroup['health'] {
  const own = backend.targetGroup.health;
  if (own) return { ...own, source: 'backend' };
  const route = model.routes.find(
    (r) =>
      r.health &&
      'backend' in r.backend &&
      r.backend.backend === backend.name &&
      r.segments.every((s) => s.kind === 'literal'),
  );
  if (route) return { path: route.path, source: 'route' };
  if (backend.targetGroup.protocolVersion === 'GRPC') return { ...GRPC_HEALTH, source: 'default' };
  const health: HealthCheck = { path: '/' };
  return { ...health, source: 'default' };
}

function attributesOf(backend: Backend, lambda: boolean): { key: string; value: string }[] {
  const tg = backend.targetGroup;
  const out: Record<string, string> = {};
  if (!lambda) {
    if (tg.algorithm) out['load_balancing.algorithm.type'] = tg.algorithm;
    if (tg.deregistrationDelaySeconds !== undefined)
      out['deregistration_delay.timeout_seconds'] = String(tg.deregistrationDelaySeconds);
    // ALB accepts 30–900 seconds, or 0 for off.
    if (tg.slowStartSeconds !== undefined)
      out['slow_start.duration_seconds'] = String(
        tg.slowStartSeconds === 0 ? 0 : Math.max(30, tg.slowStartSeconds),
      );
    if (tg.stickiness) {
      out['stickiness.enabled'] = 'true';
      out['stickiness.type'] = tg.stickiness.type;
      const duration = String(tg.stickiness.durationSeconds ?? 86400);
      if (tg.stickiness.type === 'lb_cookie') out['stickiness.lb_cookie.duration_seconds'] = duration;
      else {
        out['stickiness.app_cookie.duration_seconds'] = duration;
        if (tg.stickiness.cookieName) out['stickiness.app_cookie.cookie_name'] = tg.stickiness.cookieName;
      }
    }
  }
  return Object.keys(out)
    .sort()
    .map((key) => ({ key, value: out[key]! }));
}
