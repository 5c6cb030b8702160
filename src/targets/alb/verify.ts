/**
 * Re-checks a listener's rule list without the compiler's reasoning about shapes: from the
 * path values ALB will be given, read as automata (`automata.ts`), and the cells' templates.
 *  - every cell's rule takes all paths of its template with all its methods;
 *  - a rule that can take a request another destination's cell owns (the cell's template
 *    minus the more specific templates: any of them path-first, those declaring the method
 *    method-first) comes after that cell's rule — except a rule with extra conditions and the
 *    plain cell of its own template, whose requests without those conditions it never takes.
 * A failure is a compiler bug: the compiler then falls back to one rule per cell.
 */
import { type Automaton, globAutomaton, overlaps, regexAutomaton, templateAutomaton } from './automata.js';
import { type Cell, compareTemplates, type MethodSet, type Reading, sharedMethods } from './cells.js';
import type { PackedRule } from './pack.js';
import { segKey, shapeKey, type PathShape } from './shape.js';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../model/types.js';

/** GP217 for a listener whose rules failed verification. */
export function unverified(model: RouteModel, listener: string, problems: string[]): Diagnostic[] {
  if (problems.length === 0) return [];
  return [
    diagnostic(
      'GP217',
      { file: model.source.file, pointer: '/x-gateplan' },
      { listener, count: problems.length, problems: problems.slice(0, 3).join('; ') },
    ),
  ];
}

export function verifyRules(rules: PackedRule[], cells: Cell[], reading: Reading): string[] {
  const problems: string[] = [];
  const homeOf = new Map<number, number>();
  rules.forEach((r, i) => r.homes.forEach((id) => homeOf.set(id, i)));
  const values = rules.map(valuesOf);
  const templates = cells.map((c) => templateOf(c.shape));
  const prefixes = cells.map((c) => templatePrefix(c.shape));
  const closer = cells.map((f) => moreSpecific(f, cells, prefixes));

  for (const cell of cells) {
    const home = homeOf.get(cell.id);
    const rule = home === undefined ? undefined : rules[home];
    if (!rule || rule.dest !== cell.dest) {
      problems.push(`cell ${cell.id} (${label(cell)}) has no rule of its destination`);
      continue;
    }
    if (rule.methods && (cell.methods.any || cell.methods.list.some((m) => !rule.methods!.includes(m))))
      problems.push(`rule ${home} lacks methods of cell ${cell.id} (${label(cell)})`);
    if (
      overlaps(
        [templates[cell.id]!],
        values[home!]!.map((v) => v.automaton),
      )
    )
      problems.push(`rule ${home} does not take every path of cell ${cell.id} (${label(cell)})`);
  }

  rules.forEach((rule, r) => {
    const own = new Set(rule.homes.map((id) => shapeKey(cells[id]!.shape)));
    for (const cell of cells) {
      if (cell.dest === rule.dest) continue;
      // Extra conditions (a path key's query) take only their own requests from the plain template.
      if (rule.extra && !cell.extra && own.has(shapeKey(cell.shape))) continue;
      const methods = sharedMethods(rule.methods, cell.methods);
      if (!methods) continue;
      const home = homeOf.get(cell.id);
      if (home !== undefined && home < r) continue;
      for (const value of values[r]!) {
        if (!mayMeet(value.prefix, prefixes[cell.id]!)) continue;
        if (!overlaps([value.automaton, templates[cell.id]!])) continue;
        if (takesOwned(value.automaton, cell, methods, closer[cell.id]!, templates, reading)) {
          problems.push(
            `rule ${r} takes requests of cell ${cell.id} (${label(cell)}) before its rule ${home}`,
          );
          break;
        }
      }
    }
  });
  return problems;
}

function takesOwned(
  value: Automaton,
  cell: Cell,
  methods: MethodSet,
  closer: Cell[],
  templates: Automaton[],
  reading: Reading,
): boolean {
  const template = templates[cell.id]!;
  if (reading === 'path-first')
    return overlaps(
      [value, template],
      closer.map((t) => templates[t.id]!),
    );
  const declares = (t: Cell, m: string | undefined) =>
    t.methods.any
      ? m === undefined || !t.methods.except.includes(m)
      : m !== undefined && t.methods.list.includes(m);
  const perMethod = methods.any ? [undefined] : methods.list;
  return perMethod.some((m) =>
    overlaps(
      [value, template],
      closer.filter((t) => declares(t, m)).map((t) => templates[t.id]!),
    ),
  );
}

/** Cells of templates more specific than `f`'s that can share a path with it. */
function moreSpecific(f: Cell, cells: Cell[], prefixes: string[]): Cell[] {
  return cells.filter(
    (t) =>
      compareTemplates(t.shape, f.shape) < 0 &&
      mayMeet(prefixes[t.id]!, prefixes[f.id]!) &&
      compatible(t.shape, f.shape),
  );
}

/** Segment by segment, whether two templates could match one path (literals must agree). */
function compatible(a: PathShape, b: PathShape): boolean {
  const n = Math.min(a.segs.length, b.segs.length);
  for (let i = 0; i < n; i++) {
    const x = a.segs[i]!;
    const y = b.segs[i]!;
    if (x.kind === 'lit' && y.kind === 'lit' && x.value !== y.value) return false;
  }
  if (a.segs.length === b.segs.length) return true;
  const shorter = a.segs.length < b.segs.length ? a : b;
  return shorter.tail === 'greedy';
}

/** The rule's path values as automata, an alternation's branches apart (each with its literal start, to skip cells early). */
function valuesOf(rule: PackedRule): { automaton: Automaton; prefix: string }[] {
  if ('globs' in rule.values)
    return rule.values.globs.map((g) => ({ automaton: globAutomaton(g), prefix: g.split(/[*?]/)[0]! }));
  return rule.values.regexes
    .flatMap(branches)
    .map((r) => ({ automaton: regexAutomaton(r), prefix: regexPrefix(r) }));
}

/** `^/v1(/a|/b)$` → `^/v1/a$`, `^/v1/b$`; any other regex stays whole. */
function branches(regex: string): string[] {
  const open = regex.indexOf('(');
  if (open < 0 || !regex.endsWith(')$') || /[[.\\|]/.test(regex.slice(1, open))) return [regex];
  const body = regex.slice(open + 1, -2);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (--depth < 0) return [regex];
    } else if (c === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts.map((p) => regex.slice(0, open) + p + '$');
}

/** The literal text every match of an anchored regex starts with. */
function regexPrefix(regex: string): string {
  let out = '';
  for (let i = 1; i < regex.length; i++) {
    const c = regex[i]!;
    if (c === '\\') {
      const next = regex[i + 1]!;
      // A quantified escape (`\.?`) is not certain to be there.
      if ('*+?'.includes(regex[i + 2] ?? '')) break;
      out += next;
      i++;
    } else if ('[(.|$'.includes(c) || '*+?'.includes(regex[i + 1] ?? '')) break;
    else out += c;
  }
  return out;
}

function templateOf(shape: PathShape): Automaton {
  return templateAutomaton(
    shape.segs.map((s) => segKey(s)),
    shape.tail === 'greedy',
  );
}

function templatePrefix(shape: PathShape): string {
  const text = shape.segs.map((s) => '/' + segKey(s)).join('');
  const brace = text.indexOf('{');
  return brace < 0 ? text : text.slice(0, brace);
}

function mayMeet(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

function label(cell: Cell): string {
  return cell.routes.join(', ');
}
