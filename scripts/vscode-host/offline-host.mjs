// The offline VS Code host: code-server (VS Code server + workbench) driven by headless Chromium through
// playwright-core. Used to run the integration suite without downloading VS Code, for the e2e checks and the demo.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CODE_SERVER_VERSION, chromiumPath, codeServerEntry, completeMarker, projectRoot } from './paths.mjs';
import { onShutdown } from './shutdown.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function assertHostInstalled() {
  if (!fs.existsSync(completeMarker)) {
    throw new Error(
      `The offline VS Code host (code-server ${CODE_SERVER_VERSION}) is not installed. ` +
        'Run: node scripts/vscode-host/install.mjs',
    );
  }
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath} (apt-get install chromium, or set CX_IMPACT_CHROMIUM)`);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Fresh user-data and extensions folders, so no setting or extension of the person running it leaks in. */
export function makeProfile(prefix = 'cx-impact-host-', extraSettings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const removeNow = () => fs.rmSync(root, { recursive: true, force: true });
  const forget = onShutdown(removeNow);
  const profile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    config: path.join(root, 'config.yaml'),
    remove: () => {
      forget();
      removeNow();
    },
  };
  fs.mkdirSync(path.join(profile.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir);
  // A quiet first start: no welcome page, tips or update checks covering the editor in screenshots.
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.ignoreRecommendations': true,
    'extensions.autoCheckUpdates': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'chat.commandCenter.enabled': false,
    'security.workspace.trust.enabled': false,
    ...extraSettings,
  };
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  return profile;
}

/** Installs a packaged extension into a profile's extensions folder, the way a person would. */
export function installVsix(profile, vsixPath) {
  const result = spawnSync(
    process.execPath,
    [
      codeServerEntry,
      '--config',
      profile.config,
      '--user-data-dir',
      profile.userDataDir,
      '--extensions-dir',
      profile.extensionsDir,
      '--install-extension',
      vsixPath,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsixPath} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

function get(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2_000, () => request.destroy());
  });
}

/**
 * Starts code-server on a free loopback port. `env` is added to the server's environment, which its extension
 * host inherits: that is how a launch tells the tests which fixture is open.
 */
export async function startServer({ profile, env = {}, port, workspace, trusted = true }) {
  assertHostInstalled();
  const chosenPort = port ?? (await freePort());
  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${chosenPort}`,
    '--config',
    profile.config,
    '--user-data-dir',
    profile.userDataDir,
    '--extensions-dir',
    profile.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    // Without it, the profile's security.workspace.trust.* settings decide (an untrusted launch turns trust on).
    ...(trusted ? ['--disable-workspace-trust'] : []),
    '--disable-getting-started-override',
    ...(workspace ? [workspace] : []),
  ];
  // Its own process group, so stopping it also stops the extension host and anything the tests spawned.
  const child = spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 500) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));

  // The whole group, even when the server itself has exited: its extension host may still be running.
  const stop = () => {
    if (!child.pid) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  const forget = onShutdown(stop);

  const url = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + 30_000;
  while ((await get(`${url}/healthz`)) !== 200) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited (${child.exitCode}) before answering:\n${output.join('')}`);
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error(`code-server did not answer on ${url} within 30 s:\n${output.join('')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port: chosenPort,
    url,
    /** Server log lines, without the open-vsx errors that are expected offline. */
    log: () =>
      output
        .join('')
        .split('\n')
        .filter((line) => line.trim() && !/open-vsx|getaddrinfo|ENOTFOUND|EAI_AGAIN/.test(line))
        .join('\n'),
    stop: async () => {
      stop();
      forget();
      await exited;
    },
  };
}

/**
 * Lines of the extension host's log that mention the extension: VS Code says there why it did not activate it
 * (e.g. "Timed out while searching for 'workspaceContains' pattern") or how activation failed.
 */
export function extensionHostLog(profile, pattern = /cx-impact/i) {
  const logs = path.join(profile.userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  return fs
    .readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'remoteexthost.log')
    .flatMap((file) => fs.readFileSync(path.join(logs, file), 'utf8').split('\n'))
    .filter((line) => pattern.test(line))
    .join('\n');
}

