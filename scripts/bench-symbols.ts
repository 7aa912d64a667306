// `npm run bench:symbols` (issue #13): the engine's symbol finder and symbol-precise change impact.
//  1. The symbols of a 5,000-line TypeScript file: cold (runtime and grammar loaded by this parse), first parse of the
//     text with the grammar loaded, warm (median of re-parses), and from the CodeReader's cache.
//  2. The symbols of a 1,000-file change in a throw-away git repository (git diff -U0, git cat-file, parse both
//     sides), in worker threads and, for comparison, on this thread.
//  3. One CodeLens request once parsed: the finder's symbols of the 5,000-line file placed against a 1,000-pattern map.
// A script, not a test: the figures depend on the machine (and on who else uses it: the load average is printed).
//
//   npm run bench:symbols                 all three
//   npm run bench:symbols -- --files 300  a smaller change
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planLenses } from '../src/codelens/lens-plan';
import { codeParser } from '../src/node/tree-sitter-host';
import { packageWasmDir } from '../src/node/package-wasm';
import { findSymbols } from '../src/core/code/symbols';
import { computeImpact } from '../src/core/impact/impact';
import { literalMap } from '../src/core/match/literal-map';
import { Matcher } from '../src/core/match/matcher';
import { lensBench } from '../test/synthetic/lens-bench';
import { narrowBySymbols } from '../src/node/change-symbols';
import { CodeReader } from '../src/node/code-reader';
import { changedFiles } from '../src/node/git';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? fallback : Number(process.argv[at + 1]) || fallback;
}

const FILES = option('files', 1_000);
const RUNS = option('runs', 9);

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** 40 classes of 12 methods and 120 functions, padded to 5,000 lines: one declaration every 8 lines or so. */
function bigFile(): string {
  const lines: string[] = [];
  for (let c = 0; c < 40; c++) {
    lines.push(`export class Service${c} {`, `  private readonly store = new Map<string, number>();`);
    for (let m = 0; m < 12; m++) {
      lines.push(
        `  method${m}(arg: string): number {`,
        `    const value = this.store.get(arg) ?? ${m};`,
        `    if (value > ${c}) {`,
        `      return value * 2;`,
        `    }`,
        `    return value;`,
        `  }`,
        '',
      );
    }
    lines.push('}', '');
  }
  for (let f = 0; f < 120; f++)
    lines.push(`export function helper${f}(x: number): number {`, `  const y = x + ${f};`, `  return y * y;`, '}', '');
  while (lines.length < 5_000) lines.push(`// padding line ${lines.length}`);
  return lines.join('\n') + '\n';
}

/** A worker entry that runs the TypeScript source through tsx, or the built dist/code-worker.js when there is one. */
function workerScript(): string {
  const built = path.resolve('dist', 'code-worker.js');
  if (existsSync(built)) return built;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cx-bench-worker-'));
  const script = path.join(dir, 'worker.js');
  writeFileSync(
    script,
    `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nrequire(${JSON.stringify(path.resolve('src/node/code-worker.ts'))});\n`,
  );
  return script;
}

async function fileSymbols(): Promise<ReturnType<typeof findSymbols> extends Promise<infer T> ? T : never> {
  const text = bigFile();
  console.log(
    `\n1. Symbols of a ${text.split('\n').length - 1}-line TypeScript file (${(text.length / 1024).toFixed(0)} KB)`,
  );
  const parser = codeParser(packageWasmDir());
  let t = now();
  const first = await findSymbols(parser, 'typescript', text);
  console.log(`   cold, runtime and grammar loaded by this parse: ${ms(now() - t)} (${first.symbols.length} symbols)`);
  t = now();
  await findSymbols(parser, 'typescript', text.replace('padding line', 'padding  line'));
  console.log(`   first parse of a new text, grammar loaded:      ${ms(now() - t)}`);
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = now();
    await findSymbols(parser, 'typescript', text);
    warm.push(now() - t);
  }
  console.log(`   warm (median of ${RUNS} re-parses):                ${ms(median(warm))}`);
  parser.dispose();
  const reader = new CodeReader({ wasmDir: packageWasmDir() });
  await reader.ask('symbols', 'big.ts', text);
  t = now();
  await reader.ask('symbols', 'big.ts', text);
  console.log(`   again from the CodeReader's cache (same text):  ${ms(now() - t)} (the content hash included)`);
  reader.dispose();
  return first;
}

