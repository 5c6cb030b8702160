import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { pascalId } from '../../model/ids.js';
import { routeLabel } from '../../model/routes.js';
import type { AuthScheme, NamedAuthScheme, Route, RouteModel } from '../../model/types.js';
import {
  gatewayRequirement,
  isRequirement,
  LEAVE_OUT,
  otherSchemeKeys,
  type AuthState,
} from './route-security.js';
import { lambdaFunctionArn, lambdaInvocationUri, parseLambdaArn } from './addresses.js';
import { AWS_PARTITION, AWS_REGION, sub, type Substituted } from './substitution.js';
import type { LambdaPermissionPlan } from './plan.js';
import { dict, own } from '../../util/dict.js';

const AUTHORIZER_KINDS = new Set(['cognito', 'lambda', 'iam']);

/**
 * The operation's `security`. REST ignores root-level security, so every operation carries
 * its own; `[]` keeps a public route public. A REST method enforces one authorizer plus,
 * optionally, an API key: the route's alternatives must come down to that (see `routeAuth`).
 */
export function restSecurity(
  model: RouteModel,
  route: Route,
  state: AuthState,
): unknown[] | undefined | typeof LEAVE_OUT {
  const chosen = gatewayRequirement(model, route, state, 'REST');
  if (!isRequirement(chosen)) return chosen;
  const authorizers: string[] = [];
  const keys: string[] = [];
  const entry = dict<string[]>();
  for (const { name, scopes } of chosen.schemes) {
    const named = own(model.auth, name)!;
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
    const schemes = [...authorizers, ...keys];
    state.diagnostics.push(
      diagnostic(
        'GP109',
        route.where,
        {
          route: routeLabel(route),
          schemes: schemes.join(', '),
          extra: ' and one API key',
          keys: otherSchemeKeys(schemes),
        },
        route.id,
      ),
    );
  }
  if (keys.length) state.usesApiKeys = true;
  return [entry];
}

/** The `securitySchemes` entry API Gateway's REST import understands for one scheme. */
function schemeDefinition(named: NamedAuthScheme, state: AuthState): Record<string, unknown> | undefined {
  const { name, scheme, where } = named;
  const header = named.credential.in === 'header' ? named.credential.name : 'Authorization';
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
          state.diagnostics.push(
            incomplete(named, 'user pool ARN', incompleteFix(name, 'cognito.userPoolArns')),
          );
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
    // A token authorizer reads the header the scheme names: the model's credential source.
    name: header,
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

function incomplete(named: NamedAuthScheme, missing: string, fix: string): Diagnostic {
  return diagnostic('GP120', named.where, {
    kind: named.scheme.kind,
    scheme: named.name,
    missing,
    api: 'REST',
    fix,
  });
}

/** GP120's fix: the keys that complete the scheme, or the backend taking the check over. */
export function incompleteFix(scheme: string, keys: string): string {
  return `set ${keys} under auth.${scheme} in gateplan.yaml; or, if your backend checks these credentials, auth.${scheme}.enforcedBy: backend`;
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
export function unsupportedSchemeDiagnostics(state: AuthState, api: 'REST' | 'HTTP'): Diagnostic[] {
  const authorizers = api === 'REST' ? 'lambda or cognito' : 'jwt, oidc or lambda';
  return [...state.unsupported.values()].map(({ named, routes }) =>
    diagnostic('GP108', named.where, {
      api,
      kind: named.scheme.kind,
      scheme: named.name,
      count: routes.length,
      route: routeLabel(routes[0]!),
      fix: `if your backend checks these credentials, set auth.${named.name}.enforcedBy: backend in gateplan.yaml; to have ${api} APIs check them, describe an authorizer there instead (auth.${named.name}.${authorizers})`,
    }),
  );
}
