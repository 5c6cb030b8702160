import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { offsetToLineColumn, type TextKind } from './parse.js';

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
 * Maps JSON pointers to 1-based line/column in one file. The syntax tree is built on first
 * use only, so a clean run never pays for it.
 */
export class PositionIndex {
  private json?: JsonNode;
  private yaml?: { doc: Document; lines: LineCounter };

  constructor(
    private readonly text: string,
    private readonly kind: TextKind,
  ) {}

  locate(pointer: string): { line: number; column: number } | undefined {
    const parts = decodePointer(pointer);
    const offset = this.kind === 'json' ? this.jsonOffset(parts) : this.yamlOffset(parts);
    return offset === undefined ? undefined : offsetToLineColumn(this.text, offset);
  }

  private jsonOffset(parts: string[]): number | undefined {
    this.json ??= parseTree(this.text, [], { allowTrailingComma: true });
    if (!this.json) return undefined;
    // Walk as deep as the pointer exists, so a pointer to a missing key still lands on its parent.
    for (let n = parts.length; n >= 0; n--) {
      const path = parts.slice(0, n).map((p, i) => (this.isArrayAt(parts.slice(0, i)) ? Number(p) : p));
      const node = findNodeAtLocation(this.json, path);
      if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
    }
    return undefined;
  }

  private isArrayAt(path: string[]): boolean {
    const node = findNodeAtLocation(
      this.json!,
      path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    );
    return node?.type === 'array';
  }

  private yamlOffset(parts: string[]): number | undefined {
    if (!this.yaml) {
      const lines = new LineCounter();
      this.yaml = { doc: parseDocument(this.text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    let node: unknown = this.yaml.doc.contents;
    let offset: number | undefined = rangeStart(node);
    for (const part of parts) {
      if (isMap(node)) {
        const pair = node.items.find((item) => keyString(item.key) === part);
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(part)];
        if (item === undefined) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return offset;
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range?.[0];
}

function keyString(key: unknown): string {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return String(key);
}
