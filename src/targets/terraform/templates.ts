import type HandlebarsModule from 'handlebars';
import { lazyRequire } from '../../util/lazy.js';
// The package's own templates/terraform/*.hbs, compiled into a module by `npm run templates` so
// planning reads no files; user templates arrive through `TargetOptions.templates`.
import { BUNDLED_TEMPLATES } from './templates.generated.js';
import { formatHcl } from './format.js';
import { helpers } from './helpers.js';

const handlebars = lazyRequire<typeof HandlebarsModule>('handlebars');

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
  const sources = { ...BUNDLED_TEMPLATES, ...overrides };
  const hb = handlebars().create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  for (const [name, text] of Object.entries(sources)) hb.registerPartial(name, text);
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const known = new Set(Object.keys(BUNDLED_TEMPLATES));
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
        // Partials compile when first used: a syntax error in an overridden partial surfaces
        // while rendering the template that includes it, so name the override that is broken.
        throw new TemplateError(syntaxProblem(hb, overrides) ?? { template: name, reason: reasonOf(error) });
      }
    },
  };
}

function syntaxProblem(
  hb: typeof HandlebarsModule,
  overrides: Record<string, string>,
): TemplateProblem | undefined {
  for (const template of Object.keys(overrides).sort()) {
    try {
      hb.parse(overrides[template]!);
    } catch (error) {
      return { template, reason: reasonOf(error) };
    }
  }
  return undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
