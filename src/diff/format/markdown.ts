import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Classification, DiffScope, RouteChange } from '../types.js';
import { primaryWhere, summaryText, whereText } from './location.js';
import type { DiffFormatter } from './types.js';
import { htmlText, markdownCode, markdownText } from '../../format/markdown.js';

/** Lets a CI job find and update its own earlier comment instead of adding a new one. */
export const COMMENT_MARKER = '<!-- gateplan-diff -->';

const BADGE: Record<Classification, string> = { breaking: '🔴 breaking', risky: '🟡 risky', safe: '🟢 safe' };
const SCOPE_TITLE: Record<Exclude<DiffScope, 'routes'>, string> = {
  'apigw-rest': 'API Gateway REST API',
  'apigw-http': 'API Gateway HTTP API',
  alb: 'Application Load Balancer',
};

/** A pull-request comment: summary line, a table of route-level changes, per-target details folded away. */
export const markdown: DiffFormatter = (report) => {
  const out = [COMMENT_MARKER, `### gateplan diff: ${summaryText(report.summary)}`, ''];
  out.push(
    `${markdownText(report.revision.title)} ${markdownText(report.revision.version)} · \`${markdownCode(report.base.file)}\` → \`${markdownCode(report.revision.file)}\``,
    '',
  );
  if (report.changes.length === 0) {
    out.push('No routing changes.');
    return out.join('\n') + '\n';
  }
  const routeChanges = report.changes.filter((c) => c.scope === 'routes');
  if (routeChanges.length) {
    out.push('| | change | route / stage | before | after |', '|---|---|---|---|---|');
    for (const c of routeChanges.slice(0, MAX_TABLE_ROWS)) {
      out.push(
        `| ${BADGE[c.classification]} | ${c.kind} | ${subject(c)} | ${markdownText(c.args.before ?? '')} | ${markdownText(c.args.after ?? c.args.detail ?? '')} |`,
      );
    }
    if (routeChanges.length > MAX_TABLE_ROWS)
      out.push(`| | … and ${routeChanges.length - MAX_TABLE_ROWS} more | | | |`);
    out.push('');
  }
  for (const scope of Object.keys(SCOPE_TITLE) as (keyof typeof SCOPE_TITLE)[]) {
    const changes = report.changes.filter((c) => c.scope === scope);
    if (changes.length)
      out.push(...details(`${SCOPE_TITLE[scope]} (${scope}): ${countText(changes)}`, changes), '');
  }
  if (routeChanges.length)
    out.push(
      ...details(`Route-level details and source locations: ${countText(routeChanges)}`, routeChanges),
      '',
    );
  return out.join('\n');
};

/**
 * GitHub refuses comments over 65,536 characters: lists stop at these lengths and say how
 * many changes they leave out (`--format json` always has them all).
 */
const MAX_TABLE_ROWS = 100;
const MAX_DETAIL_ITEMS = 60;

/** A section with breaking changes starts open, so a reviewer cannot miss it. */
function details(summary: string, changes: RouteChange[]): string[] {
  const open = changes.some((c) => c.classification === 'breaking') ? ' open' : '';
  const lines = [`<details${open}>`, `<summary>${htmlText(summary)}</summary>`, ''];
  for (const c of changes.slice(0, MAX_DETAIL_ITEMS)) {
    const where = primaryWhere(c);
    lines.push(
      `- ${BADGE[c.classification]} **${c.code}** ${markdownText(renderMessage(c))}${where ? ` — \`${markdownCode(whereText(where))}\`` : ''}`,
    );
  }
  if (changes.length > MAX_DETAIL_ITEMS) lines.push(`- … and ${changes.length - MAX_DETAIL_ITEMS} more`);
  lines.push('', '</details>');
  return lines;
}

function countText(changes: RouteChange[]): string {
  const n = (k: Classification) => changes.filter((c) => c.classification === k).length;
  return `${changes.length} change${changes.length === 1 ? '' : 's'} (${n('breaking')} breaking, ${n('risky')} risky, ${n('safe')} safe)`;
}

function subject(c: RouteChange): string {
  if (c.args.route) return `\`${markdownCode(c.args.route)}\``;
  if (c.args.stage) return `stage \`${markdownCode(c.args.stage)}\``;
  if (c.args.backend) return `backend \`${markdownCode(c.args.backend)}\``;
  return '';
}
