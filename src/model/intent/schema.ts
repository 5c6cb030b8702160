/**
 * JSON Schemas of deployment intent. `schema/x-gateplan.schema.json` and
 * `schema/gateplan.schema.json` are written from these by `npm run schema`, and a test keeps
 * them equal, so editors and gateplan agree on what is valid.
 */

const throttle = {
  type: 'object',
  description: 'Token bucket: steady requests per second and burst size.',
  required: ['rate', 'burst'],
  additionalProperties: false,
  properties: {
    rate: { type: 'number', minimum: 0 },
    burst: { type: 'integer', minimum: 0 },
  },
} as const;

const cors = {
  type: 'object',
  additionalProperties: false,
  properties: {
    allowOrigins: { type: 'array', items: { type: 'string' } },
    allowMethods: { type: 'array', items: { type: 'string' } },
    allowHeaders: { type: 'array', items: { type: 'string' } },
    exposeHeaders: { type: 'array', items: { type: 'string' } },
    allowCredentials: { type: 'boolean' },
    maxAge: { type: 'integer', minimum: 0, description: 'Seconds browsers may cache a preflight answer.' },
  },
} as const;

const backendRef = {
  description: 'A backend name, or weights per backend name for an A/B split.',
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      minProperties: 1,
      maxProperties: 5,
      additionalProperties: { type: 'integer', minimum: 0, maximum: 999 },
    },
  ],
} as const;

const match = {
  type: 'object',
  description: 'Extra ALB conditions a route requires (API Gateway cannot route on these).',
  additionalProperties: false,
  properties: {
    hosts: { type: 'array', items: { type: 'string' }, minItems: 1 },
    headers: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
    query: { type: 'object', additionalProperties: { type: 'string' } },
    sourceIps: { type: 'array', items: { type: 'string' }, minItems: 1 },
  },
} as const;

/** Settings that apply to routes: at root `defaults`, on a path item, an operation, or a config rule. */
const routeSettingsProperties = {
  backend: backendRef,
  throttle,
  timeoutMs: { type: 'integer', minimum: 50, maximum: 900000 },
  validate: {
    enum: [false, 'body', 'params', 'all'],
    description:
      'What API Gateway REST checks before the backend sees a request: false (nothing), body (against its schema), params (required query strings and headers), all. Default: whatever the operation describes; false for a Postman collection, whose schemas gateplan inferred from examples.',
  },
  cors: { oneOf: [cors, { type: 'boolean' }] },
  match,
  leaveOutOf: {
    type: 'array',
    items: { enum: ['apigw-rest', 'apigw-http', 'alb'] },
    description:
      'Front doors that do not serve the route: they answer it as they answer paths no route declares (ALB with 404 from a rule of its own), and the other front doors serve it. For a route one front door cannot serve as the spec describes it (an API Gateway mapping template on ALB, say); `gateplan init` writes it with a comment saying why.',
  },
} as const;

const operationSettings = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...routeSettingsProperties,
    name: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$',
      description: 'Stable name for generated ids.',
    },
    health: { type: 'boolean', description: "This route is its backend's health check." },
  },
} as const;

const healthCheck = {
  oneOf: [
    { type: 'string', pattern: '^/' },
    {
      type: 'object',
      required: ['path'],
      additionalProperties: false,
      properties: {
        path: { type: 'string', pattern: '^/' },
        intervalSeconds: { type: 'integer', minimum: 5, maximum: 300 },
        timeoutSeconds: { type: 'integer', minimum: 2, maximum: 120 },
        healthyThreshold: { type: 'integer', minimum: 2, maximum: 10 },
        unhealthyThreshold: { type: 'integer', minimum: 2, maximum: 10 },
        matcher: { type: 'string' },
      },
    },
  ],
} as const;

