import { diagnostic } from '../../diagnostics/diagnostic.js';
import { describeAlternatives, routeAuth } from '../../model/route-auth.js';
import { routeLabel } from '../../model/routes.js';
import type { AuthRequirement, NamedAuthScheme, Route, RouteModel } from '../../model/types.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LambdaPermissionPlan, StackParameter } from './plan.js';
import { dict } from '../../util/dict.js';

/** What the REST document's security needs beyond the operations: schemes, keys, permissions. */
export interface AuthState {
  schemes: Record<string, Record<string, unknown>>;
  usesApiKeys: boolean;
  /** Per API of a split, the plan adds which API each permission is for. */
  authorizerPermissions: Omit<LambdaPermissionPlan, 'apiId'>[];
  parameters: StackParameter[];
  diagnostics: Diagnostic[];
  /** Schemes already reported, so one bad scheme is one finding, not one per route. */
  reported: Set<string>;
  /** Schemes the API type cannot enforce, with the routes that require them (in route order). */
  unsupported: Map<string, { named: NamedAuthScheme; routes: Route[] }>;
}

export function newAuthState(): AuthState {
  return {
    schemes: dict(),
    usesApiKeys: false,
    authorizerPermissions: [],
    parameters: [],
    diagnostics: [],
    reported: new Set(),
    unsupported: new Map(),
  };
}

/** Returned for a route that must not be served at all, since serving it would drop its protection. */
export const LEAVE_OUT = 'leave-out';

export function isRequirement(value: unknown): value is AuthRequirement {
  return typeof value === 'object' && value !== null && 'schemes' in value;
}

/**
 * The one requirement an API Gateway method enforces for `route`, or what the operation's
 * `security` is instead: `undefined` when no security applies, `[]` when no authorizer runs
 * (a public route, or one whose every alternative the backend checks: its credentials reach
 * the backend unchanged), `LEAVE_OUT` when serving it would drop a check.
 */
export function gatewayRequirement(
  model: RouteModel,
  route: Route,
  state: AuthState,
  api: 'REST' | 'HTTP',
): AuthRequirement | unknown[] | undefined | typeof LEAVE_OUT {
  const auth = routeAuth(model, route);
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'public':
    case 'backend':
      return [];
    // An undeclared scheme (the model reports it, GP044) must not turn into an open route.
    case 'undeclared':
      return LEAVE_OUT;
    case 'alternatives': {
      const schemes = [...new Set(auth.gateway.flat())].sort();
      state.diagnostics.push(
        diagnostic(
          api === 'REST' ? 'GP107' : 'GP110',
          route.where,
          {
            route: routeLabel(route),
            alternatives: describeAlternatives([...auth.gateway, ...auth.backendOnly]),
            keys: schemes.map((s) => `auth.${s}`).join(', '),
          },
          route.id,
        ),
      );
      return LEAVE_OUT;
    }
    case 'gateway':
      return auth.requirement;
  }
}

/** `auth.a, auth.b`: the gateplan.yaml keys a finding's fix names, for all but the first scheme. */
export function otherSchemeKeys(names: string[]): string {
  return names
    .slice(1)
    .map((s) => `auth.${s}`)
    .join(', ');
}

/**
 * What to write in gateplan.yaml when no route is left to deploy: the gateway-checked schemes
 * of the routes left out, handed to the backend; when auth left none out, the findings that
 * did say what to write.
 */
export function nothingLeftFix(model: RouteModel, servedIds: ReadonlySet<string>): string {
  if (model.routes.length === 0)
    return 'the spec declares no operation (GP024): add one, or leave this front door out of --target';
  const schemes = new Set<string>();
  for (const route of model.routes) {
    if (servedIds.has(route.id)) continue;
    const auth = routeAuth(model, route);
    if (auth.kind === 'gateway') for (const s of auth.requirement.schemes) schemes.add(s.name);
    if (auth.kind === 'alternatives') for (const s of auth.gateway.flat()) schemes.add(s);
  }
  if (schemes.size === 0)
    return 'each finding above that leaves a route out says what to write in gateplan.yaml (a rule that sends it to a Lambda or URL backend, say); or leave this front door out of --target';
  const keys = [...schemes].sort().map((s) => `auth.${s}.enforcedBy: backend`);
  return `if your backend checks the credentials, set ${keys.join(' and ')} in gateplan.yaml; the findings above say which authorizer would let the gateway check them instead`;
}
