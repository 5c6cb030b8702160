/** What a split over several load balancers (plan.split) would look like, in words, for GP200 and GP211. */
import type { RouteModel } from '../../../model/types.js';
import { quotaLimit } from '../../quotas.js';
import { ALB_QUOTAS, type AlbPlan } from '../plan.js';
import { routeList } from './lists.js';

const PREFIXES_SHOWN = 4;

export function splitAdvice(model: RouteModel, plan: AlbPlan, over: 'rules' | 'target groups'): string {
  const raise =
    over === 'rules'
      ? `or ask AWS to raise the rules-per-load-balancer quota (adjustable) to ${plan.usage.rules + plan.usage.fallbackRules}`
      : 'target groups per load balancer cannot be raised';
  const split = plan.split;
  if (!split) return raise;
  const ruleQuota = quotaLimit(model, 'albRules');
  if (split.unsplittable?.length)
    return `the API cannot be split by path prefix: ${routeList(model, split.unsplittable)} match every prefix where the routes part ways; ${raise}`;
  const fits = split.shards.every(
    (s) => s.rules <= ruleQuota && s.targetGroups <= ALB_QUOTAS.targetGroupsPerLoadBalancer,
  );
  const shards = split.shards
    .map((s, i) => {
      const shown = s.prefixes.slice(0, PREFIXES_SHOWN).join(', ');
      const more =
        s.prefixes.length > PREFIXES_SHOWN ? ` and ${s.prefixes.length - PREFIXES_SHOWN} more` : '';
      return `${i + 1}) ${shown}${more}: ${s.rules} rules, ${s.targetGroups} target groups`;
    })
    .join('; ');
  if (!fits) {
    const big = split.shards.find(
      (s) =>
        s.prefixes.length === 1 &&
        (s.rules > ruleQuota || s.targetGroups > ALB_QUOTAS.targetGroupsPerLoadBalancer),
    );
    return `even split by path prefix (${shards}), ${big?.prefixes[0] ?? 'one prefix'} alone does not fit one load balancer; ${raise}`;
  }
  return `split the API by path prefix over ${split.shards.length} load balancers (${shards}), with something in front — CloudFront behaviors, an API Gateway, or another load balancer's rules — sending each request to its shard by prefix; ${raise}`;
}
