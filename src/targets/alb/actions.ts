/**
 * What ALB does with a route's requests in one stage: authenticate (Cognito / OIDC), then
 * forward to one or more target groups (weights from the route's A/B split and the stage's
 * canary), or answer directly for mock backends. Features ALB lacks are collected per
 * scheme or backend so one diagnostic can name every route they affect.
 */
import type { Backend, BackendRef, NamedAuthScheme, Route, RouteModel, Stage } from '../../model/types.js';
import type { AlbActions, AlbAuthAction, AlbTerminalAction, AlbWeightedTarget } from './plan.js';
import { compareText } from '../../util/order.js';
import { own } from '../../util/dict.js';
import { describeAlternatives, routeAuth } from '../../model/route-auth.js';
import { integrationType, keptIntegrationOf, restOnlyMapping } from '../door-support.js';

export interface ActionNotes {
  /** Scheme name → routes that require a scheme ALB cannot check: they answer 401. */
  unenforced: Map<string, string[]>;
  /** Route id → alternatives ALB cannot enforce as one login: the route answers 401. */
  alternatives: Map<string, string>;
  /** Backend name → routes sent to a backend kind ALB cannot reach. */
  unreachable: Map<string, string[]>;
  /** Route id → the login ALB cannot run before an HTTP/2 or gRPC target group: the route answers 401. */
  forwardOnly: Map<string, { scheme: string; backend: string; version: string }>;
  /** Route id → its kept integration's type and what of it only a REST API runs. */
  restOnly: Map<string, { type: string; what: string }>;
}

export function newNotes(): ActionNotes {
  return {
    unenforced: new Map(),
    alternatives: new Map(),
    unreachable: new Map(),
    forwardOnly: new Map(),
    restOnly: new Map(),
  };
}

/**
 * What a route whose required check ALB cannot run answers: it is refused rather than served
 * without the check (fail closed). `auth.<scheme>.enforcedBy: backend` forwards it instead.
 */
export const UNAUTHORIZED: AlbTerminalAction = {
  type: 'fixed-response',
  statusCode: '401',
  contentType: 'application/json',
  body: JSON.stringify({ message: 'Unauthorized' }),
};

/** The rule actions for one route in one stage. */
export function routeActions(model: RouteModel, route: Route, stage: Stage, notes: ActionNotes): AlbActions {
  // Left out of ALB, a route still gets its rule, answering 404: no other rule's wildcard may take it.
  if (route.leftOutOf?.includes('alb')) return { terminal: NOT_FOUND };
  const kept = keptIntegrationOf(route);
  const restOnly = kept && restOnlyMapping(kept);
  if (kept && restOnly) {
    notes.restOnly.set(route.id, { type: integrationType(kept), what: restOnly });
    return { terminal: BAD_GATEWAY };
  }
  const auth = authAction(model, route, notes);
  if (auth === 'deny') return { terminal: UNAUTHORIZED };
  const terminal = terminalAction(model, route, applyCanary(route.backend, stage), notes);
  if (!auth || terminal.type !== 'forward') return { terminal };
  // Rules forwarding to HTTP/2 or gRPC target groups may only forward (no authenticate action).
  for (const t of terminal.targets) {
    const version = model.backends[t.backend]?.targetGroup.protocolVersion;
    if (version === 'HTTP2' || version === 'GRPC') {
      notes.forwardOnly.set(route.id, { scheme: auth.scheme, backend: t.backend, version });
      return { terminal: UNAUTHORIZED };
    }
  }
  return { auth, terminal };
}

/** What a route ALB cannot serve would answer; its finding is an error, so nothing is written. */
const BAD_GATEWAY: AlbTerminalAction = {
  type: 'fixed-response',
  statusCode: '502',
  contentType: 'application/json',
  body: JSON.stringify({ message: 'Bad Gateway' }),
};

/** JSON 404 for requests no operation serves. */
export const NOT_FOUND: AlbTerminalAction = {
  type: 'fixed-response',
  statusCode: '404',
  contentType: 'application/json',
  body: JSON.stringify({ message: 'Not Found' }),
};

/** The login ALB runs before the route's action, none, or `deny` when ALB cannot run the check required. */
function authAction(model: RouteModel, route: Route, notes: ActionNotes): AlbAuthAction | 'deny' | undefined {
  const auth = routeAuth(model, route);
  switch (auth.kind) {
    case 'none':
    case 'public':
    case 'backend':
      return undefined;
    case 'undeclared':
      return 'deny';
    case 'alternatives':
      notes.alternatives.set(route.id, describeAlternatives([...auth.gateway, ...auth.backendOnly]));
      return 'deny';
    case 'gateway': {
      const schemes = auth.requirement.schemes;
      const actions = schemes.map((s) => schemeAction(own(model.auth, s.name)));
      // ALB runs one authenticate action per rule: one Cognito or OpenID Connect login.
      if (actions.length === 1 && actions[0]) return actions[0];
      schemes.forEach((s, i) => {
        if (!actions[i] || schemes.length > 1) push(notes.unenforced, s.name, route.id);
      });
      return 'deny';
    }
  }
}

