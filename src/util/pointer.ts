/** JSON pointers (RFC 6901): the one way gateplan names a place in a document. */
export function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function encodePointer(parts: readonly (string | number)[]): string {
  return parts.map((part) => '/' + String(part).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * The value a pointer names, or undefined. Only what the document itself holds resolves:
 * `/toString` or `/__proto__` name no inherited member, and `/tags/length` no array property.
 */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of decodePointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(part)) return undefined;
      node = node[Number(part)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, part)) {
      node = (node as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return node;
}

/** `decodeURIComponent`, or undefined for malformed input (`%zz`, a cut-off `%E0%A4%A`) instead of a URIError. */
export function percentDecoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The JSONPath (as overlays take it) of the node a JSON pointer names: `$.paths['/a/{b}'].get`. */
export function jsonPathOf(pointer: string): string {
  const step = (token: string) =>
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(token) ? `.${token}` : `['${token.replace(/['\\]/g, '\\$&')}']`;
  return '$' + decodePointer(pointer).map(step).join('');
}
