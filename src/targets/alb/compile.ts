/**
 * The ALB listener-rule compiler: RouteModel in, AlbPlan out. Pure.
 *
 * Per listener (one, or one per stage): every route × stage gets its actions; the routes
 * become cells (template × destination × methods, `cells.ts`), candidate rules are made
 * for each destination (`candidates.ts`), placed in order so that no rule takes a request
 * another destination owns (`synthesis.ts`), packed into as few rules as the quotas allow
 * (`pack.ts`), split by host where stages act differently, and numbered with stable
 * priorities (`priorities.ts`).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { pascalId, routeNameBase, shortHash } from '../../model/ids.js';
import type { Route, RouteModel, Segment, Stage } from '../../model/types.js';
import { forwardable, newNotes, NOT_FOUND, routeActions, type ActionNotes } from './actions.js';
import { buildCandidates } from './candidates.js';
import { buildCells, CellTrie, type CellInput } from './cells.js';
import { pack, type PackedRule } from './pack.js';
import {
  ALB_QUOTAS,
  type AlbActions,
  type AlbCondition,
  type AlbGaps,
  type AlbListener,
  type AlbPlan,
  type AlbSplit,
  type AlbUsage,
  type RegexNote,
  type AlbRule,
  type AlbUrlRewrite,
} from './plan.js';
import { assignPriorities, type Ordered } from './priorities.js';
import { checkPlan } from './checks/index.js';
import { valueCount, wildcardsIn } from './rule-size.js';
import { suggestSplit } from './split.js';
import { globsOf, shapeKey, type PathShape, type ShapeSeg } from './shape.js';
import { synthesize } from './synthesis.js';
import { unverified, verifyRules } from './verify.js';
import { buildTargetGroup, registrationDiagnostics } from './target-groups.js';
import { buildWaf } from './waf.js';
import { quotaLimit } from '../quotas.js';
import { byEntryKey } from '../../util/order.js';

/** A destination: what a rule does, per group of stages that behave the same. */
interface Destination {
  groups: { stages: Stage[]; actions: AlbActions }[];
  /** Path-prefix stages: the prefix the rule's transform strips. */
  strip?: string;
}

export interface CompileOptions {
  /**
   * Re-check every listener's rule order with automata read from the emitted path values
   * (`verify.ts`) and report any failure as GP217. Off by default: on GitHub's API it takes
   * seconds; the test suite runs it on every fixture, corpus spec and random API.
   */
  verify?: boolean;
  /** Work out the split that would fit when the API is over a quota (off while doing just that). */
  advise?: boolean;
}

export function compileAlb(model: RouteModel, options: CompileOptions = {}): AlbPlan {
  const notes = newNotes();
  const verified: Diagnostic[] = [];
  const stages = Object.values(model.stages);
  const listenerStages = model.alb.stageMode === 'listener' ? stages.map((s) => [s]) : [stages];
  const compiled = listenerStages.map((group) =>
    compileListener(
      model,
      group,
      model.alb.stageMode === 'listener' ? group[0]!.name : 'main',
      notes,
      options.verify ? verified : undefined,
    ),
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
    .map((tg) => ({
      backend: tg.backend,
      functionArn: tg.lambdaArn!,
      ...(tg.lambdaParameter ? { parameter: tg.lambdaParameter } : {}),
    }));
  const waf = buildWaf(model, stages);
  const usage = usageOf(model, listeners, targetGroups.length);
  const plan: AlbPlan = {
    stack: model.alb.stack,
    stageMode: model.alb.stageMode,
    listeners,
    targetGroups,
    lambdaPermissions,
    ...(waf ? { waf } : {}),
    usage,
    gaps: gapsOf(
      notes,
      compiled.flatMap((c) => c.regex),
    ),
    diagnostics: [],
  };
  const over =
    usage.rules + usage.fallbackRules > quotaLimit(model, 'albRules') ||
    targetGroups.length > ALB_QUOTAS.targetGroupsPerLoadBalancer;
  if (over && options.advise !== false) plan.split = splitOf(model);
  plan.diagnostics = [
    ...verified,
    ...registrationDiagnostics(model, targetGroups),
    ...checkPlan(model, plan),
  ];
  return plan;
}

/** How full the load balancer is: the compiler's own count, against the default quotas. */
function usageOf(model: RouteModel, listeners: AlbListener[], targetGroups: number): AlbUsage {
  const rules = listeners.flatMap((l) => l.rules);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    rules: rules.length,
    // On a listener gateplan does not own, each default action is one more rule (priority 50000).
    fallbackRules: model.alb.stack === 'listener-rules' ? listeners.length : 0,
    routes: model.routes.length,
    rulesPerRoute: model.routes.length ? round(rules.length / model.routes.length) : 0,
    maxValuesInRule: Math.max(0, ...rules.map(valueCount)),
    maxWildcardsInRule: Math.max(0, ...rules.map(wildcardsIn)),
    regexValues: rules.reduce(
      (n, r) =>
        n +
        r.conditions.reduce(
          (m, c) => m + ('regexValues' in c && c.regexValues ? c.regexValues.length : 0),
          0,
        ),
      0,
    ),
    targetGroups,
  };
}

