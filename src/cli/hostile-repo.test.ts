// Hostile repositories and failing tools (issue #8), against the built CLI: odd refs and file names, symbolic link
// loops, repository configuration that names programs, git missing, and the repository states CI meets. Each case
// gets a right answer or one line on stderr with exit 2, never a stack trace, and leaves the repository as it was.
import * as assert from 'node:assert/strict';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import { TestRepo, cliBundle, removeScratch, runCli, scratchDir, type CliResult } from '../node/test-repo';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay
        paths:
          - src/payments/**
`;

interface ImpactJson {
  base: string;
  head: string;
  changedFiles: string[];
  journeys: { id: string; touchpoints: { id: string; files: string[] }[] }[];
  unmappedFiles: string[];
}

function baseRepo(): TestRepo {
  const repo = TestRepo.create({
    'cx-map.yaml': MAP,
    'src/payments/charge.ts': 'charge\n',
    'docs/readme.md': '# docs\n',
  });
  repo.commit('initial');
  return repo;
}

/** Never a stack trace, whatever the exit code. */
function assertNoTrace(result: CliResult): void {
  assert.doesNotMatch(result.stderr, /\n\s+at |internal error|Error:/, result.stderr);
}

/** One line on stderr naming the reason, nothing on stdout, exit 2. */
function assertFailure(result: CliResult, reason: RegExp): void {
  assert.equal(result.code, 2, `stdout: ${result.stdout}\nstderr: ${result.stderr}`);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^cx-impact: [^\n]+\n$/);
  assert.match(result.stderr, reason);
  assertNoTrace(result);
}

function impactJson(repo: TestRepo, args: string[]): ImpactJson {
  const result = repo.cli(['impact', '--format', 'json', ...args]);
  assert.equal(result.code, 0, result.stderr);
  assertNoTrace(result);
  return JSON.parse(result.stdout) as ImpactJson;
}

/** Every entry under `dir` (the .git folder included), with its size and modification time; links not followed. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((entry) => {
      const stat = lstatSync(path.join(dir, entry));
      return `${entry} ${stat.mode} ${stat.size} ${stat.mtimeMs}`;
    });
}

/** Runs the commands and proves they changed nothing in the repository: status (ignored files too) and every file. */
function leavesUntouched(repo: TestRepo, run: () => void): void {
  // git status refreshes the index itself, so it runs before the snapshot.
  const status = (): string => repo.git('-c', 'core.fsmonitor=false', 'status', '--porcelain', '--ignored');
  const statusBefore = status();
  const before = tree(repo.dir);
  run();
  assert.deepEqual(tree(repo.dir), before, 'the CLI wrote into the repository');
  assert.equal(status(), statusBefore);
}

/** A program that leaves a marker file outside the repository when it runs. */
function trap(name: string, filter = false): { program: string; ran: () => boolean; count: () => number } {
  const dir = scratchDir('cx-impact-trap-');
  const marker = path.join(dir, `${name}-ran`);
  const program = path.join(dir, `${name}.sh`);
  // Only a filter reads its input: a hook that waited on stdin would hang the command that runs it.
  writeFileSync(program, `#!/bin/sh\necho ran >> "${marker}"\n${filter ? 'cat\n' : ''}`);
  chmodSync(program, 0o755);
  const count = (): number => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').length - 1 : 0);
  return { program, ran: () => count() > 0, count };
}

