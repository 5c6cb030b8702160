/**
 * What the ALB plan tells the user: quota use and overflow (naming the routes that cost the
 * most rules), features ALB emulates or lacks, and per-rule limits. Fills `plan.usage`.
 */
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import { child } from '../../model/document.js';
import { routeLabel } from '../../model/routes.js';
import { quotaLimit, raisedQuotaDiagnostic } from '../quotas.js';
import type { Route, RouteModel } from '../../model/types.js';
import type { ActionNotes } from './actions.js';
import { wildcardCount } from './shape.js';
import { ALB_QUOTAS, type AlbCondition, type AlbPlan, type AlbRule } from './plan.js';
import { WAF_WINDOW_SECONDS } from './waf.js';
import { compareText } from '../../util/order.js';

const LIST_LIMIT = 8;

/** Why a rule's path values are regexes, for the GP206 note. */
export interface RegexNote {
  routes: string[];
  reasons: ('parameters' | 'greedy' | 'characters')[];
  /** Regex values in the rule. */
  values: number;
}

const REGEX_REASONS: Record<RegexNote['reasons'][number], string> = {
  parameters: "a parameter matches within one segment, and a wildcard would also match '/'",
  greedy:
    'a {proxy+} parameter takes non-empty segments, and a wildcard would also match an empty one or the root',
  characters: 'the path has characters a path pattern cannot hold',
};

