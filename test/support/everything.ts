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
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
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

export interface Everything {
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
  const main = generate(model, { targets: ['model', 'apigw-rest', 'apigw-http', 'alb'] });
  const artifacts = [...main.artifacts];
  const diagnostics = [...main.diagnostics];
  for (const door of FRONT_DOORS) {
    const tf = generate(model, { targets: ['terraform'], for: door });
    artifacts.push(
      ...tf.artifacts.map((a) => ({ ...a, path: a.path.replace(/^terraform\//, `terraform-${door}/`) })),
    );
    diagnostics.push(...tf.diagnostics);
  }
  const alb = albPlanFacts(model);
  const cost = estimateCosts(model, DEFAULT_PROFILE, defaultPrices(), alb);
  const compared = compare(model, cost);
  const changes = diff(base, model, { targets: [...DIFF_TARGETS] });
  const reports = [
    ...Object.values(compareFormatters).map((format) => format(compared, { color: false })),
    ...Object.values(costFormatters).map((format) => format(cost, { color: false, title: model.api.title })),
    ...Object.values(diffFormatters).map((format) => format(changes, { color: false })),
  ];
  return { artifacts, diagnostics, reports };
}
