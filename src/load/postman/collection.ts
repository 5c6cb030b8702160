import { isObject } from './url.js';
import { encodePointer } from '../../util/pointer.js';

/** One request of a collection, with the folders around it and where it sits in the file. */
export interface RequestItem {
  name: string;
  /** JSON pointer of the item, e.g. `/item/2/item/0`. */
  pointer: string;
  /** Enclosing folders, outermost first. */
  folders: { name: string; pointer: string; description?: unknown }[];
  /** The item's `request` object (a bare URL string is turned into `{ url }`). */
  request: Record<string, unknown>;
  responses: unknown[];
  /** The nearest `auth` from the request, its folders or the collection, and where it is. */
  auth?: { value: Record<string, unknown>; pointer: string };
}

/** Every request in collection order (depth first, as Postman's sidebar shows them). */
export function requestItems(collection: Record<string, unknown>): RequestItem[] {
  const out: RequestItem[] = [];
  const rootAuth = isObject(collection.auth) ? { value: collection.auth, pointer: '/auth' } : undefined;
  const walk = (
    items: unknown,
    path: (string | number)[],
    folders: RequestItem['folders'],
    auth: RequestItem['auth'],
  ) => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      if (!isObject(item)) return;
      const at = [...path, 'item', i];
      const pointer = encodePointer(at);
      const name = typeof item.name === 'string' ? item.name : `item ${i}`;
      const ownAuth = isObject(item.auth) ? { value: item.auth, pointer: `${pointer}/auth` } : auth;
      if (Array.isArray(item.item)) {
        walk(item.item, at, [...folders, { name, pointer, description: item.description }], ownAuth);
        return;
      }
      const raw = item.request;
      const request = typeof raw === 'string' ? { url: raw } : isObject(raw) ? raw : undefined;
      if (!request) return;
      const requestAuth = isObject(request.auth)
        ? { value: request.auth, pointer: `${pointer}/request/auth` }
        : ownAuth;
      out.push({
        name,
        pointer,
        folders,
        request,
        responses: Array.isArray(item.response) ? item.response : [],
        ...(requestAuth ? { auth: requestAuth } : {}),
      });
    });
  };
  walk(collection.item, [], [], rootAuth);
  return out;
}
