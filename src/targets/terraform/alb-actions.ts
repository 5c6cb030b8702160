/** Listener-rule conditions and actions of the ALB plan, as the `alb-condition` and `alb-action` partials take them. */
import type { AlbActions, AlbCondition } from '../alb/plan.js';
import { tfName as snake, type HclExpr, type HclValue } from './hcl.js';
import type { ModuleInterface } from './module.js';

export interface ConditionContext {
  pathPattern?: { values?: string[]; regexValues?: string[] };
  hostHeader?: { values?: string[]; regexValues?: string[] };
  httpHeader?: { name: string; values: string[] };
  httpRequestMethod?: { values: string[] };
  queryString?: { key?: string; value: string }[];
  sourceIp?: { values: string[] };
}

export interface ActionContext {
  type: string;
  order?: number;
  targetGroupArn?: HclExpr;
  forward?: {
    targetGroups: { arn: HclExpr; weight: number }[];
    stickiness?: { enabled: boolean; duration: number };
  };
  fixedResponse?: { contentType: string; messageBody: string; statusCode: string };
  redirect?: { protocol: string; port: string; statusCode: string };
  /** APIs answer 401 rather than redirect to a login page: `on_unauthenticated_request = "deny"`. */
  authenticateCognito?: {
    userPoolArn: string;
    userPoolClientId: HclValue;
    userPoolDomain: HclValue;
    onUnauthenticatedRequest: string;
  };
  authenticateOidc?: {
    issuer: HclValue;
    authorizationEndpoint: HclValue;
    tokenEndpoint: HclValue;
    userInfoEndpoint: HclValue;
    clientId: HclValue;
    clientSecret: HclExpr;
    onUnauthenticatedRequest: string;
  };
}

export function conditionContext(c: AlbCondition): ConditionContext {
  switch (c.field) {
    case 'path-pattern':
      return { pathPattern: valuesOrRegex(c) };
    case 'host-header':
      return { hostHeader: valuesOrRegex(c) };
    case 'http-header':
      return { httpHeader: { name: c.name, values: c.values } };
    case 'http-request-method':
      return { httpRequestMethod: { values: c.values } };
    case 'query-string':
      return {
        queryString: c.values.map((v) =>
          v.key === undefined ? { value: v.value } : { key: v.key, value: v.value },
        ),
      };
    case 'source-ip':
      return { sourceIp: { values: c.values } };
  }
}

function valuesOrRegex(c: { values?: string[]; regexValues?: string[] }): {
  values?: string[];
  regexValues?: string[];
} {
  return c.regexValues ? { regexValues: c.regexValues } : { values: c.values ?? [] };
}

export function actionContexts(
  actions: AlbActions,
  tgArn: (backend: string) => HclExpr,
  vars: ModuleInterface,
): ActionContext[] {
  const out: ActionContext[] = [];
  const auth = actions.auth;
  if (auth?.type === 'authenticate-cognito') {
    const stem = `cognito_${snake(auth.scheme)}`;
    out.push({
      type: 'authenticate-cognito',
      authenticateCognito: {
        userPoolArn: auth.userPoolArn,
        onUnauthenticatedRequest: 'deny',
        userPoolClientId:
          auth.clientId ??
          vars.variable(
            `${stem}_client_id`,
            'string',
            `Cognito app client id for security scheme ${auth.scheme}`,
          ),
        userPoolDomain:
          auth.domain ??
          vars.variable(
            `${stem}_domain`,
            'string',
            `Cognito user pool domain for security scheme ${auth.scheme}`,
          ),
      },
    });
  } else if (auth?.type === 'authenticate-oidc') {
    const stem = `oidc_${snake(auth.scheme)}`;
    const v = (field: string, value: string | undefined, what: string): HclValue =>
      value ??
      vars.variable(
        `${stem}_${field}`,
        'string',
        `OIDC ${what} for security scheme ${auth.scheme}${auth.discoveryUrl ? ` (see ${auth.discoveryUrl})` : ''}`,
      );
    out.push({
      type: 'authenticate-oidc',
      authenticateOidc: {
        issuer: v('issuer', auth.issuer, 'issuer'),
        authorizationEndpoint: v(
          'authorization_endpoint',
          auth.authorizationEndpoint,
          'authorization endpoint',
        ),
        tokenEndpoint: v('token_endpoint', auth.tokenEndpoint, 'token endpoint'),
        userInfoEndpoint: v('user_info_endpoint', auth.userInfoEndpoint, 'user info endpoint'),
        clientId: v('client_id', auth.clientId, 'client id'),
        onUnauthenticatedRequest: 'deny',
        clientSecret: vars.variable(
          `${stem}_client_secret`,
          'string',
          `OIDC client secret for security scheme ${auth.scheme}`,
          {
            sensitive: true,
          },
        ),
      },
    });
  }
  const t = actions.terminal;
  if (t.type === 'forward') {
    const single = t.targets.length === 1 && t.stickinessSeconds === undefined;
    out.push(
      single
        ? { type: 'forward', targetGroupArn: tgArn(t.targets[0]!.backend) }
        : {
            type: 'forward',
            forward: {
              targetGroups: t.targets.map((x) => ({ arn: tgArn(x.backend), weight: x.weight })),
              ...(t.stickinessSeconds !== undefined
                ? { stickiness: { enabled: true, duration: t.stickinessSeconds } }
                : {}),
            },
          },
    );
  } else if (t.type === 'fixed-response') {
    out.push({
      type: 'fixed-response',
      fixedResponse: { contentType: t.contentType, messageBody: t.body, statusCode: t.statusCode },
    });
  } else {
    out.push({
      type: 'redirect',
      redirect: { protocol: t.protocol, port: t.port, statusCode: t.statusCode },
    });
  }
  // ALB runs actions by `order`; it is only needed when authentication comes first.
  if (out.length > 1) out.forEach((a, i) => (a.order = i + 1));
  return out;
}
