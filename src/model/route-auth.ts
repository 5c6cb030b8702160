import type { AuthRequirement, Route, RouteModel } from './types.js';
import { own } from '../util/dict.js';

/**
 * What a front door must do about a route's `security`, decided once for every target.
 * OpenAPI requirements are alternatives (OR) of scheme sets (AND). A front door enforces one
 * set per route, so the alternatives must come down to one set of gateway-checked schemes, or
 * to none at all: every alternative checked by the backend, or anonymous access allowed.
 */
export type RouteAuth =
  /** No `security` applies to the route. */
  | { kind: 'none' }
  /** `security: []`, or an anonymous alternative (`{}`): anyone may call it. */
  | { kind: 'public' }
  /** Every alternative is checked by the backend (`enforcedBy: backend`): credentials pass through. */
  | { kind: 'backend'; schemes: string[] }
  /**
   * The front door checks every scheme of `requirement`; the backend checks `backend` (schemes
   * required beside them), whose credentials pass through.
   */
  | { kind: 'gateway'; requirement: AuthRequirement; backend: string[] }
  /**
   * Alternatives no front door can enforce as one: several sets of gateway-checked schemes, or
   * gateway-checked ones beside alternatives only the backend checks.
   */
  | { kind: 'alternatives'; gateway: string[][]; backendOnly: string[][] }
  /** A requirement names a scheme nobody declared (GP044): the route must not be served. */
  | { kind: 'undeclared'; schemes: string[] };

export function routeAuth(model: Pick<RouteModel, 'auth'>, route: Pick<Route, 'auth'>): RouteAuth {
  const requirements = route.auth;
  if (requirements === undefined) return { kind: 'none' };
  if (requirements.length === 0 || requirements.some((r) => r.schemes.length === 0))
    return { kind: 'public' };
  const undeclared = requirements.flatMap((r) =>
    r.schemes.filter((s) => !own(model.auth, s.name)).map((s) => s.name),
  );
  if (undeclared.length > 0) return { kind: 'undeclared', schemes: unique(undeclared) };

  const byGateway = (name: string) => own(model.auth, name)!.enforcedBy === 'gateway';
  const gatewaySets = new Map<string, AuthRequirement>();
  const backendOnly: string[][] = [];
  const backend: string[] = [];
  for (const requirement of requirements) {
    const gateway = requirement.schemes.filter((s) => byGateway(s.name));
    backend.push(...requirement.schemes.filter((s) => !byGateway(s.name)).map((s) => s.name));
    if (gateway.length === 0) {
      backendOnly.push(requirement.schemes.map((s) => s.name));
      continue;
    }
    // The same schemes with other scopes are one set: API Gateway grants a route when the
    // token has any of its scopes, so the alternatives' scopes join.
    const key = gateway
      .map((s) => s.name)
      .sort()
      .join('+');
    const seen = gatewaySets.get(key);
    gatewaySets.set(key, {
      schemes: gateway.map((s) => ({
        name: s.name,
        scopes: unique([...(seen?.schemes.find((x) => x.name === s.name)?.scopes ?? []), ...s.scopes]),
      })),
    });
  }
  if (gatewaySets.size === 0) return { kind: 'backend', schemes: unique(backend) };
  if (gatewaySets.size === 1 && backendOnly.length === 0)
    return { kind: 'gateway', requirement: [...gatewaySets.values()][0]!, backend: unique(backend) };
  return {
    kind: 'alternatives',
    gateway: [...gatewaySets.values()].map((r) => r.schemes.map((s) => s.name)),
    backendOnly,
  };
}

/** `a + b | c`, the way findings name a route's alternatives. */
export function describeAlternatives(sets: string[][]): string {
  return sets.map((set) => set.join(' + ')).join(' | ');
}

function unique(names: string[]): string[] {
  return [...new Set(names)].sort();
}