function gapsOf(notes: ActionNotes, regex: RegexNote[]): AlbGaps {
  const sorted = <T>(map: Map<string, T>) => Object.fromEntries([...map].sort(byEntryKey));
  return {
    unenforced: sorted(notes.unenforced),
    alternatives: sorted(notes.alternatives),
    unreachable: sorted(notes.unreachable),
    forwardOnly: sorted(notes.forwardOnly),
    restOnly: sorted(notes.restOnly),
    regex,
  };
}

/** The split that would fit, and in strict mode the rules `unmatched: backend` needs. */
function splitOf(model: RouteModel): AlbSplit {
  const compile = (m: RouteModel) => compileAlb(m, { advise: false });
  const split = suggestSplit(model, compile, {
    rules: quotaLimit(model, 'albRules'),
    targetGroups: ALB_QUOTAS.targetGroupsPerLoadBalancer,
  });
  if (model.alb.unmatched !== 'default') return split;
  const loose = compile({ ...model, alb: { ...model.alb, unmatched: 'backend' } }).usage;
  return { ...split, looseRules: loose.rules + loose.fallbackRules };
}

function compileListener(
  model: RouteModel,
  stages: Stage[],
  name: string,
  notes: ActionNotes,
  verified: Diagnostic[] | undefined,
): { listener: AlbListener; regex: RegexNote[] } {
  const dests = new Map<string, Destination>();
  const inputs: CellInput[] = [];
  const perStage = model.alb.stageMode === 'path' ? stages.map((s) => [s]) : [stages];
  for (const route of model.routes) {
    for (const group of perStage) {
      const dest = destinationOf(model, route, group, notes, dests);
      const prefix = model.alb.stageMode === 'path' ? prefixSegs(group[0]!) : [];
      const segs: ShapeSeg[] = [
        ...prefix,
        ...route.segments.filter((s) => s.kind !== 'greedy').map(shapeSegOf),
      ];
      const extra = extraConditions(route);
      inputs.push({
        routeId: route.id,
        method: route.method,
        segs,
        greedy: route.segments.at(-1)?.kind === 'greedy',
        dest,
        ...(extra.length ? { extra } : {}),
      });
    }
  }

  const hostValues = (dest: string) => {
    const d = dests.get(dest)!;
    return d.groups.length > 1 ? Math.max(...d.groups.map((g) => hostsOf(g.stages).length)) : 0;
  };
  const prefixes = model.alb.stageMode === 'path' ? stages.map((s) => s.pathPrefix ?? '') : [''];
  const roots = [[], ...prefixes.flatMap((p) => ancestors(p + model.api.basePath))];
  const strict = model.alb.unmatched === 'default';
  const trie = new CellTrie(buildCells(inputs), strict ? 'method-first' : 'path-first');
  const placed = synthesize(trie, buildCandidates(trie, { strict, roots }));
  const packed = pack(placed, {
    strict,
    methodsOf: (id) => trie.cells[id]!.methods,
    budget: (dest, methods) =>
      Math.max(
        1,
        Math.min(
          ALB_QUOTAS.valuesPerCondition,
          ALB_QUOTAS.valuesPerRule - (methods?.length ?? 0) - hostValues(dest),
        ),
      ),
  });

  if (verified) {
    const problems = verifyRules(packed, trie.cells, trie.reading);
    verified.push(...unverified(model, name, problems));
  }

  const byId = new Map(model.routes.map((r) => [r.id, r]));
  const drafts = packed.flatMap((rule, index) =>
    expand(rule, trie, dests.get(rule.dest)!, rule.dest, roots).map((d) => ({ ...d, index })),
  );
  const expansions = packed.map((_, j) => drafts.flatMap((x, k) => (x.index === j ? [k] : [])));
  const ordered: Ordered[] = drafts.map((d) => {
    const first = byId.get(d.rule.routes[0] ?? '');
    return {
      name: pascalId(first ? routeNameBase(first) : 'rule', 40) + shortHash(d.key, 8),
      band: d.band,
      after: packed[d.index]!.after.flatMap((j) => expansions[j]!),
    };
  });
  const priorities = assignPriorities(ordered);
  const rules: AlbRule[] = drafts
    .map((d, i) => ({ name: ordered[i]!.name, priority: priorities[i]!, ...d.rule }))
    .sort((a, b) => a.priority - b.priority);

  const port = model.alb.stageMode === 'listener' ? model.alb.listenerPorts?.[name] : undefined;
  const catchAll = model.catchAll ? model.backends[model.catchAll] : undefined;
  const defaultAction: AlbActions =
    catchAll && forwardable(catchAll)
      ? { terminal: { type: 'forward', targets: [{ backend: catchAll.name, weight: 100 }] } }
      : { terminal: NOT_FOUND };
  return {
    listener: {
      name,
      stages: stages.map((s) => s.name),
      ...(port !== undefined ? { port } : {}),
      rules,
      defaultAction,
    },
    regex: regexNotes(packed, trie, strict),
  };
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

/** A template segment as the compiler reads it: `{Sid}.json` keeps its text around the parameter. */
function shapeSegOf(segment: Exclude<Segment, { kind: 'greedy' }>): ShapeSeg {
  switch (segment.kind) {
    case 'literal':
      return { kind: 'lit', value: segment.value };
    case 'param':
      return { kind: 'param' };
    case 'mixed':
      return {
        kind: 'mixed',
        parts: segment.parts.map((p) =>
          p.kind === 'text' ? { kind: 'text', value: p.value } : { kind: 'param' },
        ),
      };
  }
}

/** `/a/b` → `['a']`, `['a', 'b']`. */
function ancestors(path: string): string[][] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => parts.slice(0, i + 1));
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

