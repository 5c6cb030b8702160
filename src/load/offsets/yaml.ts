import type { PathNode } from './trie.js';
import { findYamlOffsetsByDocument } from './yaml-document.js';

/**
 * Finds the offsets of a trie's pointers in YAML text. Specs are block-style YAML, whose structure
 * shows in indentation, so one forward pass over the lines finds every wanted key and item without
 * building a tree. Text that uses what this pass does not follow on the way to a wanted place
 * (flow collections, anchors, tags, explicit keys), or whose quoted scalars or flow collections
 * span lines anywhere (js-yaml accepts their continuation lines at any indentation), is handed to
 * the full document parser instead. Offsets are those of the `yaml` document tree: a key's first
 * character (its quote, when quoted), an item's first character.
 */
export function findYamlOffsets(text: string, root: PathNode): void {
  if (!scanBlockYaml(text, root)) {
    clearOffsets(root);
    findYamlOffsetsByDocument(text, root);
  }
}

/** The fast pass alone: false when the text needs the document parser. */
export function scanBlockYaml(text: string, root: PathNode): boolean {
  return new BlockScanner(text).scan(root);
}

function clearOffsets(node: PathNode): void {
  node.offset = undefined;
  for (const child of node.children.values()) clearOffsets(child);
}

/** Thrown inside the scanner for text it does not follow. */
class Unsupported extends Error {}

/** Thrown to stop the scan once every wanted place is found: one `locate` reads only up to it. */
const ALL_FOUND = Symbol('all found');

interface Frame {
  kind: 'map' | 'seq';
  /** Column of the collection's keys or `-` indicators. */
  indent: number;
  /** Trie nodes this collection is the value of (empty: no pointer goes through it). */
  wanted: PathNode[];
  /** Sequences: the index of the current item, and wanted nodes by index. */
  index: number;
  items?: Map<number, PathNode[]>;
}

/** A quoted scalar or flow collection that goes on past its first line. */
interface Open {
  /** Lines inside must be indented beyond this column (js-yaml would take any). */
  threshold: number;
  /** Flow collection nesting (0: a quoted scalar on its own). */
  depth: number;
  /** The quote character while inside a quoted scalar, else 0. */
  quote: number;
  /** The last character outside quotes and spaces: a quote after `[`, `{`, `,` or `:` opens a scalar. */
  previous: number;
}

/** A key or `-` whose value starts on a later line. */
interface Pending {
  /** Column of the key or `-`. */
  indent: number;
  /** A mapping value may be a sequence at the key's own column. */
  fromMap: boolean;
  wanted: PathNode[];
  /** Sequence items record their offset where their value starts. */
  recordOffset: boolean;
}

class BlockScanner {
  private readonly stack: Frame[] = [];
  private pending: Pending | undefined;
  /** Column a block scalar's lines must be indented beyond (-1: not in one). */
  private blockScalar = -1;
  private open: Open | undefined;

  private remaining = 0;
  /** The line being read (1-based) and where it starts: found places carry their line and column. */
  private lineNumber = 0;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  scan(root: PathNode): boolean {
    this.remaining = root.descendants();
    try {
      this.lines(root);
      return true;
    } catch (error) {
      if (error === ALL_FOUND) return true;
      if (error instanceof Unsupported) return false;
      throw error;
    }
  }

  /** Places found before any line the pass cannot follow are where the document parser puts them too. */
  private place(node: PathNode, offset: number): void {
    node.offset = offset;
    node.line = this.lineNumber;
    node.column = offset - this.lineStart + 1;
  }

  private found(node: PathNode, offset: number): void {
    this.place(node, offset);
    if (--this.remaining === 0) throw ALL_FOUND;
  }

