import { own } from '../util/dict.js';
import type { NamedAuthScheme, RouteModel } from '../model/types.js';
import { oneLine } from './comment.js';

/** One `auth:` entry init writes, and why. */
interface AuthStub {
  scheme: string;
  /** What the scheme is and which front doors can check it, for the comment above it. */
  note: string;
  /**
   * Written as a choice already made (`enforcedBy: backend`) for a scheme no front door can
   * check as the spec describes it; left as a comment for one the spec describes for API
   * Gateway (an authorizer, IAM, Cognito), whose backend likely relies on that check.
   */
  active: boolean;
}

/**
 * The `auth:` section init writes: one entry per security scheme some route requires and some
 * front door cannot check, plus the schemes routes require that the spec never declares. Empty
 * when there are none.
 */
export function authSection(model: RouteModel): string[] {
  const stubs = authStubs(model);
  if (stubs.length === 0) return [];
  const lines = [
    '',
    '# Security schemes: who checks the credentials. A front door that cannot check a',
    '# scheme leaves the routes that require it out (API Gateway) or answers them with 401',
    '# (ALB), rather than serve them unchecked. `enforcedBy: backend` hands the check to your',
    '# backend: every front door then passes the credentials through unchanged. Keep it only',
    '# where the backend really checks them; delete an entry to have the front doors check it.',
    'auth:',
  ];
  for (const stub of stubs) {
    // A name that is not a plain word is written as a JSON string, which YAML reads as is.
    const key = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(stub.scheme) ? stub.scheme : JSON.stringify(stub.scheme);
    const entry = `${key}: { enforcedBy: backend }`;
    lines.push(`  # ${oneLine(stub.note)}`);
    if (stub.active) lines.push(`  ${entry}`);
    else lines.push('  # If your backend checks these credentials itself, uncomment:', `  # ${entry}`);
  }
  return lines;
}

/** How many schemes init hands to the backend, for its summary line. */
export function backendCheckedStubs(model: RouteModel): number {
  return authStubs(model).filter((s) => s.active).length;
}

function authStubs(model: RouteModel): AuthStub[] {
  const required = new Set(
    model.routes.flatMap((r) => (r.auth ?? []).flatMap((a) => a.schemes.map((s) => s.name))),
  );
  const stubs: AuthStub[] = [];
  for (const name of [...required].sort()) {
    const named = own(model.auth, name);
    if (!named) {
      stubs.push({
        scheme: name,
        active: true,
        note: `${name}: required by the spec but never declared, so no front door can check it`,
      });
      continue;
    }
    if (named.enforcedBy === 'backend') continue;
    const stub = stubFor(named);
    if (stub) stubs.push(stub);
  }
  return stubs;
}

function stubFor(named: NamedAuthScheme): AuthStub | undefined {
  const s = named.scheme;
  const name = named.name;
  const where = `${named.credential.in} ${named.credential.name}`;
  switch (s.kind) {
    case 'apiKey':
      return {
        scheme: name,
        active: true,
        note: `${name}: an API key (${where}); HTTP APIs and ALB cannot check it, REST APIs only against keys created in API Gateway`,
      };
    case 'http-basic':
      return {
        scheme: name,
        active: true,
        note: `${name}: HTTP basic (${where}); no front door can check it`,
      };
    case 'oauth2':
      return {
        scheme: name,
        active: true,
        note: `${name}: OAuth 2 (${where}); no front door can check it as described (auth.${name}.jwt with issuer and audience would let HTTP APIs)`,
      };
    case 'jwt':
      if (s.issuer && s.audience.length > 0)
        return {
          scheme: name,
          active: false,
          note: `${name}: a JWT from ${s.issuer}; HTTP APIs check it, REST APIs leave its routes out and ALB answers them with 401`,
        };
      return {
        scheme: name,
        active: true,
        note: `${name}: a bearer token (${where}); no front door can check it as described (auth.${name}.jwt with issuer and audience would let HTTP APIs)`,
      };
    case 'oidc':
      if (s.issuer && s.clientId)
        return {
          scheme: name,
          active: false,
          note: `${name}: OpenID Connect from ${s.issuer}; HTTP APIs and ALB check it, REST APIs leave its routes out`,
        };
      return {
        scheme: name,
        active: true,
        note: `${name}: OpenID Connect (${where}); no front door can check it as described (auth.${name}.oidc with issuer and clientId would let HTTP APIs and ALB)`,
      };
    case 'cognito':
      if (s.userPoolArns.length > 0 && s.clientId) return undefined;
      return {
        scheme: name,
        active: false,
        note: `${name}: a Cognito user pool; ${s.userPoolArns.length > 0 ? 'HTTP APIs need its app client (auth.' + name + '.cognito.clientId)' : 'the front doors need its pool (auth.' + name + '.cognito.userPoolArns)'}`,
      };
    case 'lambda':
      return {
        scheme: name,
        active: false,
        note: `${name}: a Lambda authorizer; API Gateway runs it, ALB cannot and answers its routes with 401`,
      };
    case 'iam':
      return {
        scheme: name,
        active: false,
        note: `${name}: IAM (SigV4); API Gateway checks it, ALB cannot and answers its routes with 401`,
      };
    case 'unspecified':
      return undefined;
  }
}