/** A route's match conditions beyond method and path; such a route gets an exact rule of its own. */
function extraConditions(route: Route): AlbCondition[] {
  const m = route.match ?? {};
  const extra: AlbCondition[] = [];
  if (m.hosts?.length) extra.push({ field: 'host-header', values: [...m.hosts] });
  for (const [header, values] of Object.entries(m.headers ?? {}).sort(byEntryKey)) {
    extra.push({ field: 'http-header', name: header, values: [...values] });
  }
  for (const [key, value] of Object.entries(m.query ?? {}).sort(byEntryKey)) {
    extra.push({ field: 'query-string', values: [{ key, value }] });
  }
  if (m.sourceIps?.length) extra.push({ field: 'source-ip', values: [...m.sourceIps] });
  return extra;
}

interface Expanded {
  rule: Omit<AlbRule, 'priority' | 'name'>;
  band: string;
  /** The rule's identity: its name is derived from it. */
  key: string;
}

/** One rule per group of stages that acts alike; host conditions only where groups differ. */
function expand(
  rule: PackedRule,
  trie: CellTrie,
  dest: Destination,
  destKey: string,
  roots: string[][],
): Expanded[] {
  const split = dest.groups.length > 1;
  const groups = [...dest.groups].sort(
    (a, b) => Number(hostsOf(a.stages).length === 0) - Number(hostsOf(b.stages).length === 0),
  );
  const routes = [...new Set(rule.homes.flatMap((id) => trie.cells[id]!.routes))].sort();
  const first = rule.pieces[0]!;
  const special = rule.extra ? routes[0] : '';
  return groups.map((group) => {
    const conditions: AlbCondition[] = [];
    const routeHosts = rule.extra?.find((c) => c.field === 'host-header');
    const hosts = split && !routeHosts ? hostsOf(group.stages) : [];
    if (hosts.length) conditions.push({ field: 'host-header', values: hosts });
    conditions.push(
      'regexes' in rule.values
        ? { field: 'path-pattern', regexValues: rule.values.regexes }
        : { field: 'path-pattern', values: rule.values.globs },
    );
    if (rule.methods) conditions.push({ field: 'http-request-method', values: [...rule.methods] });
    conditions.push(...(rule.extra ?? []));
    const transforms: AlbUrlRewrite[] = dest.strip
      ? [{ type: 'url-rewrite', regex: `^${escapeForRewrite(dest.strip)}/?(.*)$`, replace: '/$1' }]
      : [];
    const stageNames = group.stages.map((s) => s.name);
    return {
      rule: { conditions, actions: group.actions, transforms, routes, stages: stageNames },
      band: band(first, roots),
      // The first path's shape, not its text: a value turning into a regex keeps the rule's name.
      key: `${destKey}|${rule.methods?.join(',') ?? '*'}|${shapeKey(first)}|${stageNames.join(',')}|${special}`,
    };
  });
}

/** The literal segments of a shape down to the first one below its root (`v2/books`), or `''`. */
function band(shape: PathShape, roots: string[][]): string {
  const depth = Math.max(...roots.map((r) => r.length)) + 1;
  const head = shape.segs.slice(0, depth);
  return head.every((s) => s.kind === 'lit') ? head.map((s) => (s as { value: string }).value).join('/') : '';
}

function escapeForRewrite(prefix: string): string {
  return prefix.replace(/[\\^$.*+?()[\]{}|]/g, (c) => '\\' + c);
}

/** Why path values are regexes, per rule that has them. */
function regexNotes(rules: PackedRule[], trie: CellTrie, strict: boolean): RegexNote[] {
  return rules.flatMap((rule) => {
    if (!('regexes' in rule.values)) return [];
    const routes = [...new Set(rule.homes.flatMap((id) => trie.cells[id]!.routes))].sort();
    const reasons = new Set<RegexNote['reasons'][number]>();
    for (const piece of rule.pieces) {
      if (piece.segs.some((s) => s.kind === 'param' || s.kind === 'mixed' || s.kind === 'stem'))
        reasons.add('parameters');
      else if (piece.tail === 'greedy' && !globsOf(piece, strict)) reasons.add('greedy');
      else if (piece.segs.some((s) => s.kind === 'lit' && !globsOf({ segs: [s], tail: 'none' }, strict)))
        reasons.add('characters');
    }
    // Literal paths joined by `|` only to share a value need no note.
    return reasons.size ? [{ routes, reasons: [...reasons], values: rule.values.regexes.length }] : [];
  });
}