  private lines(root: PathNode): void {
    const text = this.text;
    if (text.charCodeAt(0) === BOM) unsupported();
    let started = false;
    for (let start = 0; start < text.length;) {
      this.lineNumber++;
      this.lineStart = start;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const next = end + 1;
      if (text.charCodeAt(end - 1) === CR) end--;
      let content = start;
      while (content < end && text.charCodeAt(content) === SPACE) content++;
      const indent = content - start;
      const blank = content === end || text.charCodeAt(content) === HASH;
      if (this.blockScalar >= 0) {
        if (content === end || indent > this.blockScalar) {
          start = next;
          continue;
        }
        this.blockScalar = -1;
      }
      if (this.open) {
        if (content < end) {
          if (indent <= this.open.threshold) unsupported();
          const close = this.advance(this.open, content, end);
          if (close >= 0) {
            this.open = undefined;
            this.afterScalar(close, end);
          }
        }
        start = next;
        continue;
      }
      if (blank) {
        start = next;
        continue;
      }
      if (text.charCodeAt(content) === TAB) unsupported();
      if (indent === 0 && this.documentMarker(content, end)) {
        if (started) return;
        start = next;
        continue;
      }
      if (!started) {
        if (text.charCodeAt(content) === PERCENT) unsupported();
        started = true;
        this.place(root, content);
        this.pending = { indent: -1, fromMap: false, wanted: [root], recordOffset: false };
      }
      this.line(content, end, indent);
      start = next;
    }
    this.settle(this.pending);
  }

  /** `---` or `...` at the start of a line. */
  private documentMarker(at: number, end: number): boolean {
    const marker = this.text.slice(at, at + 3);
    if (marker !== '---' && marker !== '...') return false;
    return at + 3 === end || isSpace(this.text.charCodeAt(at + 3));
  }

