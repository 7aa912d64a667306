// `npm run bench:graph` (issue #12): the dependency graph behind indirect impact, on a generated TypeScript
// workspace monorepo of about 3,000 files. Prints medians (wall time) of: a cold build with two workers (no cache),
// a warm build (from the content cache), re-reading one file after a save and rebuilding the graph, and the reverse
// walk for a 1,000-file change; the graph part of a cold `impact` of a 10-file change (the graph narrowed to what
// the change can reach, issue #24); and, in the same run, TypeScript's preProcessFile + resolveModuleName over the
// same files, with the ratios. Then the same rows for Go, Python and Java repositories of the same size. A script, not a test: the figures depend on the machine.
//
//   npm run build && npm run bench:graph                  (the workers run dist/code-worker.js)
//   npm run bench:graph -- --files 3000 --runs 3
//   npm run bench:graph -- --only wired,plain            some rows alone (wired, plain, go, python, java)
//   npm run bench:graph -- --large                        also a 200,000-file TS/Go/Python repository (slow)
//   npm run bench:graph -- --only none --large-dir /tmp/cx-200k   the 200,000-file repository kept in that folder
//                         (generated and committed on first use, with its cache beside it): warm rows only
//   npm run bench:graph -- --large-dir /tmp/cx-200k --heap blob   (or content) after the above, in a fresh process:
//                         one warm build alone, its heap sampled every 20 ms and after a GC (the bench's own rows
//                         run in a process that has built other graphs before)
//
// Each repository is a git repository (committed), so the warm build runs twice side by side: every file read and
// looked up by content (as before issue #24), and looked up by git blob id, unread (src/node/git.ts indexBlobs).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { buildGraph, updateGraphFile } from '../src/core/graph/graph';
import { reachOf, DEFAULT_INDIRECT, type ReachTarget } from '../src/core/graph/reach';
import { Resolver } from '../src/core/graph/resolve';
import { syntheticMonorepo } from '../test/synthetic/synthetic-monorepo';
import { goRepo, javaRepo, pythonRepo, tenChanged } from '../test/synthetic/language-repos';
import { CodeReader } from '../src/node/code-reader';
import { indexBlobs } from '../src/node/git';
import { loadDependencyGraph } from '../src/node/dependency-graph';
import { ImportCache } from '../src/node/graph-cache';
import { loadReachableGraph } from '../src/node/reachable-graph';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1] ?? fallback);
}

const FILES = option('files', 3000);
const RUNS = option('runs', 3);
const LARGE = process.argv.includes('--large');
const LARGE_DIR = process.argv.includes('--large-dir')
  ? path.resolve(process.argv[process.argv.indexOf('--large-dir') + 1] ?? '')
  : undefined;
/** `--only wired,plain,go,python,java`: those rows alone. */
const ONLY = process.argv.includes('--only')
  ? new Set((process.argv[process.argv.indexOf('--only') + 1] ?? '').split(','))
  : undefined;
const want = (row: string): boolean => !ONLY || ONLY.has(row);
const projectRoot = path.resolve(__dirname, '..');
const wasmDir = path.join(projectRoot, 'dist', 'tree-sitter');
const workerScript = path.join(projectRoot, 'dist', 'code-worker.js');
if (!existsSync(workerScript)) throw new Error('Run `npm run build` first: the bench runs the workers from dist/.');

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

function writeRepo(files: Record<string, string>, at?: string): string {
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const root = at ?? mkdtempSync(path.join(base, 'cx-bench-graph-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  commitAll(root);
  return root;
}

/** `git init`, add and commit everything: the warm build's blob ids come from the index. */
function commitAll(root: string): void {
  const run = (...args: string[]): void => {
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], {
      cwd: root,
      stdio: 'ignore',
      maxBuffer: 1024 * 1024 * 1024,
    });
  };
  run('init', '-q');
  run('add', '-A');
  run('commit', '-q', '-m', 'bench');
}

/** Warm builds from the cache in `cacheDir`: by content (every file read) and by blob id, side by side. */
/**
 * A cache by content (the cold run's) is read once more, each answer filed under its blob id too. Shown, not counted
 * (a cache kept from an earlier bench run is already by blob id). A function of its own, so that its graph is not
 * held by warmRows' frame while the next runs are measured.
 */
