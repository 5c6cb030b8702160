/** GP206: path values written as anchored regexes, and why. */
import { diagnostic, type Diagnostic } from '../../../diagnostics/diagnostic.js';
import type { RouteModel } from '../../../model/types.js';
import type { AlbPlan, RegexNote } from '../plan.js';
import { rootWhere, routeList } from './lists.js';

const REASONS: Record<RegexNote['reasons'][number], string> = {
  parameters: "a parameter matches within one segment, and a wildcard would also match '/'",
  greedy:
    'a {proxy+} parameter takes non-empty segments, and a wildcard would also match an empty one or the root',
  characters: 'the path has characters a path pattern cannot hold',
};

export function regexValues(model: RouteModel, plan: AlbPlan): Diagnostic[] {
  const notes = plan.gaps.regex;
  if (notes.length === 0) return [];
  return [
    diagnostic('GP206', rootWhere(model), {
      count: notes.reduce((n, r) => n + r.values, 0),
      reasons: [...new Set(notes.flatMap((n) => n.reasons.map((r) => REASONS[r])))].join('; '),
      routes: routeList(
        model,
        notes.flatMap((n) => n.routes),
      ),
    }),
  ];
}
