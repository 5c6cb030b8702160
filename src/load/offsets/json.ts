import type { PathNode } from './trie.js';

/**
 * Finds the offsets of a trie's pointers in JSON text, in one pass that builds nothing: values no
 * pointer goes through are skipped character by character. The text has already parsed with
 * `JSON.parse`, so it is well-formed. Like a tree lookup, a key's offset is its opening quote, an
 * array item's is its first character, and the first of duplicate keys is the one followed.
 */
export function findJsonOffsets(text: string, root: PathNode): void {
  const scanner = new JsonScanner(text, root.descendants());
  const start = scanner.space(0);
  scanner.place(root, start);
  try {
    scanner.value(start, root);
  } catch (error) {
    if (error !== ALL_FOUND) throw error;
  }
}

/** Thrown to stop the scan once every wanted place is found: one `locate` reads only up to it. */
const ALL_FOUND = Symbol('all found');

class JsonScanner {
  /** Lines are counted on the way (JSON strings hold no raw line breaks): no second pass for them. */
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private remaining: number,
  ) {}

  /** `line` and `lineStart` default to where the scan is; a key's are taken before reading past it. */
  place(node: PathNode, offset: number, line = this.line, lineStart = this.lineStart): void {
    node.offset = offset;
    node.line = line;
    node.column = offset - lineStart + 1;
  }

  private found(node: PathNode, offset: number, line?: number, lineStart?: number): void {
    this.place(node, offset, line, lineStart);
    if (--this.remaining === 0) throw ALL_FOUND;
  }

  /** Reads the value at `i` looking for `node`'s children; returns the offset after it. */
  value(i: number, node: PathNode): number {
    if (node.children.size === 0) return this.skip(i);
    const c = this.text.charCodeAt(i);
    if (c === OPEN_BRACE) return this.object(i, node);
    if (c === OPEN_BRACKET) return this.array(i, node);
    return this.skip(i);
  }

  private object(i: number, node: PathNode): number {
    const text = this.text;
    let pending = node.children.size;
    i = this.space(i + 1);
    if (text.charCodeAt(i) === CLOSE_BRACE) return i + 1;
    for (;;) {
      const keyStart = i;
      const keyLine = this.line;
      const keyLineStart = this.lineStart;
      const keyEnd = this.string(i);
      i = this.space(this.space(keyEnd) + 1);
      const child = pending > 0 ? node.children.get(this.key(keyStart, keyEnd)) : undefined;
      if (child && child.offset === undefined) {
        pending--;
        this.found(child, keyStart, keyLine, keyLineStart);
        i = this.value(i, child);
      } else {
        i = this.skip(i);
      }
      i = this.space(i);
      if (text.charCodeAt(i) === CLOSE_BRACE) return i + 1;
      i = this.space(i + 1);
    }
  }

  private array(i: number, node: PathNode): number {
    const text = this.text;
    const items = node.items();
    i = this.space(i + 1);
    if (text.charCodeAt(i) === CLOSE_BRACKET) return i + 1;
    for (let index = 0; ; index++) {
      const nodes = items.get(index);
      let end = i;
      if (nodes) {
        for (const child of nodes) {
          this.found(child, i);
          end = this.value(i, child);
        }
      } else {
        end = this.skip(i);
      }
      i = this.space(end);
      if (text.charCodeAt(i) === CLOSE_BRACKET) return i + 1;
      i = this.space(i + 1);
    }
  }

  private key(start: number, end: number): string {
    const raw = this.text.slice(start + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(start, end)) as string) : raw;
  }

  /** Skips one value of any kind, nested ones included. */
  private skip(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (c === QUOTE) return this.string(i);
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET) {
      while (i < text.length && !SCALAR_END[text.charCodeAt(i)]) i++;
      return i;
    }
    let depth = 0;
    for (;;) {
      const ch = text.charCodeAt(i);
      if (ch === QUOTE) {
        i = this.string(i);
        continue;
      }
      if (ch === LF) {
        this.line++;
        this.lineStart = i + 1;
      } else if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth++;
      else if ((ch === CLOSE_BRACE || ch === CLOSE_BRACKET) && --depth === 0) return i + 1;
      i++;
    }
  }

  /** `i` is at an opening quote; returns the offset after the closing one. */
  private string(i: number): number {
    const text = this.text;
    let from = i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) return text.length;
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      from = quote + 1;
    }
  }

  space(i: number): number {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === LF) {
        this.line++;
        this.lineStart = ++i;
      } else if (c === 0x20 || c === 0x0d || c === 0x09 || c === 0xfeff) i++;
      else return i;
    }
  }
}

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Characters that end a number, `true`, `false` or `null`. */
const SCALAR_END: boolean[] = [];
for (const c of ', \n\r\t}]') SCALAR_END[c.charCodeAt(0)] = true;
