import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { RouteModel } from '../../src/model/types.js';
import { generate } from '../../src/targets/generate.js';
import { validateCfnTemplate } from './cfn-schema.js';

/**
 * Every finding points at one of the input files, with a line when it points inside one (a
 * pointer), as `file:line:column` in the CLI's output.
 */
export function expectLocated(diagnostics: Diagnostic[], files: string[]): void {
  for (const d of diagnostics) {
    const label = `${d.code} at ${d.where.file}#${d.where.pointer}`;
    expect(files, label).toContain(d.where.file);
    expect(typeof d.where.pointer, label).toBe('string');
    if (d.where.pointer !== '') expect(d.where.line, label).toBeGreaterThan(0);
  }
}

/**
 * What the CloudFormation front doors emit parses (JSON documents, YAML templates) and the
 * templates pass the resource schemas; a spec that cannot be generated says so with an error.
 * Returns whether there was output to check.
 */
export function expectOutputsParse(model: RouteModel): boolean {
  const result = generate(model, { targets: ['apigw-rest', 'apigw-http', 'alb'] });
  if (result.diagnostics.some((d) => d.severity === 'error')) return false;
  for (const artifact of result.artifacts) {
    if (artifact.path.endsWith('.json'))
      expect(() => JSON.parse(artifact.content), artifact.path).not.toThrow();
    if (artifact.path.endsWith('template.yaml'))
      expect(validateCfnTemplate(parseYaml(artifact.content)), artifact.path).toEqual([]);
  }
  return true;
}
