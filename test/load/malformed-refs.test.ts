import { describe, expect, it } from 'vitest';
import { check, oas } from '../support/check.js';
import { runEverything } from '../support/everything.js';

const intent = `x-gateplan:\n  backends: { b: { url: 'http://b.internal' } }\n  defaults: { backend: b }\n`;

/** A `$ref` in each place gateplan follows one: a path item, a parameter, a request body schema. */
function specWith(ref: string): string {
  return oas(
    `${intent}components: { schemas: { Body: { type: object } } }\npaths:\n` +
      `  /item: { $ref: '${ref}' }\n` +
      `  /a:\n    post:\n` +
      `      parameters: [{ $ref: '${ref}' }]\n` +
      `      requestBody: { content: { application/json: { schema: { $ref: '${ref}' } } } }\n` +
      `      responses: { '200': { description: ok } }\n`,
  );
}

describe('a $ref with malformed percent-encoding or an invalid URL', () => {
  for (const ref of ['#/%E0%A4%A', 'sub/x.yaml#/%zz', 'sub/%zz.yaml', '#/components/schemas/%E0%A4%A']) {
    it(`${ref}: located findings (GP007), never a URIError`, async () => {
      const { diagnostics, model } = await check(specWith(ref), {}, { allowRemoteRefs: true });
      const found = diagnostics.filter((d) => d.code === 'GP007');
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.args.ref).toBe(ref);
        expect(d.where.line).toBeDefined();
      }
      expect(() => runEverything(model!)).not.toThrow();
    });
  }

  it('an http $ref that is no URL is a finding too', async () => {
    const { diagnostics } = await check(specWith('http://[bad/x.yaml'), {}, { allowRemoteRefs: true });
    expect(diagnostics.filter((d) => d.code === 'GP007').map((d) => d.args.reason)).toContain(
      'it is not a valid URL',
    );
  });
});
