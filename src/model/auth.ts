import type { AuthRequirement, AuthScheme, NamedAuthScheme } from './types.js';
import { asString, child, isObject, type DocumentReader } from './document.js';
import { diagnostic, type Diagnostic, type Where } from '../diagnostics/diagnostic.js';
import { validateIntent } from './intent/validate.js';
import { dict, own } from '../util/dict.js';
import type { RawSecuritySchemeIntent } from './intent/raw.js';

/** Intent for a scheme given outside it: `auth:` in the root `x-gateplan` or `gateplan.yaml`. */
export type ExternalSchemeIntent = Record<string, { intent: RawSecuritySchemeIntent; where: Where }>;

/**
 * Reads `components.securitySchemes` (`securityDefinitions` in Swagger 2.0) into auth
 * schemes. `external` intent wins over the scheme's own `x-gateplan`, key by key, so a
 * spec nobody may edit can still say which issuer or user pool a scheme means.
 */
export function readAuthSchemes(
  reader: DocumentReader,
  document: Record<string, unknown>,
  rootWhere: Where,
  swagger2: boolean,
  external: ExternalSchemeIntent,
  diagnostics: Diagnostic[],
): Record<string, NamedAuthScheme> {
  const keys = swagger2 ? ['securityDefinitions'] : ['components', 'securitySchemes'];
  let raw: unknown = document;
  for (const key of keys) raw = isObject(raw) ? raw[key] : undefined;
  const out = dict<NamedAuthScheme>();
  const declared = isObject(raw) ? raw : {};
  for (const [name, { where }] of Object.entries(external)) {
    if (!Object.hasOwn(declared, name)) diagnostics.push(diagnostic('GP052', where, { scheme: name }));
  }
  for (const name of Object.keys(declared).sort()) {
    const ref = reader.deref(declared[name], child(rootWhere, ...keys, name));
    if (!ref || !isObject(ref.value)) continue;
    let intent: RawSecuritySchemeIntent = {};
    if (ref.value['x-gateplan'] !== undefined) {
      const checked = validateIntent(
        'securityScheme',
        ref.value['x-gateplan'],
        child(ref.where, 'x-gateplan'),
      );
      diagnostics.push(...checked.diagnostics);
      intent = checked.value ?? {};
    }
    const given = own(external, name);
    if (given) intent = { ...intent, ...given.intent };
    out[name] = { name, scheme: classify(ref.value, intent), source: ref.value, where: ref.where };
  }
  return out;
}

const LAMBDA_URI = /functions\/(.+)\/invocations$/;

function classify(s: Record<string, unknown>, intent: RawSecuritySchemeIntent): AuthScheme {
  const authorizer = isObject(s['x-amazon-apigateway-authorizer'])
    ? s['x-amazon-apigateway-authorizer']
    : undefined;
  const authType = asString(s['x-amazon-apigateway-authtype'])?.toLowerCase();
  const authorizerType = asString(authorizer?.type)?.toLowerCase();

  if (intent.iam || authType?.startsWith('aws')) return { kind: 'iam' };
  if (intent.cognito) return { kind: 'cognito', ...intent.cognito };
  if (authorizerType === 'cognito_user_pools' || authType === 'cognito_user_pools') {
    const arns = Array.isArray(authorizer?.providerARNs)
      ? (authorizer.providerARNs as unknown[]).map(String)
      : [];
    return { kind: 'cognito', userPoolArns: arns };
  }
  if (intent.lambda || authorizerType === 'token' || authorizerType === 'request') {
    const uri = asString(authorizer?.authorizerUri);
    const mode = intent.lambda?.type ?? (authorizerType === 'request' ? 'request' : 'token');
    const identity =
      intent.lambda?.identitySource ??
      (asString(authorizer?.identitySource)
        ?.split(',')
        .map((x) => x.trim())
        .filter(Boolean) ||
        (s.type === 'apiKey' && typeof s.name === 'string'
          ? [`method.request.header.${s.name}`]
          : ['method.request.header.Authorization']));
    const scheme: AuthScheme = { kind: 'lambda', mode, identitySources: identity };
    const arn = intent.lambda?.functionArn ?? (uri ? LAMBDA_URI.exec(uri)?.[1] : undefined);
    if (arn) scheme.functionArn = arn;
    const ttl = intent.lambda?.resultTtlSeconds ?? authorizer?.authorizerResultTtlInSeconds;
    if (typeof ttl === 'number') scheme.resultTtlSeconds = ttl;
    return scheme;
  }
  if (intent.jwt || authorizerType === 'jwt') {
    const cfg = isObject(authorizer?.jwtConfiguration) ? authorizer.jwtConfiguration : {};
    const issuer = intent.jwt?.issuer ?? asString(cfg.issuer);
    const audience = intent.jwt?.audience ?? (Array.isArray(cfg.audience) ? cfg.audience.map(String) : []);
    const identitySource =
      intent.jwt?.identitySource ?? asString(authorizer?.identitySource) ?? '$request.header.Authorization';
    return { kind: 'jwt', ...(issuer ? { issuer } : {}), audience, identitySource };
  }
  switch (s.type) {
    case 'apiKey':
      return {
        kind: 'apiKey',
        name: asString(s.name) ?? 'x-api-key',
        in: (asString(s.in) as 'header' | 'query' | 'cookie') ?? 'header',
        paramName: asString(s.name) ?? 'x-api-key',
      };
    case 'openIdConnect':
      return {
        kind: 'oidc',
        ...(asString(s.openIdConnectUrl) ? { openIdConnectUrl: asString(s.openIdConnectUrl) } : {}),
        ...intent.oidc,
      };
    case 'oauth2':
      if (intent.oidc) return { kind: 'oidc', ...intent.oidc };
      return { kind: 'oauth2', flows: isObject(s.flows) ? s.flows : { flow: s.flow } };
    case 'http':
      if (String(s.scheme).toLowerCase() === 'bearer') {
        return { kind: 'jwt', audience: [], identitySource: '$request.header.Authorization' };
      }
      return { kind: 'http-basic' };
    case 'basic':
      return { kind: 'http-basic' };
    default:
      return { kind: 'http-basic' };
  }
}

/** Reads an OpenAPI `security` list into requirements; `[]` means explicitly public. */
export function readSecurity(raw: unknown): AuthRequirement[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: AuthRequirement[] = [];
  for (const entry of raw) {
    if (!isObject(entry)) continue;
    const schemes = Object.entries(entry).map(([name, scopes]) => ({
      name,
      scopes: Array.isArray(scopes) ? scopes.map(String) : [],
    }));
    // `{}` inside the list is "or anonymous": the route may be called without auth.
    out.push({ schemes });
  }
  return out;
}
