import type { Where } from '../../diagnostics/diagnostic.js';
import type { RouteModel, Stage } from '../../model/types.js';
import { routeLabel as label } from '../../model/routes.js';
import { compileAlb } from '../../targets/alb/compile.js';
import { matchListener } from '../../targets/alb/match.js';
import type { AlbActions, AlbListener, AlbPlan, AlbRule } from '../../targets/alb/plan.js';
import { ALB_QUOTAS } from '../../targets/alb/plan.js';
import { quotaLimit } from '../../targets/quotas.js';
import { change } from '../change.js';
import { sampleRequests, type AbstractRequest } from '../requests.js';
import { operationFor } from '../serve.js';
import type { RouteChange, SampleRequest } from '../types.js';
import { quotaChanges } from './quotas.js';

const TARGET = 'alb';

/**
 * What the ALB listener rules do differently: rules added, removed or re-prioritized, and
 * which concrete requests now reach a different backend. Requests come from both versions'
 * routes plus probes; each is replayed on both versions' rules with the ALB matcher.
 */
export function diffAlb(base: RouteModel, revision: RouteModel): RouteChange[] {
  const before = compileAlb(base);
  const after = compileAlb(revision);
  return [
    ...ruleChanges(before, after, base, revision),
    ...routingChanges(before, after, base, revision),
    ...quotaChanges(
      TARGET,
      [
        {
          quota: 'listener rules per load balancer',
          limit: quotaLimit(revision, 'albRules'),
          before: before.usage.rules,
          after: after.usage.rules,
        },
        {
          quota: 'target groups per load balancer',
          limit: ALB_QUOTAS.targetGroupsPerLoadBalancer,
          before: before.usage.targetGroups,
          after: after.usage.targetGroups,
        },
      ],
      revision,
    ),
  ];
}

/**
 * Rules are matched by name (derived from the routes they serve) within a listener of the
 * same name. A rule that disappears while another appears for the same stages at its
 * priority, with the same conditions, or serving some of the same routes, is the same rule
 * under a new name: it is replaced on deploy.
 */
function ruleChanges(before: AlbPlan, after: AlbPlan, base: RouteModel, revision: RouteModel): RouteChange[] {
  const out: RouteChange[] = [];
  const qualify = before.listeners.length > 1 || after.listeners.length > 1;
  const rulesOf = (plan: AlbPlan) =>
    new Map(
      plan.listeners.flatMap((l) =>
        l.rules.map(
          (r) => [`${qualify ? `${l.name}/` : ''}${r.name}`, { listener: l.name, rule: r }] as const,
        ),
      ),
    );
  const old = rulesOf(before);
  const next = rulesOf(after);
  const removed = [...old].filter(([name]) => !next.has(name));
  const added = [...next].filter(([name]) => !old.has(name));
  const successorOf = new Map<string, string>();
  const taken = new Set<string>();
  const pair = (same: (a: AlbRule, b: AlbRule) => boolean) => {
    for (const [name, { listener, rule }] of removed) {
      if (successorOf.has(name)) continue;
      const successor = added.find(
        ([newName, n]) => !taken.has(newName) && n.listener === listener && same(rule, n.rule),
      );
      if (!successor) continue;
      successorOf.set(name, successor[0]);
      taken.add(successor[0]);
    }
  };
  const sameStages = (a: AlbRule, b: AlbRule) => a.stages.join() === b.stages.join();
  pair((a, b) => sameStages(a, b) && a.priority === b.priority);
  pair((a, b) => JSON.stringify(a.conditions) === JSON.stringify(b.conditions));
  pair((a, b) => sameStages(a, b) && a.routes.some((r) => b.routes.includes(r)));

  for (const [name, { rule }] of old) {
    const now = next.get(name)?.rule;
    if (now) out.push(...keptRule(name, rule, now, base, revision));
  }
  for (const [name, { rule }] of removed) {
    const successor = successorOf.get(name);
    if (successor === undefined) {
      out.push(
        change(
          'GP451',
          TARGET,
          { target: TARGET, rule: name, before: rule.priority },
          { base: ruleWhere(base, rule, after) },
        ),
      );
      continue;
    }
    const now = next.get(successor)!.rule;
    const at = { base: ruleWhere(base, rule, after), revision: ruleWhere(revision, now, before) };
    out.push(
      change(
        'GP457',
        TARGET,
        {
          target: TARGET,
          before: name,
          after: successor,
          priorityBefore: rule.priority,
          priorityAfter: now.priority,
        },
        at,
      ),
    );
    const detail = ruleDetail(rule, now);
    if (detail) out.push(change('GP456', TARGET, { target: TARGET, rule: successor, detail }, at));
  }
  for (const [name, { rule }] of added) {
    if (!taken.has(name))
      out.push(
        change(
          'GP450',
          TARGET,
          { target: TARGET, rule: name, after: rule.priority },
          { revision: ruleWhere(revision, rule, before) },
        ),
      );
  }
  return out;
}

