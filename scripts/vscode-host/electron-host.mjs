// VS Code desktop via @vscode/test-electron: downloads VS Code (needs internet) and runs the suite in it.
// The process is spawned here rather than by runTests() so a hung suite can be killed with its process group.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { onShutdown } from './shutdown.mjs';

/** Quick check that VS Code can be downloaded and shown here, so `npm test` can pick this host on its own. */
export async function electronHostAvailable() {
  if (process.platform === 'linux' && !process.env.DISPLAY) return false;
  try {
    const response = await fetch('https://update.code.visualstudio.com/api/releases/stable', {
      signal: AbortSignal.timeout(3_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

export async function runTestsElectron({
  workspace,
  extensionDevelopmentPath,
  extensionTestsPath,
  env,
  timeoutMs,
  trusted = true,
  settings = {},
  locale,
}) {
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    throw new Error('VS Code desktop needs a display: run under xvfb-run, or use CX_IMPACT_TEST_HOST=offline');
  }
  const executable = await downloadAndUnzipVSCode(process.env.CX_IMPACT_VSCODE_VERSION ?? 'stable');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-impact-electron-'));
  if (Object.keys(settings).length > 0) {
    fs.mkdirSync(path.join(profile, 'user-data', 'User'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user-data', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  const args = [
    workspace,
    '--disable-extensions',
    ...(trusted ? ['--disable-workspace-trust'] : []),
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    ...(locale ? [`--locale=${locale}`] : []),
    `--user-data-dir=${path.join(profile, 'user-data')}`,
    `--extensions-dir=${path.join(profile, 'extensions')}`,
    `--extensionDevelopmentPath=${extensionDevelopmentPath}`,
    `--extensionTestsPath=${extensionTestsPath}`,
  ];
  const child = spawn(executable, args, {
    env: { ...process.env, ...env },
    stdio: 'inherit',
    detached: process.platform !== 'win32',
  });
  const kill = () => {
    try {
      if (process.platform === 'win32') child.kill();
      else if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const forget = onShutdown(kill);
  let timer;
  try {
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const outcome = await Promise.race([exited, timedOut]);
    if (outcome === 'timeout') {
      console.error(`[electron host] The suite did not finish within ${Math.round(timeoutMs / 1000)} s: killed it.`);
      kill();
      return 124;
    }
    return outcome;
  } finally {
    clearTimeout(timer);
    forget();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
