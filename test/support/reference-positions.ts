import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { TextKind } from '../../src/load/parse.js';
import { decodePointer } from '../../src/util/pointer.js';

/**
 * The locator gateplan used before it scanned text: it builds the whole syntax tree
 * (jsonc-parser, `yaml`) and walks it. Slow on big files but plainly right, so tests compare the
 * scanners against it.
 */
export class TreePositionIndex {
  private json?: JsonNode;
  private yaml?: { doc: Document; lines: LineCounter };
  private lineStarts?: number[];

  constructor(
    private readonly text: string,
    private readonly kind: TextKind,
  ) {}

  locate(pointer: string): { line: number; column: number } | undefined {
    const parts = decodePointer(pointer);
    const offset = this.kind === 'json' ? this.jsonOffset(parts) : this.yamlOffset(parts);
    return offset === undefined ? undefined : this.lineColumn(offset);
  }

  /** Binary search over line starts, computed once: thousands of diagnostics stay cheap. */
  private lineColumn(offset: number): { line: number; column: number } {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = 0; i < this.text.length; i++) if (this.text.charCodeAt(i) === 0x0a) starts.push(i + 1);
      this.lineStarts = starts;
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** Walks as deep as the pointer exists, so a pointer to a missing key lands on its parent. */
  private jsonOffset(parts: string[]): number | undefined {
    this.json ??= parseTree(this.text, [], { allowTrailingComma: true });
    let node: JsonNode | undefined = this.json;
    if (!node) return undefined;
    let offset = node.offset;
    for (const part of parts) {
      let next: JsonNode | undefined;
      if (node.type === 'object') {
        const property: JsonNode | undefined = node.children?.find((p) => p.children?.[0]?.value === part);
        if (property) {
          offset = property.offset;
          next = property.children?.[1];
        }
      } else if (node.type === 'array') {
        next = node.children?.[Number(part)];
        if (next) offset = next.offset;
      }
      if (!next) break;
      node = next;
    }
    return offset;
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
