// The 16 hostile-repository cases of issue #23, against the built CLI: what a repository, a poisoned cache or a
// user's git settings could make it do. Each proves that no program the repository names runs (a marker file), the
// repository is untouched (`git status --ignored` and every entry), the answer is right, and time and peak memory
// (max RSS of the CLI process) stay bounded. The big cases run at a size CI affords by default; CX_HOSTILE_FULL=1
// runs the sizes the issue measured (docs/security.md has both figures).
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { TestRepo, cliBundle, removeScratch, scratchDir } from '../node/test-repo';
import { leavesUntouched, measuredCli, trap, type MeasuredRun } from './hostile-support';

const FULL = process.env.CX_HOSTILE_FULL === '1';
/** The memory bound of every case (the issue's: under 1 GB); the small runs are held to a tighter one. */
const RSS_LIMIT_MB = FULL ? 1024 : 400;

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    tier: critical
    touchpoints:
      - id: pay
        name: Pay
        paths: [src/payments/**]
        symbols: [charge]
`;

function assertNoTrace(run: { stderr: string }): void {
  assert.doesNotMatch(run.stderr, /\n\s+at |internal error|RangeError|Maximum call stack/, run.stderr.slice(0, 2000));
}

function ok(run: MeasuredRun, what: string, limitMb = RSS_LIMIT_MB): void {
  assert.equal(run.timedOut, false, `${what}: still running after ${run.seconds.toFixed(0)} s`);
  assert.equal(run.code, 0, `${what}: exit ${run.code}\n${run.stderr.slice(0, 2000)}`);
  assertNoTrace(run);
  assert.ok(run.maxRssMb < limitMb, `${what}: ${run.maxRssMb} MB at peak (limit ${limitMb} MB)`);
}

function log(what: string, run: MeasuredRun): void {
  // The figures docs/security.md reports, printed for the record.
  console.log(
    `      ${what}: exit ${run.code}, ${run.seconds.toFixed(1)} s, ${run.maxRssMb} MB max RSS${run.timedOut ? ' (killed at the time limit)' : ''}`,
  );
}

interface DepsJson {
  files: { path: string; imports: { file: string }[]; importers: { file: string }[] }[];
  unresolved?: { file: string; specifier: string }[];
}

describe('hostile repositories, caches and git settings (issue #23)', function () {
  this.timeout(FULL ? 1_800_000 : 240_000);
  before(() => cliBundle());
  after(() => removeScratch());

  describe('code executed', () => {
    it('1. a submodule whose own config names a filter, a textconv, diff.external and an fsmonitor: none runs, the gitlink is a change of its path', async () => {
      const lib = TestRepo.create({ 'lib.ts': 'export const a = 1;\n', '.gitattributes': '* filter=evil diff=evil\n' });
      lib.commit('lib');
      const repo = TestRepo.create({ 'cx-map.yaml': MAP, 'src/payments/charge.ts': 'export function charge() {}\n' });
      // Named like a code file in a symbol-scoped touchpoint, so that its symbols are asked for.
      repo.git('-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', lib.dir, 'src/payments/vendor.ts');
      repo.commit('with a submodule');
      const traps = {
        clean: trap('clean', true),
        textconv: trap('textconv'),
        external: trap('external'),
        fsmonitor: trap('fsmonitor'),
      };
      const sub = path.join(repo.dir, '.git', 'modules', 'src', 'payments', 'vendor.ts');
      const subGit = (...args: string[]) => new TestRepo(sub).git('--git-dir', sub, ...args);
      subGit('config', 'filter.evil.clean', traps.clean.program);
      subGit('config', 'diff.evil.textconv', traps.textconv.program);
      subGit('config', 'diff.external', traps.external.program);
      // The parent's own config asks git to show submodule diffs in full (git then diffs inside the submodule).
      repo.git('config', 'diff.submodule', 'diff');
      repo.git('config', 'submodule.recurse', 'true');
      // A new commit in the submodule (the gitlink moves) and a dirty file in it.
      writeFileSync(path.join(repo.dir, 'src/payments/vendor.ts', 'lib.ts'), 'export const a = 2;\n');
      new TestRepo(path.join(repo.dir, 'src/payments/vendor.ts')).git(
        '-c',
        'core.fsmonitor=false',
        'commit',
        '-qam',
        'sub change',
      );
      writeFileSync(path.join(repo.dir, 'src/payments/vendor.ts', 'lib.ts'), 'export const a = 3;\n');
      subGit('config', 'core.fsmonitor', traps.fsmonitor.program);
      // The traps work: plain git in the parent runs the submodule's programs.
      repo.git('-c', 'core.fsmonitor=false', 'diff', 'HEAD');
      assert.ok(
        traps.textconv.ran() || traps.external.ran() || traps.clean.ran() || traps.fsmonitor.ran(),
        'plain git should run a submodule program',
      );
      const counts = () => Object.values(traps).map((t) => t.count());
      const before = counts();
      await leavesUntouched(repo, async () => {
        for (const args of [
          ['impact', '--base', 'HEAD', '--format', 'json'],
          ['impact', '--base', 'HEAD', '--format', 'markdown'],
          ['coverage'],
          ['check'],
        ]) {
          const run = await measuredCli(repo.dir, args);
          log(args.join(' '), run);
          ok(run, args.join(' '));
          if (args[0] === 'impact' && args.includes('json'))
            assert.deepEqual((JSON.parse(run.stdout) as { changedFiles: string[] }).changedFiles, [
              'src/payments/vendor.ts',
            ]);
        }
      });
      assert.deepEqual(counts(), before, 'cx-impact ran a program the submodule configures');
    });

    it('2. a partial clone whose config sets core.sshCommand: a missing blob is a clear error naming the fix, never a fetch', async () => {
      const origin = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': 'export function charge() {\n  return 1;\n}\n',
      });
      origin.commit('one');
      origin.write({ 'src/payments/charge.ts': 'export function charge() {\n  return 2;\n}\n' });
      origin.commit('two');
      origin.git('config', 'uploadpack.allowFilter', 'true');
      const dir = scratchDir('cx-impact-partial-');
      new TestRepo(dir).git(
        '-c',
        'protocol.file.allow=always',
        'clone',
        '-q',
        '--filter=blob:none',
        '--no-checkout',
        `file://${origin.dir}`,
        'clone',
      );
      const clone = new TestRepo(path.join(dir, 'clone'));
      clone.git('-c', 'protocol.file.allow=always', 'checkout', '-q', 'main');
      const ssh = trap('ssh');
      clone.git('config', 'remote.origin.url', 'ssh://git.example.invalid/repo.git');
      clone.git('config', 'core.sshCommand', ssh.program);
      clone.git('config', 'protocol.ssh.allow', 'always');
      await leavesUntouched(clone, async () => {
        const run = await measuredCli(clone.dir, ['impact', '--base', 'HEAD~1', '--head', 'HEAD']);
        log('impact in a partial clone', run);
        assert.equal(ssh.ran(), false, 'a lazy fetch ran core.sshCommand');
        assert.equal(run.code, 2, run.stderr);
        assert.match(run.stderr, /^cx-impact: [^\n]*partial clone[^\n]*(git diff|clone without --filter)[^\n]*\n$/);
        // Without symbols nothing is read from the blobs: the file-level answer stands.
        const files = await measuredCli(clone.dir, [
          'impact',
          '--base',
          'HEAD~1',
          '--head',
          'HEAD',
          '--symbols',
          'off',
          '--format',
          'json',
        ]);
        ok(files, 'impact --symbols off');
        assert.deepEqual((JSON.parse(files.stdout) as { changedFiles: string[] }).changedFiles, [
          'src/payments/charge.ts',
        ]);
      });
      assert.equal(ssh.ran(), false);
    });
  });

  describe('crashes and hangs', () => {
    it("3. a change whose git diff is larger than V8's largest string: streamed, the big file skipped, the answer right", async () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': 'export function charge() {\n  return 1;\n}\n',
      });
      repo.commit('base');
      repo.git('switch', '-q', '-c', 'feature');
      const mb = FULL ? 300 : 40;
      // Short lines: git prints a + for each, so the diff is half as large again as the file.
      writeFileSync(path.join(repo.dir, 'big.txt'), 'a\n'.repeat((mb * 1024 * 1024) / 2));
      const files: Record<string, string> = {
        'src/payments/charge.ts': 'export function charge() {\n  return 2;\n}\n',
      };
      for (let i = 0; i < 600; i++) files[`src/code/f${i}.ts`] = `export const v${i} = ${i};\n`;
      repo.write(files);
      repo.commit('big change');
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(
          repo.dir,
          ['impact', '--base', 'main', '--head', 'feature', '--format', 'json', '--fail-on', 'critical'],
          { timeoutMs: 300_000 },
        );
        log(`impact with a ${mb} MB text file and 601 code files`, run);
        assert.equal(run.code, 1, run.stderr.slice(0, 2000));
        assertNoTrace(run);
        // Small run: 552 MB and 31 s before the diff was streamed, 130 MB and 4 s after (docs/security.md).
        assert.ok(run.maxRssMb < (FULL ? RSS_LIMIT_MB : 300), `${run.maxRssMb} MB`);
        const report = JSON.parse(run.stdout) as { journeys: { id: string }[]; changedFiles: string[] };
        assert.deepEqual(
          report.journeys.map((j) => j.id),
          ['checkout'],
        );
        assert.equal(report.changedFiles.length, 602);
      });
    });

    it('4. a cache of the right version with entries of the wrong shape (exports: null too): a miss, rewritten; cached and --no-cache answers equal', async () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': "import { fee } from '../lib/fee';\nexport function charge() { return fee(); }\n",
        'src/lib/fee.ts': "export * from './rate';\nexport function fee() { return 1; }\n",
        'src/lib/rate.ts': 'export const rate = 2;\n',
        'src/app.ts': "import { charge } from './payments/charge';\nimport { rate } from './lib/fee';\ncharge(rate);\n",
      });
      repo.commit('base');
      const cacheHome = scratchDir('cx-impact-cache-');
      const deps = (extra: string[] = []) =>
        measuredCli(repo.dir, ['deps', '--format', 'json', 'src/lib/fee.ts', 'src/lib/rate.ts', ...extra], {
          cacheHome,
        });
      const truth = await deps(['--no-cache']);
      ok(truth, 'deps --no-cache');
      ok(await deps(), 'deps (writes the cache)');
      const cacheDir = path.join(cacheHome, 'cx-impact');
      const file = path.join(
        cacheDir,
        readdirSync(cacheDir).find((f) => f.endsWith('.json'))!,
      );
      const good = JSON.parse(readFileSync(file, 'utf8')) as { version: number; entries: Record<string, unknown> };
      const keys = Object.keys(good.entries);
      assert.equal(keys.length, 4);
      const bad: unknown[] = [
        { imports: 'x' },
        null,
        { imports: [{ specifier: 5 }], reexports: [], exports: [], partial: false },
        { imports: [], reexports: [], exports: null, partial: false },
      ];
      writeFileSync(
        file,
        JSON.stringify({
          version: good.version,
          entries: Object.fromEntries(keys.map((k, i) => [k, bad[i % bad.length]])),
        }),
      );
      await leavesUntouched(repo, async () => {
        for (const args of [
          ['deps', '--format', 'json', 'src/lib/fee.ts', 'src/lib/rate.ts'],
          ['explain', '--format', 'json', 'src/lib/rate.ts'],
          ['impact', '--base', 'HEAD', '--format', 'json'],
        ]) {
          const run = await measuredCli(repo.dir, args, { cacheHome });
          const fresh = await measuredCli(repo.dir, [...args, '--no-cache'], {
            cacheHome: scratchDir('cx-impact-cache-'),
          });
          ok(run, `${args[0]} with a bad cache`);
          ok(fresh, `${args[0]} --no-cache`);
          assert.equal(run.stdout, fresh.stdout, `${args[0]}: the cached answer differs`);
          if (args[0] === 'deps') assert.equal(run.stdout, truth.stdout);
        }
      });
      // Rewritten: every entry good again.
      const rewritten = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, unknown> };
      assert.deepEqual(rewritten, good);
    });

    it('5. package.json exports nested thousands deep, and an export * chain thousands long: an answer, no stack overflow', async () => {
      // Written as text: JSON.stringify itself would overflow the stack on it.
      const nested = `${Array.from({ length: 5000 }, (_, i) => `{"${i % 2 ? 'import' : 'default'}":`).join('')}"./src/index.ts"${'}'.repeat(5000)}`;
      const chain = FULL ? 5000 : 3000;
      const files: Record<string, string> = {
        'cx-map.yaml': MAP,
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
        'packages/deep/package.json': `{"name":"@ws/deep","exports":{".":${nested}}}`,
        'packages/deep/src/index.ts': 'export const deep = 1;\n',
        'src/use-deep.ts': "import { deep } from '@ws/deep';\nexport const d = deep;\n",
        'src/use-chain.ts': "import { end } from './chain/c0';\nexport const e = end;\n",
      };
      for (let i = 0; i < chain; i++)
        files[`src/chain/c${i}.ts`] = i === chain - 1 ? 'export const end = 1;\n' : `export * from './c${i + 1}';\n`;
      const repo = TestRepo.create(files);
      repo.commit('deep');
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['deps', '--format', 'json', 'src/use-deep.ts', 'src/use-chain.ts'], {
          timeoutMs: 180_000,
        });
        log(`deps with exports 5,000 deep and an export * chain ${chain} long`, run);
        ok(run, 'deps');
        const report = JSON.parse(run.stdout) as DepsJson;
        const useDeep = report.files.find((f) => f.path === 'src/use-deep.ts');
        const useChain = report.files.find((f) => f.path === 'src/use-chain.ts');
        // Conditions deeper than any real package are not followed: the import is then the package's src/index.ts by
        // its fallback, or unresolved, never a crash. The chain leads into it (followed to the bound, then the file).
        assert.ok(useDeep && useChain, run.stdout.slice(0, 500));
        assert.ok(
          useChain.imports.some((i) => i.file.startsWith('src/chain/')),
          JSON.stringify(useChain),
        );
      });
    });

    it('6. an Express file that mounts a router on itself 40 times: entry-points, coverage and check --entry-points answer in seconds', async () => {
      const lines = [
        "import express from 'express';",
        'const app = express();',
        "app.get('/health', (req, res) => res.send('ok'));",
      ];
      for (let i = 0; i < 40; i++) lines.push(`app.use('/r${i}', app);`);
      const repo = TestRepo.create({ 'cx-map.yaml': MAP, 'src/server.ts': `${lines.join('\n')}\n` });
      repo.commit('server');
      await leavesUntouched(repo, async () => {
        for (const args of [['entry-points', '--format', 'json'], ['coverage'], ['check', '--entry-points']]) {
          const run = await measuredCli(repo.dir, args, { timeoutMs: 30_000 });
          log(args.join(' '), run);
          ok(run, args.join(' '));
          assert.ok(run.seconds < 20, `${args.join(' ')}: ${run.seconds} s`);
          if (args[0] === 'entry-points')
            assert.ok((JSON.parse(run.stdout) as { entryPoints: unknown[] }).entryPoints.length >= 1);
        }
      });
    });

    it('7. a changed code file that links to /dev/stdin or /dev/urandom is not read: no hang, no memory', async () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': 'export function charge() {}\n',
        'src/payments/refund.ts': 'export function refund() {}\n',
      });
      repo.commit('base');
      rmSync(path.join(repo.dir, 'src/payments/charge.ts'));
      symlinkSync('/dev/stdin', path.join(repo.dir, 'src/payments/charge.ts'));
      rmSync(path.join(repo.dir, 'src/payments/refund.ts'));
      symlinkSync('/dev/urandom', path.join(repo.dir, 'src/payments/refund.ts'));
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['impact', '--base', 'HEAD', '--format', 'json'], {
          stdin: 'open',
          timeoutMs: 30_000,
        });
        log('impact with links to /dev/stdin and /dev/urandom', run);
        ok(run, 'impact');
        const report = JSON.parse(run.stdout) as { changedFiles: string[]; journeys: { id: string }[] };
        assert.deepEqual(report.changedFiles, ['src/payments/charge.ts', 'src/payments/refund.ts']);
        // Unread, the files count at file level: the critical touchpoint is kept.
        assert.deepEqual(
          report.journeys.map((j) => j.id),
          ['checkout'],
        );
      });
    });
  });

  describe('memory', () => {
    it('8. a changed .ts file of hundreds of MB: skipped as too large, bounded memory', async () => {
      const repo = TestRepo.create({ 'cx-map.yaml': MAP, 'src/payments/charge.ts': 'export function charge() {}\n' });
      repo.commit('base');
      const mb = FULL ? 200 : 40;
      const line = 'export const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];\n';
      writeFileSync(
        path.join(repo.dir, 'src/payments/charge.ts'),
        line.repeat(Math.ceil((mb * 1024 * 1024) / line.length)),
      );
      writeFileSync(path.join(repo.dir, 'src/lib.ts'), "import './payments/charge';\n");
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(
          repo.dir,
          ['impact', '--base', 'HEAD', '--format', 'json', '--fail-on', 'critical'],
          { timeoutMs: 300_000 },
        );
        log(`impact with a ${mb} MB changed .ts file`, run);
        assert.equal(run.code, 1, run.stderr);
        assertNoTrace(run);
        // Small run: 373 MB before the size was checked before reading, 95 MB after.
        assert.ok(run.maxRssMb < (FULL ? RSS_LIMIT_MB : 200), `${run.maxRssMb} MB`);
        const report = JSON.parse(run.stdout) as {
          changes?: { path: string; unread?: string }[];
          journeys: { id: string }[];
        };
        assert.deepEqual(
          report.journeys.map((j) => j.id),
          ['checkout'],
        );
      });
    });

    it('9. a Go package of thousands of files imported by thousands of files: bounded memory', async () => {
      const n = FULL ? 5000 : 1500;
      const files: Record<string, string> = { 'cx-map.yaml': MAP, 'go.mod': 'module example.com/m\n\ngo 1.22\n' };
      for (let i = 0; i < n; i++) files[`pkg/big/f${i}.go`] = `package big\n\nfunc F${i}() int { return ${i} }\n`;
      for (let i = 0; i < n; i++)
        files[`cmd/u${i}/main.go`] = `package main\n\nimport "example.com/m/pkg/big"\n\nfunc main() { big.F${i}() }\n`;
      const repo = TestRepo.create(files);
      repo.commit('go');
      repo.write({ 'pkg/big/f0.go': 'package big\n\nfunc F0() int { return -1 }\n' });
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['impact', '--base', 'HEAD', '--format', 'json', '--no-cache'], {
          timeoutMs: 600_000,
        });
        log(`impact on a Go package of ${n} files imported by ${n}`, run);
        // 1,500 x 1,500: 355-367 MB and 12-22 s with an edge object per (importer, package file) pair, 120-124 MB and
        // 4.7-6.5 s with the package held once; 5,000 x 5,000: 2,735 MB and 63 s before, 156-158 MB and 4-12 s after.
        ok(run, 'impact', FULL ? RSS_LIMIT_MB : 200);
        assert.ok(run.seconds < (FULL ? 45 : 30), `${run.seconds} s`);
        // Every importer is reached, at one hop: the changed file is shared infrastructure (more than 300 importers).
        const report = JSON.parse(run.stdout) as { shared: { file: string; importers: number }[] };
        assert.deepEqual(report.shared, [{ file: 'pkg/big/f0.go', importers: n }]);
      });
    });

    it('10. thousands of renamed files: each read and parsed once, bounded time and memory', async () => {
      const n = FULL ? 10_000 : 2000;
      const files: Record<string, string> = { 'cx-map.yaml': MAP };
      for (let i = 0; i < n; i++) files[`src/old/f${i}.ts`] = `export function f${i}() {\n  return ${i};\n}\n`;
      const repo = TestRepo.create(files);
      repo.commit('base');
      repo.git('switch', '-q', '-c', 'feature');
      mkdirSync(path.join(repo.dir, 'src/new'));
      for (let i = 0; i < n; i++)
        renameSync(path.join(repo.dir, `src/old/f${i}.ts`), path.join(repo.dir, `src/new/f${i}.ts`));
      repo.commit('rename');
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['impact', '--base', 'main', '--head', 'feature', '--format', 'json'], {
          timeoutMs: 600_000,
        });
        log(`impact of ${n} renamed files`, run);
        // Small run: 207–217 MB before (both sides of every rename read in one buffer and parsed), 146–151 MB after,
        // 172–176 MB since `--head` builds the graph from the commit's tree. The small bound was 190 MB, within 10% of
        // the measure: another machine's allocator and GC timing could cross it. Full size (10,000): under 1 GB.
        ok(run, 'impact', FULL ? RSS_LIMIT_MB : 250);
        // A rename lists both its paths.
        assert.equal((JSON.parse(run.stdout) as { changedFiles: string[] }).changedFiles.length, 2 * n);
        assert.ok(run.seconds < (FULL ? 60 : 30), `${run.seconds} s`);
      });
    });
  });

  describe('writes and wrong answers', () => {
    it("11. a cache folder seeded with links at the temporary file's name: no repository file is overwritten", async () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': "import { x } from './x';\nexport function charge() { return x; }\n",
        'src/payments/x.ts': 'export const x = 1;\n',
      });
      repo.commit('base');
      const cacheHome = scratchDir('cx-impact-cache-');
      const cacheDir = path.join(cacheHome, 'cx-impact');
      mkdirSync(cacheDir);
      const cacheFile = path.join(
        cacheDir,
        `imports-${createHash('sha1').update(repo.dir).digest('hex').slice(0, 16)}.json`,
      );
      const victim = path.join(repo.dir, 'src/payments/x.ts');
      // The CLI's pid is the shell's ($$) once it execs: the link is planted at exactly the name the old code used.
      const shell = `ln -s "${victim}" "${cacheFile}.$$.tmp"; ln -s "${victim}" "${cacheFile}"; exec "$@"`;
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['deps', '--format', 'json', 'src/payments/x.ts'], {
          cacheHome,
          shell,
        });
        log('deps with a poisoned cache folder', run);
        ok(run, 'deps');
        assert.equal(readFileSync(victim, 'utf8'), 'export const x = 1;\n');
      });
    });

    it('12. XDG_CACHE_HOME inside the checkout is refused (with a warning); the answer is the same', async () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts': "import { x } from './x';\nexport function charge() { return x; }\n",
        'src/payments/x.ts': 'export const x = 1;\n',
      });
      repo.commit('base');
      const expected = await measuredCli(repo.dir, ['deps', '--format', 'json', 'src/payments/x.ts']);
      await leavesUntouched(repo, async () => {
        for (const inside of [path.join(repo.dir, '.cache'), path.join(repo.dir, 'src')]) {
          const run = await measuredCli(repo.dir, ['deps', '--format', 'json', 'src/payments/x.ts'], {
            cacheHome: inside,
          });
          ok(run, 'deps');
          assert.match(run.stderr, /cache folder .* is inside the repository/);
          assert.equal(run.stdout, expected.stdout);
        }
      });
    });

    it("13. user git settings that change the diff's shape: the symbol-scoped critical touchpoint is still reported", async () => {
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/payments/charge.ts':
          'export function other() {\n  return 0;\n}\n\nexport function charge() {\n  return 1;\n}\n',
      });
      repo.commit('base');
      repo.git('switch', '-q', '-c', 'feature');
      repo.write({
        'src/payments/charge.ts':
          'export function other() {\n  return 0;\n}\n\nexport function charge() {\n  return 2;\n}\n',
      });
      repo.commit('charge changes');
      // Each a user's global git config (trusted, but not allowed to change what git prints for the CLI).
      const configs = [
        '[diff]\n\tmnemonicPrefix = true\n',
        '[diff]\n\tnoprefix = true\n\trelative = true\n\trenames = false\n\tinterHunkContext = 50\n\tcontext = 9\n[color]\n\tui = always\n\tdiff = always\n[core]\n\tquotePath = true\n',
      ].map((text, i) => {
        const file = path.join(scratchDir(), `gitconfig-${i}`);
        writeFileSync(file, text);
        return file;
      });
      // The same change once more in the working tree, where git's mnemonic prefixes differ from a/ and b/.
      repo.git('switch', '-q', 'main');
      repo.write({
        'src/payments/charge.ts':
          'export function other() {\n  return 0;\n}\n\nexport function charge() {\n  return 2;\n}\n',
      });
      await leavesUntouched(repo, async () => {
        for (const userConfig of configs) {
          for (const [cwd, range] of [
            [repo.dir, ['--base', 'main', '--head', 'feature']],
            [repo.dir, ['--base', 'HEAD']],
            [path.join(repo.dir, 'src'), ['--base', 'HEAD']],
          ] as const) {
            const run = await measuredCli(cwd, ['impact', ...range, '--fail-on', 'critical', '--format', 'json'], {
              env: { GIT_CONFIG_GLOBAL: userConfig },
            });
            assert.equal(
              run.code,
              1,
              `the critical touchpoint went unreported (${readFileSync(userConfig, 'utf8')}, ${range.join(' ')} in ${cwd}): ${run.stdout}${run.stderr}`,
            );
            const report = JSON.parse(run.stdout) as { journeys: { id: string }[] };
            assert.deepEqual(
              report.journeys.map((j) => j.id),
              ['checkout'],
            );
          }
        }
      });
    });

    it('14. config as the toolchains read it: a UTF-8 BOM, comments, trailing commas, extends to any file name or a workspace package', async () => {
      const bom = '\ufeff';
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'package.json': `${bom}{ "name": "root", "private": true, "workspaces": ["packages/*"] }`,
        'packages/config/package.json': `${bom}{ "name": "@ws/config" }`,
        'packages/config/base.json': `${bom}{ /* shared */ "compilerOptions": { "baseUrl": "../..", "paths": { "@lib/*": ["src/lib/*"], }, }, }`,
        'tsconfig.json': `${bom}{ "extends": "./config/strict", }`,
        'config/strict.json': `{ "extends": "@ws/config/base.json" }`,
        'src/lib/money.ts': 'export const money = 1;\n',
        'src/app.ts': "import { money } from '@lib/money';\nexport const a = money;\n",
      });
      repo.commit('configs');
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['deps', '--format', 'json', 'src/app.ts']);
        ok(run, 'deps');
        const app = (JSON.parse(run.stdout) as DepsJson).files.find((f) => f.path === 'src/app.ts');
        assert.deepEqual(
          app?.imports.map((i) => i.file),
          ['src/lib/money.ts'],
          run.stdout + run.stderr,
        );
      });
    });

    it('15. thousands of workspace packages under a low open-file limit: none drops out', async () => {
      const n = 1500;
      const files: Record<string, string> = {
        'cx-map.yaml': MAP,
        'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      };
      const imports: string[] = [];
      for (let i = 0; i < n; i++) {
        files[`packages/p${i}/package.json`] = JSON.stringify({ name: `@ws/p${i}`, main: 'src/index.ts' });
        files[`packages/p${i}/src/index.ts`] = `export const p${i} = ${i};\n`;
        imports.push(`import { p${i} } from '@ws/p${i}';`);
      }
      files['src/app.ts'] =
        `${imports.join('\n')}\nexport const all = [${Array.from({ length: n }, (_, i) => `p${i}`).join(', ')}];\n`;
      const repo = TestRepo.create(files);
      repo.commit('packages');
      await leavesUntouched(repo, async () => {
        const run = await measuredCli(repo.dir, ['deps', '--format', 'json', '--no-cache', 'src/app.ts'], {
          shell: 'ulimit -n 128 && exec "$@"',
          timeoutMs: 120_000,
        });
        log(`deps of ${n} workspace packages under ulimit -n 128`, run);
        ok(run, 'deps');
        const app = (JSON.parse(run.stdout) as DepsJson).files.find((f) => f.path === 'src/app.ts');
        assert.equal(
          app?.imports.length,
          n,
          `${app?.imports.length ?? 0} of ${n} packages resolved; stderr: ${run.stderr.slice(0, 500)}`,
        );
      });
    });

    it('16. an import specifier written with escapes is followed; a route file over 1 MB gives a notice, not a silent 0', async () => {
      const big = [
        "import express from 'express';",
        'const app = express();',
        "app.get('/big', (req, res) => res.send('x'));",
        `const pad = '${'x'.repeat(1100 * 1024)}';`,
      ].join('\n');
      const repo = TestRepo.create({
        'cx-map.yaml': MAP,
        'src/lib.ts': 'export const lib = 1;\n',
        'src/app.ts':
          'import { lib } from \'./l\\x69b\';\nimport { lib as l2 } from "./\\u{6C}ib";\nexport const a = lib + l2;\n',
        'src/server.ts': `${big}\n`,
      });
      repo.commit('escapes');
      await leavesUntouched(repo, async () => {
        const deps = await measuredCli(repo.dir, ['deps', '--format', 'json', 'src/app.ts']);
        ok(deps, 'deps');
        const app = (JSON.parse(deps.stdout) as DepsJson).files.find((f) => f.path === 'src/app.ts');
        assert.deepEqual(
          app?.imports.map((i) => i.file),
          ['src/lib.ts'],
        );
        for (const args of [['entry-points'], ['coverage'], ['check', '--entry-points']]) {
          const run = await measuredCli(repo.dir, args);
          ok(run, args.join(' '));
          assert.match(
            run.stderr,
            /^cx-impact: warning: 1 source file was not read for entry points.*src\/server\.ts \(over 1 MB\)/m,
            `${args.join(' ')}: ${run.stderr}`,
          );
        }
      });
    });
  });
});
