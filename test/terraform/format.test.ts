import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHcl } from '../../src/targets/terraform/format.js';
import { hclMapLines, hclValue, type HclValue } from '../../src/targets/terraform/hcl.js';
import { parseHcl, TERRAFORM, unformatted } from './support/hcl.js';

/** Random HCL bodies written carelessly (any indentation, blank lines anywhere), as a user template might. */
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/);
const scalar: fc.Arbitrary<HclValue> = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());
const value: fc.Arbitrary<HclValue> = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const pad = fc.nat(4).map((n) => ' '.repeat(n));

type Item =
  | { kind: 'attr'; key: string; value: HclValue }
  | { kind: 'map'; key: string; entries: Record<string, HclValue> }
  | { kind: 'block'; type: string; body: Item[] }
  | { kind: 'blank' };

const item: fc.Memo<Item> = fc.memo((depth) => {
  const leaves = [
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('attr' as const), key: name, value }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('map' as const),
        key: name,
        entries: fc.dictionary(name, scalar, { maxKeys: 3 }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'blank' as const }) },
  ];
  if (depth <= 1) return fc.oneof(...leaves);
  const block = fc.record({
    kind: fc.constant('block' as const),
    type: name,
    body: fc.array(item(depth - 1), { maxLength: 5 }),
  });
  return fc.oneof(...leaves, { weight: 1, arbitrary: block });
});

function render(items: Item[], pads: string[]): string {
  let i = 0;
  const p = () => pads[i++ % pads.length]!;
  const lines = (list: Item[]): string[] =>
    list.flatMap((it): string[] => {
      if (it.kind === 'blank') return [''];
      if (it.kind === 'attr') return [`${p()}${it.key} = ${hclValue(it.value)}`];
      if (it.kind === 'map')
        return (p() + `${it.key} = ${hclMapLines(it.entries)}`).split('\n').map((l) => p() + l.trim());
      return [`${p()}${it.type} {`, ...lines(it.body), `${p()}}`];
    });
  return `resource "x" "y" {\n${lines(items).join('\n')}\n}\n`;
}

/** HCL rejects two attributes of one name in a body; keep the first of each. */
function unique(items: Item[]): Item[] {
  const seen = new Set<string>();
  return items
    .filter((it) => it.kind === 'blank' || it.kind === 'block' || (!seen.has(it.key) && seen.add(it.key)))
    .map((it) => (it.kind === 'block' ? { ...it, body: unique(it.body) } : it));
}

describe('formatHcl', () => {
  it('keeps what the text means', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item(3), { maxLength: 8 }),
        fc.array(pad, { minLength: 1, maxLength: 5 }),
        async (items, pads) => {
          const text = render(unique(items), pads);
          expect(await parseHcl(formatHcl(text))).toEqual(await parseHcl(text));
          expect(formatHcl(formatHcl(text))).toBe(formatHcl(text));
        },
      ),
      { numRuns: 100 },
    );
  });

  it.runIf(TERRAFORM)('lays text out exactly as terraform fmt does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(item(3), { maxLength: 8 }),
        fc.array(pad, { minLength: 1, maxLength: 5 }),
        async (items, pads) => {
          const formatted = formatHcl(render(unique(items), pads));
          expect(unformatted({ 'main.tf': formatted })).toBe('');
        },
      ),
      { numRuns: 40 },
    );
  });
});
