import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/pipeline.js';
import { tempDir } from './support/temp.js';

const { default: config } = (await import(pathToFileURL(join(REPO, '.dependency-cruiser.mjs')).href)) as {
  default: IConfiguration;
};

/** Runs `npm run lint`'s layer rules over a small tree of src/ files; returns `rule: from → to`. */
async function violations(files: Record<string, string>): Promise<string[]> {
  const dir = tempDir(files);
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { output } = await cruise(['src'], {
      ruleSet: { forbidden: config.forbidden },
      validate: true,
      tsPreCompilationDeps: true,
    });
    return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(cwd);
  }
}

describe('the layer rules of npm run lint', () => {
  it('pass imports that go down the layers', async () => {
    expect(
      await violations({
        'src/util/order.ts': 'export const order = 1;\n',
        'src/model/routes.ts': "import { order } from '../util/order.js';\nexport const routes = order;\n",
        'src/load/load.ts': "import { routes } from '../model/routes.js';\nexport const load = routes;\n",
      }),
    ).toEqual([]);
  });

  it('fail an upward import: model may not read load', async () => {
    expect(
      await violations({
        'src/load/load.ts': 'export const load = 1;\n',
        'src/model/normalize.ts': "import { load } from '../load/load.js';\nexport const model = load;\n",
      }),
    ).toEqual(['layers-model: src/model/normalize.ts → src/load/load.ts']);
  });

  it('fail an import cycle, even inside one folder', async () => {
    expect(
      await violations({
        'src/targets/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
        'src/targets/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      }),
    ).toEqual(expect.arrayContaining(['no-cycle: src/targets/a.ts → src/targets/b.ts']));
  });

  it("let write take targets' types, not their code", async () => {
    const artifact = {
      'src/targets/artifact.ts': 'export interface Artifact { path: string }\nexport const x = 1;\n',
    };
    expect(
      await violations({
        ...artifact,
        'src/write/write.ts':
          "import type { Artifact } from '../targets/artifact.js';\nexport type A = Artifact;\n",
      }),
    ).toEqual([]);
    expect(
      await violations({
        ...artifact,
        'src/write/write.ts': "import { x } from '../targets/artifact.js';\nexport const y = x;\n",
      }),
    ).toEqual(['write-takes-types-only: src/write/write.ts → src/targets/artifact.ts']);
  });

  it('keep the CLI a client of the library: src/index.ts, nothing deeper', async () => {
    const library = {
      'src/load/load.ts': 'export const load = 1;\n',
      'src/index.ts': "export { load } from './load/load.js';\n",
    };
    expect(
      await violations({
        ...library,
        'src/cli/main.ts': "import { load } from '../index.js';\nexport const m = load;\n",
      }),
    ).toEqual([]);
    expect(
      await violations({
        ...library,
        'src/cli/main.ts': "import { load } from '../load/load.js';\nexport const m = load;\n",
      }),
    ).toEqual(['layers-cli: src/cli/main.ts → src/load/load.ts']);
  });

  it('keep the middle pure: no file system between load and write', async () => {
    expect(
      await violations({
        'src/targets/templates.ts':
          "import { readFileSync } from 'node:fs';\nexport const t = readFileSync;\n",
      }),
    ).toEqual(['pure-middle: src/targets/templates.ts → fs']);
  });
});
