import type { Where } from '../../diagnostics/diagnostic.js';
import type { RouteChange } from '../types.js';

export function whereText(where: Where): string {
  if (where.line !== undefined) return `${where.file}:${where.line}:${where.column ?? 1}`;
  return where.pointer ? `${where.file}#${where.pointer}` : where.file;
}

/** The location a reader should look at: the new spec, or the old one for a removal. */
export function primaryWhere(change: RouteChange): Where | undefined {
  return change.revision ?? change.base;
}

export function summaryText(summary: Record<string, number>): string {
  return `${summary.breaking} breaking, ${summary.risky} risky, ${summary.safe} safe`;
}
