import { isObject } from './url.js';

export type PostmanSecurity =
  { kind: 'public' } | { kind: 'scheme'; name: string; scheme: Record<string, unknown> };

/**
 * The OpenAPI security scheme a Postman `auth` block amounts to at the front door. OAuth 2
 * requests carry a bearer token, so they become bearer auth; schemes no front door checks
 * (Hawk, NTLM, EdgeGrid …) give nothing.
 */
export function securityOf(auth: Record<string, unknown>): PostmanSecurity | undefined {
  switch (auth.type) {
    case 'noauth':
      return { kind: 'public' };
    case 'bearer':
    case 'oauth2':
    case 'jwt':
      return { kind: 'scheme', name: 'bearerAuth', scheme: { type: 'http', scheme: 'bearer' } };
    case 'basic':
      return { kind: 'scheme', name: 'basicAuth', scheme: { type: 'http', scheme: 'basic' } };
    case 'digest':
      return { kind: 'scheme', name: 'digestAuth', scheme: { type: 'http', scheme: 'digest' } };
    case 'awsv4':
      return {
        kind: 'scheme',
        name: 'sigv4',
        scheme: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          'x-amazon-apigateway-authtype': 'awsSigv4',
        },
      };
    case 'apikey': {
      const key = setting(auth.apikey, 'key') ?? 'X-API-Key';
      const where = setting(auth.apikey, 'in') === 'query' ? 'query' : 'header';
      const suffix = key.replace(/[^A-Za-z0-9]+/g, '');
      return {
        kind: 'scheme',
        name: `apiKey${suffix ? '-' + suffix : ''}`,
        scheme: { type: 'apiKey', in: where, name: key },
      };
    }
    default:
      return undefined;
  }
}

/** Postman stores auth settings as `[{ key, value }]` (v2.1) or as an object (v2.0). */
function setting(list: unknown, key: string): string | undefined {
  if (Array.isArray(list)) {
    const found = list.find((entry) => isObject(entry) && entry.key === key);
    return isObject(found) && typeof found.value === 'string' && found.value !== '' ? found.value : undefined;
  }
  if (isObject(list) && typeof list[key] === 'string' && list[key] !== '') return list[key] as string;
  return undefined;
}
