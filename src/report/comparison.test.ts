import * as assert from 'node:assert/strict';
import { packageWasmDir } from '../node/package-wasm';
import { CodeReader } from '../node/code-reader';
import { renderImpactMarkdown } from '../core/render/markdown';
import { GitError } from '../node/git';
import { TestRepo, removeScratch, scratchDir } from '../node/test-repo';
import { ComparisonError, gatherReport, parseComparison } from './comparison';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay
        paths: [services/payments/**]
  - id: sign-in
    name: Sign in
    tier: medium
    touchpoints:
      - id: login
        name: Log in
        paths: [services/accounts/**]
`;

function shop(): TestRepo {
  const repo = TestRepo.create({
    'cx-map.yaml': MAP,
    'services/payments/charge.ts': 'charge\n',
    'services/accounts/login.ts': 'login\n',
    'services/search/index.ts': 'search\n',
    'docs/notes.md': 'notes\n',
  });
  repo.commit('shop');
  return repo;
}

describe('Impact Report comparisons', () => {
  // Symbols are read as the CLI reads them (here on this thread, from the installed grammars).
  const reader = new CodeReader({ wasmDir: packageWasmDir() });
  after(removeScratch);
  after(() => reader.dispose());

  it('compares the current branch with main by default, map changes included, and its Markdown is the CLI’s', async () => {
    const repo = shop();
    repo.git('tag', 'v1');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({
      'services/accounts/login.ts': 'login 2\n',
      'services/payments/charge.ts': 'charge 2\n',
      'docs/notes.md': 'notes 2\n',
      // Sign-in now also covers search: a file it gains without the file changing.
      'cx-map.yaml': MAP.replace('paths: [services/accounts/**]', 'paths: [services/accounts/**, services/search/**]'),
    });
    repo.commit('feature');

    const gathered = await gatherReport({ root: repo.dir, comparison: { kind: 'branch' }, reader });
    assert.equal(gathered.label, 'Branch feature vs main');
    assert.equal(gathered.baseRef, 'main');
    assert.equal(gathered.branch, 'feature');
    assert.deepEqual(
      gathered.refs.map((r) => `${r.kind}:${r.name}`),
      ['branch:feature', 'branch:main', 'tag:v1'],
    );
    const { report } = gathered;
    assert.deepEqual(
      report.journeys.map((j) => [j.id, j.tier, j.touchpoints.flatMap((t) => t.files)]),
      [
        ['checkout', 'critical', ['services/payments/charge.ts']],
        ['sign-in', 'medium', ['services/accounts/login.ts']],
      ],
    );
    assert.deepEqual(report.unmappedFiles, ['docs/notes.md'], 'the edited map is in mapChanges, not in no map');
    assert.deepEqual(report.mapChanges, [
      { map: 'cx-map.yaml', journey: 'sign-in', touchpoint: 'login', added: ['services/search/index.ts'], removed: [] },
    ]);

    const cli = repo.cli(['impact', '--base', 'main', '--head', 'HEAD', '--format', 'markdown']);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal(renderImpactMarkdown(report), cli.stdout);
    // The CLI's JSON and text carry the same map changes.
    const json = repo.cli(['impact', '--base', 'main', '--head', 'HEAD', '--format', 'json']);
    assert.deepEqual((JSON.parse(json.stdout) as { mapChanges?: unknown }).mapChanges, report.mapChanges);
    const text = repo.cli(['impact', '--base', 'main', '--head', 'HEAD']);
    assert.match(
      text.stdout,
      /\nMap changes\n {2}cx-map\.yaml sign-in\/login: \+1 -0\n {4}\+ services\/search\/index\.ts\n/,
    );
  });

  it('compares a branch with its upstream before the default branch', async () => {
    const origin = shop();
    const clone = new TestRepo(scratchDir('cx-impact-clone-'));
    clone.git('clone', '-q', origin.dir, '.');
    clone.git('checkout', '-q', '-b', 'feature', 'origin/main');
    clone.write({ 'services/accounts/login.ts': 'login 2\n' });
    clone.commit('feature');
    const gathered = await gatherReport({ root: clone.dir, comparison: { kind: 'branch' } });
    assert.equal(gathered.label, 'Branch feature vs origin/main');
    assert.deepEqual(gathered.report.changedFiles, ['services/accounts/login.ts']);
    assert.ok(gathered.refs.some((r) => r.kind === 'remote' && r.name === 'origin/main'));
    assert.ok(
      !gathered.refs.some((r) => r.name === 'origin/HEAD' || r.name === 'origin'),
      'the symbolic origin/HEAD is left out',
    );
  });

  it('compares the working tree with HEAD, untracked files included, with the maps it is given', async () => {
    const repo = shop();
    repo.write({ 'services/payments/new.ts': 'new\n', 'services/accounts/login.ts': 'edited\n' });
    const gathered = await gatherReport({ root: repo.dir, comparison: { kind: 'worktree' } });
    assert.equal(gathered.label, 'Working tree vs HEAD');
    assert.equal(gathered.report.head, 'WORKTREE');
    assert.deepEqual(gathered.report.changes, [
      { path: 'services/accounts/login.ts', status: 'modified' },
      { path: 'services/payments/new.ts', status: 'untracked' },
    ]);
    assert.deepEqual(
      gathered.report.journeys.map((j) => j.id),
      ['checkout', 'sign-in'],
    );
    // The editor hands in its maps (the last good versions): those decide, not the file on disk.
    const noMaps = await gatherReport({ root: repo.dir, comparison: { kind: 'worktree' }, worktreeMaps: [] });
    assert.deepEqual(noMaps.report.journeys, []);
    assert.deepEqual(noMaps.report.unmappedFiles, ['services/accounts/login.ts', 'services/payments/new.ts']);
  });

  it('compares two refs, reading the head’s maps from the head', async () => {
    const repo = shop();
    repo.git('tag', 'v1');
    repo.write({ 'services/payments/charge.ts': 'v2\n' });
    repo.commit('v2');
    repo.git('tag', 'v2');
    repo.write({ 'cx-map.yaml': 'version: 1\njourneys: []\n' });
    repo.commit('map emptied after v2');
    const gathered = await gatherReport({ root: repo.dir, comparison: { kind: 'refs', base: 'v1', head: 'v2' } });
    assert.equal(gathered.label, 'v2 vs v1');
    assert.deepEqual(
      gathered.report.journeys.map((j) => j.id),
      ['checkout'],
    );
    assert.equal(gathered.report.mapChanges, undefined, 'v1…v2 does not edit the map');
  });

  it('says what to do when there is no base, and refuses refs git would read as options', async () => {
    const repo = TestRepo.create({ 'cx-map.yaml': MAP });
    repo.git('checkout', '-q', '-b', 'trunk');
    repo.commit('first');
    await assert.rejects(gatherReport({ root: repo.dir, comparison: { kind: 'branch' } }), (err: unknown) => {
      assert.ok(err instanceof ComparisonError);
      assert.match(err.message, /No upstream or default branch to compare with/);
      return true;
    });
    await assert.rejects(
      gatherReport({ root: repo.dir, comparison: { kind: 'branch' }, baseSetting: 'release' }),
      /Cannot find "release"/,
    );
    await assert.rejects(
      gatherReport({ root: repo.dir, comparison: { kind: 'refs', base: '--output=/tmp/x', head: 'HEAD' } }),
      GitError,
    );
    await assert.rejects(
      gatherReport({ root: repo.dir, comparison: { kind: 'refs', base: 'nope', head: 'HEAD' } }),
      /unknown ref "nope"/,
    );
  });

  it('reads a comparison from page state or a command argument, dropping anything else', () => {
    assert.deepEqual(parseComparison({ kind: 'worktree', base: 'x' }), { kind: 'worktree' });
    assert.deepEqual(parseComparison({ kind: 'branch', base: ' main ' }), { kind: 'branch', base: 'main' });
    assert.deepEqual(parseComparison({ kind: 'branch', base: '-x' }), { kind: 'branch' });
    assert.deepEqual(parseComparison({ kind: 'refs', base: 'v1', head: 'v2' }), {
      kind: 'refs',
      base: 'v1',
      head: 'v2',
    });
    assert.equal(parseComparison({ kind: 'refs', base: 'v1', head: 'a b' }), undefined);
    assert.equal(parseComparison({ kind: 'refs', base: 'v1..v2', head: 'v3' }), undefined);
    assert.equal(parseComparison({ rootUri: {} }), undefined, 'the SCM title menu passes a source control');
    assert.equal(parseComparison(undefined), undefined);
  });
});
