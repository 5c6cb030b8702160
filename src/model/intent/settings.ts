import picomatch from 'picomatch';
import type {
  BackendRef,
  Cors,
  FrontDoorId,
  MatchConditions,
  RequestValidation,
  Throttle,
} from '../types.js';
import type { Where } from '../../diagnostics/diagnostic.js';
import type { RawCors, RawRouteSettings, RawSelector } from './raw.js';
import { byKey } from '../../util/order.js';

/** One layer of route settings and where it was written (for diagnostics about its values). */
export interface SettingsLayer {
  settings: RawRouteSettings;
  where: Where;
}

/** Route settings after all layers are applied, each remembering the layer that set it. */
export interface ResolvedSettings {
  backend?: { value: BackendRef; where: Where };
  throttle?: Throttle;
  timeoutMs?: number;
  validate?: RequestValidation;
  cors?: Cors;
  match?: MatchConditions;
  name?: string;
  health?: boolean;
  leaveOutOf?: FrontDoorId[];
}

/** Later layers win, key by key: defaults, config rules (in order), path item, operation. */
export function resolveSettings(layers: SettingsLayer[]): ResolvedSettings {
  const out: ResolvedSettings = {};
  for (const { settings, where } of layers) {
    if (settings.backend !== undefined) out.backend = { value: backendRef(settings.backend), where };
    if (settings.throttle) out.throttle = { ...settings.throttle };
    if (settings.timeoutMs !== undefined) out.timeoutMs = settings.timeoutMs;
    if (settings.validate !== undefined) out.validate = settings.validate;
    if (settings.cors !== undefined) {
      if (settings.cors === false) delete out.cors;
      else out.cors = corsOf(settings.cors);
    }
    if (settings.match) out.match = structuredClone(settings.match);
    if (settings.name !== undefined) out.name = settings.name;
    if (settings.health !== undefined) out.health = settings.health;
    if (settings.leaveOutOf !== undefined) out.leaveOutOf = [...new Set(settings.leaveOutOf)].sort();
  }
  return out;
}

function backendRef(raw: string | Record<string, number>): BackendRef {
  if (typeof raw === 'string') return { backend: raw };
  return {
    weighted: Object.entries(raw)
      .map(([backend, weight]) => ({ backend, weight }))
      .sort(byKey((x) => x.backend)),
  };
}

/** API Gateway's console defaults, so `cors: true` behaves as users expect. */
const DEFAULT_CORS_HEADERS = [
  'Content-Type',
  'Authorization',
  'X-Amz-Date',
  'X-Api-Key',
  'X-Amz-Security-Token',
];

export function corsOf(raw: RawCors | true): Cors {
  const r = raw === true ? {} : raw;
  const cors: Cors = {
    allowOrigins: r.allowOrigins ?? ['*'],
    allowMethods: r.allowMethods ?? ['*'],
    allowHeaders: r.allowHeaders ?? DEFAULT_CORS_HEADERS,
    exposeHeaders: r.exposeHeaders ?? [],
    allowCredentials: r.allowCredentials ?? false,
  };
  if (r.maxAge !== undefined) cors.maxAgeSeconds = r.maxAge;
  return cors;
}

/** What a config rule can select on. */
export interface Selectable {
  /** Path as written under `paths`. */
  path: string;
  method: string;
  tags: readonly string[];
  operationId?: string;
}

/** Compiles a selector; `*` matches one path segment, `**` any number. */
export function compileSelector(selector: RawSelector): (route: Selectable) => boolean {
  const pathMatch = selector.path ? picomatch(selector.path, { dot: true, nobrace: true }) : undefined;
  const method = selector.method?.toUpperCase();
  return (route) =>
    (selector.tag === undefined || route.tags.includes(selector.tag)) &&
    (selector.operationId === undefined || route.operationId === selector.operationId) &&
    (method === undefined || route.method === method) &&
    (pathMatch === undefined || pathMatch(route.path));
}

export function describeSelector(selector: RawSelector): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
}
