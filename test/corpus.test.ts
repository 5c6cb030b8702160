/**
 * Every real-world spec in ../shared/corpus goes through `gateplan inspect --format json` and must
 * either yield a route model or fail with located diagnostics — never crash.
 *
 * Route counts are checked against an independent count of the document's path-item methods (the
 * same count MANIFEST's `operations` column holds). The only operations allowed to go missing are
 * those the model rejects with a diagnostic that names them:
 * - GP023 (path is not a valid template: `<upload_url>`, an unbalanced brace) drops every
 *   method of that path;
 * - GP020 and GP151 (same method + path template, differing only in parameter names) drop the duplicate.
 * Webhooks (3.1) are not path-item methods, so MANIFEST does not count them either. Postman
 * collections count requests: every request becomes a route unless a diagnostic says it was merged
 * into an earlier request for the same method + path (GP500) or skipped (GP503 no URL, GP506
 * method OpenAPI cannot describe).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import jsYaml from 'js-yaml';
import { main } from '../src/cli/main.js';
import { announceCorpus, corpusEntries, CORPUS_DIR, HAS_CORPUS, type CorpusEntry } from './support/corpus.js';

announceCorpus();

/** Postman requests that do not become routes of their own: merged duplicates, no URL, unusable method. */
const POSTMAN_SKIPS = new Set(['GP500', 'GP503', 'GP506']);
/** Operations the model rejects: invalid path template, duplicate template. */
const MODEL_DROPS = new Set(['GP023', 'GP020', 'GP151']);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** Diagnostic lines of the text formatter: `file[:line:col | #pointer] severity GPnnn message`. */
const TEXT_DIAGNOSTIC = /^(.+?)(?::(\d+):(\d+)|#(\/\S*))? (error|warn|info) (GP\d{3}) /;

interface Inspected {
  code: number;
  stdout: string;
  stderr: string;
}

async function inspect(file: string): Promise<Inspected> {
  let stdout = '';
  let stderr = '';
  const code = await main(['inspect', file, '--format', 'json'], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    color: false,
  });
  return { code, stdout, stderr };
}

interface JsonDiagnostic {
  code: string;
  file?: string;
  pointer?: string;
  line?: number;
}

interface InspectRoute {
  id: string;
  method: string;
  path: string;
  operationId: string | null;
  backend: string;
  source: string;
}

function readDocument(file: string): unknown {
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  // js-yaml reads Stripe's 3.8 MB in a fraction of the yaml package's time; counting methods needs no more.
  return /\.json(\.gz)?$/.test(file) ? JSON.parse(text) : jsYaml.load(text, { json: true });
}

function pointerGet(doc: unknown, pointer: string): unknown {
  const tokens = pointer.split('/').slice(1);
  return tokens.reduce<unknown>((node, token) => {
    const key = decodeURIComponent(token).replaceAll('~1', '/').replaceAll('~0', '~');
    return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }, doc);
}

/** Follows a path item's `$ref` (local or to another file), as MANIFEST's counts did. */
function resolvePathItem(item: unknown, file: string, doc: unknown, depth = 0): Record<string, unknown> {
  const record = (item ?? {}) as Record<string, unknown>;
  const ref = record['$ref'];
  if (typeof ref !== 'string' || depth > 8) return record;
  const [target = '', fragment = ''] = ref.split('#');
  const targetFile = target ? resolve(dirname(file), decodeURI(target)) : file;
  const targetDoc = target ? readDocument(targetFile) : doc;
  return resolvePathItem(pointerGet(targetDoc, fragment), targetFile, targetDoc, depth + 1);
}

/** Path template → methods it declares, read straight from the document (the test's oracle). */
function documentOperations(file: string): Map<string, string[]> {
  const doc = readDocument(file) as { paths?: Record<string, unknown> };
  const operations = new Map<string, string[]>();
  for (const [path, raw] of Object.entries(doc.paths ?? {})) {
    const item = resolvePathItem(raw, file, doc);
    operations.set(
      path,
      METHODS.filter((m) => typeof item[m] === 'object' && item[m] !== null).map((m) => m.toUpperCase()),
    );
  }
  return operations;
}

function tally(methods: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of methods) counts[m] = (counts[m] ?? 0) + 1;
  return counts;
}

function unescapePointerToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Methods the model legitimately dropped, per the diagnostics that say so. */
function droppedMethods(diagnostics: JsonDiagnostic[], operations: Map<string, string[]>): string[] {
  const dropped: string[] = [];
  for (const d of diagnostics) {
    const tokens = (d.pointer ?? '').split('/');
    if (tokens[1] !== 'paths' || tokens[2] === undefined) continue;
    const path = unescapePointerToken(tokens[2]);
    if (!MODEL_DROPS.has(d.code)) continue;
    if (d.code === 'GP023') dropped.push(...(operations.get(path) ?? []));
    if ((d.code === 'GP020' || d.code === 'GP151') && tokens[3]) dropped.push(tokens[3].toUpperCase());
  }
  return dropped;
}

function subtract(all: string[], removed: string[]): string[] {
  const left = [...all];
  for (const r of removed) {
    const i = left.indexOf(r);
    if (i >= 0) left.splice(i, 1);
  }
  return left;
}

function expectModel(result: Inspected): InspectRoute[] {
  const parsed = JSON.parse(result.stdout) as { routes: InspectRoute[] };
  for (const route of parsed.routes) {
    expect(route.method).toMatch(/^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE|ANY)$/);
    expect(route.path).toMatch(/^\//);
    expect(typeof route.id).toBe('string');
    expect(route.operationId === null || typeof route.operationId === 'string').toBe(true);
    expect(typeof route.backend).toBe('string');
    expect(route.source, `${route.id} has no line`).toMatch(/:\d+:\d+$/);
    expect(route.source.startsWith(CORPUS_DIR), route.source).toBe(true);
  }
  return parsed.routes;
}

/** The findings of `--format json`: part of the one document on stdout. */
function jsonDiagnostics(stdout: string): JsonDiagnostic[] {
  const diagnostics = (JSON.parse(stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics;
  for (const d of diagnostics) {
    expect(d.file, `${d.code} names no file`).toBeTruthy();
    expect(d.line !== undefined || d.pointer !== undefined, `${d.code} has neither line nor pointer`).toBe(
      true,
    );
  }
  return diagnostics;
}

/** Exit 2 must come with compiler-style diagnostics that name a file of this spec. */
function expectLocatedFailure(entry: CorpusEntry, result: Inspected): string[] {
  expect(result.stderr).not.toMatch(/internal error/);
  const lines = result.stderr.split('\n').filter((l) => TEXT_DIAGNOSTIC.test(l));
  expect(lines.length, `exit 2 without diagnostics:\n${result.stderr}`).toBeGreaterThan(0);
  const root = dirname(entry.file);
  for (const line of lines) expect(TEXT_DIAGNOSTIC.exec(line)![1]!.startsWith(root), line).toBe(true);
  return lines.map((l) => TEXT_DIAGNOSTIC.exec(l)![6]!);
}

const entries = corpusEntries();

describe.skipIf(!HAS_CORPUS)('corpus: gateplan inspect on real-world specs', () => {
  it.each(entries.map((e) => [e.id, e] as const))(
    '%s',
    async (_id, entry) => {
      const result = await inspect(entry.file);
      expect(result.stderr).not.toMatch(/internal error/);
      expect([0, 2]).toContain(result.code);
      if (result.code === 2) {
        expectLocatedFailure(entry, result);
        return;
      }
      expect(result.stderr, 'with --format json, stdout holds the one document').toBe('');
      const routes = expectModel(result);
      const diagnostics = jsonDiagnostics(result.stdout);
      if (entry.format === 'postman') {
        const skipped = diagnostics.filter(
          (d) => POSTMAN_SKIPS.has(d.code) || d.code === 'GP020' || d.code === 'GP151',
        );
        expect(routes.length).toBe(entry.operations - skipped.length);
        return;
      }
      const operations = documentOperations(entry.file);
      const declared = [...operations.values()].flat();
      expect(declared.length, 'the test oracle disagrees with MANIFEST').toBe(entry.operations);
      const expected = subtract(declared, droppedMethods(diagnostics, operations));
      expect(tally(routes.map((r) => r.method))).toEqual(tally(expected));
    },
    60_000,
  );
});

if (!HAS_CORPUS) it.skip('corpus absent: nothing to check', () => {});
