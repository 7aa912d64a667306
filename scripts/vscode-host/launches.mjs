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
 * `generate`: the workspace is generated at launch time by load-fixture.ts (its argument), not copied from
 * test-fixtures; `CX_IMPACT_LOAD_INFO` names the JSON describing it. `onRequest`: runs only when named with --fixture
 * (`npm run test:load`), being too slow for every `npm test`.
 */
export const LAUNCHES = [
  { fixture: 'workspace', open: 'workspace', git: true },
  { fixture: 'nested-only', open: 'nested-only', modules: ['activation'] },
  { fixture: 'multi-root', open: 'multi-root/cx-impact.code-workspace', modules: ['activation', 'editor-surfaces'] },
  { fixture: 'empty', open: 'empty', modules: ['activation'] },
  { fixture: 'load', open: 'load', generate: 'load', modules: ['load'], onRequest: true },
  { fixture: 'reload', open: 'reload', generate: 'reload', modules: ['load-memory'], onRequest: true },
];

const generator = path.join(projectRoot, 'scripts', 'vscode-host', 'load-fixture.ts');

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
    execFileSync(process.execPath, ['--import', 'tsx', generator, launch.generate, copy, info], { cwd: projectRoot, stdio: 'inherit' });
  } else {
    fs.cpSync(path.join(fixturesRoot, topFolder), copy, { recursive: true });
  }
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
      ...(launch.generate ? { CX_IMPACT_LOAD_INFO: info } : {}),
      ...(launch.modules ? { CX_IMPACT_TEST_MODULES: launch.modules.join(',') } : {}),
    },
    remove: () => {
      forget();
      removeNow();
    },
  };
}
