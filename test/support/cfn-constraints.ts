/**
 * The value constraints of the CloudFormation registry schemas (lengths, patterns, enums,
 * ranges, item counts), as cfn-lint bundles them, checked against a template. The resource
 * schemas `cfn-schema.ts` reads give types, not these: a priority of 60000 or a 300-character
 * health-check path type-checks and still fails the deploy.
 *
 * The constraint file lives in `../shared/reference/` beside the repo (present in our CI);
 * without it this check says so once and finds nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './pipeline.js';

/** Keywords of one property's constraint, as in JSON Schema. */
interface Constraint {
  enum?: (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Resource type → property path (`Actions[].Order`, `Tags[].Key`) → constraint. */
type Constraints = Record<string, Record<string, Constraint>>;

export const CFN_CONSTRAINTS_FILE = join(REPO, '..', 'shared', 'reference', 'cfn-constraints.json');
export const HAS_CFN_CONSTRAINTS = existsSync(CFN_CONSTRAINTS_FILE);

let cached: Constraints | undefined;
function constraints(): Constraints {
  cached ??= HAS_CFN_CONSTRAINTS
    ? (JSON.parse(readFileSync(CFN_CONSTRAINTS_FILE, 'utf8')) as { types: Constraints }).types
    : {};
  return cached;
}

/** Call at the top of a test file that relies on the constraints: says loudly when they are absent. */
export function announceCfnConstraints(): boolean {
  if (!HAS_CFN_CONSTRAINTS) {
    console.warn(
      `[gateplan] ${CFN_CONSTRAINTS_FILE} not found: CloudFormation value constraints are NOT checked.`,
    );
  }
  return HAS_CFN_CONSTRAINTS;
}

const patterns = new Map<string, RegExp | undefined>();
/** Registry patterns are ECMA-262 regexes in practice; one JavaScript cannot compile is skipped. */
function compiled(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) patterns.set(pattern, tryRegExp(pattern, 'u') ?? tryRegExp(pattern, ''));
  return patterns.get(pattern);
}

function tryRegExp(pattern: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return undefined;
  }
}

function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/** Every value at `path` below `node`, with where it was found; `[]` steps into each list item. */
function valuesAt(node: unknown, steps: string[], at: string): { at: string; value: unknown }[] {
  if (node === undefined || isIntrinsic(node)) return [];
  if (steps.length === 0) return [{ at, value: node }];
  const [step, ...rest] = steps;
  if (step === '[]') {
    return Array.isArray(node) ? node.flatMap((item, i) => valuesAt(item, rest, `${at}[${i}]`)) : [];
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return [];
  return valuesAt((node as Record<string, unknown>)[step!], rest, `${at}.${step}`);
}

function steps(path: string): string[] {
  return path.split('.').flatMap((part) => {
    const out = [part.replace(/\[\]/g, '')];
    for (const _ of part.matchAll(/\[\]/g)) out.push('[]');
    return out.filter(Boolean);
  });
}

function violations(value: unknown, c: Constraint): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    if (c.minItems !== undefined && value.length < c.minItems) out.push(`has fewer than ${c.minItems} items`);
    if (c.maxItems !== undefined && value.length > c.maxItems) out.push(`has more than ${c.maxItems} items`);
    return out;
  }
  if (value === null || typeof value === 'object') return out;
  if (c.enum && !c.enum.map(String).includes(String(value))) out.push(`is not one of ${c.enum.join(', ')}`);
  // A value that is no number at all is the type check's finding, not a range's.
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isNaN(number) && value !== '') {
    if (c.minimum !== undefined && number < c.minimum) out.push(`is below the minimum ${c.minimum}`);
    if (c.maximum !== undefined && number > c.maximum) out.push(`is above the maximum ${c.maximum}`);
  }
  if (typeof value === 'string') {
    // CloudFormation counts characters, not UTF-16 units.
    const length = [...value].length;
    if (c.minLength !== undefined && length < c.minLength) out.push(`is shorter than ${c.minLength}`);
    if (c.maxLength !== undefined && length > c.maxLength) out.push(`is longer than ${c.maxLength}`);
    const re = c.pattern === undefined ? undefined : compiled(c.pattern);
    if (re && !re.test(value)) out.push(`does not match ${c.pattern}`);
  }
  return out;
}

/** Every constraint a template's resource properties break, as `Resources.Id.Properties.Path[i]: value is …`. */
export function cfnConstraintProblems(template: unknown): string[] {
  const resources = (template as { Resources?: Record<string, { Type?: string; Properties?: unknown }> })
    ?.Resources;
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(resources ?? {})) {
    const byPath = constraints()[resource.Type ?? ''];
    if (!byPath) continue;
    for (const [path, constraint] of Object.entries(byPath)) {
      for (const { at, value } of valuesAt(resource.Properties, steps(path), `Resources.${id}.Properties`)) {
        for (const problem of violations(value, constraint)) {
          problems.push(`${at}: ${JSON.stringify(value).slice(0, 80)} ${problem}`);
        }
      }
    }
  }
  return problems;
}
