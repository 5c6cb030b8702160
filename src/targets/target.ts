import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { RouteModel } from '../model/types.js';
import type { Artifact } from './artifact.js';

/** What a target returns: files to write and what it found on the way. Pure, no I/O. */
export interface TargetResult {
  artifacts: Artifact[];
  diagnostics: Diagnostic[];
}

export interface TargetOptions {
  /** Terraform: which front door(s) to render. */
  for?: string;
  /** Terraform: a folder of user templates overriding the bundled ones (read by the CLI, passed in). */
  templates?: Record<string, string>;
  /** Terraform: the folder `templates` were read from, so findings about them name the real file. */
  templatesDir?: string;
}

export interface Target {
  id: string;
  /** One line for `--help`. */
  summary: string;
  plan(model: RouteModel, options: TargetOptions): TargetResult;
}
