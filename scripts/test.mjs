#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, the integration suite in a real VS Code, then the end-to-end
// checks through the packaged extension. Exits non-zero when any step fails.
//
//   CX_IMPACT_TEST_HOST=offline|electron   force the integration host (default: desktop VS Code when it can be
//                                          downloaded and shown, else the offline host)
//   node scripts/test.mjs --no-integration --no-e2e   only the fast steps
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { failureDigest } from './failure-digest.mjs';
import { runE2e } from './vscode-host/run-e2e.mjs';
import { chooseHost, describeHost, runIntegration } from './vscode-host/run-integration.mjs';
import { completeMarker, projectRoot } from './vscode-host/paths.mjs';

const skipIntegration = process.argv.includes('--no-integration');
// The e2e checks drive the offline host, which is installed from Debian packages: Linux only.
const e2eUnsupported = process.platform !== 'linux' && !process.env.CX_IMPACT_CHROMIUM;
const skipE2e = process.argv.includes('--no-e2e') || e2eUnsupported;
const bin = (name) => path.join(projectRoot, 'node_modules', '.bin', name);
const results = [];

/** The last bytes of a step's output: enough for mocha's list of failures, which the digest below repeats. */
const KEPT_OUTPUT = 256 * 1024;

/** Runs a step's command with its output shown as it comes and its tail kept for the failure digest. */
function command(cmd, args) {
  return (kept) =>
    new Promise((resolve) => {
      const child = spawn(cmd, args, { cwd: projectRoot, stdio: ['inherit', 'pipe', 'pipe'] });
      const keep = (chunk) => {
        kept.text = (kept.text + chunk.toString('utf8')).slice(-KEPT_OUTPUT);
      };
      child.stdout.on('data', (chunk) => {
        process.stdout.write(chunk);
        keep(chunk);
      });
      child.stderr.on('data', (chunk) => {
        process.stderr.write(chunk);
        keep(chunk);
      });
      child.on('error', (error) => {
        keep(Buffer.from(`${error.message}\n`));
        resolve(1);
      });
      child.on('close', (code) => resolve(code ?? 1));
    });
}

async function step(name, action) {
  console.log(`\n━━ ${name}`);
  const started = Date.now();
  let code;
  const kept = { text: '' };
  try {
    code = await action(kept);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    code = 1;
  }
  const seconds = (Date.now() - started) / 1000;
  results.push({
    name,
    ok: code === 0,
    seconds,
    ...(code === 0 || !kept.text ? {} : { digest: failureDigest(kept.text) }),
  });
  console.log(`━━ ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${seconds.toFixed(1)} s)`);
  return code === 0;
}

await step('typecheck', command(bin('tsc'), ['--noEmit', '-p', '.']));
await step('typecheck (webview)', command(bin('tsc'), ['--noEmit', '-p', 'src/report/webview']));
await step('typecheck (catalogue page)', command(bin('tsc'), ['--noEmit', '-p', 'src/catalog/page']));
await step('lint', command(bin('eslint'), ['.']));
await step('format (prettier --check)', command(bin('prettier'), ['--check', '.']));
await step('unit tests', command(bin('mocha'), []));
const built = await step('build', command(process.execPath, ['scripts/build.mjs']));

let host;
if (!skipIntegration || !skipE2e) {
  host = await chooseHost();
  // The e2e checks always use the offline host, so it is needed whenever they run.
  if ((host === 'offline' || !skipE2e) && !fs.existsSync(completeMarker)) {
    await step('install offline VS Code host', command(process.execPath, ['scripts/vscode-host/install.mjs']));
  }
}

// The journey catalogue's page in a real Chromium from file:// (test/catalog): needs the same browser as the e2e checks.
const chromiumPath = process.env.CX_IMPACT_CHROMIUM ?? '/usr/bin/chromium';
if (fs.existsSync(chromiumPath)) {
  await step(
    'catalogue page in Chromium',
    command(bin('mocha'), ['--no-config', '--require', 'tsx/cjs', '--timeout', '120000', 'test/catalog/*.test.ts']),
  );
} else {
  results.push({
    name: 'catalogue page in Chromium',
    ok: !process.env.CI,
    seconds: 0,
    note: `not run: no Chromium at ${chromiumPath}`,
  });
}

if (!skipIntegration && host) {
  if (built) {
    await step(`integration (${describeHost(host)})`, async () =>
      (await runIntegration({ host, fixtures: [] })) === 0 ? 0 : 1,
    );
  } else {
    results.push({ name: 'integration', ok: false, seconds: 0, note: 'not run: the build failed' });
  }
}

if (!skipE2e) {
  if (built) await step('e2e (packaged .vsix in the offline host)', () => runE2e());
  else results.push({ name: 'e2e', ok: false, seconds: 0, note: 'not run: the build failed' });
}

if (e2eUnsupported && !process.argv.includes('--no-e2e')) {
  results.push({ name: 'e2e', ok: true, seconds: 0, note: 'skipped: needs Linux (or CX_IMPACT_CHROMIUM set)' });
}

console.log('\nSummary');
for (const result of results) {
  const status = result.ok ? 'ok    ' : 'FAILED';
  console.log(`  ${status} ${result.name.padEnd(58)} ${result.note ?? `${result.seconds.toFixed(1)} s`}`);
}
const failed = results.filter((result) => !result.ok);
for (const result of failed.filter((result) => result.digest)) {
  console.log(`\n${result.name} failed:`);
  for (const line of result.digest) console.log(`  ${line}`);
}
console.log(failed.length ? `\nnpm test: ${failed.length} step(s) failed` : '\nnpm test: all steps passed');
process.exit(failed.length ? 1 : 0);
