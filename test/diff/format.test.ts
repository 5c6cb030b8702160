import { describe, expect, it } from 'vitest';
import { diffFormatters } from '../../src/diff/format/index.js';
import { BASE, patch, report } from './helpers.js';

describe('diff formats', () => {
  it('markdown escapes what a spec author writes: no HTML, no broken table', async () => {
    const revision = patch([
      'prod: { host: shop.example.com,',
      "prod: { host: shop.example.com, variables: { note: '<img src=x onerror=alert(1)>|`x`' },",
    ]);
    const md = diffFormatters.markdown(await report(BASE, revision, {}), { color: false });
    expect(md).not.toContain('<img');
    const row = md.split('\n').find((l) => l.includes('stage-variables-changed'))!;
    expect(row).toContain('&lt;img src=x onerror=alert(1)&gt;\\|\\`x\\`');
    // Header row has 5 cells: an unescaped pipe would add one.
    expect(row.split(/(?<!\\)\|/).length).toBe(7);
  });

  it('text is colored only when asked', async () => {
    const r = await report(BASE, patch(['{ rate: 100, burst: 200 }', '{ rate: 10, burst: 200 }']), {});
    expect(diffFormatters.text(r, { color: false })).not.toContain('\u001b[');
    expect(diffFormatters.text(r, { color: true })).toContain('\u001b[33mrisky');
    expect(diffFormatters.text(r, { color: false }).trim().split('\n').at(-1)).toBe(
      '0 breaking, 1 risky, 0 safe',
    );
  });

  it('an empty diff says so in every human format', async () => {
    const r = await report(BASE, BASE, {});
    expect(diffFormatters.text(r, { color: false })).toContain('no routing changes');
    expect(diffFormatters.markdown(r, { color: false })).toContain('No routing changes.');
    expect(diffFormatters.github(r, { color: false })).toBe('');
  });
});

describe('markdown size', () => {
  it('long lists are cut with a count, and a section with breaking changes starts open', async () => {
    const many = (n: number) =>
      BASE.replace(
        'paths:\n',
        `paths:\n${Array.from({ length: n }, (_, i) => `  /extra${i}:\n    get:\n      responses: { '200': { description: ok } }\n`).join('')}`,
      );
    const md = diffFormatters.markdown(await report(many(150), BASE, {}), { color: false });
    expect(md).toContain('| | … and 50 more | | | |');
    expect(md).toContain('- … and 90 more');
    expect(md).toContain('<details open>');
    expect(md.length).toBeLessThan(65536);
  });
});
