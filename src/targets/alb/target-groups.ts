/** One target group per backend that ALB forwards to, with every setting the backend asks for. */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { shortList } from '../../format/list.js';
import { kebabId, pascalId, shortHash } from '../../model/ids.js';
import { suppliedVariable } from '../../model/intent/backends.js';
import { routeLabel } from '../../model/routes.js';
import type { Backend, HealthCheck, RouteModel } from '../../model/types.js';
import type { AlbTargetGroup, TargetGroupAttributeKey } from './plan.js';

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
    const upstream = backend.target.kind === 'http' ? upstreamOf(backend.target.url) : undefined;
    group.protocol = tg.protocol ?? upstream?.protocol ?? 'HTTP';
    group.port = tg.port ?? upstream?.port ?? (group.protocol === 'HTTPS' ? 443 : 80);
    if (tg.protocolVersion) group.protocolVersion = tg.protocolVersion;
    if (tg.stickiness) group.stickiness = { ...tg.stickiness };
    if (upstream) {
      // Where the backend lives, on the group itself: a hostname cannot be registered as a target.
      group.tags['gateplan:upstream'] = upstream.address;
      if (upstream.privateIpv4 && targetType === 'ip')
        group.ipTargets = [{ ip: upstream.host, port: group.port }];
    }
  }
  if (backend.target.kind === 'lambda') {
    group.lambdaArn = backend.target.functionArn;
    const supplied = suppliedVariable(backend.target.functionArn);
    if (supplied)
      group.lambdaParameter = {
        name: `${pascalId(backend.name)}FunctionArn`,
        description: `ARN of the Lambda function the spec names \${${supplied}} (backend ${backend.name})`,
      };
  }
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

function attributesOf(backend: Backend, lambda: boolean): AlbTargetGroup['attributes'] {
  const tg = backend.targetGroup;
  const out: Partial<Record<TargetGroupAttributeKey, string>> = {};
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
  return (Object.keys(out) as TargetGroupAttributeKey[]).sort().map((key) => ({ key, value: out[key]! }));
}

/** The backend URL's host and port, as a target group sees them. */
interface Upstream {
  host: string;
  /** `host:port` as written, for the `gateplan:upstream` tag. */
  address: string;
  port?: number;
  protocol: 'HTTP' | 'HTTPS';
  /** A private IPv4 address: registrable as an `ip` target. */
  privateIpv4: boolean;
}

/** Tag values allow letters, digits, spaces and `_ . : / = + - @`, up to 256 characters. */
const TAG_VALUE = /^[\p{L}\p{N}\s_.:/=+\-@]{1,256}$/u;

function upstreamOf(url: string): Upstream | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  // A stage-variable template (`http://${stageVariables.host}`) has no host to register or tag.
  const address = parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  if (!parsed.hostname || !TAG_VALUE.test(address)) return undefined;
  return {
    host: parsed.hostname,
    address,
    ...(parsed.port ? { port: Number(parsed.port) } : {}),
    protocol: parsed.protocol === 'https:' ? 'HTTPS' : 'HTTP',
    privateIpv4: isPrivateIpv4(parsed.hostname),
  };
}

/**
 * An `ip` target group takes addresses of the VPC's subnets or of the private ranges (RFC 1918,
 * RFC 6598), never publicly routable ones; a public address is left for the user to register.
 */
function isPrivateIpv4(host: string): boolean {
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) return false;
  const [a, b] = octets as [number, number];
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

/**
 * Said once for the API, not per group or route: the groups whose targets the user registers
 * (GP171), and the route timeouts ALB has no setting for (GP172).
 */
export function registrationDiagnostics(model: RouteModel, groups: readonly AlbTargetGroup[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const empty = groups.filter((g) => g.targetType !== 'lambda' && !g.ipTargets);
  if (empty.length > 0) {
    const first = model.backends[empty[0]!.backend]!;
    out.push(
      diagnostic('GP171', first.where, {
        count: empty.length,
        backends: shortList(
          empty.map((g) =>
            g.tags['gateplan:upstream'] ? `${g.backend} (${g.tags['gateplan:upstream']})` : g.backend,
          ),
        ),
      }),
    );
  }
  const timed = model.routes.filter((r) => r.timeoutMs !== undefined);
  if (timed.length > 0)
    out.push(
      diagnostic('GP172', timed[0]!.where, {
        count: timed.length,
        routes: shortList(timed.map((r) => `${routeLabel(r)} ${r.timeoutMs} ms`)),
      }),
    );
  return out;
}
