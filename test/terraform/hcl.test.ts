import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expr, hclKey, hclString, hclValue, tfName } from '../../src/targets/terraform/hcl.js';
import { literal, parseHcl } from './support/hcl.js';

const NASTY = [
  'plain',
  'quote " inside',
  'back\\slash',
  'trailing backslash \\',
  'new\nline',
  'cr\r\ttab',
  '${var.secret}',
  '%{ if true }x%{ endif }',
  '$${already escaped}',
  '$',
  '%',
  '${',
  '"}\n}\nresource "aws_iam_user" "evil" {\n  name = "x',
  'nul \u0000 and del \u007f and \u2028',
  'ünïcödé ✓ 🎉',
];

async function roundTrip(value: string): Promise<string> {
  const parsed = await parseHcl(`locals {\n  v = ${hclString(value)}\n}\n`);
  const locals = parsed['locals'] as { v: string }[];
  expect(Object.keys(parsed)).toEqual(['locals']);
  return literal(locals[0]!.v);
}

describe('hclString', () => {
  for (const value of NASTY) {
    it(`keeps ${JSON.stringify(value)} one literal`, async () => {
      expect(await roundTrip(value)).toBe(value);
    });
  }

  // HCL normalizes every string to NFC (escapes included), as Terraform does.
  it('round-trips arbitrary strings through the HCL parser', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (value) => {
        expect(await roundTrip(value)).toBe(value.normalize('NFC'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hclValue', () => {
  it('writes lists, maps, numbers, booleans and expressions', async () => {
    const text = hclValue({ a: [1, 2.5, true, null], 'b:c': { d: 'e' }, f: expr('var.x') });
    expect(text).toBe('{ a = [1, 2.5, true, null], "b:c" = { d = "e" }, f = var.x }');
    const parsed = await parseHcl(`locals {\n  v = ${text}\n}\n`);
    expect((parsed['locals'] as { v: unknown }[])[0]!.v).toEqual({
      a: [1, 2.5, true, null],
      'b:c': { d: 'e' },
      f: '${var.x}',
    });
  });

  it('refuses numbers HCL cannot write', () => {
    expect(() => hclValue(Number.NaN)).toThrow(RangeError);
  });

  it('quotes keys that are not identifiers or are keywords', () => {
    expect(hclKey('Name')).toBe('Name');
    expect(hclKey('gateplan:backend')).toBe('"gateplan:backend"');
    expect(hclKey('null')).toBe('"null"');
  });
});

describe('tfName', () => {
  it('folds any text to a Terraform block name', () => {
    expect(tfName('listBooks')).toBe('list_books');
    expect(tfName('GET /books/{bookId}')).toBe('get_books_book_id');
    expect(tfName('9lives')).toBe('r_9lives');
    expect(tfName('---')).toBe('x');
  });
});