async function change(): Promise<void> {
  console.log(`\n2. Symbols of a ${FILES}-file change (git diff -U0, git cat-file --batch, both sides parsed)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cx-bench-symbols-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, stdio: 'pipe' },
    );
  try {
    git('init', '-q', '-b', 'main');
    const text = (i: number, v: number) =>
      Array.from(
        { length: 6 },
        (_, k) =>
          `export class Module${i}Part${k} {\n  run(x: number): number {\n    return x + ${k === 3 ? v : 0};\n  }\n\n  stop(): void {}\n}\n`,
      ).join('\n');
    for (let i = 0; i < FILES; i++) {
      const file = path.join(dir, 'src', `m${i % 40}`, `file${i}.ts`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text(i, 0));
    }
    writeFileSync(
      path.join(dir, 'cx-map.yaml'),
      'version: 1\njourneys:\n  - id: j\n    name: J\n    touchpoints:\n      - id: t\n        name: T\n        paths: [src/**]\n        symbols: [Module1Part3.run]\n',
    );
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, 'src', `m${i % 40}`, `file${i}.ts`), text(i, 1));
    const matcher = new Matcher([
      literalMap('', [
        { id: 'j', tier: 'high', touchpoints: [{ id: 't', paths: ['src/**'], symbols: ['Module1Part3.run'] }] },
      ]),
    ]);
    for (const where of ['workers', 'this thread'] as const) {
      const reader = new CodeReader({
        wasmDir: packageWasmDir(),
        ...(where === 'workers' ? { workerScript: workerScript(), workers: 2 } : {}),
      });
      const t = now();
      const set = await changedFiles(dir, 'HEAD', undefined);
      const report = computeImpact({ base: set.base, head: set.head, coverage: matcher, changedFiles: set.files });
      const narrowed = await narrowBySymbols(report, { root: dir, change: set, reader, mode: 'all' });
      const total = now() - t;
      const touched = narrowed.journeys.flatMap((j) => j.touchpoints.flatMap((tp) => tp.files)).length;
      console.log(
        `   ${where.padEnd(11)}: ${ms(total)} for ${set.files.length} files (${reader.stats.parsed} parses; the touchpoint keeps ${touched} file)`,
      );
      reader.dispose();
    }
    // Nothing needs symbols: nothing is parsed.
    const idle = new CodeReader({ wasmDir: packageWasmDir() });
    const set = await changedFiles(dir, 'HEAD', undefined);
    const plain = computeImpact({
      base: set.base,
      head: set.head,
      coverage: new Matcher([
        literalMap('', [{ id: 'j', tier: 'high', touchpoints: [{ id: 't', paths: ['src/**'] }] }]),
      ]),
      changedFiles: set.files,
    });
    const t = now();
    await narrowBySymbols(plain, { root: dir, change: set, reader: idle, mode: 'touchpoints' });
    console.log(
      `   no touchpoint names symbols (--symbols touchpoints): ${ms(now() - t)}, ${idle.stats.parsed} parses`,
    );
    idle.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function lens(symbols: Awaited<ReturnType<typeof fileSymbols>>): void {
  console.log(
    '\n3. One CodeLens request once parsed (the 5,000-line file, a 1,000-pattern map plus three touchpoints of its own)',
  );
  const { matcher, files } = lensBench();
  // As the editor does: the finder's answer turned into ranges, then the lenses placed.
  const times: number[] = [];
  let lenses = 0;
  for (let round = 0; round < 2; round++) {
    for (const file of files) {
      const t = process.hrtime.bigint();
      const qualified = symbols.symbols.map((s) => ({
        name: s.name,
        range: s.range,
        selectionRange: s.selectionRange,
      }));
      lenses = planLenses(matcher.coverageOf(file), qualified).length;
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `   ${symbols.symbols.length} symbols, ${lenses} lenses: p50 ${times[times.length >> 1]!.toFixed(3)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(3)} ms`,
  );
}

async function main(): Promise<void> {
  console.log(
    `bench:symbols on ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  const symbols = await fileSymbols();
  await change();
  lens(symbols);
}

void main();
