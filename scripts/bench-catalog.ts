// `npm run bench -- catalog` (issue #25): `cx-impact catalog` against `git log --name-only` over the same window, on
// repositories generated with `git fast-import` (fast enough for 50,000 commits on a shared machine): a 3,000-file
// monorepo with 5,000 commits in the window (budget: at most 2 s more than git log), and 200,000 files with 10,000
// patterns and 50,000 commits (budget: 60 s, index.html at most 5 MB, first paint in Chromium at most 1 s). The CLI
// is the built dist/cli.js (run `npm run build` first). A script, not a test: the figures depend on the machine.
//
//   npm run bench -- catalog                 both repositories
//   npm run bench:catalog -- --small     only the 3,000-file repository (--large: only the 200,000-file one; --keep: keep it)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './vscode-host/offline-host.mjs';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
const scratchBase = fs.existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

interface Shape {
  label: string;
  packages: number;
  features: number;
  /** Files per feature folder; the first `code` of them are TypeScript, the rest JSON, Markdown and SVG. */
  filesPerFeature: number;
  code: number;
  journeys: number;
  touchpointsPerJourney: number;
  patternsPerTouchpoint: number;
  commits: number;
  budget: (r: Result) => string[];
}

interface Result {
  files: number;
  patterns: number;
  commits: number;
  gitLogMs: number;
  coldMs: number;
  warmMs: number;
  gitLogCpu: number;
  coldCpu: number;
  warmCpu: number;
  htmlBytes: number;
  firstPaintMs: number;
  readyMs: number;
  journeys: number;
  changes: number;
}

const HEAD_TIME = 1_796_000_000; // 2026-11-30

function featureOf(shape: Shape, k: number, f: number): string {
  return `packages/p${k}/src/f${f}`;
}

/** The fast-import stream: one commit with every file, then `commits - 1` commits of 1 to 3 files each. */
function writeHistory(dir: string, shape: Shape): { files: number; patterns: number } {
  const out = fs.openSync(path.join(dir, 'import.stream'), 'w');
  const chunks: string[] = [];
  let buffered = 0;
  const emit = (text: string): void => {
    chunks.push(text);
    buffered += text.length;
    if (buffered > 4_000_000) flush();
  };
  const flush = (): void => {
    fs.writeSync(out, chunks.join(''));
    chunks.length = 0;
    buffered = 0;
  };
  const data = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const codeOf = (k: number, f: number, j: number, version: number): string => {
    const lines = [`// v${version}`];
    if (j + 1 < shape.code) lines.push(`import { m${j + 1} } from './m${j + 1}';`);
    else lines.push(`import { util${f % 10} } from '../lib/util${f % 10}';`);
    lines.push(`export function m${j}(): number { return ${version}; }`);
    return `${lines.join('\n')}\n`;
  };
  const files: string[] = [];
  emit(`blob\nmark :1\n${data('{"asset": true}\n')}`);
  emit(`blob\nmark :2\n${data('# Notes\n')}`);
  emit(`blob\nmark :3\n${data('<svg xmlns="http://www.w3.org/2000/svg"/>\n')}`);

  // The map: journeys over features, each touchpoint a feature folder named by a few patterns.
  const channels = ['web', 'mobile', 'email', 'api', 'contact-center', 'sms'];
  const tiers = ['critical', 'high', 'medium', 'low'];
  const map: string[] = ['version: 1', 'journeys:'];
  let patterns = 0;
  let feature = 0;
  const totalFeatures = shape.packages * shape.features;
  for (let j = 0; j < shape.journeys; j++) {
    map.push(
      `  - id: journey-${j}`,
      `    name: Journey ${j}`,
      `    tier: ${tiers[j % 4]}`,
      `    owner: "@org/team-${j % 25}"`,
      `    description: Customers do thing ${j}.`,
      '    touchpoints:',
    );
    for (let t = 0; t < shape.touchpointsPerJourney; t++) {
      const at = feature++ % totalFeatures;
      const dir = featureOf(shape, Math.floor(at / shape.features), at % shape.features);
      map.push(
        `      - id: tp-${t}`,
        `        name: Touchpoint ${j}.${t}`,
        `        channel: ${channels[(j + t) % channels.length]}`,
        '        paths:',
      );
      const list = [
        `${dir}/**`,
        `!${dir}/**/*.md`,
        `${dir}/m0.ts`,
        `${dir}/*.json`,
        `${dir}/m1.ts`,
        `${dir}/*.svg`,
        `${dir}/m2.ts`,
      ];
      for (let p = 0; p < shape.patternsPerTouchpoint; p++)
        map.push(`          - "${list[p % list.length]}${p >= list.length ? `#${p}` : ''}"`);
      patterns += shape.patternsPerTouchpoint;
    }
  }

  const first: string[] = [];
  for (let k = 0; k < shape.packages; k++) {
    const routes = [`import express from 'express';`, 'const app = express();'];
    for (let f = 0; f < shape.features; f++) {
      const dir = featureOf(shape, k, f);
      for (let j = 0; j < shape.filesPerFeature; j++) {
        let file: string;
        if (j < shape.code) {
          file = `${dir}/m${j}.ts`;
          first.push(`M 100644 inline ${file}\n${data(codeOf(k, f, j, 0))}`);
        } else {
          const ext = ['json', 'md', 'svg'][j % 3]!;
          file = `${dir}/a${j}.${ext}`;
          first.push(`M 100644 :${ext === 'json' ? 1 : ext === 'md' ? 2 : 3} ${file}\n`);
        }
        files.push(file);
      }
      if (f < 5) {
        routes.splice(1, 0, `import { m0 as h${f} } from './f${f}/m0';`);
        routes.push(`app.get('/p${k}/f${f}', h${f});`);
      }
    }
    for (let u = 0; u < 10; u++) {
      const file = `packages/p${k}/src/lib/util${u}.ts`;
      first.push(`M 100644 inline ${file}\n${data(`export function util${u}(): number { return ${u}; }\n`)}`);
      files.push(file);
    }
    const routesFile = `packages/p${k}/src/routes.ts`;
    first.push(`M 100644 inline ${routesFile}\n${data(`${routes.join('\n')}\n`)}`);
    files.push(routesFile);
  }
  first.push(`M 100644 inline cx-map.yaml\n${data(`${map.join('\n')}\n`)}`);
  first.push(
    `M 100644 inline CODEOWNERS\n${data(`* @org/platform\n${Array.from({ length: Math.min(shape.packages, 200) }, (_, k) => `/packages/p${k}/ @org/team-${k % 25}`).join('\n')}\n`)}`,
  );

  const commitHeader = (n: number, time: number, message: string): string =>
    `commit refs/heads/main\nmark :${100 + n}\nauthor Dev ${n % 37} <dev${n % 37}@example.com> ${time} +0000\ncommitter Dev ${n % 37} <dev${n % 37}@example.com> ${time} +0000\n${data(message)}${n > 0 ? `from :${99 + n}\n` : ''}`;
  const start = HEAD_TIME - shape.commits * 600;
  emit(commitHeader(0, start, 'Initial import'));
  for (const line of first) emit(line);
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed % n;
  };
  for (let c = 1; c < shape.commits; c++) {
    emit(commitHeader(c, start + c * 600, `Change ${c} to the code (#${1000 + c})`));
    const touched = 1 + random(3);
    for (let i = 0; i < touched; i++) {
      const k = random(shape.packages);
      if (random(5) === 0) {
        const u = random(10);
        emit(
          `M 100644 inline packages/p${k}/src/lib/util${u}.ts\n${data(`export function util${u}(): number { return ${c}; }\n`)}`,
        );
      } else {
        const f = random(shape.features);
        const j = random(shape.code);
        emit(`M 100644 inline ${featureOf(shape, k, f)}/m${j}.ts\n${data(codeOf(k, f, j, c))}`);
      }
    }
  }
  flush();
  fs.closeSync(out);
  return { files: files.length, patterns };
}

