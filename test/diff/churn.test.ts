import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/targets/generate.js';
import { targets } from '../../src/targets/registry.js';
import type { Artifact } from '../../src/targets/artifact.js';
import type { RouteModel } from '../../src/model/types.js';
import { compileAlb } from '../../src/targets/alb/compile.js';
import type { AlbPlan } from '../../src/targets/alb/plan.js';
import { exampleSpecs, modelOf, SPECS_DIR } from '../support/pipeline.js';
import { tempDir } from '../support/temp.js';

/**
 * Churn: adding one operation to an example spec must change only what belongs to that
 * operation. Each bound is the most a target may touch, with the reason; a target that is
 * registered without a bound fails the test so its churn gets measured and written down.
 */
interface Bound {
  /** Lines changed (removed + added, by longest common subsequence) over all artifacts. */
  lines: number;
  /** CloudFormation resources added, removed or modified over all templates, given the spec's stage count. */
  resources: (stages: number) => number;
  why: string;
}

const BOUNDS: Record<string, Bound> = {
  'apigw-rest': {
    lines: 180,
    resources: (stages) => 3 + stages,
    why: 'the operation in the import document (its CloudFormation Body too); the Deployment is replaced by design (its logical id hashes the body), so RestApi and every Stage that points at it change',
  },
  'apigw-http': {
    lines: 50,
    resources: () => 1,
    why: 'the route in the import document, inlined as the HttpApi Body',
  },
  alb: {
    lines: 80,
    resources: (stages) => 2 * stages,
    why: 'per stage, one listener rule added or widened; a widened rule whose name changes is replaced (one resource removed, one added)',
  },
  'terraform --for apigw-rest': {
    lines: 100,
    resources: () => 0,
    why: 'the operation in the import document beside the .tf files',
  },
  'terraform --for apigw-http': {
    lines: 40,
    resources: () => 0,
    why: 'the route in the import document beside the .tf files',
  },
  'terraform --for alb': {
    lines: 80,
    resources: () => 0,
    why: 'one aws_lb_listener_rule block added or widened; when ALB forwards to the backend for the first time, its target group, the output with its ARN and the VPC variable',
  },
};

/**
 * Rules (added, removed or changed) the ALB compiler may touch per stage when one operation
 * is added: the rule that takes the route (new, or widened), and one neighbour re-prioritized.
 */
const ALB_RULES_PER_STAGE = 2;

const TERRAFORM_FOR = ['apigw-rest', 'apigw-http', 'alb'];

interface Churn {
  lines: number;
  /** Changed lines per artifact path. */
  perFile: Record<string, number>;
  resources: { added: string[]; removed: string[]; modified: string[] };
  files: string[];
  routes: { before: number; after: number };
  stages: number;
}

/** One summary for BENCHMARKS.md instead of a line per test. */
const measured: string[] = [];
afterAll(() => {
  if (measured.length)
    console.info(
      `[churn] adding one operation:\n${measured
        .sort()
        .map((m) => `  ${m}`)
        .join('\n')}`,
    );
});

describe('churn of adding one operation', () => {
  const ids = Object.keys(targets).filter((id) => id !== 'model');
  const variants = ids.flatMap((id) =>
    id === 'terraform'
      ? TERRAFORM_FOR.map((f) => ({ id, forTarget: f as string | undefined }))
      : [{ id, forTarget: undefined }],
  );
  const labelOf = (v: { id: string; forTarget?: string }) =>
    v.forTarget ? `${v.id} --for ${v.forTarget}` : v.id;

  it('every registered target has a churn bound', () => {
    expect(variants.map(labelOf).filter((label) => !BOUNDS[label])).toEqual([]);
  });

  for (const spec of exampleSpecs()) {
    for (const variant of variants) {
      const label = labelOf(variant);
      // The probe (/churn-probe) lies outside every prefix of the split spec's APIs, so it adds an
      // API of its own; a route inside a prefix touches one API (test/apigw/split.test.ts).
      if (spec === 'specs/split-api/openapi.yaml' && variant.forTarget !== 'alb' && variant.id !== 'alb')
        continue;
      it(`${spec} × ${label} stays within its bound`, async () => {
        const churn = await measure(spec, variant.id, variant.forTarget);
        expect(churn.routes.after).toBe(churn.routes.before + 1);
        const bound = BOUNDS[label];
        expect(bound, `no churn bound for ${label}`).toBeDefined();
        const touched =
          churn.resources.added.length + churn.resources.removed.length + churn.resources.modified.length;
        measured.push(
          `${spec} × ${label}: ${churn.lines} lines (${Object.entries(churn.perFile)
            .map(([f, n]) => `${f} ${n}`)
            .join(
              ', ',
            )}), resources +${churn.resources.added.length} -${churn.resources.removed.length} ~${churn.resources.modified.length}`,
        );
        expect(churn.lines).toBeLessThanOrEqual(bound!.lines);
        expect(touched).toBeLessThanOrEqual(bound!.resources(churn.stages));
      });
    }

    it(`${spec} × ALB plan: at most ${ALB_RULES_PER_STAGE} listener rules touched per stage`, async () => {
      const [base, probe] = await Promise.all([probeModel(spec, false), probeModel(spec, true)]);
      // Keyed by priority, which derives from a rule's identity; a rule renamed in place is one rule.
      const rules = (plan: AlbPlan) =>
        new Map(
          plan.listeners.flatMap((l) =>
            l.rules.map((r) => [`${l.name}/${r.priority}`, JSON.stringify({ ...r, name: '' })] as const),
          ),
        );
      const a = rules(compileAlb(base));
      const b = rules(compileAlb(probe));
      const touched = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
      const stages = Object.keys(base.stages).length;
      measured.push(`${spec} × ALB plan: ${touched.length} of ${b.size} rules touched (${stages} stages)`);
      expect(touched.length).toBeGreaterThan(0);
      expect(touched.length).toBeLessThanOrEqual(ALB_RULES_PER_STAGE * stages);
    });
  }
});