  private line(content: number, end: number, indent: number): void {
    const seqEntry = this.isSeqEntry(content, end);
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      if (top.indent > indent || (top.kind === 'seq' && top.indent === indent && !seqEntry)) this.stack.pop();
      else break;
    }
    const pending = this.pending;
    if (pending) {
      this.pending = undefined;
      if (indent > pending.indent || (indent === pending.indent && seqEntry && pending.fromMap)) {
        if (pending.recordOffset) for (const node of pending.wanted) this.found(node, content);
        this.node(content, end, indent, pending.wanted, pending.indent);
        return;
      }
      this.settle(pending);
    }
    const top = this.stack[this.stack.length - 1];
    if (!top) unsupported();
    if (top.indent < indent) return; // a continuation line of a multi-line plain scalar
    if (top.kind === 'seq') this.item(top, content, end);
    else this.entry(top, content, end);
  }

  /** A pending value that never came is null: a wanted empty item is left to the document parser. */
  private settle(pending: Pending | undefined): void {
    if (pending?.recordOffset && pending.wanted.length > 0) unsupported();
  }

  /**
   * A node starting at `at` on its own line or after `- `: a sequence, a mapping or a scalar.
   * `parentIndent` is the column of the key or `-` it is the value of.
   */
  private node(at: number, end: number, column: number, wanted: PathNode[], parentIndent: number): void {
    if (this.isSeqEntry(at, end)) {
      const frame: Frame = { kind: 'seq', indent: column, wanted, index: -1 };
      if (wanted.length > 0) frame.items = itemsOf(wanted);
      this.stack.push(frame);
      this.item(frame, at, end);
      return;
    }
    const colon = this.keyEnd(at, end);
    if (colon >= 0) {
      const frame: Frame = { kind: 'map', indent: column, wanted, index: -1 };
      this.stack.push(frame);
      this.entry(frame, at, end);
      return;
    }
    this.scalar(at, end, wanted, parentIndent);
  }

  private item(frame: Frame, at: number, end: number): void {
    if (!this.isSeqEntry(at, end)) unsupported();
    frame.index++;
    const wanted = frame.items?.get(frame.index) ?? [];
    const value = this.space(at + 1, end);
    if (value === end || this.text.charCodeAt(value) === HASH) {
      this.pending = { indent: frame.indent, fromMap: false, wanted, recordOffset: true };
      return;
    }
    for (const node of wanted) this.found(node, value);
    if (this.isSeqEntry(value, end)) unsupported();
    this.node(value, end, value - (at - frame.indent), wanted, frame.indent);
  }

  private entry(frame: Frame, at: number, end: number): void {
    if (this.isSeqEntry(at, end)) unsupported();
    const c = this.text.charCodeAt(at);
    if ((c === QUESTION || c === COLON) && isSpaceOrEnd(this.text.charCodeAt(at + 1))) {
      this.explicit(frame, at, end);
      return;
    }
    const colon = this.keyEnd(at, end);
    if (colon < 0) unsupported();
    const key = this.key(at, colon);
    const wanted: PathNode[] = [];
    for (const parent of frame.wanted) {
      const child = parent.children.get(key);
      if (child && child.offset === undefined) {
        wanted.push(child);
        this.found(child, at);
      }
    }
    const value = this.space(colon + 1, end);
    if (value === end || this.text.charCodeAt(value) === HASH) {
      this.pending = { indent: frame.indent, fromMap: true, wanted, recordOffset: false };
      return;
    }
    this.scalar(value, end, wanted, frame.indent);
  }

  /** `? key` and `: value` lines of an explicit entry, followed only where no pointer looks. */
  private explicit(frame: Frame, at: number, end: number): void {
    if (frame.wanted.length > 0) unsupported();
    const value = this.space(at + 1, end);
    if (value === end || this.text.charCodeAt(value) === HASH) {
      this.pending = { indent: frame.indent, fromMap: true, wanted: [], recordOffset: false };
      return;
    }
    this.node(value, end, value - (at - frame.indent), [], frame.indent);
  }

  /** A value on the line of its key or `-` that is not a collection of its own lines. */
  private scalar(at: number, end: number, wanted: PathNode[], parentIndent: number): void {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === PIPE || c === GREATER) {
      if (parentIndent < 0) unsupported();
      this.blockScalar = parentIndent;
      return;
    }
    if (c === QUOTE || c === APOSTROPHE || c === OPEN_BRACKET || c === OPEN_BRACE) {
      // Nothing inside a quoted scalar to find; flow collections are left to the document parser.
      if (c !== QUOTE && c !== APOSTROPHE && wanted.length > 0) unsupported();
      const open: Open = { threshold: parentIndent, depth: 0, quote: 0, previous: 0 };
      const close = this.advance(open, at, end);
      if (close < 0) this.open = open;
      else this.afterScalar(close, end);
      return;
    }
    if (c === AMPERSAND || c === BANG) {
      if (wanted.length > 0) unsupported();
      let next = at;
      while (next < end && !isSpace(text.charCodeAt(next))) next++;
      next = this.space(next, end);
      if (next === end || text.charCodeAt(next) === HASH) {
        this.pending = { indent: parentIndent, fromMap: true, wanted: [], recordOffset: false };
        return;
      }
      this.scalar(next, end, wanted, parentIndent);
      return;
    }
    if (c === QUESTION && isSpaceOrEnd(text.charCodeAt(at + 1))) unsupported();
    // A plain scalar or an alias: nothing inside it to find.
  }

  /**
   * Where the key starting at `at` ends (its `:`), or -1 when the line holds no key. Quoted keys
   * must close on the line.
   */
  private keyEnd(at: number, end: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === QUOTE || c === APOSTROPHE) {
      const close = this.quoted(at, end);
      if (close < 0) return -1;
      const after = this.space(close, end);
      return after < end && text.charCodeAt(after) === COLON && isSpaceOrEnd(text.charCodeAt(after + 1))
        ? after
        : -1;
    }
    if (INDICATOR.has(c)) return -1;
    for (let i = at; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === COLON && (i + 1 === end || isSpace(text.charCodeAt(i + 1)))) return i;
      if (ch === HASH && isSpace(text.charCodeAt(i - 1))) return -1;
    }
    return -1;
  }

  /** The key from `at` to its `:`, as the parsed document spells it. */
  private key(at: number, colon: number): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === APOSTROPHE) return text.slice(at + 1, this.quoted(at, colon) - 1).replace(/''/g, "'");
    if (c === QUOTE) {
      const raw = text.slice(at, this.quoted(at, colon));
      if (!raw.includes('\\')) return raw.slice(1, -1);
      try {
        return JSON.parse(raw) as string;
      } catch {
        unsupported(); // a YAML-only escape
      }
    }
    const key = text.slice(at, colon).trimEnd();
    // Keys the core schema reads as numbers, booleans or null print differently once parsed.
    if (NOT_A_STRING.test(key) && !/^(?:0|[1-9][0-9]*)$/.test(key)) unsupported();
    return key;
  }

  /** `at` is an opening quote; returns the offset after the closing one on the line, or -1. */
  private quoted(at: number, end: number): number {
    const text = this.text;
    const quote = text.charCodeAt(at);
    for (let i = at + 1; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (quote === QUOTE && ch === BACKSLASH) i++;
      else if (ch === quote) {
        if (quote === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) i++;
        else return i + 1;
      }
    }
    return -1;
  }

  /**
   * Reads a quoted scalar or flow collection from `i` to the end of the line; returns the offset
   * after it when it closes there, else -1 (and `open` says where it is).
   */
  private advance(open: Open, i: number, end: number): number {
    const text = this.text;
    for (; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (open.quote !== 0) {
        if (open.quote === QUOTE && ch === BACKSLASH) i++;
        else if (ch === open.quote) {
          if (ch === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) i++;
          else {
            open.quote = 0;
            open.previous = ch;
            if (open.depth === 0) return i + 1;
          }
        }
      } else if ((ch === QUOTE || ch === APOSTROPHE) && OPENS_SCALAR.has(open.previous)) {
        open.quote = ch;
      } else if (ch === OPEN_BRACKET || ch === OPEN_BRACE) {
        open.depth++;
        open.previous = ch;
      } else if (ch === CLOSE_BRACKET || ch === CLOSE_BRACE) {
        if (--open.depth === 0) return i + 1;
        open.previous = ch;
      } else if (ch === HASH && isSpace(text.charCodeAt(i - 1))) {
        return -1;
      } else if (!isSpace(ch)) {
        open.previous = ch;
      }
    }
    return -1;
  }

  /** After a quoted scalar or flow collection: a `:` makes it a key, which is left to the document parser. */
  private afterScalar(at: number, end: number): void {
    const after = this.space(at, end);
    if (after < end && this.text.charCodeAt(after) === COLON) unsupported();
  }

  private isSeqEntry(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === DASH && (at + 1 === end || isSpace(this.text.charCodeAt(at + 1)));
  }

  private space(i: number, end: number): number {
    while (i < end && isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }
}

