// A cold `cx-impact impact` on a real repository you have checked out, against TypeScript's own preProcessFile +
// resolveModuleName over the same tree (issue #24), measured alternately in one run. A script, not a test: the
// repository, its map and its change are yours (docs/benchmarks.md names the one measured and how it was set up).
//
//   npm run build && npx tsx scripts/bench-real.ts <checkout> --base REF [--head REF] [--runs 5]
//
// The CLI runs as a user runs it (`node dist/cli.js impact --no-cache --format json`, a new process each run, no
// cache); TypeScript reads every TS/JS file git lists, in one thread, with the bundler resolution and one module
// resolution cache, as scripts/bench-graph.ts does for the generated repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const root = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const base = option('base');
if (!root || !base) {
  console.error('usage: tsx scripts/bench-real.ts <checkout> --base REF [--head REF] [--runs 5]');
  process.exit(2);
}
const head = option('head');
const runs = Number(option('runs') ?? 5);
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const listed = execFileSync('git', ['ls-files', '-z'], { cwd: root, maxBuffer: 1 << 30 })
  .toString('utf8')
  .split('\0')
  .filter((f) => f);
const code = listed.filter((f) => /\.(ts|tsx|js|mjs|cjs|jsx)$/.test(f) && !f.endsWith('.d.ts'));
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();

function typescriptOnce(): number {
  const options: ts.CompilerOptions = {
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    module: ts.ModuleKind.ESNext,
    allowJs: true,
  };
  const started = now();
  const cache = ts.createModuleResolutionCache(root as string, (f) => f);
  for (const file of code) {
    const full = path.join(root as string, file);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch {
      continue; // a file git lists but the checkout lacks (sparse, deleted)
    }
    const info = ts.preProcessFile(text, true, true);
    for (const ref of info.importedFiles) ts.resolveModuleName(ref.fileName, full, options, ts.sys, cache);
  }
  return now() - started;
}

function impactOnce(): { ms: number; journeys: number; changed: number } {
  const args = [cli, 'impact', '--no-cache', '--format', 'json', '--base', base as string];
  if (head) args.push('--head', head);
  const started = now();
  const result = spawnSync(process.execPath, args, { cwd: root, maxBuffer: 1 << 30 });
  const ms = now() - started;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`cx-impact exited ${result.status}: ${result.stderr.toString().slice(0, 400)}`);
  const report = JSON.parse(result.stdout.toString()) as { journeys: unknown[]; changedFiles: unknown[] };
  return { ms, journeys: report.journeys.length, changed: report.changedFiles.length };
}

const load = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
console.log(`${root} at ${commit}: ${listed.length} files, ${code.length} TS/JS (load average ${load})`);
const ours: number[] = [];
const theirs: number[] = [];
let shape = '';
for (let i = 0; i < runs; i++) {
  const run = impactOnce();
  ours.push(run.ms);
  shape = `${run.changed} changed files, ${run.journeys} journeys`;
  theirs.push(typescriptOnce());
}
const fmt = (xs: number[]): string => `median ${median(xs).toFixed(0)} ms  [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
console.log(`  cold impact --no-cache (${shape}): ${fmt(ours)}`);
console.log(`  TypeScript preProcessFile + resolveModuleName (one thread): ${fmt(theirs)}`);
console.log(`  ratio: ${(median(ours) / median(theirs)).toFixed(2)}× TypeScript's time (target <= 0.5)`);