function schemeAction(named: NamedAuthScheme | undefined): AlbAuthAction | undefined {
  if (!named) return undefined;
  const s = named.scheme;
  if (s.kind === 'cognito' && s.userPoolArns[0]) {
    return {
      type: 'authenticate-cognito',
      scheme: named.name,
      userPoolArn: s.userPoolArns[0],
      ...(s.clientId ? { clientId: s.clientId } : {}),
      ...(s.domain ? { domain: s.domain } : {}),
    };
  }
  if (s.kind === 'oidc') {
    const action: AlbAuthAction = { type: 'authenticate-oidc', scheme: named.name };
    if (s.issuer) action.issuer = s.issuer;
    if (s.authorizationEndpoint) action.authorizationEndpoint = s.authorizationEndpoint;
    if (s.tokenEndpoint) action.tokenEndpoint = s.tokenEndpoint;
    if (s.userInfoEndpoint) action.userInfoEndpoint = s.userInfoEndpoint;
    if (s.clientId) action.clientId = s.clientId;
    if (s.openIdConnectUrl) action.discoveryUrl = s.openIdConnectUrl;
    return action;
  }
  return undefined;
}

/** Weighted shares after the stage's canary moves `percent` of each stable backend to its replacement. */
export function applyCanary(ref: BackendRef, stage: Stage): { backend: string; share: number }[] {
  const base = 'backend' in ref ? [{ backend: ref.backend, weight: 1 }] : ref.weighted;
  const total = base.reduce((sum, w) => sum + w.weight, 0) || 1;
  const shares = new Map<string, number>();
  const add = (backend: string, share: number) => shares.set(backend, (shares.get(backend) ?? 0) + share);
  for (const { backend, weight } of base) {
    const share = weight / total;
    const canary = stage.canary?.backends[backend];
    if (canary && stage.canary!.percent > 0) {
      add(backend, (share * (100 - stage.canary!.percent)) / 100);
      add(canary, (share * stage.canary!.percent) / 100);
    } else {
      add(backend, share);
    }
  }
  return [...shares.entries()]
    .map(([backend, share]) => ({ backend, share }))
    .sort((a, b) => compareText(a.backend, b.backend));
}

function terminalAction(
  model: RouteModel,
  route: Route,
  shares: { backend: string; share: number }[],
  notes: ActionNotes,
): AlbTerminalAction {
  if (shares.length === 1) {
    const backend = model.backends[shares[0]!.backend];
    if (backend?.target.kind === 'mock') {
      const { statusCode, body } = backend.target;
      return {
        type: 'fixed-response',
        statusCode: String(statusCode),
        contentType: 'application/json',
        body: body ?? '',
      };
    }
  }
  const reachable: { backend: string; share: number }[] = [];
  for (const s of shares) {
    const backend = model.backends[s.backend];
    if (backend && forwardable(backend)) reachable.push(s);
    else push(notes.unreachable, s.backend, route.id);
  }
  if (reachable.length === 0) return BAD_GATEWAY;
  const targets = weights(reachable);
  const sticky = targets.length > 1 ? stickinessSeconds(model, targets) : undefined;
  return { type: 'forward', targets, ...(sticky ? { stickinessSeconds: sticky } : {}) };
}

/** ALB forwards to IP/instance targets and Lambda functions only. */
export function forwardable(backend: Backend): boolean {
  return backend.target.kind === 'http' || backend.target.kind === 'lambda';
}

/** Integer weights 0–999 in the same proportions: percentages when they are whole, else parts of 999. */
function weights(shares: { backend: string; share: number }[]): AlbWeightedTarget[] {
  const total = shares.reduce((sum, s) => sum + s.share, 0) || 1;
  const percent = shares.map((s) => (s.share / total) * 100);
  const whole = percent.every((p) => Math.abs(p - Math.round(p)) < 1e-9);
  return shares.map((s, i) => ({
    backend: s.backend,
    weight: whole ? Math.round(percent[i]!) : Math.round((s.share / total) * 999),
  }));
}

/** A split keeps a client on one target group when any backend in it asks for stickiness. */
function stickinessSeconds(model: RouteModel, targets: AlbWeightedTarget[]): number | undefined {
  const durations = targets
    .map((t) => model.backends[t.backend]?.targetGroup.stickiness)
    .filter((s) => s !== undefined)
    .map((s) => s.durationSeconds ?? 86400);
  return durations.length ? Math.max(...durations) : undefined;
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
