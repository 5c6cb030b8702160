/**
 * The ALB listener-rule compiler: RouteModel in, AlbPlan out. Pure.
 *
 * Per listener (one, or one per stage): every route × stage gets its actions; routes go
 * through the path trie (`routing.ts`) into ordered candidates, which are merged into as
 * few rules as the quotas allow (`merge.ts`), split by host where stages act differently,
 * and numbered with stable priorities (`priorities.ts`).
 */
import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import { hasMixedSegment } from '../../model/paths.js';
import { routeLabel } from '../../model/routes.js';
import { pascalId, routeNameBase, shortHash } from '../../model/ids.js';
import type { Route, RouteModel, Stage } from '../../model/types.js';
import { forwardable, newNotes, NOT_FOUND, routeActions, type ActionNotes } from './actions.js';
import { globLang, globOf, regexOf, shapeLang, type PathShape, type ShapeSeg } from './lang.js';
import { bucketKey, type DraftRule, type RegexNote } from './draft.js';
import { mergeCandidates } from './merge.js';
import {
  ALB_QUOTAS,
  type AlbActions,
  type AlbCondition,
  type AlbListener,
  type AlbPlan,
  type AlbRule,
  type AlbUrlRewrite,
} from './plan.js';
import { assignPriorities, type Ordered } from './priorities.js';
import { reportPlan } from './report.js';
import { routeCandidates, type Entry } from './routing.js';
import { buildTargetGroup } from './target-groups.js';
import { buildWaf } from './waf.js';
import { byEntryKey, compareText } from '../../util/order.js';

/** A destination: what a rule does, per group of stages that behave the same. */
interface Destination {
  groups: { stages: Stage[]; actions: AlbActions }[];
  /** Path-prefix stages: the prefix the rule's transform strips. */
  strip?: string;
}

export function compileAlb(input: RouteModel): AlbPlan {
  const notes = newNotes();
  const diagnostics: Diagnostic[] = [];
  const model = withoutMixedSegments(input, diagnostics);
  const stages = Object.values(model.stages);
  const listenerStages = model.alb.stageMode === 'listener' ? stages.map((s) => [s]) : [stages];
  const compiled = listenerStages.map((group) =>
    compileListener(model, group, model.alb.stageMode === 'listener' ? group[0]!.name : 'main', notes),
  );
  const listeners = compiled.map((c) => c.listener);

  const used = new Set<string>();
  for (const l of listeners)
    for (const action of [l.defaultAction, ...l.rules.map((r) => r.actions)]) {
      if (action.terminal.type === 'forward') for (const t of action.terminal.targets) used.add(t.backend);
    }
  const targetGroups = [...used].sort().map((name) => buildTargetGroup(model, model.backends[name]!));
  const lambdaPermissions = targetGroups
    .filter((tg) => tg.lambdaArn)
    .map((tg) => ({ backend: tg.backend, functionArn: tg.lambdaArn! }));
  const waf = buildWaf(model, stages);
  const plan: AlbPlan = {
    stack: model.alb.stack,
    stageMode: model.alb.stageMode,
    listeners,
    targetGroups,
    lambdaPermissions,
    ...(waf ? { waf } : {}),
    usage: {
      rules: 0,
      fallbackRules: 0,
      routes: 0,
      rulesPerRoute: 0,
      maxValuesInRule: 0,
      maxWildcardsInRule: 0,
      regexValues: 0,
      targetGroups: 0,
    },
    diagnostics,
  };
  diagnostics.push(
    ...reportPlan(
      model,
      plan,
      notes,
      compiled.flatMap((c) => c.regex),
    ),
  );
  return plan;
}

/**
 * Routes with a mixed segment (`/Accounts/{Sid}.json`) are refused until the compiler routes
 * them exactly: compiled as a plain parameter they would take requests that are not theirs.
 */
function withoutMixedSegments(model: RouteModel, diagnostics: Diagnostic[]): RouteModel {
  const refused = model.routes.filter((r) => hasMixedSegment(r.segments));
  if (refused.length === 0) return model;
  for (const route of refused)
    diagnostics.push(diagnostic('GP134', route.where, { route: routeLabel(route) }, route.id));
  return { ...model, routes: model.routes.filter((r) => !refused.includes(r)) };
}