function itemsOf(nodes: PathNode[]): Map<number, PathNode[]> {
  const out = new Map<number, PathNode[]>();
  for (const node of nodes)
    for (const [index, items] of node.items()) out.set(index, [...(out.get(index) ?? []), ...items]);
  return out;
}

function unsupported(): never {
  throw new Unsupported();
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

function isSpaceOrEnd(c: number): boolean {
  return Number.isNaN(c) || c === SPACE || c === TAB || c === CR || c === LF;
}

const BOM = 0xfeff;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const HASH = 0x23;
const PERCENT = 0x25;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const DASH = 0x2d;
const PIPE = 0x7c;
const GREATER = 0x3e;
const AMPERSAND = 0x26;
const BANG = 0x21;
const QUESTION = 0x3f;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Where a quote starts a scalar inside a flow collection (0: its start). */
const OPENS_SCALAR = new Set([0, OPEN_BRACKET, OPEN_BRACE, COMMA, COLON]);

/** Characters a plain key cannot start with; such keys are left to the document parser. */
const INDICATOR = new Set([...'?&!*[]{}|>%@`#,'].map((c) => c.charCodeAt(0)));

/** Plain scalars the YAML 1.2 core schema (and js-yaml's) resolves to a number, boolean or null. */
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+)$/;
