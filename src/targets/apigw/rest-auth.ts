import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { pascalId } from '../../model/ids.js';
import { routeLabel } from '../../model/routes.js';
import type { AuthScheme, NamedAuthScheme, Route, RouteModel } from '../../model/types.js';
import { lambdaFunctionArn, lambdaInvocationUri, parseLambdaArn } from './addresses.js';
import { AWS_PARTITION, AWS_REGION, sub, type Substituted } from './substitution.js';
import type { LambdaPermissionPlan, StackParameter } from './plan.js';
import { dict, own } from '../../util/dict.js';

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

const AUTHORIZER_KINDS = new Set(['cognito', 'lambda', 'iam']);

/**
 * The operation's `security`. REST ignores root-level security, so every operation carries
 * its own; `[]` keeps an explicitly public route public. A REST method enforces one authorizer
 * plus, optionally, an API key, and one requirement (the first).
 */
/** Returned for a route that must not be served at all, since serving it would drop its protection. */
export const LEAVE_OUT = 'leave-out';

export function restSecurity(
  model: RouteModel,
  route: Route,
  state: AuthState,
): unknown[] | undefined | typeof LEAVE_OUT {
  if (route.auth === undefined) return undefined;
  if (route.auth.length === 0) return [];
  const label = routeLabel(route);
  if (route.auth.length > 1) {
    const first = route.auth[0]!.schemes.map((s) => s.name).join(' + ') || 'anonymous access';
    state.diagnostics.push(
      diagnostic('GP107', route.where, { route: label, count: route.auth.length, first }, route.id),
    );
  }
  const chosen = route.auth[0]!;
  if (chosen.schemes.length === 0) return [];
  const authorizers: string[] = [];
  const keys: string[] = [];
  const entry = dict<string[]>();
  for (const { name, scopes } of chosen.schemes) {
    const named = own(model.auth, name);
    // An undeclared scheme (the model reports it) must not turn into an open route.
    if (!named) return LEAVE_OUT;
    const kind = named.scheme.kind;
    if (kind === 'apiKey') keys.push(name);
    else if (AUTHORIZER_KINDS.has(kind)) authorizers.push(name);
    else {
      unsupportedScheme(state, named, route);
      return LEAVE_OUT;
    }
    const definition = schemeDefinition(named, state);
    if (!definition) return LEAVE_OUT;
    state.schemes[name] = definition;
    entry[name] = named.scheme.kind === 'cognito' ? scopes : [];
  }
  if (authorizers.length > 1 || keys.length > 1) {
    const schemes = [...authorizers, ...keys].join(', ');
    state.diagnostics.push(
      diagnostic('GP109', route.where, { route: label, schemes, extra: ' and one API key' }, route.id),
    );
  }
  if (keys.length) state.usesApiKeys = true;
  return [entry];
}

/** The `securitySchemes` entry API Gateway's REST import understands for one scheme. */
function schemeDefinition(named: NamedAuthScheme, state: AuthState): Record<string, unknown> | undefined {
  const { name, scheme, where } = named;
  const header = headerOf(named);
  switch (scheme.kind) {
    case 'iam':
      return {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'awsSigv4',
      };
    case 'apiKey':
      if (
        (scheme.in !== 'header' || scheme.paramName.toLowerCase() !== 'x-api-key') &&
        once(state, `key:${name}`)
      ) {
        state.diagnostics.push(
          diagnostic('GP119', where, { scheme: name, in: scheme.in, name: scheme.paramName }),
        );
      }
      return { type: 'apiKey', name: 'x-api-key', in: 'header' };
    case 'cognito':
      if (scheme.userPoolArns.length === 0) {
        if (once(state, `cognito:${name}`))
          state.diagnostics.push(incomplete(named, 'user pool ARN', 'set x-gateplan.cognito.userPoolArns'));
        return undefined;
      }
      return {
        type: 'apiKey',
        name: header,
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: [...scheme.userPoolArns],
        },
      };
    case 'lambda':
      return lambdaScheme(named, scheme, header, state);
    default:
      return undefined;
  }
}

