/**
 * A small model of how API Gateway serves a request from an import document, written from
 * AWS's documentation rather than from gateplan's code: a resource path matches segment by
 * segment (a literal beats `{var}`, which beats `{var+}`), path variables bind the request's
 * segments, and an HTTP integration's URI gets each `{var}` replaced by its value
 * (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-http.html,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-set-up-simple-proxy.html).
 */
import type { Json } from './support.js';

export interface Served {
  /** The document's path key that matched. */
  resource: string;
  operation: Json;
  /** Path variable → the request text it bound. */
  variables: Record<string, string>;
}

const METHOD_KEYS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

export function serve(document: Json, method: string, path: string): Served | undefined {
  const parts = path === '/' ? [] : path.split('/').slice(1);
  let best: { served: Served; rank: number[] } | undefined;
  for (const [resource, item] of Object.entries(document.paths as Record<string, Json>)) {
    const bound = bind(resource, parts);
    if (!bound) continue;
    const key = method.toLowerCase();
    const operation =
      (METHOD_KEYS.includes(key) ? item[key] : undefined) ?? item['x-amazon-apigateway-any-method'];
    if (!operation) continue;
    if (!best || compare(bound.rank, best.rank) > 0)
      best = { served: { resource, operation, variables: bound.variables }, rank: bound.rank };
  }
  return best?.served;
}

function bind(
  resource: string,
  parts: string[],
): { variables: Record<string, string>; rank: number[] } | undefined {
  const template = resource === '/' ? [] : resource.split('/').slice(1);
  const variables: Record<string, string> = {};
  const rank: number[] = [];
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    const greedy = /^\{(.+)\+\}$/.exec(t);
    if (greedy) {
      if (parts.length <= i) return undefined;
      variables[greedy[1]!] = parts.slice(i).join('/');
      return { variables, rank: [...rank, 0] };
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    const variable = /^\{(.+)\}$/.exec(t);
    if (variable) {
      variables[variable[1]!] = part;
      rank.push(1);
    } else if (t === part) {
      rank.push(2);
    } else {
      return undefined;
    }
  }
  return parts.length === template.length ? { variables, rank } : undefined;
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/**
 * The path an HTTP proxy integration sends to the backend: the URI's path with each `{var}`
 * replaced. REST APIs fill `{var}` from `integration.request.path.var`, which the document
 * maps from a method request path parameter; HTTP APIs fill it from the route's variable.
 */
export function backendPath(served: Served, api: 'rest' | 'http'): string {
  const integration = served.operation['x-amazon-apigateway-integration'];
  const uri = String(integration.uri);
  const path = uri.replace(/^[a-z]+:\/\/[^/]*/i, '');
  const mapping = (integration.requestParameters ?? {}) as Record<string, string>;
  return path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    if (api === 'http') return served.variables[name] ?? whole;
    const source = mapping[`integration.request.path.${name}`];
    const from = /^method\.request\.path\.(.+)$/.exec(source ?? '')?.[1];
    return from !== undefined ? (served.variables[from] ?? whole) : whole;
  });
}
