import * as assert from 'node:assert/strict';
import { compareBranch, type BranchRepository } from './branch-change';
import { GIT_STATUS, type GitChangeLike } from './changes-nodes';

const MAIN_BASE = 'a'.repeat(40);

/** A repository where `refs` resolve (to their merge-base with HEAD) and HEAD renamed one file since that base. */
function repository(
  refs: Record<string, string>,
  overrides: Partial<BranchRepository> = {},
): BranchRepository & { asked: string[] } {
  const asked: string[] = [];
  const renamed: GitChangeLike = {
    uri: { path: '/repo/new.ts' },
    originalUri: { path: '/repo/old.ts' },
    renameUri: { path: '/repo/new.ts' },
    status: GIT_STATUS.INDEX_RENAMED,
  };
  return {
    asked,
    rootPath: '/repo',
    headCommit: 'b'.repeat(40),
    upstream: undefined,
    getMergeBase: (ref1, ref2) => {
      asked.push(`${ref1}...${ref2}`);
      return Promise.resolve(refs[ref1]);
    },
    diffBetween: (ref1) => Promise.resolve(ref1 === MAIN_BASE ? [renamed] : []),
    ...overrides,
  };
}

const noWarnings = (message: string) => assert.fail(`unexpected warning: ${message}`);

describe('"Branch vs <base>"', () => {
  it('falls back from the upstream to the default branch, and lists what HEAD committed since the merge-base', async () => {
    const repo = repository({ main: MAIN_BASE }, { upstream: { remote: 'origin', name: 'feature' } });
    const change = await compareBranch(repo, '', noWarnings);
    assert.deepEqual(repo.asked, ['origin/feature...HEAD', 'origin/HEAD...HEAD', 'main...HEAD']);
    assert.deepEqual(change, {
      label: 'Branch vs main',
      mergeBase: MAIN_BASE,
      changes: [{ path: 'new.ts', status: 'renamed', oldPath: 'old.ts' }],
      note: 'No commits since main.',
    });
  });

  it('uses the configured base only, and says when it does not exist', async () => {
    const repo = repository({ main: MAIN_BASE });
    const change = await compareBranch(repo, 'release', noWarnings);
    assert.deepEqual(repo.asked, ['release...HEAD']);
    assert.deepEqual(change, {
      label: 'Branch',
      changes: [],
      note: 'Cannot find "release": check the cxImpact.changes.base setting.',
    });
  });

  it('never hands git a ref that reads as an option', async () => {
    const repo = repository({ main: MAIN_BASE });
    const change = await compareBranch(repo, '--output=/tmp/x', noWarnings);
    assert.deepEqual(repo.asked, []);
    assert.match(change.note, /is not a ref/);
  });

  it('treats a rejected merge-base like a missing ref (older git extensions reject)', async () => {
    const repo = repository(
      {},
      {
        getMergeBase: (ref1) => (ref1 === 'master' ? Promise.resolve(MAIN_BASE) : Promise.reject(new Error('bad ref'))),
      },
    );
    assert.equal((await compareBranch(repo, '', noWarnings)).label, 'Branch vs master');
  });

  it('says so in a repository without commits, without running git', async () => {
    const repo = repository({ main: MAIN_BASE }, { headCommit: undefined });
    assert.deepEqual(await compareBranch(repo, '', noWarnings), {
      label: 'Branch',
      changes: [],
      note: 'No commits yet.',
    });
    assert.deepEqual(repo.asked, []);
  });

  it('reports a failing diff as a warning and an empty group', async () => {
    const warnings: string[] = [];
    const repo = repository({ main: MAIN_BASE }, { diffBetween: () => Promise.reject(new Error('boom')) });
    const change = await compareBranch(repo, '', (m) => warnings.push(m));
    assert.deepEqual(change, { label: 'Branch vs main', changes: [], note: 'Could not compare with main.' });
    assert.equal(warnings.length, 1);
  });
});
