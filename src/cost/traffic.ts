import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A month of traffic. Every per-request quantity scales with the volume when the volume varies. */
export interface TrafficProfile {
  requestsPerMonth: number;
  /** Average request size in bytes (headers and body), as the load balancer and API Gateway see it. */
  requestBytes: number;
  /** Average response size in bytes. */
  responseBytes: number;
  /** Average time a client connection stays open, in seconds. */
  connectionSeconds: number;
  /** Requests a client sends on one connection (keep-alive); new connections/s = requests/s ÷ this. */
  requestsPerConnection: number;
  /** Optional per-route traffic; routes not listed share what the listed ones leave. */
  routes: RouteTraffic[];
  /** The profile file, when there was one (diagnostics point into it). */
  file?: string;
}

export interface RouteTraffic {
  /** operationId, `x-gateplan.name`, or `METHOD /path` as in the spec. */
  route: string;
  /** Percent of all requests. */
  share: number;
  requestBytes?: number;
  responseBytes?: number;
  /** Where it was written, for diagnostics. */
  pointer: string;
}

/** Used for whatever a profile leaves out; `gateplan cost --help` prints them. */
export const DEFAULT_PROFILE: TrafficProfile = {
  requestsPerMonth: 10_000_000,
  requestBytes: 1024,
  responseBytes: 4096,
  connectionSeconds: 20,
  requestsPerConnection: 10,
  routes: [],
};

export const SECONDS_PER_HOUR = 3600;

const SUFFIX: Record<string, number> = { '': 1, K: 1e3, M: 1e6, B: 1e9, G: 1e9 };

/**
 * Parses `10M`, `2.5B`, `300k/month`, `20/s` into requests per month. Per-second volumes are
 * converted with the price file's hours per month, so the caller passes them in.
 */
export function parseVolume(text: string | number, hoursPerMonth: number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMbBgG]?)\s*(?:\/\s*(month|mo|s|sec|second))?\s*$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) * SUFFIX[m[2]!.toUpperCase()]!;
  const perSecond = m[3] !== undefined && m[3].startsWith('s');
  return perSecond ? value * hoursPerMonth * SECONDS_PER_HOUR : value;
}

const NUMBER_KEYS = [
  'requestBytes',
  'responseBytes',
  'connectionSeconds',
  'requestsPerConnection',
  'newConnectionsPerSecond',
] as const;
const KNOWN = new Set<string>([
  'requests',
  'requestsPerMonth',
  'requestsPerSecond',
  'routes',
  ...NUMBER_KEYS,
]);
const ROUTE_KEYS = new Set(['share', 'requestBytes', 'responseBytes']);

/**
 * Reads a profile document (already parsed from YAML/JSON). Unknown keys and bad values are
 * GP600 errors located at their key; what is valid is kept and the rest falls back to defaults.
 */
export function parseProfile(
  value: unknown,
  file: string,
  hoursPerMonth: number,
  base: TrafficProfile = DEFAULT_PROFILE,
): { profile: TrafficProfile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fail = (pointer: string, reason: string) =>
    diagnostics.push(
      diagnostic(
        'GP600',
        { file, pointer },
        { file, at: pointer.slice(1).replace(/\//g, '.') || '(top level)', reason },
      ),
    );
  const profile: TrafficProfile = { ...base, routes: [], file };
  if (value === null || value === undefined) return { profile, diagnostics };
  if (typeof value !== 'object' || Array.isArray(value)) {
    fail('', 'must be a mapping of profile keys');
    return { profile, diagnostics };
  }
  const doc = value as Record<string, unknown>;
  for (const key of Object.keys(doc).sort()) if (!KNOWN.has(key)) fail(`/${key}`, 'is not a profile key');

  const volumeKeys = ['requests', 'requestsPerMonth', 'requestsPerSecond'].filter(
    (k) => doc[k] !== undefined,
  );
  if (volumeKeys.length > 1)
    fail(`/${volumeKeys[1]}`, `conflicts with ${volumeKeys[0]}: give the volume once`);
  const volumeKey = volumeKeys[0];
  if (volumeKey !== undefined) {
    const raw = doc[volumeKey] as string | number;
    const perMonth =
      volumeKey === 'requestsPerSecond'
        ? parseVolume(`${String(raw)}/s`, hoursPerMonth)
        : parseVolume(raw, hoursPerMonth);
    if (perMonth === undefined || (typeof raw !== 'number' && typeof raw !== 'string')) {
      fail(`/${volumeKey}`, 'must be a number, optionally with K/M/B (e.g. 50M)');
    } else profile.requestsPerMonth = perMonth;
  }

  for (const key of NUMBER_KEYS) {
    const v = doc[key];
    if (v === undefined) continue;
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v < 0 ||
      (key !== 'requestBytes' && key !== 'responseBytes' && v === 0)
    ) {
      fail(
        `/${key}`,
        key.endsWith('Bytes') ? 'must be a number of bytes, 0 or more' : 'must be a number above 0',
      );
    } else if (key === 'newConnectionsPerSecond') {
      if (doc.requestsPerConnection !== undefined)
        fail(`/${key}`, 'conflicts with requestsPerConnection: give one of them');
    } else profile[key] = v;
  }
  // Connections are kept as a ratio to requests, so the chart can scale them with the volume.
  const newConnections = doc.newConnectionsPerSecond;
  if (typeof newConnections === 'number' && newConnections > 0 && doc.requestsPerConnection === undefined) {
    const rps = profile.requestsPerMonth / (hoursPerMonth * SECONDS_PER_HOUR);
    profile.requestsPerConnection = rps / newConnections;
  }

  if (doc.routes !== undefined) profile.routes = parseRoutes(doc.routes, fail);
  const total = profile.routes.reduce((sum, r) => sum + r.share, 0);
  if (total > 100 + 1e-9) fail('/routes', `shares add up to ${round(total)}%, more than 100%`);
  return { profile, diagnostics };
}

function parseRoutes(value: unknown, fail: (pointer: string, reason: string) => void): RouteTraffic[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(
      '/routes',
      'must map a route (operationId or `METHOD /path`) to { share, requestBytes?, responseBytes? }',
    );
    return [];
  }
  const out: RouteTraffic[] = [];
  for (const [route, spec] of Object.entries(value as Record<string, unknown>)) {
    const pointer = `/routes/${route.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const entry = typeof spec === 'number' ? { share: spec } : spec;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      fail(pointer, 'must be a share in percent or { share, requestBytes?, responseBytes? }');
      continue;
    }
    const fields = entry as Record<string, unknown>;
    for (const key of Object.keys(fields))
      if (!ROUTE_KEYS.has(key)) fail(`${pointer}/${key}`, 'is not a route traffic key');
    const share = fields.share;
    if (typeof share !== 'number' || !(share >= 0 && share <= 100)) {
      fail(`${pointer}/share`, 'must be a percentage from 0 to 100');
      continue;
    }
    const item: RouteTraffic = { route, share, pointer };
    for (const key of ['requestBytes', 'responseBytes'] as const) {
      const v = fields[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !(v >= 0))
        fail(`${pointer}/${key}`, 'must be a number of bytes, 0 or more');
      else item[key] = v;
    }
    out.push(item);
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
