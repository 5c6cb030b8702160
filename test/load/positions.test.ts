import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PathTrie } from '../../src/load/offsets/trie.js';
import { scanBlockYaml } from '../../src/load/offsets/yaml.js';
import { parseText } from '../../src/load/parse.js';
import { PositionIndex } from '../../src/load/positions.js';
import { encodePointer } from '../../src/util/pointer.js';
import { announceCorpus, corpusEntries, HAS_CORPUS } from '../support/corpus.js';
import { REPO } from '../support/pipeline.js';
import { TreePositionIndex } from '../support/reference-positions.js';

const LIMITS = { maxAliasCount: 10_000, maxDepth: 200 };

/** Every place in a parsed document (up to `max`), plus a missing key under every seventh. */
function pointersOf(value: unknown, max: number): string[] {
  const out = [''];
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  const seen = new Set<object>();
  while (stack.length > 0 && out.length < max) {
    const [node, path] = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const entries: [string | number, unknown][] = Array.isArray(node)
      ? node.map((v, i) => [i, v])
      : Object.entries(node);
    for (const [key, child] of entries) {
      out.push(encodePointer([...path, key]));
      if (out.length % 7 === 0) out.push(encodePointer([...path, key, 'no such key']));
      stack.push([child, [...path, key]]);
    }
  }
  return out;
}

/** Locates every pointer with the one-pass scanners and with the syntax-tree walk; both must agree. */
function disagreements(text: string, pointers?: string[]): string[] {
  const parsed = parseText(text, 'doc', LIMITS);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostic));
  const wanted = pointers ?? pointersOf(parsed.value, 2_000);
  const fast = new PositionIndex(text, parsed.kind);
  fast.prepare(wanted);
  const tree = new TreePositionIndex(text, parsed.kind);
  const out: string[] = [];
  for (const pointer of wanted) {
    const [a, b] = [fast.locate(pointer), tree.locate(pointer)];
    if (a?.line !== b?.line || a?.column !== b?.column)
      out.push(`${pointer}: ${a?.line}:${a?.column}, tree says ${b?.line}:${b?.column}`);
  }
  return out;
}

const followed = (text: string, pointer = '/a/b') => scanBlockYaml(text, new PathTrie([pointer]).root);

describe('positions: the one-pass scanners agree with a syntax-tree walk', () => {
  const cases: Record<string, string> = {
    'block mappings and sequences, compact and indented': `a:\n  b: 1\n  c:\n  - x\n  - y: 2\n    z: [1, 2]\nd:\n  -\n    e: 3\n  - f\n`,
    'quoted keys, escapes, numeric keys': `"a b": 1\n'it''s': 2\n"c\\"d": 3\nresponses:\n  '200': {description: ok}\n  404:\n    description: missing\n  2XX: x\n`,
    'block scalars with key-like lines': `a: |\n  b: not a key\n  - not an item\n\n  c: "unclosed\nb: >-\n  text\nc: 1\n`,
    'multi-line quoted and flow values, indented': `a: "one\n  two: three"\nb: [1,\n  2]\nc: { d: "it's", e: 'x' }\nf: 1\n`,
    'comments, CRLF, document marker': `# head\r\n---\r\na: # note\r\n  b: 1 # tail\r\n\r\n  c: 'x' # y\r\n`,
    'duplicate keys: the first wins': `a: 1\nb:\n  c: 1\nb:\n  c: 2\n`,
    'anchors, aliases, merge keys': `base: &base\n  x: 1\nuse:\n  <<: *base\n  y: 2\nlist:\n  - &item a\n  - *item\n`,
    'explicit keys': `a:\n  ? long key\n  : value\n  b: 1\n`,
    'JSON with escapes and nesting': `{"a": {"b\\"c": [1, {"d": "x\\\\"}], "e": []}, "a": 2, "f": {"g": null}}`,
    'JSON arrays addressed by odd indexes': `{"a": [[1, 2], {"b": 3}]}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const extra = ['/a/01', '/a/1/0', '/a/-1', '/responses/404/description', '/list/1/x', '/use/x'];
      const parsed = parseText(text, 'doc', LIMITS);
      expect(parsed.ok).toBe(true);
      const all = [...pointersOf(parsed.ok ? parsed.value : null, 500), ...extra];
      expect(disagreements(text, all)).toEqual([]);
    });
  }

  it('follows block-style YAML itself, and hands what it cannot follow to the document parser', () => {
    expect(followed(readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8'))).toBe(true);
    expect(followed(`a: "one\n  two"\n`)).toBe(true);
    // js-yaml reads continuation lines at any indentation; a key-like one must not be taken for a key.
    expect(followed(`a: "one\nb: two"\n`)).toBe(false);
    expect(followed(`a: [1,\nb: 2]\n`)).toBe(false);
    expect(followed(`a:\n  ? b\n  : 1\n`)).toBe(false);
    expect(followed(`a:\n  b: &x\n    c: 1\n`, '/a/b/c')).toBe(false);
    // Once every wanted place is found, the rest of the text is not read.
    expect(followed(`a:\n  b: &x\n    c: 1\n`)).toBe(true);
    expect(disagreements(`a: "one\nb: two"\nc:\n  d: 1\n`)).toEqual([]);
  });
});

describe.runIf(announceCorpus())('positions on the corpus: scanners agree with the syntax tree', () => {
  // The tree walk is slow on big files; the one-pass scanners are compared where it is quick.
  const files = HAS_CORPUS
    ? corpusEntries().filter((e) => !e.file.endsWith('.gz') && statSync(e.file).size < 800_000)
    : [];
  for (const entry of files) {
    it(entry.id, () => {
      const bytes = readFileSync(entry.file);
      const text = (entry.file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      expect(disagreements(text)).toEqual([]);
    });
  }
});
