/**
 * The layers of docs/design.md ("Layers"), checked by `npm run lint`:
 *
 *   cli → index.ts → (compare, cost, diff, explain, init) → targets → model ← load
 *   write at the edge; diagnostics, format, util at the bottom
 *
 * Each folder of src/ may import its own files and the folders listed for it here, nothing
 * else; no import cycle anywhere in src/. test/layers.test.ts proves both rules fire.
 */
const BOTTOM = ['util', 'diagnostics', 'format', 'version.ts'];
const MIDDLE = ['targets', 'model', ...BOTTOM];

/** Folders between load and write: no I/O. */
const PURE = [
  'model',
  'targets',
  'compare',
  'cost',
  'diff',
  'explain',
  'init',
  'diagnostics',
  'format',
  'util',
];

/** Folder (or top-level file) of src/ → what it may import besides itself. */
const MAY_IMPORT = {
  util: [],
  'version.ts': [],
  diagnostics: ['util'],
  format: ['util', 'diagnostics'],
  model: BOTTOM,
  load: ['model', ...BOTTOM],
  targets: ['model', ...BOTTOM],
  cost: MIDDLE,
  diff: MIDDLE,
  explain: MIDDLE,
  init: MIDDLE,
  // compare reads cost's estimate (sideways; cost never imports compare)
  compare: ['cost', ...MIDDLE],
  // write sits at the edge: it takes targets' Artifact type, nothing of their code (rule below)
  write: ['targets', ...BOTTOM],
  'index.ts': ['load', 'model', 'targets', 'write', 'compare', 'cost', 'diff', 'explain', 'init', ...BOTTOM],
  // The CLI is a client of the library: it imports what src/index.ts exports, nothing deeper —
  // but for the version and the error class, so that `--version` and `--help` answer without
  // loading the library (issue #12's start-up goal; main.ts loads the rest on first use).
  cli: ['index.ts', 'version.ts', 'diagnostics/errors.ts'],
};

const escape = (name) => name.replace(/[.]/g, '\\.');
const node = (name) => (name.endsWith('.ts') ? `${escape(name)}$` : `${escape(name)}/`);
const anyOf = (names) => `^src/(${names.map(node).join('|')})`;

export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Import cycles hide which module depends on which; break them by moving the shared part down.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...Object.entries(MAY_IMPORT).map(([layer, allowed]) => ({
      name: `layers-${layer.replace(/\.ts$/, '')}`,
      comment: `src/${layer} may import only ${allowed.length ? allowed.join(', ') : 'nothing else in src/'} (docs/design.md, "Layers").`,
      severity: 'error',
      from: { path: anyOf([layer]) },
      to: { path: '^src/', pathNot: anyOf([layer, ...allowed]) },
    })),
    {
      name: 'pure-middle',
      comment:
        'Only load/ reads input and only write/ writes output; everything between is pure (no file system, processes or network).',
      severity: 'error',
      from: { path: anyOf(PURE) },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|net|http|https|os)$' },
    },
    {
      name: 'write-takes-types-only',
      comment: "src/write may import targets' Artifact type, never their code.",
      severity: 'error',
      from: { path: '^src/write/' },
      to: { path: '^src/targets/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
