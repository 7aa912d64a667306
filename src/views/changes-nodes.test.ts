import * as assert from 'node:assert/strict';
import { computeImpact } from '../core/impact/impact';
import type { ChangedFile } from '../core/types';
import { isSafeRef } from '../node/git';
import { changeGroupNode, changesFromGit, GIT_STATUS, type GitChangeLike } from './changes-nodes';
import { baseCandidates } from '../node/git';
import { makeMap, prefixCoverage } from './test-support';
import { toSnapshot } from './view-node';

const root = '/repo';
function change(status: number, path: string, renamedTo?: string): GitChangeLike {
  const original = { path: `${root}/${path}` };
  if (renamedTo === undefined) return { uri: original, originalUri: original, renameUri: undefined, status };
  const renamed = { path: `${root}/${renamedTo}` };
  return { uri: renamed, originalUri: original, renameUri: renamed, status };
}

describe('changes from the git extension', () => {
  it('turns statuses into the engine’s words, relative to the repository root', () => {
    const files = changesFromGit(root, [
      [change(GIT_STATUS.INDEX_ADDED, 'a.ts'), change(GIT_STATUS.INDEX_DELETED, 'b.ts')],
      [change(GIT_STATUS.MODIFIED, 'c.ts'), change(GIT_STATUS.DELETED, 'd.ts'), change(GIT_STATUS.TYPE_CHANGED, 'e')],
      [
        change(GIT_STATUS.UNTRACKED, 'f.ts'),
        change(GIT_STATUS.IGNORED, 'g.log'),
        change(GIT_STATUS.INTENT_TO_ADD, 'h.ts'),
      ],
    ]);
    assert.deepEqual(files, [
      { path: 'a.ts', status: 'added' },
      { path: 'b.ts', status: 'deleted' },
      { path: 'c.ts', status: 'modified' },
      { path: 'd.ts', status: 'deleted' },
      { path: 'e', status: 'type-changed' },
      { path: 'f.ts', status: 'untracked' },
      { path: 'h.ts', status: 'added' },
    ]);
  });

  it('keeps both paths of a rename, and the rename over a later edit of the new path', () => {
    const files = changesFromGit(root, [
      [change(GIT_STATUS.INDEX_RENAMED, 'old/x.ts', 'new/x.ts')],
      [change(GIT_STATUS.MODIFIED, 'new/x.ts')],
    ]);
    assert.deepEqual(files, [{ path: 'new/x.ts', status: 'renamed', oldPath: 'old/x.ts' }]);
  });

  it('reads a diffBetween result, where every change carries a renameUri, as renames only when it says so', () => {
    const same = { path: `${root}/m.ts` };
    const files = changesFromGit(root, [
      [{ uri: same, originalUri: same, renameUri: same, status: GIT_STATUS.MODIFIED }],
    ]);
    assert.deepEqual(files, [{ path: 'm.ts', status: 'modified' }]);
  });

  it('counts a staged file edited again as one change, and a staged addition deleted again as none', () => {
    const files = changesFromGit(root, [
      [
        change(GIT_STATUS.INDEX_MODIFIED, 'a.ts'),
        change(GIT_STATUS.INDEX_ADDED, 'b.ts'),
        change(GIT_STATUS.INDEX_ADDED, 'c.ts'),
      ],
      [change(GIT_STATUS.MODIFIED, 'a.ts'), change(GIT_STATUS.MODIFIED, 'b.ts'), change(GIT_STATUS.DELETED, 'c.ts')],
    ]);
    assert.deepEqual(files, [
      { path: 'a.ts', status: 'modified' },
      { path: 'b.ts', status: 'added' },
    ]);
  });

  it('ignores files outside the repository root', () => {
    assert.deepEqual(
      changesFromGit('/repo', [[{ ...change(GIT_STATUS.MODIFIED, 'x'), uri: { path: '/repository/x' } }]]),
      [],
    );
  });
});

describe('the base of "Branch vs <base>"', () => {
  it('uses the setting alone when it is set', () => {
    assert.deepEqual(baseCandidates(' release/1.2 ', { remote: 'origin', name: 'feature' }), ['release/1.2']);
  });
  it('tries the upstream, then the default branch', () => {
    assert.deepEqual(baseCandidates('', { remote: 'origin', name: 'feature' }), [
      'origin/feature',
      'origin/HEAD',
      'main',
      'master',
      'origin/main',
      'origin/master',
    ]);
    assert.equal(baseCandidates('', undefined)[0], 'origin/HEAD');
  });
  it('refuses refs git would read as options, ranges or several arguments', () => {
    for (const ok of ['main', 'origin/main', 'HEAD~3', 'v1.2.0', 'a1b2c3d']) assert.ok(isSafeRef(ok), ok);
    for (const bad of ['', '-x', '--output=/tmp/x', 'main..HEAD', 'a b', 'a\0b'])
      assert.ok(!isSafeRef(bad), JSON.stringify(bad));
  });
});