function keptRule(
  name: string,
  was: AlbRule,
  now: AlbRule,
  base: RouteModel,
  revision: RouteModel,
): RouteChange[] {
  const out: RouteChange[] = [];
  const at = { base: ruleWhere(base, was), revision: ruleWhere(revision, now) };
  if (now.priority !== was.priority) {
    out.push(
      change('GP452', TARGET, { target: TARGET, rule: name, before: was.priority, after: now.priority }, at),
    );
  }
  const detail = ruleDetail(was, now);
  if (detail) out.push(change('GP456', TARGET, { target: TARGET, rule: name, detail }, at));
  return out;
}

/** What changed in a rule kept under its name; the traffic effect is judged per request. */
function ruleDetail(before: AlbRule, after: AlbRule): string {
  const parts: string[] = [];
  const added = after.routes.filter((r) => !before.routes.includes(r));
  const removed = before.routes.filter((r) => !after.routes.includes(r));
  if (added.length) parts.push(`now also serves ${added.join(', ')}`);
  if (removed.length) parts.push(`no longer serves ${removed.join(', ')}`);
  if (JSON.stringify(before.conditions) !== JSON.stringify(after.conditions))
    parts.push('conditions changed');
  if (JSON.stringify(before.actions) !== JSON.stringify(after.actions)) parts.push('actions changed');
  if (JSON.stringify(before.transforms) !== JSON.stringify(after.transforms))
    parts.push('transforms changed');
  if (before.stages.join() !== after.stages.join())
    parts.push(`stages ${before.stages.join(', ') || 'none'} → ${after.stages.join(', ') || 'none'}`);
  return parts.join('; ');
}

function routingChanges(
  before: AlbPlan,
  after: AlbPlan,
  base: RouteModel,
  revision: RouteModel,
): RouteChange[] {
  const out: RouteChange[] = [];
  const samples = sampleRequests(base, revision);
  const stages = Object.keys(base.stages)
    .filter((s) => revision.stages[s])
    .sort();
  for (const stage of stages) {
    const oldListener = listenerFor(before, stage);
    const newListener = listenerFor(after, stage);
    if (!oldListener || !newListener) continue;
    const oldStage = base.stages[stage]!;
    const newStage = revision.stages[stage]!;
    for (const sample of samples) {
      const oldRequest = concrete(sample, oldStage, before.stageMode);
      const newRequest = concrete(sample, newStage, after.stageMode);
      const oldRule = ruleFor(oldListener, oldRequest);
      const newRule = ruleFor(newListener, newRequest);
      const was = destination(oldRule?.actions ?? oldListener.defaultAction, oldStage);
      const now = destination(newRule?.actions ?? newListener.defaultAction, newStage);
      if (was === now) continue;

      const request = requestText(newRequest);
      const served = operationFor(base, sample.method, sample.apiPath, sample.query);
      const serving = operationFor(revision, sample.method, sample.apiPath, sample.query);
      const values = { target: TARGET, request, before: was, after: now };
      if (!served) {
        if (serving)
          out.push(
            change(
              'GP455',
              TARGET,
              { ...values, route: label(serving) },
              { route: serving.id, revision: serving.where },
            ),
          );
        continue;
      }
      const baseRoute = label(served);
      const stillDeclared = revision.routes.some((r) => r.id === served.id);
      if (newRule && stillDeclared && !newRule.routes.includes(served.id)) {
        // A merged rule serves several routes: name the one the request is now meant for.
        const captor =
          serving && newRule.routes.includes(serving.id)
            ? serving
            : newRule.routes.map((id) => revision.routes.find((r) => r.id === id)).find(Boolean);
        const at = { route: served.id, base: served.where, ...(captor ? { revision: captor.where } : {}) };
        out.push(
          change(
            'GP454',
            TARGET,
            {
              ...values,
              baseRoute,
              rule: newRule.name,
              route: captor ? label(captor) : newRule.routes.join(', '),
            },
            at,
          ),
        );
      } else {
        const current = revision.routes.find((r) => r.id === served.id);
        out.push(
          change(
            'GP453',
            TARGET,
            { ...values, baseRoute },
            { route: served.id, base: served.where, ...(current ? { revision: current.where } : {}) },
          ),
        );
      }
    }
  }
  return out;
}

