import {
  applySeverity,
  dedupeDiagnostics,
  sortDiagnostics,
  type Diagnostic,
} from '../diagnostics/diagnostic.js';
import { GateplanError } from '../diagnostics/errors.js';
import type { RouteModel } from '../model/types.js';
import type { Artifact } from './artifact.js';
import { DEFAULT_TARGETS, targets } from './registry.js';
import type { TargetOptions } from './target.js';
import { own } from '../util/dict.js';
import { byKey } from '../util/order.js';

export interface GenerateOptions extends TargetOptions {
  /** Target ids; default: the model only. */
  targets?: string[];
}

export interface GenerateResult {
  /** Paths are prefixed with the target id (`alb/template.yaml`), except the model's. */
  artifacts: Artifact[];
  diagnostics: Diagnostic[];
}

export class UnknownTargetError extends GateplanError {
  constructor(readonly target: string) {
    super('usage', `unknown target "${target}"; known: ${Object.keys(targets).join(', ')}`);
  }
}

/** Runs each requested target over the model. Pure: call `writeArtifacts` to put the result on disk. */
export function generate(model: RouteModel, options: GenerateOptions = {}): GenerateResult {
  const ids = options.targets?.length ? options.targets : DEFAULT_TARGETS;
  const artifacts: Artifact[] = [];
  const diagnostics: Diagnostic[] = [...model.diagnostics];
  for (const id of ids) {
    const target = own(targets, id);
    if (!target) throw new UnknownTargetError(id);
    const result = target.plan(model, options);
    const prefix = id === 'model' ? '' : `${id}/`;
    artifacts.push(...result.artifacts.map((a) => ({ path: prefix + a.path, content: a.content })));
    diagnostics.push(...applySeverity(result.diagnostics, model.severity ?? {}));
  }
  artifacts.sort(byKey((x) => x.path));
  return { artifacts, diagnostics: sortDiagnostics(dedupeDiagnostics(diagnostics)) };
}