/** Generates the spec and the spec plus one operation, from copies that display the same paths. */
export async function measure(spec: string, target: string, forTarget?: string): Promise<Churn> {
  const baseModel = await probeModel(spec, false);
  const probeAdded = await probeModel(spec, true);
  const before = artifactsOf(baseModel, target, forTarget);
  const after = artifactsOf(probeAdded, target, forTarget);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const churn: Churn = {
    lines: 0,
    perFile: {},
    resources: { added: [], removed: [], modified: [] },
    files: [],
    routes: { before: baseModel.routes.length, after: probeAdded.routes.length },
    stages: Object.keys(baseModel.stages).length,
  };
  for (const path of paths) {
    const a = before.get(path) ?? '';
    const b = after.get(path) ?? '';
    if (a === b) continue;
    churn.files.push(path);
    const lines = changedLines(a.split('\n'), b.split('\n'));
    churn.perFile[path] = lines;
    churn.lines += lines;
    const ra = resourcesOf(a);
    const rb = resourcesOf(b);
    for (const key of Object.keys(rb)) if (!(key in ra)) churn.resources.added.push(key);
    for (const key of Object.keys(ra)) {
      if (!(key in rb)) churn.resources.removed.push(key);
      else if (JSON.stringify(ra[key]) !== JSON.stringify(rb[key])) churn.resources.modified.push(key);
    }
  }
  return churn;
}

/** The spec, or the spec plus one operation, loaded from a copy so both display the same paths. */
async function probeModel(spec: string, addOperation: boolean): Promise<RouteModel> {
  const dir = tempDir();
  cpSync(SPECS_DIR, join(dir, 'specs'), { recursive: true });
  const file = join(dir, spec);
  if (addOperation) addProbeOperation(file);
  return modelOf(file, { cwd: dir });
}

function artifactsOf(model: RouteModel, target: string, forTarget: string | undefined): Map<string, string> {
  const result = generate(model, { targets: [target], ...(forTarget ? { for: forTarget } : {}) });
  return new Map(result.artifacts.map((a: Artifact) => [a.path, a.content]));
}

/**
 * One new public GET operation on a new path, inheriting everything else: in an OpenAPI document it
 * goes to the first backend the document names (else the config's default); in a Postman
 * collection it is one more request in the top-level item list.
 */
function addProbeOperation(file: string): void {
  // A YAML document keeps the file's layout; a .json file must stay strict JSON.
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (doc.has('item')) {
    const items = doc.get('item') as { add(value: unknown): void };
    items.add(
      doc.createNode({
        name: 'Churn probe',
        request: {
          method: 'GET',
          url: { raw: '{{baseUrl}}/churn-probe', host: ['{{baseUrl}}'], path: ['churn-probe'] },
        },
      }),
    );
  } else {
    const paths = doc.get('paths') as { set(key: string, value: unknown): void };
    const backends = doc.getIn(['x-gateplan', 'backends']) as
      { items?: { key: { value: string } }[] } | undefined;
    const backend = backends?.items?.[0]?.key.value;
    // Public, so every front door serves it: a route left out (or answered 401 on ALB) measures nothing.
    const operation: Record<string, unknown> = {
      operationId: 'churnProbe',
      security: [],
      responses: { '200': { description: 'ok' } },
    };
    if (backend) operation['x-gateplan'] = { backend };
    paths.set('/churn-probe', doc.createNode({ get: operation }));
  }
  writeFileSync(file, file.endsWith('.json') ? JSON.stringify(doc.toJS(), null, 2) + '\n' : doc.toString());
}

/** Removed plus added lines after the longest common subsequence, with equal ends trimmed first. */
export function changedLines(a: string[], b: string[]): number {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const x = a.slice(start, endA);
  const y = b.slice(start, endB);
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++)
      row[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    previous = row;
  }
  const common = previous[y.length]!;
  return x.length - common + (y.length - common);
}

/** `Resources` of a CloudFormation template (YAML or JSON); empty for anything else. */
function resourcesOf(text: string): Record<string, unknown> {
  try {
    // Short-form intrinsics (`!Ref`) only draw warnings here; their values still compare.
    const doc = parse(text, { logLevel: 'silent', maxAliasCount: -1 }) as unknown;
    if (doc && typeof doc === 'object' && 'Resources' in doc)
      return (doc as { Resources: Record<string, unknown> }).Resources;
  } catch {
    // Not YAML or JSON (HCL, markdown): no resources to count.
  }
  return {};
}