const backend = {
  type: 'object',
  description:
    'Exactly one of url, lambda, mock, s3, kinesis says where requests go; the rest tunes the ALB target group.',
  additionalProperties: false,
  properties: {
    url: { type: 'string', pattern: '^(https?://|\\$\\{)' },
    lambda: { type: 'string', minLength: 1, description: 'Lambda function ARN.' },
    mock: {
      type: 'object',
      additionalProperties: false,
      properties: { statusCode: { type: 'integer', minimum: 100, maximum: 599 }, body: { type: 'string' } },
    },
    s3: {
      type: 'object',
      required: ['bucket'],
      additionalProperties: false,
      properties: {
        bucket: { type: 'string' },
        key: { type: 'string' },
        role: { type: 'string' },
        region: { type: 'string' },
      },
    },
    kinesis: {
      type: 'object',
      required: ['stream'],
      additionalProperties: false,
      properties: { stream: { type: 'string' }, role: { type: 'string' }, region: { type: 'string' } },
    },
    vpcLink: {
      description: 'Reach the url through a VPC link (private integration).',
      oneOf: [
        { type: 'boolean' },
        {
          type: 'object',
          additionalProperties: false,
          properties: { id: { type: 'string' }, listenerArn: { type: 'string' } },
        },
      ],
    },
    targetType: { enum: ['ip', 'instance', 'lambda'] },
    port: { type: 'integer', minimum: 1, maximum: 65535 },
    protocol: { enum: ['HTTP', 'HTTPS'] },
    protocolVersion: { enum: ['HTTP1', 'HTTP2', 'GRPC'] },
    health: healthCheck,
    algorithm: { enum: ['round_robin', 'least_outstanding_requests', 'weighted_random'] },
    stickiness: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: ['lb_cookie', 'app_cookie'] },
        durationSeconds: { type: 'integer', minimum: 1, maximum: 604800 },
        cookieName: { type: 'string' },
      },
    },
    deregistrationDelaySeconds: { type: 'integer', minimum: 0, maximum: 3600 },
    slowStartSeconds: { type: 'integer', minimum: 0, maximum: 900 },
  },
} as const;

const stage = {
  type: 'object',
  additionalProperties: false,
  properties: {
    host: { type: 'string' },
    pathPrefix: { type: 'string', pattern: '^/' },
    listenerPort: {
      type: 'integer',
      minimum: 1,
      maximum: 65535,
      description:
        'With x-gateplan.alb.stages: listener, the port of the HTTPS listener this stage gets (default 443; one port per stage on the load balancer).',
    },
    variables: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z0-9]+$' },
      additionalProperties: { type: 'string', maxLength: 512 },
    },
    throttle,
    quota: {
      type: 'object',
      description:
        'Requests each API key may make per period (API Gateway REST usage plans; API-key routes only).',
      required: ['limit', 'period'],
      additionalProperties: false,
      properties: {
        limit: { type: 'integer', minimum: 1 },
        period: { enum: ['DAY', 'WEEK', 'MONTH'] },
        offset: {
          type: 'integer',
          minimum: 0,
          description: 'Requests subtracted from the limit in the first period.',
        },
      },
    },
    canary: {
      type: 'object',
      required: ['percent'],
      additionalProperties: false,
      properties: {
        percent: { type: 'number', minimum: 0, maximum: 100 },
        backends: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
  },
} as const;

/** `x-gateplan` on a security scheme: what the scheme itself cannot say. */
export const securitySchemeIntentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cognito: {
      type: 'object',
      required: ['userPoolArns'],
      additionalProperties: false,
      properties: {
        userPoolArns: { type: 'array', items: { type: 'string' }, minItems: 1 },
        clientId: { type: 'string' },
        domain: { type: 'string' },
      },
    },
    jwt: {
      type: 'object',
      additionalProperties: false,
      properties: {
        issuer: { type: 'string' },
        audience: { type: 'array', items: { type: 'string' } },
        identitySource: { type: 'string' },
      },
    },
    lambda: {
      type: 'object',
      additionalProperties: false,
      properties: {
        functionArn: { type: 'string' },
        type: { enum: ['token', 'request'] },
        identitySource: { type: 'array', items: { type: 'string' } },
        resultTtlSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
      },
    },
    oidc: {
      type: 'object',
      additionalProperties: false,
      properties: {
        issuer: { type: 'string' },
        authorizationEndpoint: { type: 'string' },
        tokenEndpoint: { type: 'string' },
        userInfoEndpoint: { type: 'string' },
        clientId: { type: 'string' },
      },
    },
    iam: { type: 'boolean' },
    enforcedBy: {
      enum: ['gateway', 'backend'],
      description:
        'Who checks the credentials. gateway (default): every front door runs an authorizer, and leaves out the routes it has none for. backend: no front door checks them; they reach the backend unchanged, and the backend must check them.',
    },
  },
} as const;

