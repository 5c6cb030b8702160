import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlText, yamlTextExceeds } from '../../src/format/yaml.js';

/** Values as templates hold them: objects, arrays, strings (any Unicode), numbers, booleans, null, undefined. */
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('node'), { maxLength: 5 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), tie('node'), { maxKeys: 5 }),
  ),
})).node;

describe('yamlTextExceeds', () => {
  it('never claims more than the rendered text holds', () => {
    fc.assert(
      fc.property(value, fc.nat(400), (v, bytes) => {
        if (yamlTextExceeds(v, bytes)) expect(Buffer.byteLength(yamlText(v))).toBeGreaterThan(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('sees a large document without rendering it, and leaves a small one to be measured', () => {
    const document = {
      paths: Object.fromEntries(
        [...Array(2000)].map((_, i) => [`/things/${i}`, { get: { summary: 'Lists the things' } }]),
      ),
    };
    expect(yamlTextExceeds(document, 51_200)).toBe(true);
    expect(yamlTextExceeds({ paths: { '/x': { get: { summary: 'ünïcode' } } } }, 51_200)).toBe(false);
    expect(yamlTextExceeds({ skipped: undefined, é: 'é' }, 3)).toBe(true);
    expect(yamlTextExceeds({ skipped: undefined }, 3)).toBe(false);
  });
});
