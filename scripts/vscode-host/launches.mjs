// The integration suite runs once per fixture workspace: what activates the extension depends on the workspace,
// and VS Code opens one per window. Each launch works on a temporary copy, so tests may edit files freely.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths.mjs';
import { onShutdown } from './shutdown.mjs';

export const fixturesRoot = path.join(projectRoot, 'test', 'fixtures');

/**
 * `modules`: which test modules (file names without `.test.ts`) run; undefined = every
 * `test/integration/**\/*.test.ts`. `git`: make the copy a repository with one commit, for change-impact tests.
 * `gitLog`: put a `git` first on the host's PATH that appends each call to the file `CX_IMPACT_GIT_LOG` names, then
 * runs the real git. `trusted: false`: workspace trust on (no prompt) and the folder not trusted (restricted mode).
 * `from`: the folder to copy instead of test/fixtures/<open>. `minTimeoutSeconds`: the launch gets at least this long, whatever CX_IMPACT_TEST_TIMEOUT says.
 * `generate`: the workspace is generated at launch time by load-fixture.ts (its argument), not copied from
 * test/fixtures; `CX_IMPACT_LOAD_INFO` names the JSON describing it. `onRequest`: runs only when named with --fixture
 * (`npm run test:load`), being too slow for every `npm test`. `locale`: the host's display language (`qps-ploc` also
 * writes the pseudo-localized package.nls and l10n bundle beside package.json for the launch, removed after it).
 */
export const LAUNCHES = [
  { fixture: 'workspace', open: 'workspace', git: true },
  { fixture: 'nested-only', open: 'nested-only', modules: ['activation'] },
  {
    fixture: 'multi-root',
    open: 'multi-root/cx-impact.code-workspace',
    modules: ['activation', 'editor-surfaces', 'folders'],
  },
  { fixture: 'empty', open: 'empty', modules: ['activation'] },
  // The workspace fixture again, in hosts of their own: files moving under the editor (with the logging git's
  // trusted control), and restricted mode.
  // (It took 284 s with the load average at 14: hence more than the default 300 s.)
  {
    fixture: 'resilience',
    open: 'workspace',
    git: true,
    gitLog: true,
    modules: ['resilience', 'untrusted'],
    minTimeoutSeconds: 600,
  },
  {
    fixture: 'untrusted',
    open: 'workspace',
    git: true,
    gitLog: true,
    trusted: false,
    modules: ['catalog', 'untrusted'],
  },
  // examples/shop itself (with its routes and resolvers, one route left uncovered on purpose), not a copy: issue #17.
  {
    fixture: 'shop',
    open: 'shop',
    from: path.join(projectRoot, 'examples', 'shop'),
    git: true,
    modules: ['catalog', 'entry-points'],
  },
  { fixture: 'load', open: 'load', generate: 'load', modules: ['load'], onRequest: true },
  { fixture: 'reload', open: 'reload', generate: 'reload', modules: ['load-memory'], onRequest: true },
  // Issue #24: the first indirect CodeLens of a file opened in the bench's 3,000-file monorepo, from a cold start
  // (`npm run bench:first-lens`).
  { fixture: 'first-lens', open: 'mono', generate: 'first-lens', git: true, modules: ['first-lens'], onRequest: true },
  {
    fixture: 'first-lens-wired',
    open: 'mono',
    generate: 'first-lens-wired',
    git: true,
    modules: ['first-lens'],
    onRequest: true,
  },
  // First run in an empty folder, in the pseudo-locale: the walkthrough opens by itself, and every string the
  // extension shows (manifest and runtime) comes from the pseudo-localized files (scripts/l10n-bundle.mjs --pseudo).
  { fixture: 'first-run', open: 'empty', git: true, locale: 'qps-ploc', modules: ['walkthrough', 'pseudo-locale'] },
];

