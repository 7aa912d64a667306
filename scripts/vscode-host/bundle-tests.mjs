// Bundles the integration suite (test/integration/**) into out/test/integration/ for the extension host.
// Every `*.test.ts` there becomes its own module, so a new test file needs no registration.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.mjs';

export const integrationSource = path.join(projectRoot, 'test', 'integration');
export const integrationOut = path.join(projectRoot, 'out', 'test', 'integration');
/** The module VS Code loads as extensionTestsPath. */
export const integrationEntry = path.join(integrationOut, 'index.js');

export async function bundleIntegrationTests() {
  const tests = fs
    .readdirSync(integrationSource, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(integrationSource, file));
  // Removed tests must not linger from an earlier bundle.
  fs.rmSync(integrationOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(integrationSource, 'index.ts'), ...tests],
    outbase: integrationSource,
    outdir: integrationOut,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // mocha is bundled into index.js (it is an ES module package; the host's require may not load those). esbuild
    // (which src/node/test-repo.ts loads only to build the CLI) is not bundled: tests use TestRepo there for git.
    external: ['vscode', 'esbuild'],
    logLevel: 'error',
  });
  return tests.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = await bundleIntegrationTests();
  console.log(`bundled ${count} integration test module(s) into ${path.relative(projectRoot, integrationOut)}`);
}
