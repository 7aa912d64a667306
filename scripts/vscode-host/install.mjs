#!/usr/bin/env node
// Installs the offline VS Code host (code-server, i.e. VS Code server + workbench) into .cache/vscode-host/<version>/.
// It needs only the npm registry and Debian packages: a plain `npm install code-server` fails offline (its
// postinstall downloads ripgrep and refuses root), so the steps below do by hand what that postinstall does.
//
//   node scripts/vscode-host/install.mjs          install unless already complete
//   node scripts/vscode-host/install.mjs --force  reinstall
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_VERSION,
  chromiumPath,
  codeServerDir,
  codeServerEntry,
  completeMarker,
  hostDir,
} from './paths.mjs';

const force = process.argv.includes('--force');
const started = Date.now();

function log(message) {
  console.log(`[vscode-host] ${message}`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** What the host needs from the system, as Debian package -> present? */
function missingDebianPackages() {
  const needs = {
    chromium: fs.existsSync(chromiumPath),
    // VS Code's @vscode/ripgrep would otherwise download rg from GitHub.
    ripgrep: onPath('rg'),
    // The `kerberos` native module builds against krb5's headers.
    'libkrb5-dev': fs.existsSync('/usr/include/krb5.h') || fs.existsSync('/usr/include/krb5/krb5.h'),
    // node-gyp builds node-pty and kerberos.
    python3: onPath('python3'),
    make: onPath('make'),
    'g++': onPath('g++'),
  };
  return Object.entries(needs)
    .filter(([, present]) => !present)
    .map(([name]) => name);
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && onPath('apt-get')) {
    log(`installing Debian packages: ${missing.join(' ')}`);
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], process.cwd(), {
      ...process.env,
      DEBIAN_FRONTEND: 'noninteractive',
    });
    const still = missingDebianPackages();
    if (still.length > 0) fail(`still missing after apt-get: ${still.join(' ')}`);
    return;
  }
  fail(
    `missing system packages: ${missing.join(' ')}.\n` +
      `  On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
      '  Elsewhere: install Chromium (or set CX_IMPACT_CHROMIUM to a Chromium/Chrome binary), ripgrep (rg),\n' +
      '  the Kerberos development headers, and a C++ toolchain with python3 for node-gyp.',
  );
}

function fail(message) {
  console.error(`[vscode-host] ${message}`);
  process.exit(1);
}

function run(command, args, cwd, env = npmEnv()) {
  log(`${path.relative(process.cwd(), cwd) || '.'}$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`failed (exit ${result.status ?? result.signal}): ${command} ${args.join(' ')}`);
}

/** Headers shipped with this Node, so node-gyp does not try to download them from nodejs.org. */
function nodeHeadersDir() {
  for (const dir of [path.resolve(path.dirname(process.execPath), '..'), '/usr', '/usr/local']) {
    if (fs.existsSync(path.join(dir, 'include', 'node', 'node.h'))) return dir;
  }
  return undefined;
}

function npmEnv() {
  const env = {
    ...process.env,
    // node-pty's install script runs `npx node-gyp`; without this npx stops to ask.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const headers = nodeHeadersDir();
  if (headers && !env.npm_config_nodedir) env.npm_config_nodedir = headers;
  return env;
}

/** A native module that did not build would only show up later as a broken terminal or a crashed host. */
function checkNativeModules() {
  const vscodeModules = path.join(codeServerDir, 'lib', 'vscode', 'node_modules');
  const expected = [
    path.join(vscodeModules, 'node-pty', 'build', 'Release', 'pty.node'),
    path.join(vscodeModules, 'kerberos', 'build', 'Release', 'kerberos.node'),
  ];
  const missing = expected.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) fail(`native modules not built:\n  ${missing.join('\n  ')}`);
  // argon2 ships prebuilt binaries or builds one; either way it must load.
  execFileSync(process.execPath, ['-e', 'require("argon2")'], { cwd: codeServerDir, stdio: 'inherit' });
  // A throwaway config file: without --config code-server writes one into ~/.config.
  const config = path.join(hostDir, 'config.yaml');
  const output = execFileSync(process.execPath, [codeServerEntry, '--config', config, '--version'], {
    encoding: 'utf8',
  });
  const version = output.split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
  if (!version) fail(`unexpected code-server --version output:\n${output}`);
  log(`code-server --version: ${version}`);
}

if (fs.existsSync(completeMarker) && !force) {
  log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(process.cwd(), hostDir)}`);
  process.exit(0);
}

ensureDebianPackages();

fs.rmSync(hostDir, { recursive: true, force: true });
fs.mkdirSync(hostDir, { recursive: true });
// Its own package.json keeps npm from treating the project as the install root.
fs.writeFileSync(
  path.join(hostDir, 'package.json'),
  JSON.stringify(
    { name: 'cx-impact-vscode-host', private: true, description: 'Offline VS Code host for tests' },
    null,
    2,
  ),
);

run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-save'], hostDir);

const vscodeDir = path.join(codeServerDir, 'lib', 'vscode');
run('npm', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir);

// @vscode/ripgrep's postinstall skips its download when bin/ already exists.
const ripgrepBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
fs.mkdirSync(ripgrepBin, { recursive: true });
const systemRg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
fs.copyFileSync(systemRg, path.join(ripgrepBin, 'rg'));
fs.chmodSync(path.join(ripgrepBin, 'rg'), 0o755);

// Runs every install script that --ignore-scripts skipped (node-pty, kerberos, ...).
run('npm', ['rebuild', '--foreground-scripts'], vscodeDir);
// The server loads its modules from node_modules.asar, which only the packaged desktop app has.
const asarLink = path.join(vscodeDir, 'node_modules.asar');
if (!fs.existsSync(asarLink)) fs.symlinkSync('node_modules', asarLink);

run('npm', ['install', '--omit=dev'], path.join(vscodeDir, 'extensions'));
run('npm', ['rebuild', 'argon2', '--foreground-scripts'], hostDir);

checkNativeModules();
fs.writeFileSync(completeMarker, `${CODE_SERVER_VERSION}\n${new Date().toISOString()}\n`);
log(`installed code-server ${CODE_SERVER_VERSION} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