async function upgradeRun(root: string, list: readonly string[], dir: string): Promise<void> {
  const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
  const cache = new ImportCache(dir, root);
  const started = now();
  await cache.load();
  const blobs = await indexBlobs(root);
  const upgrade = await loadDependencyGraph({ root, files: list, reader, cache, ...(blobs ? { blobs } : {}) });
  await cache.save();
  reader.dispose();
  console.log(
    `  first warm run by blob id (answers filed under blob ids): ${fmt(now() - started)} ms, ${upgrade.parsed} parsed, ${blobs?.size ?? 0} blob ids`,
  );
}

async function warmRows(
  root: string,
  list: readonly string[],
  cacheDir: string,
  runs: number,
): Promise<{ last: Awaited<ReturnType<typeof loadDependencyGraph>>; byContent: number; byBlob: number } | undefined> {
  let last: Awaited<ReturnType<typeof loadDependencyGraph>> | undefined;
  const medians: number[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  for (const byBlob of [false, true]) {
    // Each mode has its own copy of the cold run's cache (a run keeps only the entries it used).
    const dir = `${cacheDir}-${byBlob ? 'blob' : 'content'}`;
    if (!existsSync(dir)) cpSync(cacheDir, dir, { recursive: true });
    if (byBlob) await upgradeRun(root, list, dir);
    const times: number[] = [];
    let heap = 0;
    let retained = 0;
    let listing = 0;
    for (let i = 0; i < runs; i++) {
      // The previous run's graph is let go before this one is measured.
      // eslint-disable-next-line no-useless-assignment
      last = undefined;
      gc?.();
      const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
      const cache = new ImportCache(dir, root);
      const started = now();
      await cache.load();
      const blobs = byBlob ? await indexBlobs(root) : undefined;
      if (byBlob) listing = now() - started;
      last = await loadDependencyGraph({ root, files: list, reader, cache, ...(blobs ? { blobs } : {}) });
      // What a run saves (the CLI does): entries by blob id are added once, then the file stays the same.
      await cache.save();
      times.push(now() - started);
      reader.dispose();
      // The heap as the run ends (garbage included), and what stays after a collection: the graph, the cache's
      // entries and the blob ids (run with --expose-gc for the second).
      heap = Math.max(heap, process.memoryUsage().heapUsed);
      if (gc) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed);
      }
    }
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `  warm, ${byBlob ? 'by blob id (git status + ls-files, unchanged files unread)' : 'by content (every file read and hashed)'}: median ${fmt(median(times))} ms  [${times.map(fmt).join(', ')}], ${last?.parsed ?? '?'} parsed, ${last?.cached ?? '?'} cached; heap ${mb(heap)}${gc ? `, ${mb(retained)} after a GC` : ''}${byBlob ? `; cache load + git (last run) ${fmt(listing)} ms` : ''}`,
    );
    medians.push(median(times));
  }
  return last && { last, byContent: medians[0]!, byBlob: medians[1]! };
}

