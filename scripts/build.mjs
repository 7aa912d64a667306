// Bundles the extension and the CLI with esbuild. Type-checking is `npm run typecheck` (esbuild does not type-check).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildExtension, commonOptions } from './bundles.mjs';

const production = process.argv.includes('--production');

// The SARIF rules' help is docs/cx-map.md's table, turned into a module before bundling (never read at run time).
// Likewise docs/ci.md's GitHub workflow, which the walkthrough's last step copies (scripts/ci-workflow.mjs).
for (const script of ['./diagnostic-help.mjs', './ci-workflow.mjs']) {
  const { DOC, MODULE, generatedModule } = await import(script);
  const text = generatedModule(fs.readFileSync(DOC, 'utf8'));
  if (!fs.existsSync(MODULE) || fs.readFileSync(MODULE, 'utf8') !== text) fs.writeFileSync(MODULE, text);
}
const common = commonOptions(production);

// The runtime strings (vscode.l10n.t) into l10n/bundle.l10n.json (scripts/l10n-bundle.mjs).
await import('./l10n-bundle.mjs').then(({ writeBundle }) => writeBundle());

await Promise.all([
  // The extension, and the code it loads on first use in bundles of their own (scripts/bundles.mjs).
  buildExtension({ root: process.cwd(), outdir: 'dist', production }),
  // Counts coverage in a worker thread, off the extension host's thread (src/workspace/coverage-counter.ts starts it).
  esbuild.build({ ...common, entryPoints: ['src/workspace/coverage-worker.ts'], outfile: 'dist/coverage-worker.js' }),
  // Reads code (tree-sitter) off the calling thread, for the CLI and the extension (src/node/code-reader.ts starts it).
  esbuild.build({ ...common, entryPoints: ['src/node/code-worker.ts'], outfile: 'dist/code-worker.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The Impact Report page's script runs in the webview (a browser), not in Node.
  esbuild.build({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/report/webview/report.ts'],
    outfile: 'dist/report.js',
  }),
  // The journey catalogue's page script: inlined into index.html by the CLI and into the webview by the extension.
  esbuild.build({
    ...common,
    sourcemap: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['src/catalog/page/main.ts'],
    outfile: 'dist/catalog-page.js',
  }),
]);

// tree-sitter's runtime and the grammars the engine reads (src/core/code/languages.ts), beside the bundle: they are
// loaded on first use from dist/tree-sitter, never bundled into the scripts.
const wasmDir = path.dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm'));
const languages = await esbuild.build({
  entryPoints: ['src/core/code/languages.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
});
const { GRAMMAR_FILES, RUNTIME_FILES } = await import(
  `data:text/javascript,${encodeURIComponent(languages.outputFiles[0].text)}`
);
fs.mkdirSync('dist/tree-sitter', { recursive: true });
for (const file of [...RUNTIME_FILES, ...Object.values(GRAMMAR_FILES)]) {
  fs.copyFileSync(path.join(wasmDir, file), path.join('dist/tree-sitter', file));
}

// The Marketplace icon, drawn from media/cx-impact.svg (scripts/icon.mjs). Only packaging needs it: a machine without
// resvg's prebuilt binary still builds, and `npm run package` (a production build) fails without it.
await import('./icon.mjs')
  .then(({ writeIcon }) => writeIcon())
  .catch((error) => {
    if (production) throw error;
    console.warn(`dist/icon.png not drawn: ${error instanceof Error ? error.message : String(error)}`);
  });
