import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { run, type CliIo } from './run';
import { TestRepo, cliBundle, removeScratch, runCli, scratchDir } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    owner: "@acme/payments"
    touchpoints:
      - id: pay
        name: Pay
        channel: web
        paths:
          - src/payments/**
          - "!src/payments/**/*.test.ts"
  - id: search
    name: Search
    tier: low
    touchpoints:
      - id: results
        name: Results
        paths:
          - src/search/
`;

interface ImpactJson {
  base: string;
  head: string;
  changedFiles: string[];
  journeys: { id: string; tier: string; map: string; touchpoints: { id: string; files: string[] }[] }[];
  unmappedFiles: string[];
  mapChanges?: { map: string; journey: string; touchpoint: string; added: string[]; removed: string[] }[];
}

function impactJson(repo: TestRepo, args: string[]): ImpactJson {
  const result = repo.cli(['impact', '--format', 'json', ...args]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as ImpactJson;
}

/** One reason on stderr, nothing on stdout, exit 2. */
function assertUsageFailure(result: { code: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(result.code, 2, `stdout: ${result.stdout}\nstderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^cx-impact: [^\n]+\n$/);
  assert.match(result.stderr, pattern);
}

function baseRepo(): TestRepo {
  const repo = TestRepo.create({
    'cx-map.yaml': MAP,
    'src/payments/charge.ts': 'export const charge = 1;\n',
    'src/payments/refund.ts': 'export const refund = 1;\n',
    'src/payments/charge.test.ts': 'test;\n',
    'src/search/index.ts': 'export const search = 1;\n',
    'docs/readme.md': '# docs\n',
  });
  repo.commit('initial');
  return repo;
}