async function benchRepo(label: string, files: Record<string, string>, runs: number): Promise<void> {
  const list = Object.keys(files).sort();
  const root = writeRepo(files);
  const cacheRoot = mkdtempSync(path.join(tmpdir(), 'cx-bench-cache-'));
  try {
    await benchRoot(label, root, list, cacheRoot, runs, true);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

/**
 * The rows of one repository at `root`. `full`: also the cold builds, the narrowed cold impact and TypeScript's
 * time; without it (a kept large repository) one cold build fills the cache only when `cacheRoot` holds none.
 */
async function benchRoot(
  label: string,
  root: string,
  list: readonly string[],
  cacheRoot: string,
  runs: number,
  full: boolean,
): Promise<void> {
  {
    console.log(
      `\n${label}: ${list.length} files (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    const cold: number[] = [];
    const filled = existsSync(path.join(cacheRoot, 'cold-0'));
    for (let i = 0; i < (full ? runs : filled ? 0 : 1); i++) {
      const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
      const cache = new ImportCache(path.join(cacheRoot, `cold-${i}`), root);
      const started = now();
      const load = await loadDependencyGraph({ root, files: list, reader, cache });
      await cache.save();
      cold.push(now() - started);
      reader.dispose();
      if (i === 0) {
        console.log(
          `  graph: ${load.graph.stats.files} code files, ${load.graph.stats.edges} edges, ${load.graph.stats.typeOnly} type-only, ${load.graph.stats.unresolved} unresolved, ${load.parsed} parsed`,
        );
        // Edges by why they exist (contract §5.6), so that growth from framework wiring is visible.
        const kinds = (load.graph.stats as { byKind?: Record<string, number> }).byKind;
        if (kinds)
          console.log(
            `  edges by kind: import ${kinds.import}, decorator metadata ${kinds.metadata}, same-package ${kinds.samePackage}; implementation pairs ${kinds.implementation}`,
          );
      }
    }
    if (cold.length > 0)
      console.log(`  cold (2 workers, no cache): median ${fmt(median(cold))} ms  [${cold.map(fmt).join(', ')}]`);
    const narrow = full ? await narrowed(root, list, runs) : undefined;

    const warmed = await warmRows(root, list, path.join(cacheRoot, 'cold-0'), runs);
    if (!warmed) return;
    const { last } = warmed;
    const warm = [warmed.byContent];

    // After a save: ask one file again (a new text) and rebuild the graph from the imports in memory.
    const source = last.source;
    const one = list.find((f) => f.endsWith('.ts') && f.includes('/src/m1.'))!;
    const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
    const saves: number[] = [];
    for (let i = 0; i < Math.max(10, runs); i++) {
      const text = `${readFileSync(path.join(root, one), 'utf8')}// save ${i}\n`;
      const started = now();
      const answer = await reader.ask('imports', one, text);
      // As the editor does on save: the file's edges in place, a full build only when its exports changed.
      if (answer && !updateGraphFile(last.graph, one, answer)) {
        source.imports.set(one, answer);
        buildGraph({
          files: source.files,
          imports: source.imports,
          resolver: new Resolver({ files: source.files, texts: source.texts }),
        });
      }
      saves.push(now() - started);
    }
    reader.dispose();
    console.log(`  one file saved (re-read + rebuild): median ${fmt(median(saves))} ms`);

    // The reverse walk for a 1,000-file change: every other page of the apps is a touchpoint's.
    const graph = last.graph;
    // Coverage answers are remembered per file, as reachOfFiles does for the CLI.
    const coverage = new Map<string, ReachTarget<string>[]>();
    const covered = (file: string): ReachTarget<string>[] => {
      let hit = coverage.get(file);
      if (!hit) {
        hit = /pages\/page\d*[02468]\.tsx$/.test(file)
          ? [{ touchpoint: file, journey: file.split('/')[1]!, value: file }]
          : [];
        coverage.set(file, hit);
      }
      return hit;
    };
    const changed = graph.files.filter((f) => f.startsWith('packages/')).slice(0, 1000);
    const walks: number[] = [];
    for (let i = 0; i < Math.max(5, runs); i++) {
      const started = now();
      for (const file of changed) reachOf(graph, file, covered, DEFAULT_INDIRECT);
      walks.push(now() - started);
    }
    console.log(`  reverse walk, ${changed.length}-file change: median ${fmt(median(walks))} ms`);
    if (!full) return;

    // TypeScript's own: preProcessFile + resolveModuleName over the same files.
    const options: ts.CompilerOptions = {
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
    };
    const tsRuns: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = now();
      const cache = ts.createModuleResolutionCache(root, (f) => f);
      for (const file of list) {
        if (!/\.(ts|tsx|js|mjs|cjs|jsx)$/.test(file)) continue;
        const info = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'), true, true);
        for (const ref of info.importedFiles)
          ts.resolveModuleName(ref.fileName, path.join(root, file), options, ts.sys, cache);
      }
      tsRuns.push(now() - started);
    }
    console.log(`  TypeScript preProcessFile + resolveModuleName (one thread): median ${fmt(median(tsRuns))} ms`);
    console.log(
      `  ratio: cold ${(median(cold) / median(tsRuns)).toFixed(2)}× TypeScript's time, warm ${(median(warm) / median(tsRuns)).toFixed(2)}× (by content), ${(warmed.byBlob / median(tsRuns)).toFixed(2)}× (by blob id)`,
    );
    if (narrow)
      console.log(
        `  ratio: cold 10-file impact (narrowed graph + reach) ${(narrow / median(tsRuns)).toFixed(2)}× TypeScript's time (target <= 0.5)`,
      );
  }
}

/** The 200,000-file repository kept at `dir` (generated and committed on first use), its cache at `dir`.cache. */
async function benchLargeDir(dir: string, runs: number): Promise<void> {
  if (!existsSync(path.join(dir, '.git'))) {
    const started = now();
    const files = largeRepo(200_000);
    const built = now();
    mkdirSync(dir, { recursive: true });
    writeRepo(files, dir);
    console.log(
      `generated ${Object.keys(files).length} files into ${dir}: ${fmt(built - started)} ms to build the texts, ${fmt(now() - built)} ms to write, git add and commit`,
    );
  }
  const list = execFileSync('git', ['ls-files', '-z'], { cwd: dir, maxBuffer: 1024 * 1024 * 1024 })
    .toString('utf8')
    .split('\0')
    .filter((f) => f !== '')
    .sort();
  const cacheRoot = `${dir}.cache`;
  mkdirSync(cacheRoot, { recursive: true });
  await benchRoot('Mixed TS/Go/Python repository (kept)', dir, list, cacheRoot, runs, false);
}

/**
 * Cold `impact` of a 10-file change, its graph part: the graph narrowed to what the change can reach (read every
 * file, search them for the strings an import of the changed files must hold, parse only those) and the reach of each
 * changed file. Returns the median in ms.
 */
async function narrowed(root: string, list: readonly string[], runs: number): Promise<number> {
  const changed = tenChanged(list);
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof loadReachableGraph>> | undefined;
  for (let i = 0; i < runs; i++) {
    // As the CLI does: a few hundred files parse on this thread, more in two workers.
    const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
    const localReader = new CodeReader({ wasmDir });
    const started = now();
    last = await loadReachableGraph({ root, files: list, reader, localReader, from: changed });
    for (const file of changed) reachOf(last.graph, file, () => [], DEFAULT_INDIRECT);
    times.push(now() - started);
    reader.dispose();
    localReader.dispose();
  }
  console.log(
    `  cold 10-file impact, narrowed graph (2 workers, no cache): median ${fmt(median(times))} ms  [${times.map(fmt).join(', ')}], ${last?.read ?? '?'} files parsed${last?.narrowed ? '' : ` (full graph: ${last?.why ?? ''})`}; heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
  );
  return median(times);
}

/** One language alone, about `total` files: the graph's rows for that language (cold full, narrowed, warm). */
async function benchLanguage(label: string, files: Record<string, string>, runs: number): Promise<void> {
  const list = Object.keys(files).sort();
  const root = writeRepo(files);
  const cacheRoot = mkdtempSync(path.join(tmpdir(), 'cx-bench-cache-'));
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    let stats = '';
    for (let i = 0; i < runs; i++) {
      const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
      const cache = new ImportCache(path.join(cacheRoot, `c${i}`), root);
      let started = now();
      const load = await loadDependencyGraph({ root, files: list, reader, cache });
      cold.push(now() - started);
      stats = `${load.graph.stats.files} code files, ${load.graph.stats.edges} edges`;
      await cache.save();
      const again = new ImportCache(path.join(cacheRoot, `c${i}`), root);
      started = now();
      await again.load();
      await loadDependencyGraph({ root, files: list, reader, cache: again });
      warm.push(now() - started);
      reader.dispose();
    }
    console.log(
      `\n${label}: ${list.length} files, ${stats} (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})`,
    );
    console.log(
      `  cold full graph (2 workers, no cache): median ${fmt(median(cold))} ms; warm: median ${fmt(median(warm))} ms`,
    );
    await narrowed(root, list, runs);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(cacheRoot, { recursive: true, force: true });
  }
}

/** A large mixed repository: TS packages, Go packages in one module, Python packages. */
function largeRepo(total: number): Record<string, string> {
  const third = Math.floor(total / 3);
  const files = syntheticMonorepo({ packages: Math.ceil(third / 50), modules: 47, apps: 0 });
  files['go.mod'] = 'module example.com/big\n\ngo 1.22\n';
  for (let i = 0; i < third; i++) {
    const pkg = Math.floor(i / 20);
    files[`go/pkg${pkg}/f${i}.go`] =
      `package pkg${pkg}\n\nimport (\n\t"fmt"\n\t"example.com/big/go/pkg${Math.max(0, pkg - 1)}"\n)\n\nfunc F${i}() { fmt.Println(pkg${Math.max(0, pkg - 1)}.X) }\n`;
  }
  for (let i = 0; i < third; i++) {
    const pkg = Math.floor(i / 20);
    if (i % 20 === 0) files[`py/pkg${pkg}/__init__.py`] = '';
    files[`py/pkg${pkg}/m${i}.py`] =
      `from . import m${pkg * 20}\nimport os\nfrom py.pkg${Math.max(0, pkg - 1)} import m${Math.max(0, pkg - 1) * 20}\n\ndef f${i}():\n    return os.sep\n`;
  }
  return files;
}

/** One warm build of the kept repository in this fresh process: its time and heap (`--heap content|blob`). */
async function heapProbe(dir: string, mode: string): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (npm run bench:graph does).');
  const list = execFileSync('git', ['ls-files', '-z'], { cwd: dir, maxBuffer: 1024 * 1024 * 1024 })
    .toString('utf8')
    .split('\0')
    .filter((f) => f !== '')
    .sort();
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
  const started = now();
  const cache = new ImportCache(`${dir}.cache/cold-0-${mode}`, dir);
  await cache.load();
  const loaded = now();
  const blobs = mode === 'blob' ? await indexBlobs(dir) : undefined;
  const listed = now();
  const reader = new CodeReader({ wasmDir, workerScript, workers: 2 });
  const load = await loadDependencyGraph({ root: dir, files: list, reader, cache, ...(blobs ? { blobs } : {}) });
  const ms = now() - started;
  const phases = `cache load ${fmt(loaded - started)} ms (${cache.size} entries), git ${fmt(listed - loaded)} ms, lookups and graph build ${fmt(now() - listed)} ms`;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  reader.dispose();
  gc();
  const held = process.memoryUsage().heapUsed;
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `warm by ${mode}, fresh process: ${fmt(ms)} ms, ${load.cached} cached, ${load.parsed} parsed; heap peak ${mb(peak)}, ${mb(held)} after a GC with the graph and the cache held (the sorted file list before the build: ${mb(base)}); load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`  ${phases}`);
  if (load.graph.files.length === 0 || cache.size === 0) console.log('  (empty: run --large-dir first)');
}

