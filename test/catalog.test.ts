import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/diagnostics/catalog.js';
import { renderCodesMarkdown } from '../src/diagnostics/docs.js';
import { publishedSchemas } from '../src/model/intent/schema.js';
import { REPO } from './support/pipeline.js';

function testSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'golden' ? [] : testSources(path);
    return name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('the diagnostic catalog', () => {
  it('is documented: docs/codes.md is what `npm run docs` writes', () => {
    expect(readFileSync(join(REPO, 'docs/codes.md'), 'utf8')).toBe(renderCodesMarkdown());
  });

  it('has codes of the form GPnnn with a slug, a level, a stage and a message', () => {
    for (const [code, entry] of Object.entries(catalog)) {
      expect(code).toMatch(/^GP\d{3}$/);
      expect(entry.slug).toMatch(/^[a-z0-9-]+$/);
      expect(entry.text.length).toBeGreaterThan(10);
    }
    const slugs = Object.values(catalog).map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  /**
   * A per-code table is a `testCode` (`testTargetCode`, `testDiffCode`, `testCliCode` …) call in
   * some test file; each helper also requires that one of its cases expects the code at a
   * location. A code no input can produce has no table and leaves the catalog.
   */
  it('has a per-code table for every code', () => {
    const tests = testSources(join(REPO, 'test')).join('\n');
    const tabled = new Set([...tests.matchAll(/\btest\w*Code\(\s*'(GP\d{3})'/g)].map((m) => m[1]!));
    expect(Object.keys(catalog).filter((code) => !tabled.has(code))).toEqual([]);
  });
});

describe('published JSON Schemas', () => {
  it('schema/*.json are what `npm run schema` writes', () => {
    for (const [name, schema] of Object.entries(publishedSchemas())) {
      expect(JSON.parse(readFileSync(join(REPO, 'schema', name), 'utf8'))).toEqual(schema);
    }
  });
});
