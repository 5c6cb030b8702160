/**
 * The deployability table in docs/deployability.md: one row per corpus spec, one cell per
 * front door. `npm run deployability` writes the block between the markers; the corpus test
 * reads it back and checks every row against what the harness sees, so it cannot go stale.
 */
import { DEPLOY_TARGETS, type SpecOutcome, type TargetOutcome } from './deployability.js';

export const TABLE_FILE = 'docs/deployability.md';
export const BEGIN = '<!-- deployability:begin -->';
export const END = '<!-- deployability:end -->';

/** Marks an error cell where some error's fix does not say what to write in gateplan.yaml. */
export const NO_CONFIG_FIX = '†';

const HEADER = [
  `| spec | routes | ${DEPLOY_TARGETS.join(' | ')} | init + generate |`,
  `| --- | ---: | ${DEPLOY_TARGETS.map(() => '---').join(' | ')} | --- |`,
];

/**
 * `written`; `written, N left out` when init's gateplan.yaml leaves N routes this front door
 * cannot serve to the others; `left out` when it leaves out every route (nothing written);
 * `invalid`; or the codes of the errors that stop it.
 */
export function cell(outcome: TargetOutcome): string {
  if (outcome.errors.length > 0)
    return outcome.errors.join(' ') + (outcome.unactionable.length > 0 ? ` ${NO_CONFIG_FIX}` : '');
  if (outcome.problems.length > 0) return 'invalid';
  if (outcome.leftOut === 'all') return LEFT_OUT;
  return outcome.leftOut > 0 ? `written, ${outcome.leftOut} left out` : 'written';
}

const LEFT_OUT = 'left out';

/** Every front door writes what it can serve, and leaves the rest to the others. */
function succeeds(cells: string[]): boolean {
  return cells.every((c) => c === LEFT_OUT || c.startsWith('written'));
}

export function row(id: string, outcome: SpecOutcome): string {
  const cells = outcome.targets.map(cell);
  return `| ${id} | ${outcome.routes} | ${cells.join(' | ')} | ${succeeds(cells) ? 'yes' : 'no'} |`;
}

/** The rows' own totals: specs written per front door, and for every front door at once. */
export function summary(rows: string[]): string {
  const cells = rows.map((r) =>
    r
      .split('|')
      .slice(3, -1)
      .map((c) => c.trim()),
  );
  const total = rows.length;
  const written = DEPLOY_TARGETS.map(
    (target, i) => `${target} ${cells.filter((c) => c[i]!.startsWith('written')).length}`,
  );
  const succeeding = cells.filter((c) => c[DEPLOY_TARGETS.length] === 'yes');
  const everyRoute = succeeding.filter((c) => c.slice(0, -1).every((x) => x === 'written')).length;
  const failing = cells.filter((c) => c[DEPLOY_TARGETS.length] !== 'yes');
  const actionable = failing.filter((c) => !c.some((x) => x.endsWith(NO_CONFIG_FIX))).length;
  return (
    `Written, of ${total} specs: ${written.join(' · ')} · **init + generate succeeds for ${succeeding.length}**, ` +
    `${everyRoute} of them with every route on every front door (the others leave the routes a front door cannot serve to the rest). ` +
    `Of the ${failing.length} that stop somewhere, ${actionable} stop only on errors whose fix names what to write in gateplan.yaml.`
  );
}

export function block(rows: string[]): string {
  return [BEGIN, '', ...HEADER, ...rows, '', summary(rows), '', END].join('\n');
}

/** The rows between the markers, by spec id. */
export function readRows(markdown: string): Map<string, string> {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return new Map();
  const rows = markdown
    .slice(start + BEGIN.length, end)
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| spec ') && !l.startsWith('| ---'));
  return new Map(rows.map((r) => [r.split('|')[1]!.trim(), r]));
}

/** The summary line between the markers. */
export function readSummary(markdown: string): string | undefined {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  return markdown
    .slice(start, end)
    .split('\n')
    .find((l) => l.startsWith('Written, of '));
}

export function replaceBlock(markdown: string, rows: string[]): string {
  const start = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${TABLE_FILE} has no ${BEGIN} … ${END} block`);
  return markdown.slice(0, start) + block(rows) + markdown.slice(end + END.length);
}
