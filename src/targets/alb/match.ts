/**
 * An Application Load Balancer listener, simulated: which rule a request matches and what
 * happens to it. It follows the documented evaluation, not the compiler, so it can check
 * the compiler:
 *  - rules are tried in ascending priority; the first whose conditions all hold wins,
 *    otherwise the default action applies;
 *  - conditions AND together, the values inside one condition OR together;
 *  - path patterns are case-sensitive, `*` matches any run of characters (including `/`)
 *    and `?` exactly one; regex values are regular expressions searched in the path;
 *  - host and header names and values, and query strings, compare case-insensitively;
 *  - methods compare exactly; source IPs by CIDR.
 */
import type { AlbActions, AlbCondition, AlbListener, AlbRule, AlbWeightedTarget } from './plan.js';

export interface AlbRequest {
  method: string;
  /** The path only, without the query string. */
  path: string;
  host?: string;
  /** Header name → value(s). */
  headers?: Record<string, string | string[]>;
  /** Query parameters in order; a key may repeat. */
  query?: [string, string][];
  sourceIp?: string;
}

export interface AlbMatch {
  /** The rule that matched; absent when the default action applies. */
  rule?: AlbRule;
  actions: AlbActions;
  /** The path the target receives after the rule's url-rewrite transform. */
  forwardedPath: string;
}

/** Evaluates rules by priority; `defaultAction` answers when none matches. */
export function matchRequest(
  rules: readonly AlbRule[],
  request: AlbRequest,
  defaultAction: AlbActions,
): AlbMatch {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority);
  for (const rule of ordered) {
    if (rule.conditions.every((c) => conditionHolds(c, request))) {
      return { rule, actions: rule.actions, forwardedPath: rewrite(rule, request.path) };
    }
  }
  return { actions: defaultAction, forwardedPath: request.path };
}

export function matchListener(listener: AlbListener, request: AlbRequest): AlbMatch {
  return matchRequest(listener.rules, request, listener.defaultAction);
}

/** The target group a weighted forward picks for a point `u` in [0, 1) of its weight range. */
export function pickTarget(targets: readonly AlbWeightedTarget[], u: number): string | undefined {
  const total = targets.reduce((sum, t) => sum + t.weight, 0);
  let at = u * total;
  for (const t of targets) {
    if (t.weight === 0) continue;
    if (at < t.weight) return t.backend;
    at -= t.weight;
  }
  return undefined;
}

export function conditionHolds(c: AlbCondition, request: AlbRequest): boolean {
  switch (c.field) {
    case 'path-pattern':
      return c.regexValues
        ? c.regexValues.some((r) => new RegExp(r).test(request.path))
        : (c.values ?? []).some((v) => globRegExp(v.replace(/&amp;/g, '&'), false).test(request.path));
    case 'host-header': {
      const host = request.host;
      if (host === undefined) return false;
      return c.regexValues
        ? c.regexValues.some((r) => new RegExp(r, 'i').test(host))
        : (c.values ?? []).some((v) => globRegExp(v, true).test(host));
    }
    case 'http-header': {
      const values = headerValues(request, c.name);
      return values.some((value) => c.values.some((v) => globRegExp(v, true).test(value)));
    }
    case 'http-request-method':
      return c.values.includes(request.method);
    case 'query-string':
      return c.values.some(({ key, value }) =>
        (request.query ?? []).some(
          ([k, v]) => (key === undefined || queryGlob(key).test(k)) && queryGlob(value).test(v),
        ),
      );
    case 'source-ip':
      return request.sourceIp !== undefined && c.values.some((cidr) => inCidr(request.sourceIp!, cidr));
  }
}

function headerValues(request: AlbRequest, name: string): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(request.headers ?? {})) {
    if (k.toLowerCase() === name.toLowerCase()) out.push(...(Array.isArray(v) ? v : [v]));
  }
  return out;
}

/** `*` any run, `?` one character, everything else literal; anchored. */
function globRegExp(glob: string, caseInsensitive: boolean): RegExp {
  let source = '';
  for (const c of glob)
    source += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()[\]{}|/]/g, '\\$&');
  return new RegExp(`^${source}$`, caseInsensitive ? 'is' : 's');
}

/** Query-string patterns: `\*` and `\?` are literal. */
function queryGlob(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && (glob[i + 1] === '*' || glob[i + 1] === '?')) {
      source += '\\' + glob[++i];
    } else {
      source += c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.+()[\]{}|/]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`, 'is');
}

function rewrite(rule: AlbRule, path: string): string {
  let out = path;
  for (const t of rule.transforms) {
    const re = new RegExp(t.regex);
    if (re.test(out)) out = out.replace(re, t.replace);
  }
  return out;
}

export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const a = parseIp(ip);
  const b = parseIp(base ?? '');
  if (!a || !b || a.bits !== b.bits) return false;
  const bits = bitsText === undefined ? a.bits : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > a.bits) return false;
  const shift = BigInt(a.bits - bits);
  return a.value >> shift === b.value >> shift;
}

function parseIp(text: string): { value: bigint; bits: 32 | 128 } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((v, p) => (v << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (!text.includes(':')) return undefined;
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (text.includes('::') ? missing < 1 : left.length !== 8) return undefined;
  const groups = [...left, ...Array<string>(text.includes('::') ? missing : 0).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { value: groups.reduce((v, g) => (v << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
}