export function reportPlan(
  model: RouteModel,
  plan: AlbPlan,
  notes: ActionNotes,
  regex: RegexNote[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const root: Where = { file: model.source.file, pointer: '/x-gateplan' };
  const byId = new Map(model.routes.map((r) => [r.id, r]));
  const label = (id: string) => {
    const r = byId.get(id);
    return r ? routeLabel(r) : id;
  };
  const list = (ids: string[]) => listOf([...new Set(ids)].sort().map(label));

  for (const [scheme, ids] of [...notes.unenforced].sort(([a], [b]) => compareText(a, b))) {
    const named = model.auth[scheme];
    if (!named) continue;
    out.push(
      diagnostic('GP201', named.where, {
        scheme,
        kind: named.scheme.kind,
        count: ids.length,
        routes: list(ids),
      }),
    );
  }
  for (const [id, alternatives] of [...notes.alternatives].sort(([a], [b]) => compareText(a, b))) {
    const route = byId.get(id);
    if (!route) continue;
    const schemes = [...new Set(alternatives.split(/ \| | \+ /))].sort();
    out.push(
      diagnostic(
        'GP210',
        route.where,
        { route: routeLabel(route), alternatives, keys: schemes.map((s) => `auth.${s}`).join(', ') },
        id,
      ),
    );
  }
  for (const [name, ids] of [...notes.unreachable].sort(([a], [b]) => compareText(a, b))) {
    const backend = model.backends[name];
    if (!backend) continue;
    out.push(
      diagnostic('GP205', backend.where, {
        backend: name,
        kind: backend.target.kind,
        count: ids.length,
        routes: list(ids),
      }),
    );
  }
  for (const [id, n] of [...notes.forwardOnly].sort(([a], [b]) => compareText(a, b))) {
    const route = byId.get(id);
    if (route) out.push(diagnostic('GP213', route.where, { route: routeLabel(route), ...n }, id));
  }
  const cors = model.routes.filter((r) => r.cors);
  if (cors.length)
    out.push(diagnostic('GP202', root, { count: cors.length, routes: list(cors.map((r) => r.id)) }));
  out.push(...stageNotes(model));
  for (const stage of Object.values(model.stages).sort((a, b) => compareText(a.name, b.name))) {
    if (!stage.quota) continue;
    const { limit, period } = stage.quota;
    out.push(
      diagnostic('GP215', child(stage.where, 'quota'), {
        stage: stage.name,
        limit,
        period: period.toLowerCase(),
      }),
    );
  }
  if (plan.waf) {
    const detail = plan.waf.rules.map((r) => `${r.name}: ${r.limit} per ${r.windowSeconds}s`).join(', ');
    const where =
      model.routes.find((r) => r.throttle)?.where ??
      Object.values(model.stages).find((s) => s.throttle)?.where ??
      root;
    out.push(
      diagnostic('GP204', where, { count: plan.waf.rules.length, window: WAF_WINDOW_SECONDS, detail }),
    );
  }
  if (regex.length) {
    const reasons = [...new Set(regex.flatMap((n) => n.reasons.map((r) => REGEX_REASONS[r])))].join('; ');
    out.push(
      diagnostic('GP206', root, {
        count: regex.reduce((n, r) => n + r.values, 0),
        reasons,
        routes: list(regex.flatMap((n) => n.routes)),
      }),
    );
  }

  const rules = plan.listeners.flatMap((l) => l.rules);
  for (const rule of rules) out.push(...ruleLimits(rule, byId, root));
  if (plan.targetGroups.length > ALB_QUOTAS.targetGroupsPerLoadBalancer) {
    out.push(
      diagnostic('GP211', root, {
        count: plan.targetGroups.length,
        quota: ALB_QUOTAS.targetGroupsPerLoadBalancer,
      }),
    );
  }

  const values = rules.map(valueCount);
  const wildcards = rules.map(wildcardsIn);
  // On a listener gateplan does not own, each default action is one more rule (priority 50000).
  const fallbackRules = plan.stack === 'listener-rules' ? plan.listeners.length : 0;
  const total = rules.length + fallbackRules;
  plan.usage = {
    rules: rules.length,
    fallbackRules,
    routes: model.routes.length,
    rulesPerRoute: model.routes.length ? round(rules.length / model.routes.length) : 0,
    maxValuesInRule: Math.max(0, ...values),
    maxWildcardsInRule: Math.max(0, ...wildcards),
    regexValues: rules.reduce(
      (n, r) =>
        n +
        r.conditions.reduce(
          (m, c) => m + ('regexValues' in c && c.regexValues ? c.regexValues.length : 0),
          0,
        ),
      0,
    ),
    targetGroups: plan.targetGroups.length,
  };
  const ruleQuota = quotaLimit(model, 'albRules');
  const raised = raisedQuotaDiagnostic(model, 'albRules', total, root, 'ALB');
  if (raised) out.push(raised);
  if (total > ruleQuota) {
    out.push(
      diagnostic('GP200', root, {
        rules: total,
        quota: ruleQuota,
        ...overflowAdvice(rules, label, model.alb.unmatched === 'default'),
      }),
    );
  }
  out.push(
    diagnostic('GP212', root, {
      rules: total,
      quota: ruleQuota,
      routes: plan.usage.routes,
      perRoute: plan.usage.rulesPerRoute,
      values: plan.usage.maxValuesInRule,
      valueQuota: ALB_QUOTAS.valuesPerRule,
      wildcards: plan.usage.maxWildcardsInRule,
      wildcardQuota: ALB_QUOTAS.wildcardsPerRule,
    }),
  );
  return out;
}

function stageNotes(model: RouteModel): Diagnostic[] {
  const stages = Object.values(model.stages);
  if (stages.length < 2 && model.alb.stageMode === 'host') return [];
  const out: Diagnostic[] = [];
  const where = stages[0]!.where;
  const mode = model.alb.stageMode;
  const detail =
    mode === 'host'
      ? stages.map((s) => `${s.name} → host ${s.host ?? '(any)'}`).join(', ')
      : mode === 'path'
        ? stages
            .map((s) => `${s.name} → ${s.pathPrefix ?? '/'} (stripped by a url-rewrite transform)`)
            .join(', ')
        : stages.map((s) => `${s.name} → its own listener`).join(', ');
  out.push(
    diagnostic('GP203', where, {
      count: stages.length,
      mode: mode === 'host' ? 'host header' : mode === 'path' ? 'path prefix' : 'listener',
      detail,
    }),
  );
  if (mode === 'host' && stages.length > 1) {
    for (const s of stages) if (!s.host) out.push(diagnostic('GP207', s.where, { stage: s.name }));
  }
  if (mode === 'path') {
    const byPrefix = new Map<string, string[]>();
    for (const s of stages)
      byPrefix.set(s.pathPrefix ?? '', [...(byPrefix.get(s.pathPrefix ?? '') ?? []), s.name]);
    for (const [prefix, names] of byPrefix) {
      if (names.length < 2) continue;
      // The compiler keeps a request for the destination whose key sorts first: the first stage by name.
      const sorted = [...names].sort(compareText);
      const where = stages.find((s) => s.name === sorted[1])!.where;
      out.push(
        diagnostic('GP216', where, { stages: sorted.join(', '), prefix: prefix || '/', winner: sorted[0]! }),
      );
    }
  }
  return out;
}

function ruleLimits(rule: AlbRule, byId: Map<string, Route>, root: Where): Diagnostic[] {
  const out: Diagnostic[] = [];
  const route = byId.get(rule.routes[0] ?? '');
  const where = route?.where ?? root;
  const name = route ? routeLabel(route) : (rule.routes[0] ?? rule.name);
  const values = valueCount(rule);
  const wildcards = wildcardsIn(rule);
  const perCondition = Math.max(
    0,
    ...rule.conditions.map(
      (c) => c.values?.length ?? ('regexValues' in c ? (c.regexValues?.length ?? 0) : 0),
    ),
  );
  if (
    values > ALB_QUOTAS.valuesPerRule ||
    wildcards > ALB_QUOTAS.wildcardsPerRule ||
    perCondition > ALB_QUOTAS.valuesPerCondition
  ) {
    out.push(
      diagnostic(
        'GP214',
        where,
        {
          route: name,
          values,
          wildcards,
          valueQuota: ALB_QUOTAS.valuesPerRule,
          wildcardQuota: ALB_QUOTAS.wildcardsPerRule,
        },
        route?.id,
      ),
    );
  }
  for (const c of rule.conditions) {
    if (c.field !== 'path-pattern') continue;
    for (const v of [...(c.values ?? []), ...(c.regexValues ?? [])]) {
      if (v.length > ALB_QUOTAS.patternLength) {
        out.push(
          diagnostic(
            'GP209',
            where,
            { route: name, length: v.length, quota: ALB_QUOTAS.patternLength },
            route?.id,
          ),
        );
      }
    }
  }
  const terminal = rule.actions.terminal;
  if (terminal.type === 'forward') {
    if (terminal.targets.length > ALB_QUOTAS.targetGroupsPerAction) {
      out.push(
        diagnostic(
          'GP208',
          where,
          {
            route: name,
            count: terminal.targets.length,
            stage: rule.stages.join(', '),
            quota: ALB_QUOTAS.targetGroupsPerAction,
          },
          route?.id,
        ),
      );
    }
  }
  return out;
}

function valuesOf(c: AlbCondition): number {
  if (c.field === 'path-pattern' || c.field === 'host-header')
    return (c.values?.length ?? 0) + (c.regexValues?.length ?? 0);
  return c.values.length;
}

export function valueCount(rule: AlbRule): number {
  return rule.conditions.reduce((n, c) => n + valuesOf(c), 0);
}

export function wildcardsIn(rule: AlbRule): number {
  let n = 0;
  for (const c of rule.conditions) {
    if (c.field === 'query-string')
      for (const v of c.values) n += wildcardCount(v.value) + wildcardCount(v.key ?? '');
    else if (c.field === 'path-pattern' || c.field === 'host-header' || c.field === 'http-header')
      for (const v of c.values ?? []) n += wildcardCount(v);
  }
  return n;
}

/** The routes that cost the most rules, and the shared prefixes whose backends multiply them. */
function overflowAdvice(
  rules: AlbRule[],
  label: (id: string) => string,
  strict: boolean,
): { costly: string; advice: string } {
  const cost = new Map<string, number>();
  const prefixes = new Map<string, { rules: number; backends: Set<string> }>();
  for (const rule of rules) {
    for (const id of rule.routes) cost.set(id, (cost.get(id) ?? 0) + 1 / rule.routes.length);
    const path = rule.conditions.find((c) => c.field === 'path-pattern');
    const first = path && 'values' in path ? (path.values?.[0] ?? path.regexValues?.[0] ?? '') : '';
    const prefix = '/' + (first.replace(/^\^/, '').split('/')[1] ?? '');
    const entry = prefixes.get(prefix) ?? { rules: 0, backends: new Set<string>() };
    entry.rules++;
    if (rule.actions.terminal.type === 'forward')
      for (const t of rule.actions.terminal.targets) entry.backends.add(t.backend);
    prefixes.set(prefix, entry);
  }
  const costly = [...cost]
    .sort(([a, x], [b, y]) => y - x || compareText(a, b))
    .slice(0, 5)
    .map(([id, c]) => `${label(id)} (${round(c)} rule${round(c) === 1 ? '' : 's'})`)
    .join(', ');
  const shared = [...prefixes]
    .filter(([, p]) => p.backends.size > 1)
    .sort(([a, x], [b, y]) => y.rules - x.rules || compareText(a, b))
    .slice(0, 3)
    .map(([prefix, p]) => `${prefix} takes ${p.rules} rules over ${p.backends.size} backends`);
  const advice = strict
    ? `let undeclared paths reach the backends (x-gateplan.alb.unmatched: backend), so one ${'`/prefix/*`'} rule serves a prefix one backend owns`
    : shared.length
      ? `give each shared prefix one backend so a single ${'`/prefix/*`'} rule serves it (${shared.join('; ')})`
      : 'group routes of one backend under a shared path prefix, or send what has no other owner to a catchAll backend';
  return { costly, advice };
}

function listOf(items: string[]): string {
  if (items.length <= LIST_LIMIT) return items.join(', ');
  return `${items.slice(0, LIST_LIMIT).join(', ')} and ${items.length - LIST_LIMIT} more`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