const rootProperties = {
  auth: {
    type: 'object',
    description:
      'Per security scheme, what the scheme cannot say itself (same keys as x-gateplan on a scheme). A name the spec requires but does not declare is declared here.',
    additionalProperties: securitySchemeIntentSchema,
  },
  backends: {
    type: 'object',
    propertyNames: { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' },
    additionalProperties: backend,
  },
  defaults: {
    type: 'object',
    additionalProperties: false,
    properties: routeSettingsProperties,
  },
  catchAll: {
    type: 'string',
    description:
      'Backend for requests that match no operation: the ALB default action and the HTTP API $default route (default: JSON 404; REST APIs have no default route).',
  },
  stages: {
    type: 'object',
    propertyNames: { pattern: '^[A-Za-z0-9_-]{1,128}$' },
    additionalProperties: stage,
  },
  basePath: { type: 'string', description: 'Overrides the base path folded into routes ("" folds none).' },
  endpoint: {
    type: 'object',
    additionalProperties: false,
    properties: {
      type: { enum: ['regional', 'edge', 'private'] },
      vpcEndpointIds: { type: 'array', items: { type: 'string' } },
    },
  },
  binaryMediaTypes: { type: 'array', items: { type: 'string' } },
  quotas: {
    type: 'object',
    description:
      'AWS quotas raised for your account (Service Quotas), which gateplan then plans within instead of the defaults.',
    additionalProperties: false,
    properties: {
      restResources: {
        type: 'integer',
        minimum: 300,
        description: 'API Gateway "Resources per API" for REST APIs (default 300).',
      },
      httpRoutes: {
        type: 'integer',
        minimum: 300,
        description: 'API Gateway "Routes per API" for HTTP APIs (default 300).',
      },
      albRules: {
        type: 'integer',
        minimum: 100,
        description: 'Elastic Load Balancing "Rules per Application Load Balancer" (default 100).',
      },
    },
  },
  alb: {
    type: 'object',
    additionalProperties: false,
    properties: {
      stages: { enum: ['host', 'path', 'listener'], description: 'How ALB emulates stages.' },
      stack: {
        enum: ['listener-rules', 'full'],
        description:
          'listener-rules (default): rules on an existing listener; full: load balancer, HTTPS listener and HTTP redirect too.',
      },
      unmatched: {
        enum: ['backend', 'default'],
        description:
          "Where requests no operation declares go. backend (default): a path under a prefix one backend owns goes to that backend (fewer rules); default: the listener's default action.",
      },
    },
  },
} as const;

export const rootIntentSchema = {
  type: 'object',
  additionalProperties: false,
  properties: rootProperties,
} as const;

export const operationIntentSchema = operationSettings;

const selector = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'All given keys must match (AND).',
  properties: {
    tag: { type: 'string' },
    path: { type: 'string', description: 'Glob over the path template: `*` one segment, `**` any.' },
    operationId: { type: 'string' },
    method: { type: 'string' },
  },
} as const;

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    ...rootProperties,
    rules: {
      type: 'array',
      description: 'Applied in order after defaults; x-gateplan on path items and operations still wins.',
      items: {
        type: 'object',
        required: ['match', 'set'],
        additionalProperties: false,
        properties: { match: selector, set: operationSettings },
      },
    },
    exclude: {
      type: 'array',
      description:
        'Operations no front door serves: each entry selects by path (as the spec writes it), method, tag or operationId. For path keys that are not paths (`/<upload_url>`), or operations deployed elsewhere.',
      items: selector,
    },
    severity: {
      type: 'object',
      propertyNames: { pattern: '^GP[0-9]{3}$' },
      additionalProperties: { enum: ['error', 'warn', 'info', 'off'] },
    },
  },
} as const;

export function publishedSchemas(): Record<string, object> {
  const base = 'https://gateplan.dev/schema';
  return {
    'x-gateplan.schema.json': {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `${base}/x-gateplan.schema.json`,
      title: 'x-gateplan (root of an OpenAPI document)',
      description:
        'Deployment intent for gateplan. At the document root; path items and operations accept the operation keys (see definitions.operation).',
      ...rootIntentSchema,
      definitions: { operation: operationIntentSchema, securityScheme: securitySchemeIntentSchema },
    },
    'gateplan.schema.json': {
      $schema: 'http://json-schema.org/draft-07/schema#',
      $id: `${base}/gateplan.schema.json`,
      title: 'gateplan.yaml',
      description:
        'The root x-gateplan keys, plus rules that assign route settings by tag, path glob or operationId.',
      ...configSchema,
    },
  };
}
