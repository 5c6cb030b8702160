import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv } from 'yargs';
import {
  configFileNames,
  CONFIG_FILE_NAMES,
  diagnostic,
  GateplanError,
  load,
  normalize,
  publishedSchemas,
  scaffoldConfig,
  writeArtifacts,
  type ScaffoldBy,
} from '../../index.js';
import { loadOptionsFrom, specOptions, type SpecArgs } from '../common.js';
import type { CommandResult } from '../result.js';

export interface InitArgs extends SpecArgs {
  by: ScaffoldBy;
  force: boolean;
  format: 'text' | 'json';
}

export function initBuilder(yargs: Argv) {
  return specOptions(yargs)
    .option('by', {
      choices: ['server', 'tag'] as const,
      default: 'server' as const,
      describe: 'one backend per server URL, or per tag',
    })
    .option('config', {
      type: 'string',
      describe:
        "where to write the file (default: gateplan.yaml beside the spec, or <spec>.gateplan.yaml when the folder's gateplan.yaml exists)",
    })
    .option('force', { type: 'boolean', default: false, describe: 'overwrite an existing gateplan.yaml' })
    .option('format', {
      choices: ['text', 'json'] as const,
      default: 'text' as const,
      describe: 'output format (json: what was written, or the findings that stopped it)',
    })
    .example('$0 init specs/shop.yaml', 'write specs/gateplan.yaml with a backend per server')
    .example('$0 init specs/shop.yaml --config deploy/shop.gateplan.yaml', 'write it somewhere else')
    .example('$0 init collection.json --by tag', 'a backend per tag (Postman: per folder)');
}

/**
 * Writes the spec's config: `gateplan.yaml` beside it, or — when the folder already has a
 * `gateplan.yaml`, another spec's — the spec's own `<name>.gateplan.yaml`, which `load` prefers;
 * or where `--config` says. An existing file at that place is kept unless `--force`.
 */
export async function handleInit(argv: InitArgs): Promise<CommandResult> {
  const specAbs = resolve(argv.spec);
  const target = configTarget(argv, dirname(specAbs));
  const existing = target.taken.find((path) => existsSync(path));
  if (existing && !argv.force) {
    const file = relative(process.cwd(), existing) || existing;
    throw new GateplanError('input', `${file} exists`, [
      diagnostic('GP520', { file, pointer: '' }, { file }),
    ]);
  }
  // The existing file (if any) must not shape what replaces it.
  const loaded = await load(argv.spec, { ...loadOptionsFrom(argv), config: false });
  if (!loaded.ok) throw new GateplanError('input', `cannot load ${argv.spec}`, loaded.diagnostics);
  const model = normalize(loaded.spec);
  const dir = dirname(target.path);
  const scaffold = scaffoldConfig(model, {
    by: argv.by,
    schemaRef: schemaRefFor(dir),
    spec: basename(specAbs),
  });
  const shown = relative(process.cwd(), target.path) || basename(target.path);
  await writeArtifacts(dir, [{ path: basename(target.path), content: scaffold.text }]);
  const base = { diagnostics: [], diagnosticsFormat: 'text' as const, diagnosticsTo: 'stderr' as const };
  if (argv.format === 'json')
    return {
      ...base,
      json: {
        summary: {
          backends: scaffold.backends,
          stages: scaffold.stages,
          routes: model.routes.length,
          assigned: scaffold.assigned,
          backendChecked: scaffold.backendChecked,
          leftOut: scaffold.leftOut,
        },
        file: shown,
        by: argv.by,
        ...(target.beside ? { shadows: target.beside } : {}),
      },
      failOn: 'none',
    };
  return {
    ...base,
    stdout:
      `wrote ${shown}: ${scaffold.backends} backend(s), ${scaffold.stages} stage(s), ` +
      `${scaffold.assigned} of ${model.routes.length} route(s) assigned (by ${argv.by})` +
      (scaffold.backendChecked
        ? `, ${scaffold.backendChecked} security scheme(s) checked by the backend`
        : '') +
      (scaffold.leftOut
        ? `, ${scaffold.leftOut} route(s) left out of a front door that cannot serve them`
        : '') +
      '\n' +
      (target.beside
        ? `${target.beside} is left as it is: ${basename(specAbs)} now reads ${shown} instead\n`
        : ''),
    failOn: 'none',
  };
}

/** Where init writes, and the files whose presence means a config is already there. */
function configTarget(argv: InitArgs, specDir: string): { path: string; taken: string[]; beside?: string } {
  if (argv.config === false || (argv.config as unknown) === 'false')
    throw new GateplanError('usage', 'init writes a config file: --no-config leaves it nothing to do');
  if (argv.config !== undefined) {
    const path = resolve(argv.config);
    return { path, taken: [path] };
  }
  const [own, ownYml] = configFileNames(argv.spec).map((name) => join(specDir, name));
  const shared = CONFIG_FILE_NAMES.map((name) => join(specDir, name));
  // The spec's own file is taken whenever it exists; the folder's shared one belongs to every
  // spec there, so a second spec gets its own file instead of overwriting the first one's.
  const sharedFile = shared.find((path) => existsSync(path));
  if (sharedFile || existsSync(own!) || existsSync(ownYml!))
    return {
      path: own!,
      taken: [own!, ownYml!],
      ...(sharedFile ? { beside: relative(process.cwd(), sharedFile) || sharedFile } : {}),
    };
  return { path: shared[0]!, taken: shared };
}

const SCHEMA_FILE = 'gateplan.schema.json';

/**
 * A path editors can open without a network when there is one: gateplan installed in a
 * `node_modules` above the config, or the spec living inside this package (its examples).
 * Otherwise the schema's published URL.
 */
export function schemaRefFor(configDir: string): string {
  for (let dir = configDir; ; dir = dirname(dir)) {
    const installed = join(dir, 'node_modules', 'gateplan', 'schema', SCHEMA_FILE);
    if (existsSync(installed)) return toPosix(relative(configDir, installed));
    if (dirname(dir) === dir) break;
  }
  const root = packageRoot();
  const own = join(root, 'schema', SCHEMA_FILE);
  if (existsSync(own) && (configDir === root || configDir.startsWith(root + sep)))
    return toPosix(relative(configDir, own));
  const published = publishedSchemas()[SCHEMA_FILE] as { $id: string };
  return published.$id;
}

/** This module sits at src/cli/commands/ (or dist/src/cli/commands/); the package root holds package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}