function lambdaScheme(
  named: NamedAuthScheme,
  scheme: Extract<AuthScheme, { kind: 'lambda' }>,
  header: string,
  state: AuthState,
): Record<string, unknown> {
  const uri = lambdaAuthorizerUri(named, scheme, state);
  const token = scheme.mode === 'token';
  const tokenHeader = /^method\.request\.header\.(.+)$/.exec(scheme.identitySources[0] ?? '')?.[1];
  const authorizer: Record<string, unknown> = {
    type: scheme.mode,
    authorizerUri: uri,
    ...(token ? {} : { identitySource: scheme.identitySources.join(', ') }),
    ...(scheme.resultTtlSeconds !== undefined
      ? { authorizerResultTtlInSeconds: scheme.resultTtlSeconds }
      : {}),
  };
  return {
    type: 'apiKey',
    name: token ? (tokenHeader ?? header) : header,
    in: 'header',
    'x-amazon-apigateway-authtype': 'custom',
    'x-amazon-apigateway-authorizer': authorizer,
  };
}

/**
 * The authorizer function's invocation URI, registering its invoke permission and, when the
 * scheme names no function, the stack parameter that supplies it. HTTP authorizers use payload
 * format 1.0, so one function answers both API types and is wired up the same way for either.
 */
export function lambdaAuthorizerUri(
  named: NamedAuthScheme,
  scheme: Extract<AuthScheme, { kind: 'lambda' }>,
  state: AuthState,
): string | Substituted {
  const id = `Authorizer${pascalId(named.name, 40)}`;
  if (scheme.functionArn) {
    const address = parseLambdaArn(scheme.functionArn);
    addPermission(state, {
      id,
      functionName: address.full ? lambdaFunctionArn(address) : address.name,
      sourcePath: '/authorizers/*',
    });
    return lambdaInvocationUri(address);
  }
  const param = `${id}FunctionArn`;
  if (!state.parameters.some((p) => p.name === param)) {
    state.parameters.push({
      name: param,
      description: `ARN of the Lambda function behind authorizer ${named.name}`,
    });
  }
  addPermission(state, { id, functionName: { param }, sourcePath: '/authorizers/*' });
  return sub`arn:${AWS_PARTITION}:apigateway:${AWS_REGION}:lambda:path/2015-03-31/functions/${{ param }}/invocations`;
}

function addPermission(state: AuthState, permission: Omit<LambdaPermissionPlan, 'apiId'>): void {
  if (!state.authorizerPermissions.some((p) => p.id === permission.id))
    state.authorizerPermissions.push(permission);
}

function headerOf(named: NamedAuthScheme): string {
  const s = named.source;
  return s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string' ? s.name : 'Authorization';
}

function incomplete(named: NamedAuthScheme, missing: string, fix: string): Diagnostic {
  return diagnostic('GP120', named.where, {
    kind: named.scheme.kind,
    scheme: named.name,
    missing,
    api: 'REST',
    fix,
  });
}

function once(state: AuthState, key: string): boolean {
  if (state.reported.has(key)) return false;
  state.reported.add(key);
  return true;
}

export function unsupportedScheme(state: AuthState, named: NamedAuthScheme, route: Route): void {
  const entry = state.unsupported.get(named.name) ?? { named, routes: [] };
  entry.routes.push(route);
  state.unsupported.set(named.name, entry);
}

/** One finding per scheme the API cannot enforce, at the scheme, naming the routes' count and the first. */
export function unsupportedSchemeDiagnostics(
  state: AuthState,
  api: 'REST' | 'HTTP',
  fix: string,
): Diagnostic[] {
  return [...state.unsupported.values()].map(({ named, routes }) =>
    diagnostic('GP108', named.where, {
      api,
      kind: named.scheme.kind,
      scheme: named.name,
      count: routes.length,
      route: routeLabel(routes[0]!),
      fix,
    }),
  );
}
