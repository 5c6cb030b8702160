import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare } from '../../src/compare/compare.js';
import { compareFormatters } from '../../src/compare/render.js';
import { albPlanFacts } from '../../src/cost/alb-plan.js';
import { estimateCosts } from '../../src/cost/estimate.js';
import { parsePrices, type Prices } from '../../src/cost/prices.js';
import { costFormatters } from '../../src/cost/render.js';
import { DEFAULT_PROFILE } from '../../src/cost/traffic.js';
import { diff, DIFF_TARGETS } from '../../src/diff/index.js';
import { diffFormatters } from '../../src/diff/format/index.js';
import { dedupeDiagnostics, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { RouteModel } from '../../src/model/types.js';
import type { Artifact } from '../../src/targets/artifact.js';
import { generate } from '../../src/targets/generate.js';
import { FRONT_DOORS } from '../../src/targets/terraform/index.js';
import { REPO } from './pipeline.js';

let prices: Prices | undefined;
function defaultPrices(): Prices {
  prices ??= parsePrices(JSON.parse(readFileSync(join(REPO, 'data/prices/us-east-1.json'), 'utf8')), 'p')
    .prices as Prices;
  return prices;
}

/** One target's output, as `generate --target <target> [--for <door>]` would give it. */
export interface TargetRun {
  target: string;
  for?: string;
  artifacts: Artifact[];
  diagnostics: Diagnostic[];
}

export interface Everything {
  /** Each target on its own: REST, HTTP, ALB, and Terraform for every front door. */
  runs: TargetRun[];
  /** Every target's artifacts, Terraform once per front door (`terraform-alb/main.tf`). */
  artifacts: Artifact[];
  /** What lint and generate report. */
  diagnostics: Diagnostic[];
  /** compare, cost and diff output in every format. */
  reports: string[];
}

/**
 * Everything a user can ask of a model: lint, every target (Terraform for every front door),
 * compare and cost in every format, and a diff against `base` for every target and format.
 * Throws what they throw: callers assert that nothing does.
 */
export function runEverything(model: RouteModel, base: RouteModel = model): Everything {
  const runs: TargetRun[] = [
    ...['model', 'apigw-rest', 'apigw-http', 'alb'].map((target) => ({
      target,
      ...generate(model, { targets: [target] }),
    })),
    ...FRONT_DOORS.map((door) => {
      const tf = generate(model, { targets: ['terraform'], for: door });
      const artifacts = tf.artifacts.map((a) => ({
        ...a,
        path: a.path.replace(/^terraform\//, `terraform-${door}/`),
      }));
      return { target: 'terraform', for: door, artifacts, diagnostics: tf.diagnostics };
    }),
  ];
  const artifacts = runs.flatMap((r) => r.artifacts);
  const diagnostics = dedupeDiagnostics(runs.flatMap((r) => r.diagnostics));
  const alb = albPlanFacts(model);
  const cost = estimateCosts(model, DEFAULT_PROFILE, defaultPrices(), alb);
  const compared = compare(model, cost);
  const changes = diff(base, model, { targets: [...DIFF_TARGETS] });
  const reports = [
    ...Object.values(compareFormatters).map((format) => format(compared, { color: false })),
    ...Object.values(costFormatters).map((format) => format(cost, { color: false, title: model.api.title })),
    ...Object.values(diffFormatters).map((format) => format(changes, { color: false })),
  ];
  return { runs, artifacts, diagnostics, reports };
}