/** The rule the ALB matcher picks; undefined when the listener's default action answers. */
function ruleFor(listener: AlbListener, r: SampleRequest): AlbRule | undefined {
  return matchListener(listener, {
    method: r.method,
    path: r.path,
    ...(r.host !== undefined ? { host: r.host } : {}),
    headers: r.headers,
    query: Object.entries(r.query),
    ...(r.sourceIp !== undefined ? { sourceIp: r.sourceIp } : {}),
  }).rule;
}

function listenerFor(plan: AlbPlan, stage: string): AlbListener | undefined {
  return plan.listeners.find((l) => l.stages.includes(stage));
}

/** The request as it reaches this version's load balancer: the stage's host or path prefix applied. */
function concrete(sample: AbstractRequest, stage: Stage, mode: AlbPlan['stageMode']): SampleRequest {
  const prefix = mode === 'path' && stage.pathPrefix ? stage.pathPrefix : '';
  const path = prefix + (sample.apiPath === '/' && prefix ? '' : sample.apiPath) || '/';
  const request: SampleRequest = {
    method: sample.method,
    path,
    headers: { ...sample.headers },
    query: { ...sample.query },
  };
  const host = sample.host ?? stage.host;
  if (host) request.host = host;
  if (sample.sourceIp) request.sourceIp = sample.sourceIp;
  return request;
}

/**
 * Where a request ends up, as comparable text. A stage's canary share is folded back into
 * the stable backend it splits from, and weights are left out: canary and weight changes
 * are reported once at stage and route level, not once per request.
 */
function destination(actions: AlbActions, stage: Stage): string {
  const t = actions.terminal;
  if (t.type === 'fixed-response') return `fixed response ${t.statusCode}`;
  if (t.type === 'redirect') return `redirect to ${t.protocol}`;
  const names = new Set(t.targets.filter((w) => w.weight > 0).map((w) => w.backend));
  for (const [stable, canary] of Object.entries(stage.canary?.backends ?? {})) {
    if (names.has(stable)) names.delete(canary);
  }
  return [...names].sort().join(' + ') || 'no target';
}

function requestText(r: SampleRequest): string {
  const query = Object.entries(r.query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const headers = Object.entries(r.headers).map(([k, v]) => ` [${k}: ${v}]`);
  return `${r.method} ${r.host ?? ''}${r.path}${query ? `?${query}` : ''}${headers.join('')}`;
}

/** A route the rule serves, preferring one the other version's rules do not (the route that changed). */
function ruleWhere(model: RouteModel, rule: AlbRule, other?: AlbPlan): Where {
  const elsewhere = new Set(other?.listeners.flatMap((l) => l.rules.flatMap((r) => r.routes)) ?? []);
  const serves = model.routes.filter((r) => rule.routes.includes(r.id));
  const route = serves.find((r) => !elsewhere.has(r.id)) ?? serves[0];
  return route?.where ?? { file: model.source.file, pointer: '/paths' };
}