export async function launchChromium() {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** `?folder=` for a folder, `?workspace=` for a .code-workspace file. */
export function openQuery(workspacePath) {
  return workspacePath.endsWith('.code-workspace')
    ? `workspace=${encodeURIComponent(workspacePath)}`
    : `folder=${encodeURIComponent(workspacePath)}`;
}

/**
 * VS Code in a browser takes its display language from a language pack: without one it stays English, whatever the
 * locale says. The server finds packs in the user-data folder's languagepacks.json; one whose translation of VS Code's
 * own strings is empty is enough to switch the language, so extensions load their `package.nls.LOCALE.json` and
 * `l10n/bundle.l10n.LOCALE.json` while the workbench's own strings stay English.
 */
function addLanguagePack(profile, locale) {
  const translations = path.join(profile.root, 'language-pack', 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  // The server lists a pack's first extension as the language's source (it reads extensions[0]).
  const extensions = [{ extensionIdentifier: { id: `cx-impact-tests.language-pack-${locale}` }, version: '0.0.1' }];
  const pack = { hash: 'cx-impact-tests', label: locale, extensions, translations: { vscode: translations } };
  fs.writeFileSync(path.join(profile.userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

/**
 * Runs an extension test module (its `run()`) in the server's Node extension host, as VS Code's own browser
 * integration tests do. Resolves to the exit code: 0 passed, non-zero failed, 124 timed out.
 */
export async function runTestsOffline({
  workspace,
  extensionDevelopmentPath,
  extensionTestsPath,
  env,
  timeoutMs,
  trusted = true,
  settings = {},
  locale,
}) {
  const profile = makeProfile(undefined, settings);
  // The display language: code-server's `locale` (its config file takes any command-line option), which it hands to
  // the VS Code server; User/argv.json too, where VS Code itself looks for it.
  if (locale) {
    fs.writeFileSync(profile.config, `locale: ${JSON.stringify(locale)}\n`);
    fs.writeFileSync(path.join(profile.userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }));
    addLanguagePack(profile, locale);
  }
  let server;
  let browser;
  try {
    server = await startServer({ profile, env, trusted });
    const remote = (file) => `vscode-remote://127.0.0.1:${server.port}${file}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    browser = await launchChromium();
    const page = await browser.newPage();
    let finish;
    const exitCode = new Promise((resolve) => (finish = resolve));
    // The workbench's own start-up chatter comes through the same channel; hold it back until the suite
    // announces itself, and show it only if the launch fails (it may say why the suite never started).
    const verbose = Boolean(process.env.CX_IMPACT_TEST_VERBOSE);
    let suiteStarted = false;
    const startup = [];
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const parts = (Array.isArray(args) ? args : [args]).map(String);
      // A test asks for a picture of the workbench by logging `[cx-impact screenshot] NAME`.
      const shot = /\[cx-impact screenshot\] ([\w.-]+)/.exec(parts.join(' '));
      if (shot) {
        const file = path.join(projectRoot, 'test-results', 'integration', `${shot[1]}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        void page
          .screenshot({ path: file })
          .catch((error) => console.error(`[offline host] screenshot ${file}: ${error}`));
      }
      if (parts.some((part) => part.includes('[cx-impact tests]'))) suiteStarted = true;
      const print = type === 'error' || type === 'warn' ? console.error : console.log;
      if (suiteStarted || verbose) print(...parts);
      else startup.push(parts.join(' '));
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    if (verbose) {
      page.on('console', (message) => console.log(`[workbench] ${message.text()}`));
    }
    page.on('pageerror', (error) => startup.push(`[workbench] page error: ${error.message}`));

    // One deadline for loading the workbench and running the suite; a busy machine may need most of it to load.
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const url = `${server.url}/?${openQuery(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const navigationFailed = page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs }).then(
      () => new Promise(() => undefined),
      (error) => ({ navigationError: error instanceof Error ? error.message : String(error) }),
    );
    const outcome = await Promise.race([exitCode, timedOut, navigationFailed]);
    clearTimeout(timer);
    const startupLogs = () =>
      suiteStarted
        ? ''
        : `\n[offline host] workbench log:\n${startup.join('\n')}\n[offline host] server log:\n${server.log()}`;
    if (outcome === 'timeout') {
      console.error(
        `\n[offline host] The suite did not finish within ${Math.round(timeoutMs / 1000)} s: killed it. ` +
          (suiteStarted ? 'A test or hook that never settles?' : 'The suite never started.') +
          startupLogs(),
      );
      return 124;
    }
    if (typeof outcome === 'object') {
      console.error(`[offline host] The workbench did not load: ${outcome.navigationError}${startupLogs()}`);
      return 1;
    }
    if (outcome !== 0 && !suiteStarted) console.error(startupLogs());
    if (outcome !== 0) {
      const extensionLog = extensionHostLog(profile);
      if (extensionLog) console.error(`[offline host] extension host log about cx-impact:\n${extensionLog}`);
    }
    return outcome;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    profile.remove();
  }
}
