import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitDirsOf, movesHead, watchHead, type HeadWatch } from './git-head-watch';

// Not TestRepo (src/node/test-repo.ts): this test runs git in folders a TestRepo does not own (a linked worktree
// beside the repository), with a fixed identity.
function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'ignore',
  });
}

/** Counts the watcher's calls; `next(what, action)` runs the action and waits for one more call. */
function counter(root: string): { watch: HeadWatch; next(what: string, action: () => void): Promise<void> } {
  let calls = 0;
  const watch = watchHead(root, () => calls++, 20);
  assert.ok(watch, `no watch for ${root}`);
  return {
    watch,
    async next(what, action) {
      // Anything still settling from the step before is counted before this step starts.
      await new Promise((resolve) => setTimeout(resolve, 150));
      const before = calls;
      action();
      const deadline = Date.now() + 10_000;
      while (calls === before) {
        if (Date.now() > deadline) assert.fail(`no call after ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

describe('git-head-watch', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-head-watch-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('knows which file changes move HEAD or a ref', () => {
    for (const name of [
      'HEAD',
      'packed-refs',
      'ORIG_HEAD',
      'refs/heads/main',
      'refs/heads/feature/x',
      'refs\\heads\\w',
    ])
      assert.ok(movesHead(name), name);
    for (const name of [
      'HEAD.lock',
      'index',
      'index.lock',
      'refs/heads/main.lock',
      'objects/ab/cdef',
      'FETCH_HEAD',
      'config',
    ])
      assert.ok(!movesHead(name), name);
  });

  it('finds the git folders of a main worktree, a linked worktree and no repository', () => {
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    assert.deepEqual(gitDirsOf(repo), { gitDir: path.join(repo, '.git'), commonDir: path.join(repo, '.git') });
    const linked = path.join(dir, 'linked');
    git(repo, 'worktree', 'add', '-q', '-b', 'side', linked);
    assert.deepEqual(gitDirsOf(linked), {
      gitDir: path.join(repo, '.git', 'worktrees', 'linked'),
      commonDir: path.join(repo, '.git'),
    });
    assert.equal(gitDirsOf(dir), undefined);
    assert.equal(
      watchHead(dir, () => undefined),
      undefined,
    );
  });

  it('calls back on checkout -b, commit, checkout, branch -D, reset and pack-refs, in a main and a linked worktree', async function () {
    this.timeout(60_000);
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'one');
    const main = counter(repo);
    try {
      await main.next('checkout -b', () => git(repo, 'checkout', '-q', '-b', 'feature/deep'));
      await main.next('commit', () => {
        fs.writeFileSync(path.join(repo, 'a.txt'), 'b\n');
        git(repo, 'commit', '-q', '-am', 'two');
      });
      await main.next('reset', () => git(repo, 'reset', '-q', '--hard', 'HEAD~1'));
      await main.next('checkout main', () => git(repo, 'checkout', '-q', 'main'));
      await main.next('branch -D', () => git(repo, 'branch', '-q', '-D', 'feature/deep'));
      await main.next('pack-refs', () => {
        git(repo, 'branch', '-q', 'packed');
        git(repo, 'pack-refs', '--all');
      });

      const linked = path.join(dir, 'linked');
      git(repo, 'worktree', 'add', '-q', '-b', 'side', linked);
      const side = counter(linked);
      try {
        await side.next('commit in a linked worktree', () => {
          fs.writeFileSync(path.join(linked, 'a.txt'), 'c\n');
          git(linked, 'commit', '-q', '-am', 'three');
        });
        await side.next('checkout in a linked worktree', () => git(linked, 'checkout', '-q', '--detach'));
      } finally {
        side.watch.close();
      }
    } finally {
      main.watch.close();
    }
  });

  it('calls nothing once closed', async () => {
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    git(repo, 'init', '-q');
    let calls = 0;
    const watch = watchHead(repo, () => calls++, 20);
    assert.ok(watch);
    watch.close();
    git(repo, 'checkout', '-q', '-b', 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(calls, 0);
  });
});
