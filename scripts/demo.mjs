#!/usr/bin/env node
// `npm run demo`: builds and packages the extension, makes the demo repository (examples/make-demo-repo.mjs: the
// shop on feature/refund-speedup, against main) and opens it with the extension installed, a covered file open and
// the Changes view showing the branch's journeys — in VS Code desktop when `code` is on the PATH (in a separate
// profile, so your own setup is untouched), else in the offline host, whose local URL it prints. Ctrl+C stops the
// offline host and removes its temporary files.
//
//   npm run demo [-- --offline] [-- --no-package]     CX_IMPACT_DEMO_PORT=8080 picks the offline host's port
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_SETTINGS, demoUrl, makeDemoWorkspace } from './demo-workspace.mjs';
import { installVsix, makeProfile, startServer } from './vscode-host/offline-host.mjs';
import { hostDir, projectRoot } from './vscode-host/paths.mjs';
import { onShutdown } from './vscode-host/shutdown.mjs';

const vsix = path.join(projectRoot, 'dist', 'cx-impact.vsix');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function openInDesktop(workspace) {
  // A profile of its own: the demo neither installs into nor reads your usual VS Code setup.
  const profileDir = path.join(projectRoot, '.cache', 'demo', 'vscode-desktop');
  const profileArgs = [
    '--user-data-dir',
    path.join(profileDir, 'user-data'),
    '--extensions-dir',
    path.join(profileDir, 'extensions'),
  ];
  const settingsFile = path.join(profileDir, 'user-data', 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  let settings = {};
  try {
    settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
  } catch {
    // A first run, or settings that are not plain JSON: the demo's own win.
  }
  fs.writeFileSync(settingsFile, JSON.stringify({ ...settings, ...DEMO_SETTINGS }, null, 2));
  const install = spawnSync('code', [...profileArgs, '--install-extension', vsix, '--force'], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('`code --install-extension` failed');
  spawnSync('code', [...profileArgs, '--new-window', workspace.open, workspace.file], { stdio: 'inherit' });
  console.log(`Opened ${workspace.open} in VS Code (profile: ${path.relative(projectRoot, profileDir)}).`);
}

async function openInOfflineHost(workspace) {
  if (!fs.existsSync(path.join(hostDir, '.complete'))) {
    const install = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'vscode-host', 'install.mjs')], {
      stdio: 'inherit',
    });
    if (install.status !== 0) throw new Error('installing the offline VS Code host failed');
  }
  const profile = makeProfile('cx-impact-demo-', DEMO_SETTINGS);
  installVsix(profile, vsix);
  const port = process.env.CX_IMPACT_DEMO_PORT ? Number(process.env.CX_IMPACT_DEMO_PORT) : undefined;
  const server = await startServer({ profile, workspace: workspace.open, port });
  console.log(`\nCX Impact demo: open ${demoUrl(server.url, workspace)}\nPress Ctrl+C to stop.`);
  // Ctrl+C runs the shutdown cleanups (server, profile, workspace copy) registered by the host's helpers.
  onShutdown(() => console.log('\nStopping the demo…'));
  await new Promise(() => undefined);
}

if (!process.argv.includes('--no-package')) {
  const packaged = spawnSync('npm', ['run', '--silent', 'package'], { cwd: projectRoot, stdio: 'inherit' });
  if (packaged.status !== 0) process.exit(packaged.status ?? 1);
}
const desktop = onPath('code') && !process.argv.includes('--offline');
// A desktop window keeps using its folder after `code` returns, so the demo repository stays in the temp folder.
const workspace = makeDemoWorkspace({ keep: desktop });
console.log(
  `Made the demo repository ${workspace.open} (on feature/refund-speedup; try \`cx-impact impact --base main\` there).`,
);
if (desktop) openInDesktop(workspace);
else await openInOfflineHost(workspace);
