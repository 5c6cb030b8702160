/**
 * When one load balancer cannot hold an API's rules or target groups: how it splits over
 * several, by path prefix — what something in front (CloudFront behaviors, an API Gateway,
 * another load balancer's rules) can route on. The prefixes are the branches at the first
 * segment where the routes part ways (`/tenants/{tenantId}/service1`,
 * `/tenants/{tenantId}/service2` …). Each branch is compiled on its own; first-fit
 * decreasing packs the branches into as few shards as the quotas allow. Where a parameter
 * sits beside literals at that segment, its routes match every branch, and the API cannot
 * be split by path there.
 */
import { formatSegments } from '../../model/paths.js';
import type { RouteModel } from '../../model/types.js';
import type { AlbPlan, AlbShard, AlbSplit } from './plan.js';
import { compareText } from '../../util/order.js';

export interface SplitLimits {
  /** Rules one load balancer may hold, its fallback rules included. */
  rules: number;
  targetGroups: number;
}

export function suggestSplit(
  model: RouteModel,
  compile: (model: RouteModel) => AlbPlan,
  limits: SplitLimits,
): AlbSplit {
  const depth = branchDepth(model);
  const groups = new Map<string, RouteModel['routes']>();
  const unsplittable: string[] = [];
  for (const route of model.routes) {
    const seg = route.segments[depth];
    const key = !seg
      ? formatSegments(route.segments.slice(0, depth))
      : seg.kind === 'literal'
        ? formatSegments(route.segments.slice(0, depth + 1))
        : undefined;
    if (key === undefined) {
      unsplittable.push(route.id);
      continue;
    }
    groups.set(key, [...(groups.get(key) ?? []), route]);
  }
  if (unsplittable.length) return { shards: [], unsplittable: unsplittable.sort() };
  const sized = [...groups].map(([prefix, routes]) => {
    const plan = compile({ ...model, routes });
    return {
      prefix,
      rules: plan.usage.rules,
      fallback: plan.usage.fallbackRules,
      backends: new Set(plan.targetGroups.map((t) => t.backend)),
    };
  });
  sized.sort((a, b) => b.rules - a.rules || compareText(a.prefix, b.prefix));
  const shards: (AlbShard & { backends: Set<string> })[] = [];
  for (const g of sized) {
    const fits = shards.find(
      (s) =>
        s.rules + g.rules <= limits.rules &&
        new Set([...s.backends, ...g.backends]).size <= limits.targetGroups,
    );
    if (fits) {
      fits.prefixes.push(g.prefix);
      fits.rules += g.rules;
      for (const b of g.backends) fits.backends.add(b);
      fits.targetGroups = fits.backends.size;
    } else
      shards.push({
        prefixes: [g.prefix],
        rules: g.rules + g.fallback,
        targetGroups: g.backends.size,
        backends: new Set(g.backends),
      });
  }
  // Sums overcount the destinations branches share; measure each shard, then join shards while they fit.
  const byPrefix = new Map([...groups].map(([prefix, routes]) => [prefix, routes]));
  const measure = (prefixes: string[]): AlbShard => {
    const plan = compile({ ...model, routes: prefixes.flatMap((p) => byPrefix.get(p)!) });
    return {
      prefixes: [...prefixes].sort(compareText),
      rules: plan.usage.rules + plan.usage.fallbackRules,
      targetGroups: plan.targetGroups.length,
    };
  };
  const fits = (s: AlbShard) => s.rules <= limits.rules && s.targetGroups <= limits.targetGroups;
  let measured = shards.map((s) => measure(s.prefixes));
  for (let joined = true; joined && measured.length > 1;) {
    joined = false;
    const order = [...measured].sort(
      (a, b) => a.rules - b.rules || compareText(a.prefixes[0]!, b.prefixes[0]!),
    );
    for (let i = 0; i < order.length && !joined; i++)
      for (let j = i + 1; j < order.length && !joined; j++) {
        const union = measure([...order[i]!.prefixes, ...order[j]!.prefixes]);
        if (!fits(union)) continue;
        measured = [...measured.filter((s) => s !== order[i] && s !== order[j]), union];
        joined = true;
      }
  }
  return { shards: measured.sort((a, b) => compareText(a.prefixes[0]!, b.prefixes[0]!)) };
}

/** The first segment below the API's base path where the routes part ways. */
function branchDepth(model: RouteModel): number {
  let depth = model.api.basePath.split('/').filter(Boolean).length;
  for (;;) {
    const at = model.routes.map((r) => r.segments[depth]);
    if (at.some((s) => s === undefined)) return depth;
    const first = at[0]!;
    const same = at.every((s) =>
      first.kind === 'literal' ? s!.kind === 'literal' && s!.value === first.value : s!.kind === 'param',
    );
    if (!same || first.kind === 'greedy' || first.kind === 'mixed') return depth;
    depth++;
  }
}