function compileListener(
  model: RouteModel,
  stages: Stage[],
  name: string,
  notes: ActionNotes,
): { listener: AlbListener; regex: RegexNote[] } {
  const dests = new Map<string, Destination>();
  const entries: Entry[] = [];
  const special: { route: Route; dest: string; segs: ShapeSeg[] }[] = [];
  const perStage = model.alb.stageMode === 'path' ? stages.map((s) => [s]) : [stages];
  for (const route of model.routes) {
    for (const group of perStage) {
      const dest = destinationOf(model, route, group, notes, dests);
      const prefix = model.alb.stageMode === 'path' ? prefixSegs(group[0]!) : [];
      const segs: ShapeSeg[] = [
        ...prefix,
        ...route.segments
          .filter((s) => s.kind !== 'greedy')
          .map((s): ShapeSeg => (s.kind === 'literal' ? { kind: 'lit', value: s.value } : { kind: 'param' })),
      ];
      if (route.match && Object.keys(route.match).length) special.push({ route, dest, segs });
      else
        entries.push({
          routeId: route.id,
          method: route.method,
          segs,
          greedy: route.segments.at(-1)?.kind === 'greedy',
          dest,
        });
    }
  }

  const hostValues = (dest: string) => {
    const d = dests.get(dest)!;
    return d.groups.length > 1 ? Math.max(...d.groups.map((g) => hostsOf(g.stages).length)) : 0;
  };
  const prefixes = model.alb.stageMode === 'path' ? stages.map((s) => s.pathPrefix ?? '') : [''];
  const roots = prefixes.flatMap((p) => ancestors(p + model.api.basePath));
  const rootDepth = Math.min(
    ...prefixes.map((p) => (p + model.api.basePath).split('/').filter(Boolean).length),
  );
  const strict = model.alb.unmatched === 'default';
  const merged = mergeCandidates(routeCandidates(entries, roots, strict), {
    rootDepth,
    valueBudget: (dest, methods) =>
      Math.max(
        1,
        Math.min(
          ALB_QUOTAS.valuesPerCondition,
          ALB_QUOTAS.valuesPerRule - (methods?.length ?? 0) - hostValues(dest),
        ),
      ),
    wildcardBudget: () => ALB_QUOTAS.wildcardsPerRule,
    strict,
  });

  const drafts: { rule: Omit<AlbRule, 'priority' | 'name'>; ordered: Omit<Ordered, 'name'>; key: string }[] =
    [];
  for (const s of special.sort((a, b) => specificity(a.segs, b.segs))) {
    drafts.push(...expand(specialDraft(s, rootDepth), dests.get(s.dest)!, s.dest, s.route));
  }
  for (const rule of merged.rules) drafts.push(...expand(rule, dests.get(rule.dest)!, rule.dest));

  const byId = new Map(model.routes.map((r) => [r.id, r]));
  const ordered: Ordered[] = drafts.map((d) => {
    const first = byId.get(d.rule.routes[0] ?? '');
    return { ...d.ordered, name: pascalId(first ? routeNameBase(first) : 'rule', 40) + shortHash(d.key, 8) };
  });
  const priorities = assignPriorities(ordered);
  const rules: AlbRule[] = drafts
    .map((d, i) => ({ name: ordered[i]!.name, priority: priorities[i]!, ...d.rule }))
    .sort((a, b) => a.priority - b.priority);

  const catchAll = model.catchAll ? model.backends[model.catchAll] : undefined;
  const defaultAction: AlbActions =
    catchAll && forwardable(catchAll)
      ? { terminal: { type: 'forward', targets: [{ backend: catchAll.name, weight: 100 }] } }
      : { terminal: NOT_FOUND };
  return { listener: { name, stages: stages.map((s) => s.name), rules, defaultAction }, regex: merged.regex };
}

function destinationOf(
  model: RouteModel,
  route: Route,
  stages: Stage[],
  notes: ActionNotes,
  dests: Map<string, Destination>,
): string {
  const byActions = new Map<string, { stages: Stage[]; actions: AlbActions }>();
  for (const stage of stages) {
    const actions = routeActions(model, route, stage, notes);
    const key = JSON.stringify(actions);
    const group = byActions.get(key);
    if (group) group.stages.push(stage);
    else byActions.set(key, { stages: [stage], actions });
  }
  const groups = [...byActions.values()];
  const strip = model.alb.stageMode === 'path' ? stages[0]!.pathPrefix : undefined;
  const key = JSON.stringify({ g: groups.map((g) => [g.stages.map((s) => s.name), g.actions]), strip });
  if (!dests.has(key)) dests.set(key, { groups, ...(strip ? { strip } : {}) });
  return key;
}

