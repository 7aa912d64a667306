// The integration suite runs once per fixture workspace: what activates the extension depends on the workspace,
// and VS Code opens one per window. Each launch works on a temporary copy, so tests may edit files freely.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './paths.mjs';
import { onShutdown } from './shutdown.mjs';

export const fixturesRoot = path.join(projectRoot, 'test-fixtures');

/**
 * `modules`: which test modules (file names without `.test.ts`) run; undefined = every
 * `src/test/integration/**\/*.test.ts`. `git`: make the copy a repository with one commit, for change-impact tests.
 */
export const LAUNCHES = [
  { fixture: 'workspace', open: 'workspace', git: true },
  { fixture: 'nested-only', open: 'nested-only', modules: ['activation'] },
  { fixture: 'multi-root', open: 'multi-root/cx-impact.code-workspace', modules: ['activation', 'editor-surfaces'] },
  { fixture: 'empty', open: 'empty', modules: ['activation'] },
];

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
  const copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), `cx-impact-${launch.fixture}-`));
  const removeNow = () => fs.rmSync(copyRoot, { recursive: true, force: true });
  const forget = keep ? () => undefined : onShutdown(removeNow);
  const copy = path.join(copyRoot, topFolder);
  fs.cpSync(path.join(fixturesRoot, topFolder), copy, { recursive: true });
  if (launch.git) {
    git(copy, 'init', '-q', '-b', 'main');
    git(copy, 'add', '-A');
    git(copy, 'commit', '-q', '-m', 'Fixture baseline');
  }
  return {
    open: path.join(copyRoot, launch.open),
    env: {
      CX_IMPACT_FIXTURE: launch.fixture,
      CX_IMPACT_FIXTURE_DIR: copy,
      ...(launch.modules ? { CX_IMPACT_TEST_MODULES: launch.modules.join(',') } : {}),
    },
    remove: () => {
      forget();
      removeNow();
    },
  };
}
