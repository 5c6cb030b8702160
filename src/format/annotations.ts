import { workflowCommand, type AnnotationPlace } from './workflow-command.js';
import { printable } from './text.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** One finding, before grouping. */
export interface Finding {
  level: AnnotationLevel;
  place: AnnotationPlace;
  code: string;
  /** Shown as the annotation's title; the code's group count is appended. */
  title: string;
  message: string;
}

/**
 * GitHub shows at most 10 annotations of each level per step (and 50 per job); the rest are
 * dropped without a word. [actions/toolkit docs/problem-matchers.md, "Limitations"]
 */
export const ANNOTATIONS_PER_LEVEL = 10;
/** Further findings of a group listed in its annotation's text. */
const LISTED_PER_GROUP = 10;
const LEVELS: AnnotationLevel[] = ['error', 'warning', 'notice'];

/**
 * Workflow commands for findings, one annotation per code and file: it sits on the group's first
 * finding, its title carries the count, and its text lists the others by line. When a level
 * still has more groups than GitHub shows, the last one it shows says how many were left out.
 */
export function groupedAnnotations(findings: readonly Finding[]): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings.map(shown)) {
    const key = `${f.level}\u0000${f.code}\u0000${f.place.file}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  let out = '';
  for (const level of LEVELS) {
    const ofLevel = [...groups.values()].filter((g) => g[0]!.level === level);
    const shown =
      ofLevel.length > ANNOTATIONS_PER_LEVEL ? ofLevel.slice(0, ANNOTATIONS_PER_LEVEL - 1) : ofLevel;
    for (const group of shown) out += annotation(group);
    const left = ofLevel.slice(shown.length);
    if (left.length > 0) {
      const count = left.reduce((n, g) => n + g.length, 0);
      const codes = [...new Set(left.map((g) => g[0]!.code))].join(', ');
      out += workflowCommand(
        level,
        left[0]![0]!.place,
        `${count} more ${level === 'notice' ? 'notices' : `${level}s`}`,
        `GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level and step; ${count} more finding(s) of ${codes} in ${left.length} group(s) are in the log.`,
      );
    }
  }
  return out;
}

/** A finding's spec text with its control characters shown, before the runner's own escaping. */
function shown(f: Finding): Finding {
  return {
    ...f,
    title: printable(f.title),
    message: printable(f.message),
    place: { ...f.place, file: printable(f.place.file) },
  };
}

function annotation(group: Finding[]): string {
  const [first, ...others] = group;
  if (others.length === 0) return workflowCommand(first!.level, first!.place, first!.title, first!.message);
  const listed = others
    .slice(0, LISTED_PER_GROUP)
    .map((f) => `${f.place.line !== undefined ? `line ${f.place.line}` : f.place.file}: ${f.message}`);
  if (others.length > LISTED_PER_GROUP) listed.push(`… and ${others.length - LISTED_PER_GROUP} more`);
  return workflowCommand(
    first!.level,
    first!.place,
    `${first!.title} (${group.length} in this file)`,
    `${first!.message}\n\nAlso in this file:\n${listed.join('\n')}`,
  );
}
