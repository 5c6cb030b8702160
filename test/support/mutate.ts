import fc from 'fast-check';

/**
 * Hostile inputs for fuzzing whole documents: strings that are syntax somewhere gateplan writes
 * (CloudFormation `Fn::Sub`, Terraform templates, Velocity, YAML, Markdown, terminals, JSON
 * pointers, paths) and names every plain object already has.
 */
export const HOSTILE_STRINGS = [
  '${AWS::NoSuch}',
  '${SvcVpcLinkId} ${AWS::AccountId}',
  '$${x} %{ if true }x%{ endif }',
  "$input.params('q') ## rest",
  '\u001b[2J\r\n::error file=x::forged',
  '<img src=x onerror=alert(1)> ![x](https://evil.example/p) <!-- gateplan-diff -->',
  'a\u0085b\u2028c\u202ed\ufeff',
  '#/__proto__',
  '#/%E0%A4%A',
  '../../../../etc/passwd',
  'http://[bad',
  '__proto__',
  'constructor',
  'toString',
  'True',
  '{a}/{b+}/{',
  '*?[]',
  '',
  'x'.repeat(3000),
];

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Values of every JSON type, hostile strings among them, and `$ref`s that lead nowhere good. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, 2 ** 53 + 1),
  fc.constantFrom([], {}, [[]], { '': {} }),
  hostileString.map((ref) => ({ $ref: ref })),
  fc.jsonValue({ maxDepth: 2 }),
);

export type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number; key: string }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown };

/** A few mutations; `at` picks a node by its index in the document's node list (modulo its length). */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), key: hostileString }),
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
    fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: hostileString, value: hostileValue }),
  ),
  { minLength: 1, maxLength: 4 },
);

type Container = Record<string, unknown> | unknown[];
interface Node {
  parent?: Container;
  key?: string | number;
  value: unknown;
}

/** Every node of a document (the root first), at most `limit` of them. */
function nodes(root: unknown, limit = 20_000): Node[] {
  const out: Node[] = [{ value: root }];
  for (let i = 0; i < out.length && out.length < limit; i++) {
    const { value } = out[i]!;
    if (Array.isArray(value)) value.forEach((child, key) => out.push({ parent: value, key, value: child }));
    else if (value !== null && typeof value === 'object')
      for (const [key, child] of Object.entries(value))
        out.push({ parent: value as Container, key, value: child });
  }
  return out;
}

function setOwn(target: Container, key: string | number, value: unknown): void {
  // Defined, not assigned: a key `__proto__` stays an ordinary key, as JSON.parse makes it.
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** A mutated copy of a JSON document (the original is left alone). */
export function mutate(document: unknown, changes: Mutation[]): unknown {
  const root = structuredClone(document);
  for (const change of changes) {
    const all = nodes(root);
    const node = all[change.at % all.length]!;
    switch (change.kind) {
      case 'delete':
        if (!node.parent) break;
        if (Array.isArray(node.parent)) node.parent.splice(node.key as number, 1);
        else delete node.parent[node.key as string];
        break;
      case 'duplicate':
        if (!node.parent) break;
        if (Array.isArray(node.parent)) node.parent.push(structuredClone(node.value));
        else setOwn(node.parent, change.key, structuredClone(node.value));
        break;
      case 'replace':
        if (node.parent) setOwn(node.parent, node.key!, structuredClone(change.value));
        break;
      case 'add':
        if (Array.isArray(node.value)) node.value.push(structuredClone(change.value));
        else if (node.value !== null && typeof node.value === 'object')
          setOwn(node.value as Container, change.key, structuredClone(change.value));
        break;
    }
  }
  return root;
}
