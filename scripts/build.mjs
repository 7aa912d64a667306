// Bundles the extension and the CLI with esbuild. Type-checking is `npm run typecheck` (esbuild does not type-check).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // Counts coverage in a worker thread, off the extension host's thread (src/maps/coverage-counter.ts starts it).
  esbuild.build({ ...common, entryPoints: ['src/maps/coverage-worker.ts'], outfile: 'dist/coverage-worker.js' }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The Impact Report page's script runs in the webview (a browser), not in Node.
  esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/report/webview/report.ts'], outfile: 'dist/report.js' }),
]);
