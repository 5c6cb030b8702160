/** The ALB plan's WAF rate limits, as a web ACL. */
import { pascalId } from '../../model/ids.js';
import type { RouteModel } from '../../model/types.js';
import type { AlbRateLimit } from '../alb/plan.js';
import { expr, type HclExpr } from './hcl.js';
import type { ModuleInterface } from './module.js';
import { kebab } from './names.js';

export interface WafContext {
  name: string;
  metricName: string;
  associate: HclExpr;
  rules: {
    name: string;
    priority: number;
    limit: number;
    windowSeconds: number;
    routes: string[];
    scopeDown?: WafStatement;
  }[];
}

/** A WAF statement tree: one matcher, or `and`/`or` of statements. */
export interface WafStatement {
  byteMatch?: { searchString: string; field: 'method' | 'host'; transformation: string };
  regexMatch?: { regex: string };
  and?: WafStatement[];
  or?: WafStatement[];
}

export function wafContext(
  model: RouteModel,
  rules: AlbRateLimit[],
  full: boolean,
  vars: ModuleInterface,
): WafContext {
  return {
    name: `${kebab(model.api.title) || 'gateplan'}-rate-limits`,
    metricName: `gateplan-${pascalId(model.api.title, 60)}`,
    associate: full
      ? expr('aws_lb.this.arn')
      : vars.variable('load_balancer_arn', 'string', 'ARN of the load balancer the WAF rate limits protect'),
    rules: rules.map((r, i) => ({
      name: r.name,
      // WAF needs unique priorities; the plan lists its rate rules in their evaluation order.
      priority: i,
      limit: r.limit,
      windowSeconds: r.windowSeconds,
      routes: r.routes,
      ...(scopeDown(r) ? { scopeDown: scopeDown(r)! } : {}),
    })),
  };
}

function scopeDown(rule: AlbRateLimit): WafStatement | undefined {
  const entries = rule.scope
    .map((s) => {
      const parts: WafStatement[] = [];
      if (s.method)
        parts.push({ byteMatch: { searchString: s.method, field: 'method', transformation: 'NONE' } });
      if (s.pathRegex) parts.push({ regexMatch: { regex: s.pathRegex } });
      if (s.host)
        parts.push({
          byteMatch: { searchString: s.host.toLowerCase(), field: 'host', transformation: 'LOWERCASE' },
        });
      return parts.length === 1 ? parts[0]! : parts.length > 1 ? { and: parts } : undefined;
    })
    .filter((s): s is WafStatement => s !== undefined);
  if (entries.length === 0 || entries.length < rule.scope.length) return undefined;
  return entries.length === 1 ? entries[0] : { or: entries };
}
