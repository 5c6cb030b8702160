/**
 * The listeners an ALB CloudFormation template configures, read back from the template
 * itself (not from the compiler's plan), so the matcher can check what would be deployed.
 * Target groups are named by their `gateplan:backend` tag; a listener serves the stages its
 * logical id or parameter names (`ListenerArnProd`), or every stage when it is the only one.
 * On an existing listener the last rule (Metadata `Fallback`) stands in for the default action.
 */
import { pascalId } from '../../src/model/ids.js';
import type { RouteModel } from '../../src/model/types.js';
import type {
  AlbActions,
  AlbAuthAction,
  AlbCondition,
  AlbListener,
  AlbRule,
  AlbTerminalAction,
} from '../../src/targets/alb/plan.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const NO_ACTION: AlbActions = {
  terminal: { type: 'fixed-response', statusCode: '404', contentType: 'text/plain', body: '' },
};

export function listenersFromTemplate(template: Json, model: RouteModel): AlbListener[] {
  const resources = (template.Resources ?? {}) as Record<string, Json>;
  const backendOf = new Map<string, string>();
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::ElasticLoadBalancingV2::TargetGroup') continue;
    const tag = (r.Properties?.Tags ?? []).find((t: Json) => t.Key === 'gateplan:backend');
    backendOf.set(id, tag?.Value ?? `?${id}`);
  }
  const byListener = new Map<string, { rules: AlbRule[]; fallback?: AlbActions }>();
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::ElasticLoadBalancingV2::ListenerRule') continue;
    const p = r.Properties as Json;
    const key = String(p.ListenerArn?.Ref);
    const entry = byListener.get(key) ?? { rules: [] };
    byListener.set(key, entry);
    const actions = actionsOf(p.Actions, backendOf);
    const name = String(r.Metadata?.gateplan?.rule ?? '');
    if (name === 'Fallback') {
      entry.fallback = actions;
      continue;
    }
    entry.rules.push({
      name,
      priority: Number(p.Priority),
      conditions: (p.Conditions as Json[]).map(conditionOf),
      actions,
      transforms: (p.Transforms ?? []).flatMap((t: Json) =>
        (t.UrlRewriteConfig?.Rewrites ?? []).map((w: Json) => ({
          type: 'url-rewrite',
          regex: w.Regex,
          replace: w.Replace,
        })),
      ),
      routes: r.Metadata?.gateplan?.routes ?? [],
      stages: [],
    });
  }
  const stages = Object.keys(model.stages);
  const listeners = [...byListener.entries()].map(([key, { rules, fallback }]): AlbListener => {
    const suffix = key.replace(/^(ListenerArn|HttpsListener)/, '');
    const listener = resources[key];
    return {
      name: key,
      stages: suffix === '' ? stages : stages.filter((s) => pascalId(s, 40) === suffix),
      rules: rules.sort((a, b) => a.priority - b.priority),
      defaultAction: fallback ?? actionsOf(listener?.Properties?.DefaultActions, backendOf),
    };
  });
  // A stage with a listener of its own is served there, not by the shared one.
  return listeners.sort(
    (a, b) => Number(a.stages.length === stages.length) - Number(b.stages.length === stages.length),
  );
}

function conditionOf(c: Json): AlbCondition {
  switch (c.Field) {
    case 'path-pattern':
      return { field: 'path-pattern', ...valuesOf(c.PathPatternConfig) };
    case 'host-header':
      return { field: 'host-header', ...valuesOf(c.HostHeaderConfig) };
    case 'http-header':
      return {
        field: 'http-header',
        name: c.HttpHeaderConfig.HttpHeaderName,
        values: c.HttpHeaderConfig.Values,
      };
    case 'http-request-method':
      return { field: 'http-request-method', values: c.HttpRequestMethodConfig.Values };
    case 'query-string':
      return {
        field: 'query-string',
        values: (c.QueryStringConfig.Values as Json[]).map((v) => ({
          ...(v.Key !== undefined ? { key: v.Key } : {}),
          value: v.Value,
        })),
      };
    case 'source-ip':
      return { field: 'source-ip', values: c.SourceIpConfig.Values };
    default:
      throw new Error(`unknown condition field ${c.Field}`);
  }
}

function valuesOf(config: Json): { values?: string[]; regexValues?: string[] } {
  return config.RegexValues ? { regexValues: config.RegexValues } : { values: config.Values };
}

function actionsOf(actions: Json[] | undefined, backendOf: Map<string, string>): AlbActions {
  const ordered = [...(actions ?? [])].sort((a, b) => Number(a.Order ?? 0) - Number(b.Order ?? 0));
  const last = ordered[ordered.length - 1];
  if (!last) return NO_ACTION;
  const auth = ordered.find((a) => a.Type === 'authenticate-cognito' || a.Type === 'authenticate-oidc');
  const out: AlbActions = { terminal: terminalOf(last, backendOf) };
  // The template does not name the security scheme: only that the rule authenticates.
  if (auth) out.auth = { type: auth.Type, scheme: '' } as AlbAuthAction;
  return out;
}

function terminalOf(a: Json, backendOf: Map<string, string>): AlbTerminalAction {
  const backend = (ref: Json) => backendOf.get(String(ref?.Ref)) ?? `?${JSON.stringify(ref)}`;
  switch (a.Type) {
    case 'forward':
      return {
        type: 'forward',
        targets: a.TargetGroupArn
          ? [{ backend: backend(a.TargetGroupArn), weight: 1 }]
          : (a.ForwardConfig.TargetGroups as Json[]).map((t) => ({
              backend: backend(t.TargetGroupArn),
              weight: Number(t.Weight ?? 1),
            })),
      };
    case 'fixed-response':
      return {
        type: 'fixed-response',
        statusCode: a.FixedResponseConfig.StatusCode,
        contentType: a.FixedResponseConfig.ContentType,
        body: a.FixedResponseConfig.MessageBody ?? '',
      };
    case 'redirect':
      return {
        type: 'redirect',
        protocol: a.RedirectConfig.Protocol,
        port: a.RedirectConfig.Port,
        statusCode: a.RedirectConfig.StatusCode,
      };
    default:
      throw new Error(`unknown terminal action ${a.Type}`);
  }
}
