import { diagnostic } from '../../diagnostics/diagnostic.js';
import { own } from '../../util/dict.js';
import { routeLabel } from '../../model/routes.js';
import type { AuthScheme, NamedAuthScheme, Route, RouteModel } from '../../model/types.js';
import { incompleteFix, lambdaAuthorizerUri, unsupportedScheme } from './rest-auth.js';
import {
  gatewayRequirement,
  isRequirement,
  LEAVE_OUT,
  otherSchemeKeys,
  type AuthState,
} from './route-security.js';

/**
 * The operation's `security` for an HTTP API: one requirement with one scheme (import rejects
 * more). JWT authorizers come from JWT, OpenID Connect and Cognito schemes; Lambda authorizers
 * use payload format 1.0 so the same function answers REST and HTTP APIs alike.
 */
export function httpSecurity(
  model: RouteModel,
  route: Route,
  state: AuthState,
): unknown[] | undefined | typeof LEAVE_OUT {
  const chosen = gatewayRequirement(model, route, state, 'HTTP');
  if (!isRequirement(chosen)) return chosen;
  const label = routeLabel(route);
  const schemes = chosen.schemes;
  if (schemes.length > 1) {
    const names = schemes.map((s) => s.name);
    state.diagnostics.push(
      diagnostic(
        'GP109',
        route.where,
        { route: label, schemes: names.join(', '), extra: '', keys: otherSchemeKeys(names) },
        route.id,
      ),
    );
    return LEAVE_OUT;
  }
  const { name, scopes } = schemes[0]!;
  const named = own(model.auth, name)!;
  if (named.scheme.kind === 'apiKey') {
    state.diagnostics.push(
      diagnostic(
        'GP128',
        route.where,
        {
          feature: 'API keys',
          route: label,
          fix: `if your backend checks the key, set auth.${name}.enforcedBy: backend in gateplan.yaml; or check it in a Lambda authorizer (auth.${name}.lambda), or use the apigw-rest target`,
        },
        route.id,
      ),
    );
    return LEAVE_OUT;
  }
  const definition = schemeDefinition(named, state);
  if (!definition) {
    if (!['jwt', 'oidc', 'cognito'].includes(named.scheme.kind)) unsupportedScheme(state, named, route);
    return LEAVE_OUT;
  }
  state.schemes[name] = definition;
  return [{ [name]: isJwt(named.scheme) ? scopes : [] }];
}

function isJwt(scheme: AuthScheme): boolean {
  return scheme.kind === 'jwt' || scheme.kind === 'oidc' || scheme.kind === 'cognito';
}

function schemeDefinition(named: NamedAuthScheme, state: AuthState): Record<string, unknown> | undefined {
  const scheme = named.scheme;
  switch (scheme.kind) {
    case 'iam':
      return {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'awsSigv4',
      };
    case 'jwt':
      return jwtScheme(named, state, scheme.issuer, scheme.audience, scheme.identitySource);
    case 'oidc': {
      const issuer =
        scheme.issuer ?? scheme.openIdConnectUrl?.replace(/\/\.well-known\/openid-configuration\/?$/, '');
      return jwtScheme(
        named,
        state,
        issuer,
        scheme.clientId ? [scheme.clientId] : [],
        '$request.header.Authorization',
      );
    }
    case 'cognito': {
      const pool = /^arn:[^:]+:cognito-idp:([^:]+):\d{12}:userpool\/(.+)$/.exec(scheme.userPoolArns[0] ?? '');
      const issuer = pool ? `https://cognito-idp.${pool[1]}.amazonaws.com/${pool[2]}` : undefined;
      return jwtScheme(
        named,
        state,
        issuer,
        scheme.clientId ? [scheme.clientId] : [],
        '$request.header.Authorization',
      );
    }
    case 'lambda':
      return lambdaScheme(named, scheme, state);
    default:
      return undefined;
  }
}

function jwtScheme(
  named: NamedAuthScheme,
  state: AuthState,
  issuer: string | undefined,
  audience: string[],
  identitySource: string,
): Record<string, unknown> | undefined {
  const missing = !issuer ? 'issuer' : audience.length === 0 ? 'audience (client id)' : undefined;
  if (missing) {
    if (!state.reported.has(named.name)) {
      state.reported.add(named.name);
      const keys =
        named.scheme.kind === 'cognito'
          ? 'cognito.userPoolArns and cognito.clientId'
          : named.scheme.kind === 'oidc'
            ? 'oidc.issuer and oidc.clientId'
            : 'jwt.issuer and jwt.audience';
      const fix = incompleteFix(named.name, keys);
      state.diagnostics.push(
        diagnostic('GP120', named.where, {
          kind: named.scheme.kind,
          scheme: named.name,
          missing,
          api: 'HTTP',
          fix,
        }),
      );
    }
    return undefined;
  }
  return {
    type: 'oauth2',
    flows: {},
    'x-amazon-apigateway-authorizer': {
      type: 'jwt',
      identitySource,
      jwtConfiguration: { issuer, audience: [...audience] },
    },
  };
}

/** REST identity-source names (`method.request.header.X`) in HTTP API syntax (`$request.header.X`). */
function httpIdentitySource(source: string): string {
  return source
    .replace(/^method\.request\.querystring\./, '$request.querystring.')
    .replace(/^method\.request\.header\./, '$request.header.')
    .replace(/^stageVariables\./, '$stageVariables.')
    .replace(/^context\./, '$context.');
}

function lambdaScheme(
  named: NamedAuthScheme,
  scheme: Extract<AuthScheme, { kind: 'lambda' }>,
  state: AuthState,
): Record<string, unknown> {
  const uri = lambdaAuthorizerUri(named, scheme, state);
  const header = named.credential.in === 'header' ? named.credential.name : 'Authorization';
  return {
    type: 'apiKey',
    name: header,
    in: 'header',
    'x-amazon-apigateway-authorizer': {
      type: 'request',
      identitySource: scheme.identitySources.map(httpIdentitySource).join(', '),
      authorizerUri: uri,
      authorizerPayloadFormatVersion: '1.0',
      ...(scheme.resultTtlSeconds !== undefined
        ? { authorizerResultTtlInSeconds: scheme.resultTtlSeconds }
        : {}),
    },
  };
}