/** Wall time, and CPU time (user + system, all threads and child processes) when GNU time is there to tell it. */
function timed(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { wall: number; cpu: number } {
  const gnuTime = fs.existsSync('/usr/bin/time');
  const started = performance.now();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', command, ...args], {
        cwd,
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 1 << 30,
      })
    : spawnSync(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wall = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr?.toString() ?? ''}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr?.toString() ?? '');
  return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
}

const best = (runs: { wall: number; cpu: number }[]): { wall: number; cpu: number } =>
  runs.reduce((a, b) => (b.wall < a.wall ? b : a));

async function firstPaint(file: string): Promise<{ paint: number; ready: number }> {
  const browser = await chromium.launch({
    executablePath: process.env.CX_IMPACT_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-ready="1"]');
    return await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { paint, ready: nav?.domContentLoadedEventEnd ?? NaN };
    });
  } finally {
    await browser.close();
  }
}

async function runShape(shape: Shape): Promise<Result> {
  const dir = fs.mkdtempSync(path.join(scratchBase, 'cx-bench-catalog-'));
  const repo = path.join(dir, 'repo');
  const cache = path.join(dir, 'cache');
  try {
    fs.mkdirSync(repo);
    const t0 = performance.now();
    const made = writeHistory(dir, shape);
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo });
    execFileSync('sh', ['-c', `git fast-import --quiet < ${JSON.stringify(path.join(dir, 'import.stream'))}`], {
      cwd: repo,
    });
    execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: repo });
    console.log(
      `  generated ${made.files.toLocaleString('en')} files, ${made.patterns.toLocaleString('en')} patterns, ${shape.commits.toLocaleString('en')} commits in ${((performance.now() - t0) / 1000).toFixed(1)} s (git fast-import)`,
    );
    // The whole history is the window: `--since` the first commit's date.
    const since = new Date((HEAD_TIME - shape.commits * 600) * 1000).toISOString();
    const env = { ...process.env, XDG_CACHE_HOME: cache, SOURCE_DATE_EPOCH: String(HEAD_TIME) };
    const gitLog = best(
      [0, 1, 2].map(() =>
        timed(
          'git',
          [
            'log',
            '--first-parent',
            '--name-only',
            '--no-renames',
            `--since=${since}`,
            '--format=%H %cI %an %s',
            'HEAD',
            '--',
          ],
          repo,
        ),
      ),
    );
    const out = path.join(dir, 'site');
    const args = [cli, 'catalog', '--since', since.slice(0, 19) + 'Z', '--out', out];
    const cold = timed(process.execPath, args, repo, env);
    const warm = best([0, 1, 2].map(() => timed(process.execPath, args, repo, env)));
    const html = path.join(out, 'index.html');
    const catalog = JSON.parse(fs.readFileSync(path.join(out, 'catalog.json'), 'utf8')) as {
      journeys: { changesInWindow: number }[];
      totals: { commits: number };
    };
    const paint = await firstPaint(html);
    return {
      files: made.files,
      patterns: made.patterns,
      commits: catalog.totals.commits,
      gitLogMs: gitLog.wall,
      coldMs: cold.wall,
      warmMs: warm.wall,
      gitLogCpu: gitLog.cpu,
      coldCpu: cold.cpu,
      warmCpu: warm.cpu,
      htmlBytes: fs.statSync(html).size,
      firstPaintMs: paint.paint,
      readyMs: paint.ready,
      journeys: catalog.journeys.length,
      changes: catalog.journeys.reduce((n, j) => n + j.changesInWindow, 0),
    };
  } finally {
    if (process.argv.includes('--keep')) console.log(`  kept ${repo}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SHAPES: Shape[] = [
  {
    label: 'monorepo: 3,000 files, 5,000 commits in the window',
    packages: 12,
    features: 12,
    filesPerFeature: 20,
    code: 12,
    journeys: 20,
    touchpointsPerJourney: 5,
    patternsPerTouchpoint: 2,
    commits: 5_000,
    budget: (r) => [
      `catalog ≤ git log + 2 s: ${r.warmMs - r.gitLogMs <= 2000 ? 'met' : 'NOT met'} (wall, warm: +${((r.warmMs - r.gitLogMs) / 1000).toFixed(2)} s; cold: +${((r.coldMs - r.gitLogMs) / 1000).toFixed(2)} s; CPU time, warm: +${((r.warmCpu - r.gitLogCpu) / 1000).toFixed(2)} s)`,
    ],
  },
  {
    label: 'large: 200,000 files, 10,000 patterns, 50,000 commits',
    packages: 200,
    features: 50,
    filesPerFeature: 20,
    code: 4,
    journeys: 400,
    touchpointsPerJourney: 5,
    patternsPerTouchpoint: 5,
    commits: 50_000,
    budget: (r) => [
      `≤ 60 s: ${r.coldMs <= 60_000 ? 'met' : 'NOT met'} (cold ${(r.coldMs / 1000).toFixed(1)} s, warm ${(r.warmMs / 1000).toFixed(1)} s)`,
      `index.html ≤ 5 MB: ${r.htmlBytes <= 5 * 1024 * 1024 ? 'met' : 'NOT met'} (${(r.htmlBytes / 1024 / 1024).toFixed(2)} MB)`,
      `first paint ≤ 1 s: ${r.firstPaintMs <= 1000 ? 'met' : 'NOT met'} (first contentful paint ${r.firstPaintMs.toFixed(0)} ms)`,
    ],
  },
];

async function main(): Promise<void> {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
  const only = process.argv.includes('--small')
    ? SHAPES.slice(0, 1)
    : process.argv.includes('--large')
      ? SHAPES.slice(1)
      : SHAPES;
  console.log(
    `bench:catalog — load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}, scratch in ${scratchBase}`,
  );
  for (const shape of only) {
    console.log(`\n${shape.label}`);
    const r = await runShape(shape);
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(`                                                              wall      CPU (user+sys)`);
    console.log(
      `  git log --first-parent --name-only (same window, best of 3): ${s(r.gitLogMs).padEnd(9)} ${s(r.gitLogCpu)}`,
    );
    console.log(
      `  cx-impact catalog, cold (no graph cache):                  ${s(r.coldMs).padEnd(9)} ${s(r.coldCpu)}`,
    );
    console.log(
      `  cx-impact catalog, warm (graph cache; best of 3):          ${s(r.warmMs).padEnd(9)} ${s(r.warmCpu)}`,
    );
    console.log(
      `  ${r.journeys} journeys, ${r.commits.toLocaleString('en')} commits in the window, ${r.changes.toLocaleString('en')} journey changes; index.html ${(r.htmlBytes / 1024).toFixed(0)} KB`,
    );
    console.log(
      `  Chromium: first contentful paint ${r.firstPaintMs.toFixed(0)} ms, DOMContentLoaded ${r.readyMs.toFixed(0)} ms`,
    );
    for (const line of shape.budget(r)) console.log(`  budget: ${line}`);
    console.log(
      `  load average after: ${loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')}`,
    );
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
