import { diagnostic, type Diagnostic, type Where } from '../../diagnostics/diagnostic.js';
import type { SourceFile } from '../sources.js';
import { query, type Match } from './jsonpath.js';
import type { Origins } from './origins.js';
import { encodePointer } from '../../util/pointer.js';

/**
 * Applies one Overlay 1.0 document to `document` in place, action by action. An update merges
 * objects key by key (nested objects recursively; arrays and scalars are replaced), appends to
 * a selected array, and replaces a selected scalar. Every node an action writes is recorded in
 * `origins` as coming from the overlay, so a finding about it points into the overlay.
 */
export function applyOverlay(
  document: Record<string, unknown>,
  overlay: SourceFile,
  origins: Origins,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (pointer: string): Where => ({ file: overlay.display, pointer });
  const invalid = (pointer: string, reason: string) =>
    diagnostics.push(diagnostic('GP510', at(pointer), { file: overlay.display, at: pointer || '/', reason }));

  const doc = overlay.value;
  if (!isObject(doc)) {
    invalid('', 'the top level is not an object');
    return diagnostics;
  }
  if (typeof doc.overlay !== 'string' || !/^1\.0\.\d+$/.test(doc.overlay)) {
    invalid(
      '/overlay',
      doc.overlay === undefined
        ? '`overlay: 1.0.0` is missing'
        : `version ${String(doc.overlay)} is not 1.0.x`,
    );
  }
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string') {
    invalid('/info', 'info needs a title and a version');
  }
  if (!Array.isArray(doc.actions) || doc.actions.length === 0) {
    invalid('/actions', 'actions must be a non-empty list');
    return diagnostics;
  }

  doc.actions.forEach((action, index) => {
    const base = encodePointer(['actions', index]);
    if (!isObject(action) || typeof action.target !== 'string') {
      invalid(isObject(action) ? `${base}/target` : base, 'an action needs a string target');
      return;
    }
    const remove = action.remove === true;
    if (action.remove !== undefined && typeof action.remove !== 'boolean') {
      invalid(`${base}/remove`, 'remove must be true or false');
      return;
    }
    if (!remove && action.update === undefined) {
      invalid(base, 'an action needs `update` or `remove: true`');
      return;
    }
    const found = query(document, action.target);
    if (!found.ok) {
      diagnostics.push(
        diagnostic('GP512', at(`${base}/target`), { index, target: action.target, reason: found.reason }),
      );
      return;
    }
    if (found.matches.length === 0) {
      diagnostics.push(diagnostic('GP511', at(`${base}/target`), { index, target: action.target }));
      return;
    }
    const context: ActionContext = { index, overlay, origins, diagnostics, actionWhere: at(base) };
    if (remove) removeAll(found.matches, context);
    else for (const match of found.matches) update(match, action.update, at(`${base}/update`), context);
  });
  return diagnostics;
}

interface ActionContext {
  index: number;
  overlay: SourceFile;
  origins: Origins;
  diagnostics: Diagnostic[];
  actionWhere: Where;
}

function mismatch(pointer: string, reason: string, context: ActionContext): void {
  context.diagnostics.push(
    diagnostic('GP513', context.actionWhere, { index: context.index, pointer: pointer || '/', reason }),
  );
}

/** Array elements go from the highest index down, so removing one does not move the next. */
function removeAll(matches: Match[], context: ActionContext): void {
  const groups = new Map<unknown, Match[]>();
  for (const match of matches) groups.set(match.parent, [...(groups.get(match.parent) ?? []), match]);
  // Deepest matches last in document order come first, so a parent goes after its children.
  const ordered = [...groups.values()]
    .reverse()
    .flatMap((group) => group.sort((a, b) => (Array.isArray(a.parent) ? Number(b.key) - Number(a.key) : 0)));
  for (const match of ordered) {
    if (match.parent === undefined || match.key === undefined) {
      mismatch(match.pointer, 'the document root cannot be removed', context);
      continue;
    }
    const parentPointer = match.pointer.slice(0, match.pointer.lastIndexOf('/'));
    if (Array.isArray(match.parent)) {
      context.origins.shiftDown(parentPointer, Number(match.key), match.parent.length);
      match.parent.splice(Number(match.key), 1);
    } else {
      context.origins.drop(match.pointer);
      delete match.parent[match.key];
    }
  }
}

function update(match: Match, value: unknown, from: Where, context: ActionContext): void {
  const target = match.value;
  if (Array.isArray(target)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      context.origins.set(`${match.pointer}/${target.length}`, Array.isArray(value) ? child(from, i) : from);
      target.push(structuredClone(item));
    });
    return;
  }
  if (isObject(target)) {
    if (!isObject(value)) {
      mismatch(
        match.pointer,
        `the target is an object, so the update must be one too (got ${describe(value)})`,
        context,
      );
      return;
    }
    merge(target, value, match.pointer, from, context.origins);
    return;
  }
  if (match.parent === undefined || match.key === undefined) {
    mismatch(match.pointer, 'the document root must be an object', context);
    return;
  }
  (match.parent as Record<string | number, unknown>)[match.key] = structuredClone(value);
  context.origins.drop(match.pointer);
  context.origins.set(match.pointer, from);
}

function merge(
  target: Record<string, unknown>,
  value: Record<string, unknown>,
  pointer: string,
  from: Where,
  origins: Origins,
): void {
  for (const [key, next] of Object.entries(value)) {
    const keyPointer = pointer + encodePointer([key]);
    // Own properties only, and defined rather than assigned: an overlay key `__proto__` must
    // not reach (or replace) a prototype.
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isObject(current) && isObject(next)) {
      merge(current, next, keyPointer, child(from, key), origins);
      continue;
    }
    Object.defineProperty(target, key, {
      value: structuredClone(next),
      writable: true,
      enumerable: true,
      configurable: true,
    });
    origins.drop(keyPointer);
    origins.set(keyPointer, child(from, key));
  }
}

function child(where: Where, key: string | number): Where {
  return { file: where.file, pointer: where.pointer + encodePointer([key]) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}
