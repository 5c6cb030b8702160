/**
 * Every gateplan command README.md shows is run here, from the repository's root as on a fresh
 * clone: a `$ npx gateplan …` block must print exactly the lines README shows under it (a `…`
 * line stands for lines left out), and a command in a `sh` block must succeed. Commands on the
 * reader's own files (`shop.postman_collection.json`, `specs/api.yaml`) cannot run here; they
 * are listed below, so a new README command is either run or deliberately left out.
 * Output paths (`--out`, `--chart`) go to a temporary folder and are shown as README names them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { generate } from '../src/targets/generate.js';
import { modelOf, REPO } from './support/pipeline.js';
import { tempDir, writeSpec } from './support/temp.js';
import { samplePullRequest } from './support/sample-change.js';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');

/** Files README's commands name that stand for the reader's own. */
const READERS_FILES = new Set([
  'shop.postman_collection.json',
  'petstore.yaml',
  'specs/shop.yaml',
  'specs/api.yaml',
  'old.yaml',
]);

interface ReadmeCommand {
  line: number;
  args: string[];
  /** What README shows the command printing; absent for a command in a `sh` block. */
  shown?: string[];
}

/** Shell words, with '…' and "…" quoting; enough for README's commands. */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

function readmeCommands(): ReadmeCommand[] {
  const lines = README.split('\n');
  const found: ReadmeCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)$/.exec(lines[i]!);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    const block = lines.slice(start, end);
    if (fence[1] === '' && block[0]?.startsWith('$ npx gateplan ')) {
      found.push({
        line: start + 1,
        args: words(block[0].slice('$ npx gateplan '.length)),
        shown: block.slice(1),
      });
    } else if (fence[1] === 'sh' || fence[1] === '') {
      block.forEach((text, k) => {
        const at = text.search(/(^|npx )gateplan /);
        // The synopsis (`gateplan diff <old> <new>`) is not a command.
        if (at < 0 || text.includes('<')) return;
        const command = text
          .slice(at)
          .replace(/^npx /, '')
          .replace(/\s+#.*$/, '');
        found.push({ line: start + k + 1, args: words(command).slice(1) });
      });
    }
    i = end;
  }
  return found;
}

/** The spec a command reads: its first argument that is not an option, after the command name. */
function specOf(args: string[]): string | undefined {
  return args.slice(1).find((a) => !a.startsWith('-'));
}

const commands = readmeCommands();
const runnable = commands.filter((c) => existsSync(join(REPO, specOf(c.args) ?? '')));

let cwd: string;
beforeAll(() => {
  cwd = process.cwd();
  process.chdir(REPO);
});
afterAll(() => process.chdir(cwd));

async function runAsReadme(args: string[]): Promise<{ code: number; lines: string[] }> {
  const scratch = tempDir();
  const renamed = new Map<string, string>();
  const given = args.map((arg, i) => {
    if (!['--out', '-o', '--chart'].includes(args[i - 1] ?? '')) return arg;
    const path = join(scratch, `output-${i}`);
    renamed.set(path, arg);
    return path;
  });
  let printed = '';
  // What a terminal shows: gateplan says which config it used (stderr) before its output.
  const code = await main(given, {
    stdout: (t) => void (printed += t),
    stderr: (t) => void (printed += t),
    color: false,
  });
  for (const [path, arg] of renamed) printed = printed.split(path).join(arg);
  return { code, lines: printed.replace(/\n$/, '').split('\n') };
}

describe('README.md: every gateplan command', () => {
  it('runs here, or names one of the reader’s own files', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    const others = commands.filter((c) => !runnable.includes(c)).map((c) => specOf(c.args));
    for (const file of others) expect(READERS_FILES, `README names ${file}`).toContain(file);
    expect(runnable.filter((c) => c.shown).length).toBeGreaterThanOrEqual(5);
  });

  for (const command of runnable) {
    it(`line ${command.line}: gateplan ${command.args.join(' ')}`, async () => {
      const { code, lines } = await runAsReadme(command.args);
      if (!command.shown) {
        expect(code, lines.join('\n')).toBe(0);
        return;
      }
      const cut = command.shown.indexOf('…');
      if (cut < 0) expect(lines).toEqual(command.shown);
      else {
        expect(lines.slice(0, cut)).toEqual(command.shown.slice(0, cut));
        const tail = command.shown.slice(cut + 1);
        if (tail.length) expect(lines.slice(-tail.length)).toEqual(tail);
      }
      // README shows lint's exit 1 (an error); every other command it shows succeeds.
      expect(code).toBe(command.args[0] === 'lint' ? 1 : 0);
    });
  }
});