describe('a group of the Changes view', () => {
  const map = makeMap('cx-map.yaml', [
    { id: 'browse', tier: 'low', touchpoints: [{ id: 'search', prefixes: ['search/'] }] },
    {
      id: 'checkout',
      tier: 'critical',
      touchpoints: [
        { id: 'pay', prefixes: ['pay/'], channel: 'web' },
        { id: 'confirm', prefixes: ['mail/'], symbols: ['send'] },
      ],
    },
  ]);
  const coverage = prefixCoverage([map]);
  const group = (changedFiles: ChangedFile[]) =>
    changeGroupNode({
      id: 'repo/worktree',
      label: 'Working tree',
      report: computeImpact({ base: 'HEAD', head: 'WORKTREE', coverage, changedFiles }),
      root: 'file:///repo',
      base: 'HEAD',
      head: 'worktree',
      emptyText: 'No uncommitted changes.',
      resolveJourney: (file, id) => {
        const journey = map.journeys.find((j) => j.id === id);
        return file === map.file && journey ? { map, journey } : undefined;
      },
    });

  it('lists journeys most critical first, then touchpoints, files, and the files no journey covers', () => {
    const node = group([
      { path: 'search/q.ts', status: 'modified' },
      { path: 'pay/charge.ts', status: 'modified' },
      { path: 'mail/send.ts', status: 'added' },
      { path: 'docs/readme.md', status: 'untracked' },
    ]);
    assert.deepEqual(toSnapshot(node), {
      label: 'Working tree',
      description: '4 files · 2 journeys',
      children: [
        {
          label: 'Journey checkout',
          description: 'critical · 2 touchpoints',
          children: [
            {
              label: 'Touchpoint pay',
              description: '1 file · web',
              children: [{ label: 'charge.ts', description: 'pay · modified' }],
            },
            {
              label: 'Touchpoint confirm',
              description: '1 file · whole files',
              children: [{ label: 'send.ts', description: 'mail · added' }],
            },
          ],
        },
        {
          label: 'Journey browse',
          description: 'low · 1 touchpoint',
          children: [
            {
              label: 'Touchpoint search',
              description: '1 file',
              children: [{ label: 'q.ts', description: 'search · modified' }],
            },
          ],
        },
        {
          label: 'Not in any journey',
          description: '1 file',
          children: [{ label: 'readme.md', description: 'docs · untracked' }],
        },
      ],
    });
  });

  it('opens the map at the journey and touchpoint ids, and the change of a file', () => {
    const node = group([{ path: 'pay/charge.ts', status: 'modified' }]);
    const journey = node.children?.[0];
    const touchpoint = journey?.children?.[0];
    assert.equal(journey?.mapLine?.line, 20);
    assert.equal(touchpoint?.mapLine?.line, 22);
    assert.deepEqual(touchpoint?.children?.[0]?.file, {
      root: 'file:///repo',
      path: 'pay/charge.ts',
      change: { status: 'modified', base: 'HEAD', head: 'worktree' },
    });
  });

  it('counts a rename under both paths, each saying where the file went or came from', () => {
    const node = group([{ path: 'search/moved.ts', status: 'renamed', oldPath: 'pay/old.ts' }]);
    const snapshot = toSnapshot(node);
    assert.equal(snapshot.description, '2 files · 2 journeys');
    const files = JSON.stringify(snapshot);
    assert.ok(files.includes('"label":"old.ts","description":"pay · renamed to search/moved.ts"'), files);
    assert.ok(files.includes('"label":"moved.ts","description":"search · renamed from pay/old.ts"'), files);
    const oldFile = node.children?.[0]?.children?.[0]?.children?.[0]?.file;
    // The old path is gone at the head: a click shows what it was.
    assert.deepEqual(oldFile?.change, { status: 'deleted', base: 'HEAD', head: 'worktree' });
  });

  it('lists an edited map as an edited map, not among the files no journey covers', () => {
    const isMap = (p: string) => p.endsWith('cx-map.yaml');
    const changedFiles: ChangedFile[] = [
      { path: 'cx-map.yaml', status: 'modified' },
      { path: 'docs/readme.md', status: 'modified' },
    ];
    const node = changeGroupNode({
      id: 'repo/worktree',
      label: 'Working tree',
      report: computeImpact({ base: 'HEAD', head: 'WORKTREE', coverage, changedFiles, isMap }),
      root: 'file:///repo',
      base: 'HEAD',
      head: 'worktree',
      emptyText: 'No uncommitted changes.',
      resolveJourney: () => undefined,
      isMap,
    });
    assert.deepEqual(toSnapshot(node).children, [
      {
        label: 'Not in any journey',
        description: '1 file',
        children: [{ label: 'readme.md', description: 'docs · modified' }],
      },
      { label: 'Maps edited', description: '1 file', children: [{ label: 'cx-map.yaml', description: 'modified' }] },
    ]);
  });

  it('says so when nothing changed', () => {
    assert.deepEqual(toSnapshot(group([])), {
      label: 'Working tree',
      description: '0 files · 0 journeys',
      children: [{ label: 'No uncommitted changes.' }],
    });
  });

  it('gives every node an id unique in the tree', () => {
    const node = group([
      { path: 'pay/a.ts', status: 'modified' },
      { path: 'x.md', status: 'modified' },
      { path: 'search/moved.ts', status: 'renamed', oldPath: 'pay/old.ts' },
    ]);
    const ids: string[] = [];
    const walk = (n: typeof node) => {
      ids.push(n.id);
      n.children?.forEach(walk);
    };
    walk(node);
    assert.equal(new Set(ids).size, ids.length);
  });
});
