import type { TextKind } from './parse.js';
import { findJsonOffsets } from './offsets/json.js';
import { PathTrie } from './offsets/trie.js';
import { findYamlOffsets } from './offsets/yaml.js';

export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Maps JSON pointers to 1-based line/column in one file. Nothing is computed at load: the
 * pointers a command prints are located together, in one pass over the text that builds no
 * tree, and remembered.
 */
export class PositionIndex {
  private readonly places = new Map<string, LineColumn | undefined>();
  private lineStarts?: number[];

  constructor(
    private readonly text: string,
    private readonly kind: TextKind,
  ) {}

  /** One place; a miss reads the text up to it. To locate many, `prepare` them together first. */
  locate(pointer: string): LineColumn | undefined {
    this.prepare([pointer]);
    return this.places.get(pointer);
  }

  /** Finds every pointer not located yet in one pass over the text; `locate` then answers from memory. */
  prepare(pointers: Iterable<string>): void {
    const missing = new Set<string>();
    for (const pointer of pointers) if (!this.places.has(pointer)) missing.add(pointer);
    if (missing.size === 0) return;
    const trie = new PathTrie(missing);
    if (this.kind === 'json') findJsonOffsets(this.text, trie.root);
    else findYamlOffsets(this.text, trie.root);
    for (const pointer of missing) {
      const place = trie.place(pointer);
      if (!place) this.places.set(pointer, undefined);
      else if (place.line !== undefined)
        this.places.set(pointer, { line: place.line, column: place.column! });
      else this.places.set(pointer, this.lineColumn(place.offset!));
    }
  }

  /** For places the document parser found (offsets only): binary search over line starts, computed once. */
  private lineColumn(offset: number): LineColumn {
    if (!this.lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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
}