/** User settings that turn workspace trust on without the start-up prompt: a folder nobody trusted opens restricted. */
export const UNTRUSTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/** A `git` that logs its arguments, working folder and parent process, then runs the real one. */
function gitShim(dir, log) {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  fs.mkdirSync(dir, { recursive: true });
  const script = [
    '#!/bin/sh',
    'parent=$(tr "\\000" " " < /proc/$PPID/cmdline 2>/dev/null | cut -c1-200)',
    `printf '%s\t%s\t%s\n' "$PWD" "$*" "$parent" >> "\${CX_IMPACT_GIT_LOG:-/dev/null}"`,
    `exec ${JSON.stringify(real)} "$@"`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'git'), script, { mode: 0o755 });
  fs.writeFileSync(log, '');
}

const generator = path.join(projectRoot, 'test', 'load', 'load-fixture.ts');

function git(cwd, ...args) {
  execFileSync('git', ['-c', 'user.name=CX Impact tests', '-c', 'user.email=tests@cx-impact.invalid', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

/**
 * Copies the launch's fixture to a temp folder; returns what to open and how to remove it. The copy is removed on
 * exit unless `keep` (for a VS Code window that outlives this process).
 */
export function prepareLaunch(launch, { keep = false } = {}) {
  const topFolder = launch.open.split('/')[0];
  // 200,000 generated files are written several times faster to memory than to this machine's disk.
  const tmp = launch.generate && fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const copyRoot = fs.mkdtempSync(path.join(tmp, `cx-impact-${launch.fixture}-`));
  const removeNow = () => fs.rmSync(copyRoot, { recursive: true, force: true });
  const forget = keep ? () => undefined : onShutdown(removeNow);
  const copy = path.join(copyRoot, topFolder);
  const info = path.join(copyRoot, 'load-info.json');
  if (launch.generate) {
    execFileSync(process.execPath, ['--import', 'tsx', generator, launch.generate, copy, info], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
  } else {
    fs.cpSync(launch.from ?? path.join(fixturesRoot, topFolder), copy, { recursive: true });
  }
  if (launch.git) {
    git(copy, 'init', '-q', '-b', 'main');
    git(copy, 'add', '-A');
    git(copy, 'commit', '-q', '-m', 'Fixture baseline');
  }
  const removePseudo = launch.locale === 'qps-ploc' ? writePseudoLocale() : () => undefined;
  const gitEnv = {};
  if (launch.gitLog) {
    // Outside the workspace folder, so neither the shim nor its log shows up as a change.
    const shimDir = path.join(copyRoot, 'git-shim');
    const log = path.join(copyRoot, 'git-calls.log');
    gitShim(shimDir, log);
    Object.assign(gitEnv, {
      CX_IMPACT_GIT_LOG: log,
      PATH: `${shimDir}${path.delimiter}${process.env.PATH ?? ''}`,
      // The server otherwise gives its extension host the PATH of a login shell it runs, without the shim
      // (resolveShellEnv: "skipped (VSCODE_CLI is set)").
      VSCODE_CLI: '1',
    });
  }
  return {
    open: path.join(copyRoot, launch.open),
    trusted: launch.trusted !== false,
    settings: launch.trusted === false ? UNTRUSTED_SETTINGS : {},
    ...(launch.locale ? { locale: launch.locale } : {}),
    env: {
      CX_IMPACT_FIXTURE: launch.fixture,
      CX_IMPACT_FIXTURE_DIR: copy,
      ...(launch.generate ? { CX_IMPACT_LOAD_INFO: info } : {}),
      ...(launch.modules ? { CX_IMPACT_TEST_MODULES: launch.modules.join(',') } : {}),
      ...gitEnv,
    },
    remove: () => {
      forget();
      removeNow();
      removePseudo();
    },
  };
}

/** The qps-ploc files VS Code reads for that locale, next to the extension's own; returns their removal. */
function writePseudoLocale() {
  const script = path.join(projectRoot, 'scripts', 'l10n-bundle.mjs');
  const files = execFileSync(process.execPath, [script, '--pseudo'], { cwd: projectRoot, encoding: 'utf8' })
    .trim()
    .split('\n');
  const removeNow = () => {
    for (const file of files) fs.rmSync(file, { force: true });
  };
  const forget = onShutdown(removeNow);
  return () => {
    forget();
    removeNow();
  };
}