async function main(): Promise<void> {
  const probe = process.argv.includes('--heap') ? process.argv[process.argv.indexOf('--heap') + 1] : undefined;
  if (probe !== undefined) {
    if (!LARGE_DIR || (probe !== 'blob' && probe !== 'content'))
      throw new Error('--heap blob|content needs --large-dir DIR, filled by a run without --heap');
    return heapProbe(LARGE_DIR, probe);
  }
  const modules = 27;
  const packages = Math.max(1, Math.round((FILES - 2 * (modules + 2)) / (modules + 4)));
  if (want('wired'))
    await benchRepo(
      'TypeScript workspace monorepo (NestJS-style wiring)',
      syntheticMonorepo({ packages, modules, apps: 2, wired: true }),
      RUNS,
    );
  if (want('plain'))
    await benchRepo(
      'TypeScript workspace monorepo (no wiring)',
      syntheticMonorepo({ packages, modules, apps: 2 }),
      RUNS,
    );
  // The rows for each language the graph reads, at the same size.
  if (want('go')) await benchLanguage('Go only', goRepo(FILES), RUNS);
  if (want('python')) await benchLanguage('Python only', pythonRepo(FILES), RUNS);
  if (want('java')) await benchLanguage('Java only', javaRepo(FILES), RUNS);
  if (LARGE) await benchRepo('Mixed TS/Go/Python repository', largeRepo(200_000), 1);
  if (LARGE_DIR) await benchLargeDir(LARGE_DIR, RUNS);
}

void main();
