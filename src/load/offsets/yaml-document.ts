import type * as Yaml from 'yaml';
import { lazyRequire } from '../../util/lazy.js';
import type { PathNode } from './trie.js';

const yaml = lazyRequire<typeof Yaml>('yaml');

/**
 * Finds the offsets of a trie's pointers in any YAML by building `yaml`'s document tree: exact for
 * every construct, but slow and large on big files, so it only serves text that
 * `findYamlOffsets` does not follow.
 */
export function findYamlOffsetsByDocument(text: string, root: PathNode): void {
  const doc = yaml().parseDocument(text, { uniqueKeys: false });
  root.offset = rangeStart(doc.contents);
  visit(doc.contents, root);
}

function visit(node: unknown, wanted: PathNode): void {
  for (const [part, child] of wanted.children) {
    let value: unknown;
    let offset: number | undefined;
    if (yaml().isMap(node)) {
      const pair = node.items.find((item) => keyString(item.key) === part);
      if (!pair) continue;
      offset = rangeStart(pair.key);
      value = pair.value;
    } else if (yaml().isSeq(node)) {
      value = node.items[Number(part)];
      if (value === undefined) continue;
      offset = rangeStart(value);
    } else {
      return;
    }
    // A key without a range (none in practice) keeps its parent's place, as a lookup would.
    child.offset = offset ?? wanted.offset;
    visit(value, child);
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
