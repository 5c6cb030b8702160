import type { Cors, Route } from '../../model/types.js';

/**
 * CORS for REST APIs: an OPTIONS method answered by a mock integration on every resource
 * whose routes allow CORS, and CORS headers on API Gateway's own 4XX/5XX responses so a
 * browser can read auth and throttling errors.
 */

const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];
const PREFLIGHT_STATUS = 204;

/** A static header value in API Gateway's mapping syntax: single-quoted, so quotes are dropped. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, '')}'`;
}

function allowMethods(cors: Cors, routes: Route[]): string {
  if (!cors.allowMethods.includes('*')) return [...cors.allowMethods].sort().join(',');
  const methods = routes.some((r) => r.method === 'ANY') ? ALL_METHODS : routes.map((r) => r.method);
  return [...new Set([...methods, 'OPTIONS'])].sort().join(',');
}

/** Headers the preflight sends, as `method.response.header.X` → value. */
function preflightHeaders(cors: Cors, routes: Route[]): Record<string, string> {
  const headers: Record<string, string> = {};
  if (cors.allowOrigins.length === 1) headers['Access-Control-Allow-Origin'] = quoted(cors.allowOrigins[0]!);
  headers['Access-Control-Allow-Methods'] = quoted(allowMethods(cors, routes));
  if (cors.allowHeaders.length) headers['Access-Control-Allow-Headers'] = quoted(cors.allowHeaders.join(','));
  if (cors.exposeHeaders.length)
    headers['Access-Control-Expose-Headers'] = quoted(cors.exposeHeaders.join(','));
  if (cors.allowCredentials) headers['Access-Control-Allow-Credentials'] = quoted('true');
  if (cors.maxAgeSeconds !== undefined)
    headers['Access-Control-Max-Age'] = quoted(String(cors.maxAgeSeconds));
  return headers;
}

/**
 * With several allowed origins a static header cannot answer; the mock's response template
 * echoes the request's Origin when it is one of them.
 */
function originTemplate(origins: string[]): string {
  const test = origins.map((o) => `$origin == '${o.replace(/'/g, '')}'`).join(' || ');
  return [
    "#set($origin = $input.params('Origin'))",
    `#if(${test})`,
    '#set($context.responseOverride.header.Access-Control-Allow-Origin = $origin)',
    '#end',
  ].join('\n');
}

/** The OPTIONS operation for one resource whose routes allow CORS. */
export function preflightOperation(
  cors: Cors,
  routes: Route[],
  pathParameters: Record<string, unknown>[],
): Record<string, unknown> {
  const headers = preflightHeaders(cors, routes);
  const declared = [...new Set(['Access-Control-Allow-Origin', ...Object.keys(headers)])].sort();
  return {
    summary: 'CORS preflight',
    ...(pathParameters.length ? { parameters: pathParameters } : {}),
    security: [],
    responses: {
      [String(PREFLIGHT_STATUS)]: {
        description: 'CORS preflight answer',
        headers: Object.fromEntries(declared.map((h) => [h, { schema: { type: 'string' } }])),
      },
    },
    'x-amazon-apigateway-integration': {
      type: 'mock',
      requestTemplates: { 'application/json': JSON.stringify({ statusCode: PREFLIGHT_STATUS }) },
      passthroughBehavior: 'when_no_match',
      responses: {
        default: {
          statusCode: String(PREFLIGHT_STATUS),
          responseParameters: Object.fromEntries(
            Object.entries(headers).map(([h, v]) => [`method.response.header.${h}`, v]),
          ),
          responseTemplates: {
            'application/json': cors.allowOrigins.length > 1 ? originTemplate(cors.allowOrigins) : '',
          },
        },
      },
    },
  };
}

/** DEFAULT_4XX / DEFAULT_5XX gateway responses carrying the CORS headers. */
export function corsGatewayResponses(cors: Cors): Record<string, unknown> {
  const params: Record<string, string> = {};
  // Several origins cannot be echoed safely on a gateway response; only a single origin is set.
  if (cors.allowOrigins.length === 1)
    params['gatewayresponse.header.Access-Control-Allow-Origin'] = quoted(cors.allowOrigins[0]!);
  if (cors.allowHeaders.length)
    params['gatewayresponse.header.Access-Control-Allow-Headers'] = quoted(cors.allowHeaders.join(','));
  if (cors.allowCredentials)
    params['gatewayresponse.header.Access-Control-Allow-Credentials'] = quoted('true');
  const response = () => ({
    responseParameters: { ...params },
    responseTemplates: { 'application/json': '{"message":$context.error.messageString}' },
  });
  return { DEFAULT_4XX: response(), DEFAULT_5XX: response() };
}
