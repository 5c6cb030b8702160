import { decodePointer } from '../../util/pointer.js';

/**
 * The JSON pointers wanted from one file, merged into a tree of their parts, so one pass over
 * the text can find them all: a scanner descends only into values some pointer goes through.
 */
export class PathNode {
  readonly children = new Map<string, PathNode>();
  /** Offset of the key (object member) or the value (array item, root) once found. */
  offset?: number;
  /** Its 1-based line and column, when the scanner counted lines on the way. */
  line?: number;
  column?: number;

  child(part: string): PathNode {
    let node = this.children.get(part);
    if (!node) this.children.set(part, (node = new PathNode()));
    return node;
  }

  /** This node's descendants, counted. */
  descendants(): number {
    let count = 0;
    for (const child of this.children.values()) count += 1 + child.descendants();
    return count;
  }

  /** Children addressed as array items: index → nodes (`1` and `01` both name item 1, as `Number()` reads them). */
  items(): Map<number, PathNode[]> {
    const out = new Map<number, PathNode[]>();
    for (const [part, node] of this.children) {
      const index = Number(part);
      if (!Number.isInteger(index) || index < 0) continue;
      const list = out.get(index);
      if (list) list.push(node);
      else out.set(index, [node]);
    }
    return out;
  }
}

export class PathTrie {
  readonly root = new PathNode();

  constructor(pointers: Iterable<string>) {
    for (const pointer of pointers) {
      let node = this.root;
      for (const part of decodePointer(pointer)) node = node.child(part);
    }
  }

  /**
   * The deepest part of `pointer` that exists: a pointer to a missing key lands on its parent,
   * as a reader would want.
   */
  place(pointer: string): PathNode | undefined {
    let node: PathNode | undefined = this.root;
    let place = node.offset === undefined ? undefined : node;
    for (const part of decodePointer(pointer)) {
      node = node.children.get(part);
      if (node?.offset === undefined) break;
      place = node;
    }
    return place;
  }
}
