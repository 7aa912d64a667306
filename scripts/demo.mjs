#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, then opens the example workspace with it installed — in
// VS Code desktop when `code` is on the PATH (in a separate profile, so your own setup is untouched), else in the
// offline host, whose local URL it prints. Ctrl+C stops the offline host and removes its temporary files.
//
//   npm run demo [-- --offline] [-- --no-package]     CX_IMPACT_DEMO_PORT=8080 picks the offline host's port
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LAUNCHES, prepareLaunch } from './vscode-host/launches.mjs';
import { installVsix, makeProfile, openQuery, startServer } from './vscode-host/offline-host.mjs';
import { hostDir, projectRoot } from './vscode-host/paths.mjs';
import { onShutdown } from './vscode-host/shutdown.mjs';

const vsix = path.join(projectRoot, 'dist', 'cx-impact.vsix');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** examples/shop once it exists; until then a git copy of the test fixture, so change impact has history. */
function demoWorkspace(keep) {
  const shop = path.join(projectRoot, 'examples', 'shop');
  if (fs.existsSync(shop)) return { open: shop, remove: () => undefined };
  const fixture = LAUNCHES.find((launch) => launch.fixture === 'workspace');
  if (!fixture) throw new Error('no workspace fixture');
  const prepared = prepareLaunch(fixture, { keep });
  console.log(`examples/shop does not exist yet: opening a git copy of test-fixtures/workspace (${prepared.open})`);
  return prepared;
}

function openInDesktop(workspace) {
  // A profile of its own: the demo neither installs into nor reads your usual VS Code setup.
  const profileDir = path.join(projectRoot, '.cache', 'demo', 'vscode-desktop');
  const profileArgs = [
    '--user-data-dir', path.join(profileDir, 'user-data'),
    '--extensions-dir', path.join(profileDir, 'extensions'),
  ];
  const install = spawnSync('code', [...profileArgs, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('`code --install-extension` failed');
  spawnSync('code', [...profileArgs, '--new-window', workspace], { stdio: 'inherit' });
  console.log(`Opened ${workspace} in VS Code (profile: ${path.relative(projectRoot, profileDir)}).`);
}

async function openInOfflineHost(workspace) {
  if (!fs.existsSync(path.join(hostDir, '.complete'))) {
    const install = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'vscode-host', 'install.mjs')], {
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error('installing the offline VS Code host failed');
  }
  const profile = makeProfile('cx-impact-demo-');
  installVsix(profile, vsix);
  const port = process.env.CX_IMPACT_DEMO_PORT ? Number(process.env.CX_IMPACT_DEMO_PORT) : undefined;
  const server = await startServer({ profile, workspace: workspace.open, port });
  console.log(`\nCX Impact demo: open ${server.url}/?${openQuery(workspace.open)}\nPress Ctrl+C to stop.`);
  // Ctrl+C runs the shutdown cleanups (server, profile, workspace copy) registered by the host's helpers.
  onShutdown(() => console.log('\nStopping the demo…'));
  await new Promise(() => undefined);
}

if (!process.argv.includes('--no-package')) {
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: projectRoot, stdio: 'inherit' });
  if (packaged.status !== 0) process.exit(packaged.status ?? 1);
}
const desktop = onPath('code') && !process.argv.includes('--offline');
// A desktop window keeps using its folder after `code` returns, so its copy of the fixture stays in the temp folder.
const workspace = demoWorkspace(desktop);
if (desktop) openInDesktop(workspace.open);
else await openInOfflineHost(workspace);
