/**
 * The parts of the ALB compiler's plan the bill depends on. Structural, so any `AlbPlan`
 * (src/targets/alb/plan.ts) fits: listeners with their rules in priority order, and the WAF.
 */
export interface AlbPlanShape {
  listeners: { name: string; rules: { routes: string[] }[] }[];
  waf?: { rules: unknown[] };
  /** The compiler's own count, the one `lint --target alb` holds against the quota (GP212). */
  usage: { rules: number; fallbackRules: number };
}

/** What the ALB plan decides that the bill depends on. */
export interface AlbFacts {
  /** Listener rules per listener (default actions excluded), in plan order. */
  listeners: { listener: string; rules: number }[];
  /**
   * Rules ALB evaluates for a request of each route: its rule's 1-based position in priority
   * order on its listener (averaged when stages give a route several rules).
   */
  rulesProcessedByRoute: Record<string, number>;
  /** Web ACLs the plan creates for rate-based throttling, and the rules in them. */
  waf: { webAcls: number; rules: number };
  /**
   * Listener rules on the load balancer as the quota counts them: the compiled rules plus, on a
   * listener gateplan does not own, one rule per listener standing in for its default action.
   */
  quotaRules: {
    total: number;
    fallback: number;
    /** The rule quota they count against: the default, or the raised one the API declares. */
    quota: number;
  };
}

export function albFacts(plan: AlbPlanShape, ruleQuota: number): AlbFacts {
  const positions = new Map<string, number[]>();
  for (const listener of plan.listeners) {
    listener.rules.forEach((rule, index) => {
      for (const route of rule.routes) {
        const list = positions.get(route) ?? [];
        list.push(index + 1);
        positions.set(route, list);
      }
    });
  }
  const rulesProcessedByRoute: Record<string, number> = {};
  for (const [route, list] of [...positions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    rulesProcessedByRoute[route] = list.reduce((sum, p) => sum + p, 0) / list.length;
  }
  return {
    listeners: plan.listeners.map((l) => ({ listener: l.name, rules: l.rules.length })),
    quotaRules: {
      total: plan.usage.rules + plan.usage.fallbackRules,
      fallback: plan.usage.fallbackRules,
      quota: ruleQuota,
    },
    rulesProcessedByRoute,
    // One web ACL per load balancer: an ALB accepts a single association.
    waf:
      plan.waf && plan.waf.rules.length > 0
        ? { webAcls: 1, rules: plan.waf.rules.length }
        : { webAcls: 0, rules: 0 },
  };
}
