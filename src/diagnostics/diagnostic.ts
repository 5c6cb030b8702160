import { catalog, type Code, type Level } from './catalog.js';
import { compareText } from '../util/order.js';

/** A place in the input: a file and a JSON pointer into it; line/column are added when known. */
export interface Where {
  file: string;
  /** RFC 6901 JSON pointer into `file` ('' is the whole document). */
  pointer: string;
  /** 1-based, filled in by the loader's position index. */
  line?: number;
  column?: number;
}

export type Severity = Exclude<Level, 'off'>;

export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** Named values for the catalog's message template. */
  args: Record<string, string>;
  where: Where;
  /** The route identity (`GET /users/{}`) the finding concerns, when it concerns one. */
  route?: string;
}

/** Per-code severity overrides, e.g. from `gateplan.yaml` `severity: { GP022: off }`. */
export type SeverityOverrides = Partial<Record<Code, Level>>;

export function diagnostic(
  code: Code,
  where: Where,
  args: Record<string, string | number> = {},
  route?: string,
): Diagnostic {
  const entry = catalog[code];
  const stringArgs: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) stringArgs[key] = String(value);
  const d: Diagnostic = { code, severity: entry.level as Severity, args: stringArgs, where };
  if (route !== undefined) d.route = route;
  return d;
}

export function renderMessage(d: Pick<Diagnostic, 'code' | 'args'>): string {
  return fill(catalog[d.code].text, d.args);
}

/** What the user can do, with the diagnostic's values filled in. */
export function renderFix(d: Pick<Diagnostic, 'code' | 'args'>): string | undefined {
  const fix = (catalog[d.code] as { fix?: string }).fix;
  return fix === undefined ? undefined : fill(fix, d.args);
}

function fill(template: string, args: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => args[key] ?? whole);
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

/** Applies overrides; a code set to `off` disappears. */
export function applySeverity(diagnostics: Diagnostic[], overrides: SeverityOverrides): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = overrides[d.code];
    if (level === 'off') continue;
    out.push(level ? { ...d, severity: level } : d);
  }
  return out;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Stable order: file, pointer, code. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.where.file, b.where.file) ||
      (a.where.line ?? 0) - (b.where.line ?? 0) ||
      compareText(a.where.pointer, b.where.pointer) ||
      compareText(a.code, b.code) ||
      compareText(JSON.stringify(a.args), JSON.stringify(b.args)),
  );
}

/** Drops repeats: the same finding (code, place, values) reported by two stages or targets. */
export function dedupeDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.where.file}|${d.where.pointer}|${JSON.stringify(d.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
