import type { Where } from '../diagnostics/diagnostic.js';
import { child, isObject, type DocumentReader } from './document.js';
import type { Route } from './types.js';
import { dict } from '../util/dict.js';
import { sortKeys } from '../util/order.js';
import { percentDecoded } from '../util/pointer.js';

const LOCAL_SCHEMA = /^#\/(?:components\/schemas|definitions)\/([^/]+)$/;

/**
 * Makes request-body schemas self-contained for targets that re-emit them: references to
 * named schemas of the entry document stay `$ref`s (rewritten to `#/components/schemas/X`)
 * and those schemas are returned; anything else (other files, other pointers) is inlined.
 * Only what request bodies reach is collected, so a 13 MB spec does not pay for its
 * response models.
 */
export function collectSchemas(
  reader: DocumentReader,
  routes: Route[],
  rootWhere: Where,
  swagger2: boolean,
): Record<string, unknown> {
  const named = dict<unknown>();
  const pending: string[] = [];
  const base = swagger2 ? '/definitions/' : '/components/schemas/';

  const rewrite = (node: unknown, where: Where, depth: number, trail: Set<string>): unknown => {
    if (Array.isArray(node)) return node.map((item, i) => rewrite(item, child(where, i), depth, trail));
    if (!isObject(node)) return node;
    if (typeof node.$ref === 'string') {
      reader.noteLegacy(node, where);
      const ref = reader.sources.isLegacyRef(node.$ref)
        ? reader.sources.legacySuggestion(node.$ref)!
        : node.$ref;
      const local = where.file === rootWhere.file ? LOCAL_SCHEMA.exec(ref) : null;
      const decoded = local ? percentDecoded(local[1]!) : undefined;
      if (decoded !== undefined) {
        const name = decoded.replace(/~1/g, '/').replace(/~0/g, '~');
        if (!Object.hasOwn(named, name)) {
          named[name] = undefined;
          pending.push(name);
        }
        return { $ref: `#/components/schemas/${name}` };
      }
      const key = `${where.file}|${node.$ref}`;
      if (trail.has(key) || depth > 32) return {};
      const target = reader.deref(node, where);
      if (!target) return {};
      return rewrite(target.value, target.where, depth + 1, new Set([...trail, key]));
    }
    return dict(
      Object.entries(node).map(([key, value]) => [key, rewrite(value, child(where, key), depth, trail)]),
    );
  };

  for (const route of routes) {
    if (!route.requestBody) continue;
    for (const media of Object.values(route.requestBody.content)) {
      if (media.schema !== undefined) media.schema = rewrite(media.schema, media.where, 0, new Set());
    }
  }
  while (pending.length > 0) {
    const name = pending.pop()!;
    const pointer = base + name.replace(/~/g, '~0').replace(/\//g, '~1');
    const target = reader.deref({ $ref: '#' + pointer }, rootWhere);
    named[name] = target ? rewrite(target.value, { file: rootWhere.file, pointer }, 0, new Set()) : {};
  }
  return sortKeys(named);
}