/** README's excerpts of generated files, by the fence's language and first line, and the file each comes from. */
const EXCERPTS: { lang: string; first: RegExp; file: string }[] = [
  { lang: 'json', first: /^"\/v2\/orders": \{$/, file: 'apigw-rest/openapi.json' },
  { lang: 'yaml', first: /^StageProd:$/, file: 'apigw-rest/template.yaml' },
  { lang: 'hcl', first: /^# GET /, file: 'terraform/alb.tf' },
];

function fencedBlocks(lang: string): string[][] {
  const blocks: string[][] = [];
  const lines = README.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```' + lang) continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push(lines.slice(i + 1, end));
    i = end;
  }
  return blocks;
}

describe('README.md: excerpts of generated files', () => {
  for (const { lang, first, file } of EXCERPTS) {
    it(`the ${lang} excerpt is ${file} as generate writes it for specs/bookstore.yaml`, async () => {
      const excerpts = fencedBlocks(lang).filter((b) => first.test(b[0] ?? ''));
      expect(excerpts).toHaveLength(1);
      const model = await modelOf('specs/bookstore.yaml');
      const [target] = file.split('/');
      const { artifacts } = generate(model, {
        targets: [target === 'terraform' ? 'terraform' : target!],
        ...(target === 'terraform' ? { for: 'alb' } : {}),
      });
      const text = artifacts.find((a) => a.path === file)!.content;
      // Indentation aside (an excerpt starts at its own first line), each run of lines between
      // the excerpt's `…` lines stands in the file as it is, in order.
      // YAML's quotes are README's (prettier: single) or the file's (double): either reads the same.
      const same = (line: string) => line.trim().replaceAll("'", '"');
      const fileLines = text.split('\n').map(same);
      let from = 0;
      const runs: string[][] = [[]];
      for (const line of excerpts[0]!) {
        if (line.includes('…')) runs.push([]);
        else runs.at(-1)!.push(same(line));
      }
      for (const run of runs.filter((r) => r.length)) {
        const at = fileLines.findIndex((_, i) => i >= from && run.every((l, k) => fileLines[i + k] === l));
        expect(at, `README's excerpt of ${file} differs from:\n${run.join('\n')}`).toBeGreaterThanOrEqual(0);
        from = at + run.length;
      }
    });
  }
});

/** The parts of diff's JSON whose fields README annotates. */
interface DiffDocument {
  summary: object;
  base: object;
  changes: { base?: object; revision?: object }[];
}

describe('README.md: the diff JSON it shows', () => {
  it('has the fields `diff --format json` prints, at every level', async () => {
    const [shown] = fencedBlocks('jsonc').map((b) => parseJsonc(b.join('\n')) as DiffDocument);
    const bookstore = readFileSync(join(REPO, 'specs/bookstore.yaml'), 'utf8');
    const base = writeSpec(bookstore, 'bookstore.yaml');
    const revision = writeSpec(samplePullRequest(bookstore), 'bookstore.yaml');
    let printed = '';
    await main(['diff', base, revision, '--target', 'alb', '--format', 'json'], {
      stdout: (t) => void (printed += t),
      stderr: () => undefined,
      color: false,
    });
    const real = JSON.parse(printed) as DiffDocument;
    const keys = (o: object | undefined) => Object.keys(o ?? {}).sort();
    expect(keys(shown)).toEqual(keys(real));
    expect(keys(shown!.summary)).toEqual(keys(real.summary));
    expect(keys(shown!.base)).toEqual(keys(real.base));
    const [shownChange, realChange] = [shown!.changes[0]!, real.changes[0]!];
    expect(keys(shownChange)).toEqual(keys(realChange));
    expect(keys(shownChange.base)).toEqual(keys(realChange.base ?? realChange.revision));
  });
});