describe('cx-impact (the built CLI against real git repositories)', function () {
  this.timeout(60_000);
  before(() => cliBundle());
  after(() => removeScratch());

  describe('impact', () => {
    it('counts committed, staged, unstaged and untracked changes, renames under both paths, deletions under the old', () => {
      const repo = baseRepo();
      const base = repo.git('rev-parse', 'HEAD').trim();
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({ 'src/search/index.ts': 'export const search = 2;\n' });
      repo.commit('committed change');
      repo.git('mv', 'src/payments/refund.ts', 'docs/refund.ts'); // staged rename out of the touchpoint
      repo.git('rm', '-q', 'src/payments/charge.test.ts'); // staged deletion, excluded by the negation
      repo.write({ 'docs/readme.md': '# docs, edited\n' }); // unstaged
      repo.write({ 'src/payments/new.ts': 'new\n' }); // untracked

      const report = impactJson(repo, ['--base', 'main']);
      assert.equal(report.base, base);
      assert.equal(report.head, 'WORKTREE');
      assert.deepEqual(report.changedFiles, [
        'docs/readme.md',
        'docs/refund.ts',
        'src/payments/charge.test.ts',
        'src/payments/new.ts',
        'src/payments/refund.ts',
        'src/search/index.ts',
      ]);
      assert.deepEqual(
        report.journeys.map((j) => [j.id, j.tier, j.map, j.touchpoints.map((t) => [t.id, t.files])]),
        [
          ['checkout', 'critical', 'cx-map.yaml', [['pay', ['src/payments/new.ts', 'src/payments/refund.ts']]]],
          ['search', 'low', 'cx-map.yaml', [['results', ['src/search/index.ts']]]],
        ],
      );
      assert.deepEqual(report.unmappedFiles, ['docs/readme.md', 'docs/refund.ts', 'src/payments/charge.test.ts']);
      assert.equal(report.mapChanges, undefined);
    });

    it('--head compares commits from the merge-base (BASE...HEAD) and ignores the working tree', () => {
      const repo = baseRepo();
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({ 'src/search/index.ts': 'changed\n' });
      const head = repo.commit('feature work');
      repo.git('switch', '-q', 'main');
      repo.write({ 'src/payments/charge.ts': 'main moved on\n' });
      repo.commit('main work'); // after the merge-base: not part of the change
      repo.write({ 'docs/readme.md': 'uncommitted\n' });

      const report = impactJson(repo, ['--base', 'main', '--head', 'feature']);
      assert.equal(report.head, head);
      assert.deepEqual(report.changedFiles, ['src/search/index.ts']);
    });

    it('reports map changes: the files each touchpoint gained or lost by the map edit', () => {
      const repo = baseRepo();
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({
        'cx-map.yaml': MAP.replace('          - src/search/\n', '          - src/search/\n          - docs/\n'),
      });
      const report = impactJson(repo, ['--base', 'main']);
      assert.deepEqual(report.mapChanges, [
        { map: 'cx-map.yaml', journey: 'search', touchpoint: 'results', added: ['docs/readme.md'], removed: [] },
      ]);
    });

    it('lists an edited map under mapChanges and not among the unmapped files, in JSON and in text', () => {
      const repo = baseRepo();
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({
        'cx-map.yaml': MAP.replace('          - src/search/\n', '          - src/search/\n          - docs/\n'),
        'notes/todo.txt': 'uncovered\n',
      });
      const report = impactJson(repo, ['--base', 'main']);
      assert.ok(report.changedFiles.includes('cx-map.yaml'));
      assert.deepEqual(report.unmappedFiles, ['notes/todo.txt']);
      assert.equal(report.mapChanges?.length, 1);
      const text = repo.cli(['impact', '--base', 'main']).stdout;
      const unmapped = text.slice(text.indexOf('In no map (1)'));
      assert.match(unmapped, /^In no map \(1\)\n {2}notes\/todo\.txt/, text);
      assert.doesNotMatch(unmapped.split(/\n\s*\n/)[0] ?? '', /cx-map\.yaml/, text);
      // With --map, that file is the one map.
      const explicit = impactJson(repo, ['--base', 'main', '--map', 'cx-map.yaml']);
      assert.deepEqual(explicit.unmappedFiles, ['notes/todo.txt']);
    });

    it('still reports with a broken map, and says how many errors it has', () => {
      const repo = baseRepo();
      repo.write({ 'cx-map.yaml': MAP.replace('tier: low', 'tier: lowest'), 'src/payments/charge.ts': 'changed\n' });
      const report = impactJson(repo, ['--base', 'HEAD']) as ImpactJson & { mapErrors?: number };
      assert.equal(report.mapErrors, 1);
      assert.deepEqual(
        report.journeys.map((j) => j.id),
        ['checkout'],
      );
      assert.match(repo.cli(['impact', '--base', 'HEAD']).stdout, /The journey maps have 1 error/);
      assert.equal(
        (impactJson(baseRepo(), ['--base', 'HEAD']) as ImpactJson & { mapErrors?: number }).mapErrors,
        undefined,
      );
    });

    describe('base defaults', () => {
      it('without upstream or origin/HEAD: HEAD, so only the working tree counts', () => {
        const repo = baseRepo();
        repo.git('switch', '-q', '-c', 'feature');
        repo.write({ 'src/search/index.ts': 'committed on feature\n' });
        const head = repo.commit('feature');
        repo.write({ 'docs/readme.md': 'edited\n' });
        const report = impactJson(repo, []);
        assert.equal(report.base, head);
        assert.deepEqual(report.changedFiles, ['docs/readme.md']);
      });

      it('origin/HEAD when there is no upstream', () => {
        const repo = baseRepo();
        const main = repo.git('rev-parse', 'HEAD').trim();
        repo.git('update-ref', 'refs/remotes/origin/main', main);
        repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
        repo.git('switch', '-q', '-c', 'feature');
        repo.write({ 'src/search/index.ts': 'committed on feature\n' });
        repo.commit('feature');
        const report = impactJson(repo, []);
        assert.equal(report.base, main);
        assert.deepEqual(report.changedFiles, ['src/search/index.ts']);
      });

      it("the current branch's upstream first", () => {
        const repo = baseRepo();
        const main = repo.git('rev-parse', 'HEAD').trim();
        repo.write({ 'src/payments/charge.ts': 'later on main\n' });
        const later = repo.commit('later');
        repo.git('update-ref', 'refs/remotes/origin/main', main); // origin/HEAD would say `main`
        repo.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
        repo.git('switch', '-q', '-c', 'feature');
        repo.git('branch', '-q', '--set-upstream-to=main');
        repo.write({ 'src/search/index.ts': 'feature\n' });
        repo.commit('feature');
        const report = impactJson(repo, []);
        assert.equal(report.base, later);
        assert.deepEqual(report.changedFiles, ['src/search/index.ts']);
      });
    });

    it('--fail-on critical exits 1 when a critical journey is touched and 0 when not, printing the report either way', () => {
      const repo = baseRepo();
      repo.write({ 'src/search/index.ts': 'low only\n' });
      const low = repo.cli(['impact', '--fail-on', 'critical']);
      assert.equal(low.code, 0, low.stderr);
      assert.match(low.stdout, /Search/);
      assert.equal(repo.cli(['impact', '--fail-on', 'low']).code, 1);

      repo.write({ 'src/payments/charge.ts': 'critical\n' });
      const critical = repo.cli(['impact', '--fail-on', 'critical']);
      assert.equal(critical.code, 1);
      assert.match(critical.stdout, /CRITICAL Checkout/);
      assert.equal(critical.stderr, '');
    });

    it('refuses refs that start with "-" before git sees them', () => {
      const repo = baseRepo();
      const outside = path.join(scratchDir(), 'written-by-git');
      for (const args of [
        ['impact', `--base=--output=${outside}`],
        ['impact', '--base', 'main', `--head=--output=${outside}`],
      ]) {
        assertUsageFailure(repo.cli(args), /may not start with "-"/);
      }
      assert.equal(existsSync(outside), false);
    });

    it('never runs a diff driver or textconv filter the repository configures', () => {
      const repo = baseRepo();
      const marker = path.join(repo.dir, '..', `${path.basename(repo.dir)}-driver-ran`);
      const driver = path.join(scratchDir(), 'driver.sh');
      writeFileSync(driver, `#!/bin/sh\necho ran >> "${marker}"\ncat "$1" 2>/dev/null\n`);
      chmodSync(driver, 0o755);
      repo.git('config', 'diff.external', driver);
      repo.git('config', 'diff.evil.textconv', driver);
      repo.write({ '.gitattributes': '* diff=evil\n' });
      repo.commit('attributes');
      repo.write({ 'src/payments/charge.ts': 'changed\n' });

      // The trap works: a plain git diff runs the driver.
      repo.git('diff', 'HEAD');
      assert.equal(existsSync(marker), true, 'the driver should run for a plain git diff');
      const before = statSync(marker).size;

      const report = impactJson(repo, ['--base', 'HEAD']);
      assert.deepEqual(report.changedFiles, ['src/payments/charge.ts']);
      assert.equal(repo.cli(['impact', '--base', 'HEAD', '--format', 'markdown']).code, 0);
      assert.equal(statSync(marker).size, before, 'cx-impact ran the diff driver');
    });

    it('keeps non-ASCII, spaced and quoted file names as they are', () => {
      const repo = baseRepo();
      const names = ['src/payments/café façade.ts', 'src/search/"quoted" name.ts', 'docs/日本語.md'];
      repo.write(Object.fromEntries(names.map((n) => [n, 'x\n'])));
      const report = impactJson(repo, ['--base', 'HEAD']);
      assert.deepEqual(report.changedFiles, [...names].sort());
      assert.deepEqual(report.unmappedFiles, ['docs/日本語.md']);
    });

    it('discovers every map, skipping node_modules and ignored folders', () => {
      const pkgMap = MAP.replace('id: checkout', 'id: pkg-checkout');
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'packages/web/cx-map.yml': pkgMap,
        'node_modules/dep/cx-map.yaml': pkgMap.replace('pkg-checkout', 'from-node-modules'),
        'build/cx-map.yaml': pkgMap.replace('pkg-checkout', 'from-build'),
        '.gitignore': 'build/\n',
      });
      repo.commit('maps');
      repo.write({ 'packages/web/src/payments/pay.ts': 'x\n' });
      const report = impactJson(repo, ['--base', 'HEAD']);
      assert.deepEqual(
        report.journeys.map((j) => `${j.map}#${j.id}`),
        ['packages/web/cx-map.yml#pkg-checkout'],
      );
      const coverage = JSON.parse(repo.cli(['coverage', '--format', 'json']).stdout) as { patterns: { map: string }[] };
      assert.deepEqual([...new Set(coverage.patterns.map((p) => p.map))], ['cx-map.yaml', 'packages/web/cx-map.yml']);
      // --map uses that one map only, relative to the current folder.
      repo.write({ 'src/payments/root.ts': 'x\n' });
      const only = impactJson(repo, ['--base', 'HEAD', '--map', 'cx-map.yml', '--cwd', 'packages/web']);
      assert.deepEqual(
        only.journeys.map((j) => `${j.map}#${j.id}`),
        ['packages/web/cx-map.yml#pkg-checkout'],
      );
      assert.ok(only.unmappedFiles.includes('src/payments/root.ts'));
    });

    it('says so when git is missing', () => {
      const repo = baseRepo();
      assertUsageFailure(repo.cli(['impact'], { env: { PATH: scratchDir() } }), /git was not found/);
    });

    it('does not write to the repository', () => {
      const repo = baseRepo();
      repo.write({ 'src/payments/charge.ts': 'changed\n', 'new.txt': 'x\n' });
      const git = path.join(repo.dir, '.git');
      const snapshot = () =>
        readdirSync(git, { recursive: true })
          .map((f) => `${String(f)}:${statSync(path.join(git, String(f))).mtimeMs}`)
          .sort();
      // git status itself refreshes the index, so it runs before the snapshot.
      const status = repo.git('status', '--porcelain');
      const before = snapshot();
      assert.equal(repo.cli(['impact', '--format', 'json']).code, 0);
      assert.equal(repo.cli(['coverage']).code, 0);
      assert.deepEqual(snapshot(), before);
      assert.equal(repo.git('status', '--porcelain'), status);
    });

    it('fails with one line: not a repository, unknown ref, shallow clone without the merge-base', () => {
      const plain = scratchDir();
      assertUsageFailure(runCli(['impact'], { cwd: plain }), /not a git repository/);

      assertUsageFailure(TestRepo.create({ 'a.txt': 'x' }).cli(['impact']), /no commits yet/);
      const repo = baseRepo();
      assertUsageFailure(repo.cli(['impact', '--base', 'no-such-branch']), /unknown ref "no-such-branch"/);

      repo.git('switch', '-q', '-c', 'feature');
      repo.write({ 'src/search/index.ts': 'one\n' });
      repo.commit('one');
      repo.write({ 'src/search/index.ts': 'two\n' });
      repo.commit('two');
      const clone = scratchDir();
      repo.git('clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo.dir}`, clone);
      const shallow = new TestRepo(clone);
      shallow.git('switch', '-q', 'feature');
      assertUsageFailure(shallow.cli(['impact', '--base', 'origin/main']), /shallow/);
    });
  });

  describe('check', () => {
    it('prints file:line:col severity code message, 1-based, and exits 1 on errors', () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP.replace('tier: low', 'tier: lowest').replace('    owner:', '    ownr:'),
      });
      const result = repo.cli(['check']);
      assert.equal(result.code, 1, result.stderr);
      const lines = result.stdout.trimEnd().split('\n');
      assert.ok(
        lines.every((l) => /^cx-map\.yaml:\d+:\d+ (error|warning|info) [a-z-]+ .+$/.test(l)),
        result.stdout,
      );
      // `tier: lowest` is on line 16, its value at column 11; `ownr` on line 6, column 5.
      assert.ok(
        lines.some((l) => l.startsWith('cx-map.yaml:16:11 error ')),
        result.stdout,
      );
      assert.ok(
        lines.some((l) => l.startsWith('cx-map.yaml:6:5 warning ')),
        result.stdout,
      );
    });

    it('exits 0 on a valid map, checks --map files (repeatable) and shows them as given', () => {
      const repo = TestRepo.create({ 'cx-map.yaml': MAP, 'pkg/cx-map.yml': 'version: 2\njourneys: []\n' });
      const valid = repo.cli(['check', '--map', 'cx-map.yaml']);
      assert.deepEqual([valid.code, valid.stdout, valid.stderr], [0, '', '']);
      const both = repo.cli(['check', '--map', 'cx-map.yaml', '--map', 'pkg/cx-map.yml']);
      assert.equal(both.code, 1);
      assert.match(both.stdout, /^pkg\/cx-map\.yml:1:\d+ error /m);
      const discovered = repo.cli(['check']);
      assert.equal(discovered.code, 1);
      assert.match(discovered.stdout, /^pkg\/cx-map\.yml:/m);
    });

    it('a map that cannot be read is exit 2 with one line', () => {
      const repo = TestRepo.create({ 'cx-map.yaml': MAP });
      assertUsageFailure(repo.cli(['check', '--map', 'missing.yaml']), /cannot read map missing\.yaml/);
      assertUsageFailure(repo.cli(['explain', 'src/a.ts', '--map', 'missing.yaml']), /cannot read map missing\.yaml/);
    });
  });

  describe('explain', () => {
    it('names the touchpoints and the deciding pattern with its line', () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP.replace('  - id: search', `          - src/payments/keep.test.ts\n  - id: search`),
      });
      const json = repo.cli([
        'explain',
        'src/payments/keep.test.ts',
        'src/payments/other.test.ts',
        'src/search/a/b.ts',
        '--format',
        'json',
      ]);
      assert.equal(json.code, 0, json.stderr);
      const entries = JSON.parse(json.stdout) as { path: string; touchpoints: Record<string, unknown>[] }[];
      assert.deepEqual(
        entries.map((e) => [e.path, e.touchpoints.map((t) => [t.journey, t.touchpoint, t.map, t.pattern, t.line])]),
        [
          ['src/payments/keep.test.ts', [['checkout', 'pay', 'cx-map.yaml', 'src/payments/keep.test.ts', 14]]],
          ['src/payments/other.test.ts', []],
          ['src/search/a/b.ts', [['search', 'results', 'cx-map.yaml', 'src/search/', 22]]],
        ],
      );
      const text = repo.cli(['explain', 'src/search/x.ts']);
      assert.match(text.stdout, /decided by src\/search\/ at cx-map\.yaml:22/);
    });

    it('works through a symbolic link to the repository', () => {
      const repo = TestRepo.create({ 'cx-map.yaml': MAP });
      const link = path.join(scratchDir(), 'link');
      symlinkSync(repo.dir, link);
      const result = runCli(['explain', '--cwd', link, 'src/search/x.ts', '--format', 'json'], { cwd: scratchDir() });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /"touchpoint": "results"/);
    });

    it('takes paths relative to --cwd, and works outside git', () => {
      const dir = scratchDir();
      writeFileSync(path.join(dir, 'cx-map.yaml'), MAP);
      const result = runCli(['explain', '--cwd', dir, path.join(dir, 'src/payments/x.ts')], { cwd: scratchDir() });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^src\/payments\/x\.ts: 1 touchpoint$/m);
    });
  });

  describe('coverage', () => {
    it('JSON has totalFiles, coveredFiles, uncoveredFiles and per-pattern counts', () => {
      const repo = baseRepo();
      repo.write({ 'untracked.txt': 'x\n', '.gitignore': 'ignored.log\n', 'ignored.log': 'x\n' });
      const result = repo.cli(['coverage', '--format', 'json']);
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as {
        totalFiles: number;
        coveredFiles: number;
        uncoveredFiles: string[];
        patterns: { map: string; journey: string; touchpoint: string; pattern: string; line: number; files: number }[];
      };
      assert.equal(report.totalFiles, 7); // the map itself and ignored.log are not counted
      assert.equal(report.coveredFiles, 3);
      assert.deepEqual(report.uncoveredFiles, [
        '.gitignore',
        'docs/readme.md',
        'src/payments/charge.test.ts',
        'untracked.txt',
      ]);
      assert.deepEqual(
        report.patterns.map((p) => [p.map, p.journey, p.touchpoint, p.pattern, p.line, p.files]),
        [
          ['cx-map.yaml', 'checkout', 'pay', 'src/payments/**', 12, 3],
          ['cx-map.yaml', 'checkout', 'pay', '!src/payments/**/*.test.ts', 13, 1],
          ['cx-map.yaml', 'search', 'results', 'src/search/', 21, 1],
        ],
      );
    });

    it('--files-from - reads stdin; with --map the paths are relative to the map folder', () => {
      const repo = TestRepo.create({ 'pkg/cx-map.yaml': MAP });
      const result = repo.cli(['coverage', '--map', 'pkg/cx-map.yaml', '--files-from', '-', '--format', 'json'], {
        input: 'src/search/a.ts\n./src/payments/b.ts\nREADME.md\n',
      });
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as {
        totalFiles: number;
        coveredFiles: number;
        uncoveredFiles: string[];
      };
      assert.deepEqual([report.totalFiles, report.coveredFiles, report.uncoveredFiles], [3, 2, ['pkg/README.md']]);
    });
  });

  describe('usage', () => {
    it('--help and --version', () => {
      const dir = scratchDir();
      const help = runCli(['--help'], { cwd: dir });
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: cx-impact <command>/);
      const impactHelp = runCli(['impact', '--help'], { cwd: dir });
      assert.match(impactHelp.stdout, /--fail-on TIER/);
      const version = runCli(['--version'], { cwd: dir });
      assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    });

    it('bad usage is exit 2 with one line on stderr', () => {
      const repo = baseRepo();
      const cases: [string[], RegExp][] = [
        [[], /a command is needed/],
        [['deploy'], /unknown command "deploy"/],
        [['impact', '--frobnicate'], /frobnicate/],
        [['impact', '--format', 'xml'], /--format must be text, markdown, json/],
        [['explain', 'a.ts', '--format', 'markdown'], /--format must be text, json/],
        [['check', '--base', 'main'], /check does not take --base/],
        [['impact', '--fail-on', 'severe'], /--fail-on must be one of critical, high, medium, low/],
        [['explain'], /explain needs at least one PATH/],
        [['coverage', 'extra'], /takes no arguments/],
        [['impact', '--map', 'a.yaml', '--map', 'b.yaml'], /takes one --map/],
        [['coverage', '--files-from', 'nope.txt'], /cannot read --files-from/],
        [['check', '--cwd', 'no/such/folder'], /--cwd .*no\/such\/folder is not a folder/],
      ];
      for (const [args, pattern] of cases) assertUsageFailure(repo.cli(args), pattern);
    });
  });
});

describe('cx-impact colour', () => {
  async function capture(env: Record<string, string>, isTTY: boolean): Promise<string> {
    const dir = scratchDir();
    writeFileSync(path.join(dir, 'cx-map.yaml'), MAP);
    let out = '';
    const io: CliIo = {
      cwd: dir,
      env,
      stdout: { write: (t: string) => (out += t), isTTY },
      stderr: { write: () => true },
      readStdin: () => Promise.resolve(''),
      version: '0.0.0',
    };
    assert.equal(await run(['explain', 'src/payments/a.ts'], io), 0);
    return out;
  }
  after(() => removeScratch());

  it('only on a TTY, and never with NO_COLOR', async () => {
    assert.ok((await capture({}, true)).includes('\u001b['));
    assert.ok(!(await capture({}, false)).includes('\u001b['));
    assert.ok(!(await capture({ NO_COLOR: '1' }, true)).includes('\u001b['));
  });
});