describe('cx-impact in hostile repositories and failing tools', function () {
  this.timeout(120_000);
  before(() => cliBundle());
  after(() => removeScratch());

  describe('odd refs', () => {
    it('takes branch names with quotes, unicode and thousands of characters; refuses ones git would read as options', () => {
      const repo = baseRepo();
      const long = `quo'te"s/ünï-${Array.from({ length: 12 }, (_, i) => `${i}${'x'.repeat(240)}`).join('/')}`;
      assert.ok(long.length > 2900);
      repo.git('branch', long);
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({ 'src/payments/refund.ts': 'refund\n' });
      repo.commit('feature');
      leavesUntouched(repo, () => {
        const report = impactJson(repo, ['--base', long, '--head', 'feature']);
        assert.deepEqual(report.changedFiles, ['src/payments/refund.ts']);
        assert.equal(impactJson(repo, ['--base', 'HEAD~1']).changedFiles.length, 1);
        for (const bad of ['-', '--output=x', '-p', '--upload-pack=touch x']) {
          assertFailure(repo.cli(['impact', `--base=${bad}`]), /may not start with "-"/);
          assertFailure(repo.cli(['impact', '--base', 'main', `--head=${bad}`]), /may not start with "-"/);
        }
        assertFailure(repo.cli(['impact', '--base', 'no\nsuch\nref']), /unknown ref "no such ref"/);
        assertFailure(repo.cli(['impact', '--base', 'x'.repeat(5000)]), /unknown ref/);
        assertFailure(repo.cli(['impact', '--base', 'main', '--head', '$(touch pwned)']), /unknown ref/);
      });
      assert.equal(existsSync(path.join(repo.dir, 'x')), false);
      assert.equal(existsSync(path.join(repo.dir, 'pwned')), false);
    });
  });

  describe('odd file names', () => {
    it('keeps names that start with -, hold newlines, quotes, tabs, backslashes, unicode or thousands of characters', () => {
      const repo = baseRepo();
      const deep = `src/payments/${Array.from({ length: 12 }, (_, i) => `${i}${'d'.repeat(200)}`).join('/')}/x.ts`;
      const names = [
        '-rf.ts',
        '--output=x.ts',
        'src/payments/-n.ts',
        'src/payments/new\nline.ts',
        'docs/"quoted" \'both\'.md',
        'docs/tab\there.md',
        'docs/back\\slash.md',
        'docs/ünï 日本.md',
        '\u202eevil.md',
        deep,
      ];
      assert.ok(deep.length > 2400);
      repo.write(Object.fromEntries(names.map((n) => [n, 'x\n'])));
      leavesUntouched(repo, () => {
        const report = impactJson(repo, ['--base', 'HEAD']);
        assert.deepEqual(report.changedFiles, [...names].sort());
        assert.deepEqual(
          report.journeys[0]?.touchpoints[0]?.files,
          [deep, 'src/payments/-n.ts', 'src/payments/new\nline.ts'].sort(),
        );

        // Committed, they come back from git diff (not only from ls-files) the same way.
        const text = repo.cli(['impact', '--base', 'HEAD']);
        assert.equal(text.code, 0);
        assert.match(text.stdout, /src\/payments\/new\\x0aline\.ts/);
        assert.match(text.stdout, /\\u202eevil\.md/);
        const markdown = repo.cli(['impact', '--base', 'HEAD', '--format', 'markdown']);
        assert.equal(markdown.code, 0);

        const explain = repo.cli(['explain', '--format', 'json', '--', '-rf.ts', 'src/payments/-n.ts', deep]);
        assert.equal(explain.code, 0, explain.stderr);
        const entries = JSON.parse(explain.stdout) as { path: string; touchpoints: unknown[] }[];
        assert.deepEqual(
          entries.map((e) => [e.path, e.touchpoints.length]),
          [
            ['-rf.ts', 0],
            ['src/payments/-n.ts', 1],
            [deep, 1],
          ],
        );

        const coverage = repo.cli(['coverage', '--format', 'json']);
        assert.equal(coverage.code, 0, coverage.stderr);
        assert.ok(
          (JSON.parse(coverage.stdout) as { uncoveredFiles: string[] }).uncoveredFiles.includes('docs/tab\there.md'),
        );
      });
      repo.commit('odd names');
      repo.git('switch', '-q', '-c', 'feature');
      repo.write(Object.fromEntries(names.map((n) => [n, 'y\n'])));
      repo.commit('edit them');
      assert.deepEqual(impactJson(repo, ['--base', 'main', '--head', 'feature']).changedFiles, [...names].sort());
    });
  });

  describe('symbolic links', () => {
    it('a link loop in the tree is listed, never followed, with and without git', () => {
      const repo = baseRepo();
      symlinkSync('.', path.join(repo.dir, 'loop'));
      mkdirSync(path.join(repo.dir, 'src/payments/a'));
      symlinkSync('../a', path.join(repo.dir, 'src/payments/a/up'));
      symlinkSync('ping', path.join(repo.dir, 'pong'));
      symlinkSync('pong', path.join(repo.dir, 'ping'));
      leavesUntouched(repo, () => {
        const report = impactJson(repo, ['--base', 'HEAD']);
        assert.deepEqual(report.changedFiles, ['loop', 'ping', 'pong', 'src/payments/a/up']);
        for (const command of [['coverage'], ['check'], ['explain', 'loop/loop/x']]) {
          const result = repo.cli(command);
          assert.equal(result.code, 0, result.stderr);
        }
      });
      // Outside git, the folder walk does not follow links either.
      const plain = scratchDir();
      writeFileSync(path.join(plain, 'cx-map.yaml'), MAP);
      symlinkSync('.', path.join(plain, 'loop'));
      symlinkSync(plain, path.join(plain, 'abs-loop'));
      const coverage = runCli(['coverage', '--format', 'json'], { cwd: plain });
      assert.equal(coverage.code, 0, coverage.stderr);
      assert.deepEqual((JSON.parse(coverage.stdout) as { totalFiles: number }).totalFiles, 0);
    });

    it('a map that links out of the repository is not read (it could print a secret file into CI logs)', () => {
      const secretDir = scratchDir('cx-impact-secret-');
      const secret = path.join(secretDir, 'credentials');
      writeFileSync(secret, 'TOKEN=hunter2-very-secret\n');
      const repo = TestRepo.create({ 'src/a.ts': 'a\n' });
      symlinkSync(secret, path.join(repo.dir, 'cx-map.yaml'));
      mkdirSync(path.join(repo.dir, 'pkg'));
      symlinkSync('../cx-map.yaml', path.join(repo.dir, 'pkg', 'cx-map.yml'));
      repo.commit('linked maps');
      repo.write({ 'src/a.ts': 'b\n' });
      leavesUntouched(repo, () => {
        for (const command of [['check'], ['impact', '--base', 'HEAD'], ['coverage'], ['explain', 'src/a.ts']]) {
          const result = repo.cli(command);
          assertFailure(result, /cx-map\.yaml.*symbolic link.*outside the repository/);
          assert.doesNotMatch(result.stderr + result.stdout, /hunter2/);
        }
      });
      // Named by the user with --map, it is read: that is the user's own choice.
      const explicit = repo.cli(['check', '--map', secret]);
      assert.equal(explicit.code, 1);
    });
  });

  describe('repository configuration that names programs', () => {
    it('never runs diff.external, a textconv driver, a clean filter or core.fsmonitor that the repository configures', () => {
      const repo = baseRepo();
      const external = trap('external');
      const textconv = trap('textconv');
      const fsmonitor = trap('fsmonitor');
      const clean = trap('clean', true);
      repo.git('config', 'diff.external', external.program);
      repo.git('config', 'diff.evil.textconv', textconv.program);
      repo.git('config', 'filter.ev.il.clean', clean.program);
      repo.write({ '.gitattributes': '* diff=evil\n*.ts filter=ev.il\n' });
      repo.commit('attributes');
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({ 'src/payments/charge.ts': 'committed\n' });
      repo.commit('feature');
      repo.write({
        'src/payments/charge.ts': 'changed\n',
        'cx-map.yaml': `${MAP}      - id: more\n        name: More\n        paths: [docs/**]\n`,
      });
      // Set last: git itself would run it for the commits above.
      repo.git('config', 'core.fsmonitor', fsmonitor.program);
      const traps = [external, textconv, fsmonitor];

      // The traps work: plain git runs each of them.
      repo.git('-c', 'core.fsmonitor=false', 'diff', 'HEAD');
      repo.git('-c', 'core.fsmonitor=false', 'diff', '--no-ext-diff', 'HEAD');
      repo.git('status', '--porcelain');
      for (const [name, t] of [
        ['external', external],
        ['textconv', textconv],
        ['fsmonitor', fsmonitor],
        ['clean', clean],
      ] as const)
        assert.ok(t.ran(), `${name} should run for plain git`);
      // A stat-only change makes git diff hash the file again, through the clean filter.
      repo.write({ 'src/payments/charge.ts': 'changed\n' });
      traps.push(clean);
      let before: number[] = [];
      leavesUntouched(repo, () => {
        before = traps.map((t) => t.count());
        for (const command of [
          ['impact', '--base', 'main'],
          ['impact', '--base', 'main', '--format', 'markdown'],
          ['impact', '--base', 'main', '--head', 'feature', '--format', 'json'],
          ['coverage'],
          ['check'],
          ['explain', 'src/payments/charge.ts'],
        ]) {
          const result = repo.cli(command);
          assert.equal(result.code, 0, `${command.join(' ')}: ${result.stderr}`);
        }
        assert.deepEqual(
          traps.map((t) => t.count()),
          before,
          'cx-impact ran a program the repository configures (external, textconv, fsmonitor, clean)',
        );
      });
    });
  });

  describe('failing tools and repository states', () => {
    it('git missing: impact says so in one line; the other commands walk the folder', () => {
      const repo = baseRepo();
      const noGit = { PATH: scratchDir() };
      assertFailure(repo.cli(['impact'], { env: noGit }), /git was not found/);
      for (const command of [['check'], ['coverage'], ['explain', 'src/payments/charge.ts']]) {
        const result = repo.cli(command, { env: noGit });
        assert.equal(result.code, 0, `${command.join(' ')}: ${result.stderr}`);
      }
    });

    it('not a repository, a bare repository, an empty repository: one line each', () => {
      assertFailure(runCli(['impact'], { cwd: scratchDir() }), /not a git repository/);
      const bare = scratchDir();
      new TestRepo(bare).git('init', '-q', '--bare');
      assertFailure(runCli(['impact'], { cwd: bare }), /bare repository/);
      const empty = TestRepo.create({ 'cx-map.yaml': MAP });
      leavesUntouched(empty, () => {
        assertFailure(empty.cli(['impact']), /no commits yet/);
        assertFailure(empty.cli(['impact', '--base', 'main']), /no commits yet|unknown ref "main"/);
        assert.equal(empty.cli(['coverage']).code, 0);
      });
    });

    it('a shallow clone whose base is not fetched: one line that says how to fetch it', () => {
      const repo = baseRepo();
      repo.git('switch', '-q', '-c', 'feature');
      for (const n of [1, 2]) {
        repo.write({ 'src/payments/charge.ts': `${n}\n` });
        repo.commit(`feature ${n}`);
      }
      const clone = scratchDir();
      repo.git('clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo.dir}`, clone);
      const shallow = new TestRepo(clone);
      shallow.git('switch', '-q', 'feature');
      leavesUntouched(shallow, () => {
        assertFailure(shallow.cli(['impact', '--base', 'origin/main']), /shallow.*fetch/);
        assertFailure(shallow.cli(['impact', '--base', 'origin/no-such']), /unknown ref/);
      });
    });

    it('a detached HEAD still compares against a given base (and HEAD without one)', () => {
      const repo = baseRepo();
      repo.write({ 'src/payments/refund.ts': 'r\n' });
      const head = repo.commit('second');
      repo.git('switch', '-q', '--detach', 'HEAD');
      repo.write({ 'docs/readme.md': 'edited\n' });
      leavesUntouched(repo, () => {
        const report = impactJson(repo, ['--base', 'main~1']);
        assert.deepEqual(report.changedFiles, ['docs/readme.md', 'src/payments/refund.ts']);
        assert.deepEqual(impactJson(repo, ['--base', 'main~1', '--head', 'HEAD']).head, head);
        assert.deepEqual(impactJson(repo, []).changedFiles, ['docs/readme.md']);
      });
    });

    it('a merge in progress (with a conflict) is a legitimate state: impact answers', () => {
      const repo = baseRepo();
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({ 'src/payments/charge.ts': 'feature\n' });
      repo.commit('feature');
      repo.git('switch', '-q', 'main');
      repo.write({ 'src/payments/charge.ts': 'main\n' });
      repo.commit('main');
      assert.throws(() => repo.git('merge', '-q', 'feature'));
      assert.ok(existsSync(path.join(repo.dir, '.git', 'MERGE_HEAD')));
      leavesUntouched(repo, () => {
        const report = impactJson(repo, ['--base', 'HEAD']);
        assert.deepEqual(report.changedFiles, ['src/payments/charge.ts']);
        assert.deepEqual(
          report.journeys.map((j) => j.id),
          ['checkout'],
        );
        assert.equal(repo.cli(['coverage']).code, 0);
      });
    });
  });
});
