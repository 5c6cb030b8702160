import type { AuthRequirement, AuthScheme, CredentialSource, NamedAuthScheme, Route } from './types.js';
import { asString, child, isObject, type DocumentReader } from './document.js';
import { diagnostic, type Diagnostic, type Where } from '../diagnostics/diagnostic.js';
import { validateIntent } from './intent/validate.js';
import { dict, own } from '../util/dict.js';
import { sortKeys } from '../util/order.js';
import type { RawSecuritySchemeIntent } from './intent/raw.js';

/** Intent for a scheme given outside it: `auth:` in the root `x-gateplan` or `gateplan.yaml`. */
export type ExternalSchemeIntent = Record<string, { intent: RawSecuritySchemeIntent; where: Where }>;

/**
 * Reads `components.securitySchemes` (`securityDefinitions` in Swagger 2.0) into auth
 * schemes; either map, or `components` itself, may be a `$ref` to another file. `external`
 * intent wins over the scheme's own `x-gateplan`, key by key, so a spec nobody may edit can
 * still say which issuer or user pool a scheme means, or that the backend checks it. It also
 * declares a scheme the spec requires but never declares, when it says what the scheme is.
 */
export function readAuthSchemes(
  reader: DocumentReader,
  document: Record<string, unknown>,
  rootWhere: Where,
  swagger2: boolean,
  external: ExternalSchemeIntent,
  diagnostics: Diagnostic[],
): Record<string, NamedAuthScheme> {
  const declared = schemeMap(reader, document, rootWhere, swagger2);
  const out = dict<NamedAuthScheme>();
  for (const [name, { intent, where }] of Object.entries(external)) {
    if (Object.hasOwn(declared.map, name)) continue;
    if (describesScheme(intent)) out[name] = named(name, {}, intent, where);
    else diagnostics.push(diagnostic('GP052', where, { scheme: name }));
  }
  for (const name of Object.keys(declared.map).sort()) {
    const ref = reader.deref(declared.map[name], child(declared.where, name));
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
    out[name] = named(name, ref.value, intent, ref.where);
  }
  return sortKeys(out);
}

/** The declared schemes and where their map lives, following `$ref`s to the map and its parent. */
function schemeMap(
  reader: DocumentReader,
  document: Record<string, unknown>,
  rootWhere: Where,
  swagger2: boolean,
): { map: Record<string, unknown>; where: Where } {
  let node: { value: unknown; where: Where } = { value: document, where: rootWhere };
  for (const key of swagger2 ? ['securityDefinitions'] : ['components', 'securitySchemes']) {
    const value = isObject(node.value) ? own(node.value, key) : undefined;
    if (value === undefined) return { map: {}, where: rootWhere };
    const next = reader.deref<unknown>(value, child(node.where, key));
    if (!next) return { map: {}, where: rootWhere };
    node = next;
  }
  return { map: isObject(node.value) ? node.value : {}, where: node.where };
}

function describesKind(intent: RawSecuritySchemeIntent): boolean {
  return Boolean(intent.iam || intent.cognito || intent.jwt || intent.lambda || intent.oidc);
}

/** Intent that says what a scheme is, so `auth:` alone can declare it. */
function describesScheme(intent: RawSecuritySchemeIntent): boolean {
  return intent.enforcedBy !== undefined || describesKind(intent);
}

function named(
  name: string,
  source: Record<string, unknown>,
  intent: RawSecuritySchemeIntent,
  where: Where,
): NamedAuthScheme {
  const scheme = classify(source, intent);
  return {
    name,
    scheme,
    enforcedBy: intent.enforcedBy ?? 'gateway',
    credential: credentialOf(source, scheme),
    where,
  };
}

/**
 * The header, query parameter or cookie a scheme reads: the authorizer's first identity source,
 * else what an `apiKey`-typed declaration names (API Gateway's own declarations of Cognito and
 * Lambda authorizers are `apiKey`-typed), else the Authorization header.
 */
function credentialOf(source: Record<string, unknown>, scheme: AuthScheme): CredentialSource {
  const identity =
    scheme.kind === 'lambda'
      ? scheme.identitySources[0]
      : scheme.kind === 'jwt'
        ? scheme.identitySource
        : undefined;
  const fromIdentity = identity ? identityCredential(identity) : undefined;
  if (fromIdentity) return fromIdentity;
  if (scheme.kind === 'apiKey') return { in: scheme.in, name: scheme.paramName };
  const declared = asString(source.name);
  if (source.type === 'apiKey' && declared) {
    const at = asString(source.in);
    return { in: at === 'query' || at === 'cookie' ? at : 'header', name: declared };
  }
  return { in: 'header', name: 'Authorization' };
}

/** `method.request.header.X` (REST) or `$request.header.X` (HTTP); query strings likewise. */
function identityCredential(source: string): CredentialSource | undefined {
  const m = /^(?:method\.request|\$request)\.(header|querystring)\.(.+)$/.exec(source.trim());
  if (!m) return undefined;
  return { in: m[1] === 'header' ? 'header' : 'query', name: m[2]! };
}

const LAMBDA_URI = /functions\/(.+)\/invocations$/;

function classify(s: Record<string, unknown>, intent: RawSecuritySchemeIntent): AuthScheme {
  if (Object.keys(s).length === 0 && !describesKind(intent)) return { kind: 'unspecified' };
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

/** One note per scheme the backend checks (`enforcedBy: backend`) that some route requires. */
export function backendCheckedNotes(auth: Record<string, NamedAuthScheme>, routes: Route[]): Diagnostic[] {
  return Object.values(auth).flatMap((named) => {
    if (named.enforcedBy !== 'backend') return [];
    const count = routes.filter((r) =>
      r.auth?.some((a) => a.schemes.some((s) => s.name === named.name)),
    ).length;
    if (count === 0) return [];
    const credential = `${named.credential.in} ${named.credential.name}`;
    return [
      diagnostic('GP053', named.where, { scheme: named.name, kind: named.scheme.kind, credential, count }),
    ];
  });
}
