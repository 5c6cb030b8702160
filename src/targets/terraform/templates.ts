import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { formatHcl } from './format.js';
import { helpers } from './helpers.js';

/** The bundled templates ship with the package (`templates/terraform/*.hbs`, two folders above `src|dist/targets`). */
const BUNDLED_DIR = fileURLToPath(new URL('../../../templates/terraform/', import.meta.url));

/** Reads every `*.hbs` file of a folder as name (file name without `.hbs`) → text. */
export function readTemplateDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith('.hbs')) out[file.slice(0, -'.hbs'.length)] = readFileSync(join(dir, file), 'utf8');
  }
  return out;
}

let bundled: Record<string, string> | undefined;

/**
 * The package's own templates. They are read-only assets of the package, read once, so
 * `plan` stays deterministic; user templates arrive through `TargetOptions.templates`.
 */
export function bundledTemplates(): Record<string, string> {
  bundled ??= readTemplateDir(BUNDLED_DIR);
  return bundled;
}

export interface TemplateProblem {
  template: string;
  reason: string;
}

export interface Renderer {
  /** Renders a template and lays it out as `terraform fmt` would. */
  render(name: string, context: object): string;
  /** Names in the overrides that match no bundled template. */
  unknown: string[];
}

/** Thrown by `render` when a (user) template fails to compile or run. */
export class TemplateError extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(`template ${problem.template}: ${problem.reason}`);
  }
}

/** Every template is also a partial under its name, so overriding a partial changes every use. */
export function createRenderer(overrides: Record<string, string> = {}): Renderer {
  const sources = { ...bundledTemplates(), ...overrides };
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  for (const [name, text] of Object.entries(sources)) hb.registerPartial(name, text);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const known = new Set(Object.keys(bundledTemplates()));
  return {
    unknown: Object.keys(overrides)
      .filter((n) => !known.has(n))
      .sort(),
    render(name, context) {
      const source = sources[name];
      if (source === undefined) throw new TemplateError({ template: name, reason: 'no such template' });
      try {
        let template = compiled.get(name);
        if (!template) {
          template = hb.compile(source, { noEscape: true });
          compiled.set(name, template);
        }
        return formatHcl(template(context));
      } catch (error) {
        throw new TemplateError({
          template: name,
          reason: error instanceof Error ? error.message : String(error),
        });
      }
    },
  };
}
