import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/targets/generate.js';
import { targets } from '../../src/targets/registry.js';
import type { Artifact } from '../../src/write/artifact.js';
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
  /** CloudFormation resources added, removed or modified over all templates. */
  resources: number;
  why: string;
}

const BOUNDS: Record<string, Bound> = {};

const TERRAFORM_FOR = ['apigw-rest', 'alb'];

interface Churn {
  lines: number;
  resources: { added: string[]; removed: string[]; modified: string[] };
  files: string[];
}

describe('churn of adding one operation', () => {
  const ids = Object.keys(targets).filter((id) => id !== 'model');
  it.skipIf(ids.length === 0)('every registered target has a churn bound', () => {
    expect(ids.filter((id) => !BOUNDS[id])).toEqual([]);
  });
  for (const spec of exampleSpecs()) {
    for (const id of ids) {
      const variants = id === 'terraform' ? TERRAFORM_FOR : [undefined];
      for (const forTarget of variants) {
        it(`${spec} × ${id}${forTarget ? ` --for ${forTarget}` : ''} stays within its bound`, async () => {
          const churn = await measure(spec, id, forTarget);
          const bound = BOUNDS[id];
          expect(bound, `no churn bound for ${id}`).toBeDefined();
          const touched =
            churn.resources.added.length + churn.resources.removed.length + churn.resources.modified.length;
          console.info(
            `[churn] ${spec} × ${id}${forTarget ? ` --for ${forTarget}` : ''}: ${churn.lines} lines, resources +${churn.resources.added.length} -${churn.resources.removed.length} ~${churn.resources.modified.length} (${churn.files.join(', ')})`,
          );
          expect(churn.lines).toBeGreaterThan(0);
          expect(churn.lines).toBeLessThanOrEqual(bound!.lines);
          expect(touched).toBeLessThanOrEqual(bound!.resources);
        });
      }
    }
  }
});

/** Generates the spec and the spec plus one operation, from copies that display the same paths. */
export async function measure(spec: string, target: string, forTarget?: string): Promise<Churn> {
  const before = await artifactsOf(spec, target, forTarget, false);
  const after = await artifactsOf(spec, target, forTarget, true);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  const churn: Churn = { lines: 0, resources: { added: [], removed: [], modified: [] }, files: [] };
  for (const path of paths) {
    const a = before.get(path) ?? '';
    const b = after.get(path) ?? '';
    if (a === b) continue;
    churn.files.push(path);
    churn.lines += changedLines(a.split('\n'), b.split('\n'));
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

async function artifactsOf(
  spec: string,
  target: string,
  forTarget: string | undefined,
  addOperation: boolean,
): Promise<Map<string, string>> {
  const dir = tempDir();
  cpSync(SPECS_DIR, join(dir, 'specs'), { recursive: true });
  const file = join(dir, spec);
  if (addOperation) addProbeOperation(file);
  const model = await modelOf(file, { cwd: dir });
  const result = generate(model, { targets: [target], ...(forTarget ? { for: forTarget } : {}) });
  return new Map(result.artifacts.map((a: Artifact) => [a.path, a.content]));
}

/** One new GET operation on a new path, sent to the spec's first backend, inheriting everything else. */
function addProbeOperation(file: string): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const paths = doc.get('paths') as { set(key: string, value: unknown): void };
  const intent = doc.getIn(['x-gateplan', 'backends']) as
    { items?: { key: { value: string } }[] } | undefined;
  const backend = intent?.items?.[0]?.key.value;
  const operation: Record<string, unknown> = {
    operationId: 'churnProbe',
    responses: { '200': { description: 'ok' } },
  };
  if (backend) operation['x-gateplan'] = { backend };
  paths.set('/churn-probe', doc.createNode({ get: operation }));
  writeFileSync(file, doc.toString());
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