/** `/a/b` → `/a`, `/a/b`. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => '/' + parts.slice(0, i + 1).join('/'));
}

function prefixSegs(stage: Stage): ShapeSeg[] {
  return (stage.pathPrefix ?? '')
    .split('/')
    .filter(Boolean)
    .map((value) => ({ kind: 'lit', value }));
}

function hostsOf(stages: Stage[]): string[] {
  return stages.flatMap((s) => (s.host ? [s.host] : []));
}

/** Routes with extra match conditions get a rule each, ahead of the path rules, with exact paths. */
function specialDraft(
  s: { route: Route; dest: string; segs: ShapeSeg[] },
  rootDepth: number,
): DraftRule & { extra: AlbCondition[] } {
  const greedy = s.route.segments.at(-1)?.kind === 'greedy';
  const shape: PathShape = { segs: s.segs, tail: greedy ? 'greedy' : 'none' };
  const hasWildcard = greedy || s.segs.some((x) => x.kind === 'param');
  const m = s.route.match!;
  const extra: AlbCondition[] = [];
  if (m.hosts?.length) extra.push({ field: 'host-header', values: [...m.hosts] });
  for (const [header, values] of Object.entries(m.headers ?? {}).sort(byEntryKey)) {
    extra.push({ field: 'http-header', name: header, values: [...values] });
  }
  for (const [key, value] of Object.entries(m.query ?? {}).sort(byEntryKey)) {
    extra.push({ field: 'query-string', values: [{ key, value }] });
  }
  if (m.sourceIps?.length) extra.push({ field: 'source-ip', values: [...m.sourceIps] });
  const intended = shapeLang(shape);
  return {
    dest: s.dest,
    ...(s.route.method !== 'ANY' ? { methods: [s.route.method] } : {}),
    values: [{ shape, regex: hasWildcard, actual: intended, intended, first: bucketKey(shape, rootDepth) }],
    routes: [s.route.id],
    extra,
  };
}

/** One draft rule per group of stages that acts alike; host conditions only where groups differ. */
function expand(
  rule: DraftRule & { extra?: AlbCondition[] },
  dest: Destination,
  destKey: string,
  special?: Route,
): { rule: Omit<AlbRule, 'priority' | 'name'>; ordered: Omit<Ordered, 'name'>; key: string }[] {
  const split = dest.groups.length > 1;
  const groups = [...dest.groups].sort(
    (a, b) => Number(hostsOf(a.stages).length === 0) - Number(hostsOf(b.stages).length === 0),
  );
  // One path condition per rule: once a value needs a regex, all are written as (exact) regexes.
  const regex = rule.values.some((v) => v.regex);
  const pathValues = rule.values.map((v) => (regex ? regexOf(v.shape) : globOf(v.shape)));
  const keys = new Set(rule.values.map((v) => v.first));
  const band = rule.values[0]!.first === '*' ? '' : rule.values[0]!.first;
  const bucket = keys.size === 1 && !keys.has('*') ? band : '';
  const paths = rule.values.map((v) => (regex ? v.intended : globLang(globOf(v.shape))));
  return groups.map((group) => {
    const conditions: AlbCondition[] = [];
    const routeHosts = rule.extra?.find((c) => c.field === 'host-header');
    const hosts = split && !routeHosts ? hostsOf(group.stages) : [];
    if (hosts.length) conditions.push({ field: 'host-header', values: hosts });
    conditions.push(
      regex
        ? { field: 'path-pattern', regexValues: pathValues }
        : { field: 'path-pattern', values: pathValues },
    );
    if (rule.methods) conditions.push({ field: 'http-request-method', values: [...rule.methods] });
    conditions.push(...(rule.extra ?? []));
    const transforms: AlbUrlRewrite[] = dest.strip
      ? [{ type: 'url-rewrite', regex: `^${escapeForRewrite(dest.strip)}/?(.*)$`, replace: '/$1' }]
      : [];
    const stageNames = group.stages.map((s) => s.name);
    const hostList = routeHosts?.values ?? (hosts.length ? hosts : undefined);
    return {
      rule: { conditions, actions: group.actions, transforms, routes: rule.routes, stages: stageNames },
      ordered: {
        dest: destKey + '\u0001' + stageNames.join(','),
        ...(rule.methods ? { methods: rule.methods } : {}),
        ...(hostList ? { hosts: hostList } : {}),
        paths,
        band,
        bucket,
      },
      // The first path's shape, not its text: a value turning into a regex keeps the rule's name.
      key: `${destKey}|${rule.methods?.join(',') ?? '*'}|${JSON.stringify(rule.values[0]!.shape)}|${stageNames.join(',')}|${special?.id ?? ''}`,
    };
  });
}

function escapeForRewrite(prefix: string): string {
  return prefix.replace(/[\\^$.*+?()[\]{}|]/g, (c) => '\\' + c);
}

function specificity(a: ShapeSeg[], b: ShapeSeg[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.kind !== y.kind) return x.kind === 'lit' ? -1 : 1;
    if (x.kind === 'lit' && y.kind === 'lit' && x.value !== y.value) return compareText(x.value, y.value);
  }
  return b.length - a.length;
}

export function rootWhere(model: RouteModel): Where {
  return { file: model.source.file, pointer: '/x-gateplan' };
}
