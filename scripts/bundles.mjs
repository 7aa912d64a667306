// The extension's bundles: dist/extension.js holds what activation needs; code it does not need is in bundles of
// its own beside it, loaded by a `require()` on first use (esbuild splits code only for ESM, and an extension is
// CommonJS). Used by scripts/build.mjs and by the test that holds the size budget (test/package/bundle-size.test.ts).
import * as esbuild from 'esbuild';
import path from 'node:path';

/** dist/extension.js, minified (`npm run package`), may grow to this many bytes. */
export const EXTENSION_BUDGET_BYTES = 400 * 1000;

/**
 * A module listed here and required (not imported) from the extension's code becomes `require('./<bundle>.js')`,
 * the bundle built beside dist/extension.js; everywhere else (the CLI, the tests) it is an ordinary module.
 */
export const LAZY_BUNDLES = [
  // The parsing code (tree-sitter questions): the extension asks its workers, so only a worker that cannot start loads it.
  { module: /\/core\/questions\/questions$/, entry: 'src/core/questions/questions.ts', outfile: 'code-questions.js' },
  // The dependency graph: built on first use (src/workspace/workspace-graph.ts).
  { module: /(^|\/)graph-engine$/, entry: 'src/workspace/graph-engine.ts', outfile: 'graph-engine.js' },
  // The Impact Report's renderers: drawn when the report is first opened (src/report/report-panel.ts).
  { module: /(^|\/)report-render$/, entry: 'src/report/report-render.ts', outfile: 'report-render.js' },
  // The entry points' detectors and assembly: read on the first request (src/workspace/workspace-entry-points.ts).
  { module: /(^|\/)entry-engine$/, entry: 'src/workspace/entry-engine.ts', outfile: 'entry-engine.js' },
  // The journey catalogue: gathered and drawn when it is first opened (src/catalog/catalog-panel.ts).
  { module: /(^|\/)catalog-engine$/, entry: 'src/catalog/catalog-engine.ts', outfile: 'catalog-engine.js' },
];

const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    for (const lazy of LAZY_BUNDLES) {
      build.onResolve({ filter: lazy.module }, (args) =>
        args.kind === 'require-call' ? { path: `./${lazy.outfile}`, external: true } : undefined,
      );
    }
  },
};

/** The esbuild settings every Node bundle shares. */
export function commonOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

/**
 * dist/extension.js and its lazy bundles into `outdir` (relative to `root`). `lazy: false` builds one bundle of
 * everything, as before the split (the benchmark compares the two).
 */
export function buildExtension({ root, outdir, production, lazy = true, metafile = false }) {
  const common = { ...commonOptions(production), absWorkingDir: root, external: ['vscode'] };
  return Promise.all([
    esbuild.build({
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: path.join(outdir, 'extension.js'),
      plugins: lazy ? [lazyBundles] : [],
      metafile,
    }),
    ...(lazy
      ? LAZY_BUNDLES.map((b) =>
          esbuild.build({ ...common, entryPoints: [b.entry], outfile: path.join(outdir, b.outfile) }),
        )
      : []),
  ]);
}
