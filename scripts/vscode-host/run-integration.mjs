#!/usr/bin/env node
// Runs the integration suite in a real VS Code, once per fixture workspace (see launches.mjs).
//
//   node scripts/vscode-host/run-integration.mjs [--host offline|electron] [--fixture NAME]... [--module NAME]...
//
// --module runs only those test modules (file names without .test.ts) in each selected launch.
// The host defaults to CX_IMPACT_TEST_HOST, else VS Code desktop when it can be downloaded and shown, else the
// offline host. CX_IMPACT_TEST_TIMEOUT (seconds, default 300) bounds each launch.
import path from 'node:path';
import { bundleIntegrationTests, integrationEntry } from './bundle-tests.mjs';
import { electronHostAvailable, runTestsElectron } from './electron-host.mjs';
import { LAUNCHES, prepareLaunch } from './launches.mjs';
import { runTestsOffline } from './offline-host.mjs';
import { CODE_SERVER_VERSION, CODE_SERVER_VSCODE_VERSION, projectRoot } from './paths.mjs';

export async function chooseHost(requested = process.env.CX_IMPACT_TEST_HOST) {
  if (requested === 'offline' || requested === 'electron') return requested;
  if (requested) throw new Error(`CX_IMPACT_TEST_HOST must be "offline" or "electron", not "${requested}"`);
  return (await electronHostAvailable()) ? 'electron' : 'offline';
}

export function describeHost(host) {
  return host === 'offline'
    ? `offline host: code-server ${CODE_SERVER_VERSION} (VS Code ${CODE_SERVER_VSCODE_VERSION}) in headless Chromium`
    : `VS Code desktop via @vscode/test-electron (${process.env.CX_IMPACT_VSCODE_VERSION ?? 'stable'})`;
}

/** Returns the number of failed launches. */
export async function runIntegration({ host, fixtures, modules = [] }) {
  const count = await bundleIntegrationTests();
  console.log(`Integration suite: ${count} test module(s), ${describeHost(host)}`);
  const timeoutMs = Number(process.env.CX_IMPACT_TEST_TIMEOUT ?? 300) * 1000;
  const launches = fixtures.length
    ? LAUNCHES.filter((launch) => fixtures.includes(launch.fixture))
    : LAUNCHES.filter((launch) => !launch.onRequest);
  if (launches.length === 0) throw new Error(`No launch for fixture(s) ${fixtures.join(', ')}`);
  const failed = [];
  for (const launch of launches) {
    const selected = modules.length ? modules : launch.modules;
    console.log(`\n── fixture ${launch.fixture} (${selected ? selected.join(', ') : 'all test modules'})`);
    const prepared = prepareLaunch(modules.length ? { ...launch, modules } : launch);
    const started = Date.now();
    try {
      const options = {
        workspace: prepared.open,
        extensionDevelopmentPath: projectRoot,
        extensionTestsPath: integrationEntry,
        env: prepared.env,
        trusted: prepared.trusted,
        settings: prepared.settings,
        ...(prepared.locale ? { locale: prepared.locale } : {}),
        // A launch whose tests wait on file watchers may ask for more time than the default.
        timeoutMs: Math.max(timeoutMs, (launch.minTimeoutSeconds ?? 0) * 1000),
      };
      // A launch that cannot even start fails on its own; the other fixtures still run.
      const code = await (host === 'offline' ? runTestsOffline(options) : runTestsElectron(options)).catch((error) => {
        console.error(`[${host} host] ${error instanceof Error ? error.message : String(error)}`);
        return 1;
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`── fixture ${launch.fixture}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s`);
      if (code !== 0) failed.push(launch.fixture);
    } finally {
      prepared.remove();
    }
  }
  if (failed.length) console.error(`\nIntegration suite failed in: ${failed.join(', ')}`);
  return failed.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const valueOf = (flag) => args.flatMap((arg, i) => (arg === flag && args[i + 1] ? [args[i + 1]] : []));
  const host = await chooseHost(valueOf('--host')[0]);
  const failures = await runIntegration({ host, fixtures: valueOf('--fixture'), modules: valueOf('--module') });
  console.log(path.basename(process.argv[1]), failures ? 'failed' : 'passed');
  process.exit(failures ? 1 : 0);
}
