// Generates the workspaces of the load launches (issue #8), at launch time, never committed:
//
//   node --import tsx test/load/load-fixture.ts load   DIR INFO.json   200,000 files, maps of 10,000 patterns
//   node --import tsx test/load/load-fixture.ts reload DIR INFO.json   a small folder whose map is reloaded
//   node --import tsx test/load/load-fixture.ts first-lens DIR INFO.json        the bench's 3,000-file TS monorepo
//   node --import tsx test/load/load-fixture.ts first-lens-wired DIR INFO.json  the same, NestJS-style wiring (#24)
//
// The repository and maps come from the seeded generator the benchmark uses (test/synthetic/synthetic-repo.ts), so the
// figures of the load test and of `npm run bench` describe the same shapes. INFO.json (outside the workspace) tells the
// test what was generated: the files to open, the map files and the engine's own counts to check the editor's against.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { MAX_MAP_BYTES, MAX_MAP_VALUES, parseMap } from '../../src/core/map/parse';
import { Matcher } from '../../src/core/match/matcher';
import { seededRandom, syntheticMaps, syntheticPaths } from '../synthetic/synthetic-repo';
import { syntheticMonorepo } from '../synthetic/synthetic-monorepo';
import type { CxMap } from '../../src/core/types';

export interface LoadInfo {
  kind: 'load' | 'reload';
  files: number;
  patterns: number;
  /** Map files, relative to the workspace. */
  maps: string[];
  /** Files the maps cover, to open in editors (extensions without a symbol provider in a bare VS Code). */
  open: string[];
  /** The engine's answer over every file, for all maps together: what the editor's counts must equal. */
  coveredFiles: number;
  /** Seconds the generation took, by step. */
  seconds: Record<string, number>;
}

const FILES = 200_000;
const PATTERNS = 10_000;
const OPEN = 50;

// Not TestRepo's git, on purpose: this writes a 200,000-file repository, whose git output must not be buffered
// (stdio ignored, a 256 MB buffer), and it runs as the load launch's generator, without the CLI tests' scaffolding.
function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=CX Impact tests', '-c', 'user.email=tests@cx-impact.invalid', ...args], {
    cwd,
    stdio: 'ignore',
    maxBuffer: 1 << 28,
  });
}

function mapYaml(map: CxMap): string {
  return stringify({
    version: 1,
    journeys: map.journeys.map((j) => ({
      id: j.id,
      name: `Journey ${j.id}`,
      tier: j.tier,
      touchpoints: j.touchpoints.map((t) => ({
        id: t.id,
        name: `Touchpoint ${t.id}`,
        paths: t.paths.map((p) => p.source),
        ...(t.symbols.length ? { symbols: t.symbols } : {}),
      })),
    })),
  });
}

/** Writes the maps as YAML; refuses a map the parser would not read (the test would measure nothing). */
function writeMaps(dir: string, maps: readonly CxMap[]): string[] {
  return maps.map((map) => {
    const text = mapYaml(map);
    const errors = parseMap(text, map.file).diagnostics.filter((d) => d.severity === 'error');
    if (Buffer.byteLength(text) > MAX_MAP_BYTES || errors.length > 0) {
      throw new Error(
        `${map.file}: ${Buffer.byteLength(text)} bytes (limit ${MAX_MAP_BYTES}, ${MAX_MAP_VALUES} values), ${errors.length} errors: ${errors[0]?.message ?? ''}`,
      );
    }
    fs.mkdirSync(path.join(dir, map.dir), { recursive: true });
    fs.writeFileSync(path.join(dir, map.file), text);
    return map.file;
  });
}

function writeFiles(dir: string, files: readonly string[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const parent = path.dirname(file);
    if (!made.has(parent)) {
      fs.mkdirSync(path.join(dir, parent), { recursive: true });
      made.add(parent);
    }
    // Empty: one blob for git to store, and no `.gitignore` among them ignores anything.
    fs.writeFileSync(path.join(dir, file), '');
  }
}

/**
 * One commit of everything, through `git fast-import` (one pack): `git add` + `commit` of 200,000 files wrote loose
 * objects for over a minute on a busy 2-core machine, this takes seconds. `reset` then fills the index from disk.
 */
function commitAll(dir: string, empty: readonly string[], withText: readonly string[]): void {
  git(dir, 'init', '-q', '-b', 'main');
  const parts = [
    'blob\nmark :1\ndata 0\n\ncommit refs/heads/main\ncommitter CX Impact tests <tests@cx-impact.invalid> 1767225600 +0000\ndata 13\nLoad fixture\n\n',
  ];
  for (const file of empty) parts.push(`M 100644 :1 ${file}\n`);
  for (const file of withText) {
    const bytes = fs.readFileSync(path.join(dir, file));
    parts.push(`M 100644 inline ${file}\ndata ${bytes.length}\n`, bytes.toString('utf8'), '\n');
  }
  parts.push('\n');
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: parts.join(''),
    stdio: ['pipe', 'ignore', 'inherit'],
    maxBuffer: 1 << 28,
  });
  git(dir, 'reset', '-q');
}

function pickOpen(matcher: Matcher, files: readonly string[]): string[] {
  const open: string[] = [];
  // Spread over the list, so the editors are in many folders.
  const step = Math.max(1, Math.floor(files.length / 4000));
  for (let i = 0; i < files.length && open.length < OPEN; i += step) {
    const file = files[i]!;
    // A touchpoint without `symbols`: its lens and hover show on any file, without a language server.
    if (/\.(go|py|sql|proto)$/.test(file) && matcher.coverageOf(file).some((c) => c.touchpoint.symbols.length === 0))
      open.push(file);
  }
  if (open.length < OPEN) throw new Error(`only ${open.length} covered files to open`);
  return open;
}

function generate(kind: 'load' | 'reload', dir: string): LoadInfo {
  const seconds: Record<string, number> = {};
  let last = Date.now();
  const lap = (name: string): void => {
    seconds[name] = (Date.now() - last) / 1000;
    last = Date.now();
  };
  const count = kind === 'load' ? FILES : 2_000;
  const files = syntheticPaths(count, seededRandom(kind === 'load' ? 1 : 11));
  const maps = syntheticMaps(
    files,
    { patterns: kind === 'load' ? PATTERNS : 100, packageMaps: kind === 'load' ? 3 : 0 },
    seededRandom(kind === 'load' ? 2 : 12),
  );
  const matcher = new Matcher(maps);
  const coveredFiles = matcher.coverageReport(files).coveredFiles;
  lap('generate');
  fs.mkdirSync(dir, { recursive: true });
  writeFiles(dir, files);
  lap('write files');
  const mapFiles = writeMaps(dir, maps);
  // The hover card shows anywhere in a covered file: the opened files' languages have no symbol provider here. The
  // built-in git extension (a `git status` of 200,000 files on every change, a quick diff per editor) and the npm and
  // TypeScript task detection (thousands of package.json) share the extension host and would measure themselves:
  // they are off. CX Impact runs git itself for its file list.
  const settings = {
    'cxImpact.hover.mode': 'everywhere',
    'git.enabled': false,
    'npm.autoDetect': 'off',
    'typescript.tsc.autoDetect': 'off',
  };
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  if (kind === 'load') {
    commitAll(dir, files, [...mapFiles, '.vscode/settings.json']);
    lap('git commit');
  }
  const patterns = maps.reduce(
    (n, m) => n + m.journeys.reduce((k, j) => k + j.touchpoints.reduce((p, t) => p + t.paths.length, 0), 0),
    0,
  );
  // git lists the maps and settings too; the engine's answer is over what the editor lists.
  const listed = kind === 'load' ? [...files, ...mapFiles, '.vscode/settings.json'].sort() : files;
  return {
    kind,
    files: listed.length,
    patterns,
    maps: mapFiles,
    open: pickOpen(matcher, files),
    coveredFiles: kind === 'load' ? matcher.coverageReport(listed).coveredFiles : coveredFiles,
    seconds,
  };
}

/** What the first-lens launches tell their test (test/integration/first-lens.test.ts). */
export interface FirstLensInfo {
  kind: 'first-lens' | 'first-lens-wired';
  files: number;
  /** A package module no touchpoint covers that the apps' pages import through its package's barrel. */
  open: string;
  seconds: Record<string, number>;
}

/**
 * The generated TypeScript monorepo of scripts/bench-graph.ts (about 3,000 files, the same generator and sizes), with a
 * map whose touchpoints are the two apps' pages: every package module a page imports reaches them indirectly.
 */
function generateMonorepo(kind: 'first-lens' | 'first-lens-wired', dir: string): FirstLensInfo {
  const started = Date.now();
  const modules = 27;
  const packages = Math.max(1, Math.round((3000 - 2 * (modules + 2)) / (modules + 4)));
  const files = syntheticMonorepo({ packages, modules, apps: 2, wired: kind === 'first-lens-wired' });
  files['cx-map.yaml'] = [
    'version: 1',
    'journeys:',
    ...[0, 1].flatMap((a) => [
      `  - id: app${a}`,
      `    name: Use app ${a}`,
      '    tier: high',
      '    touchpoints:',
      `      - id: pages`,
      `        name: App ${a} pages`,
      '        channel: web',
      '        paths:',
      `          - apps/app${a}/src/pages/**`,
    ]),
    '',
  ].join('\n');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  // page0 of app0 imports `f<K>` from package P's barrel (`@mono/pkgP` or `@lib/pkgP`): mK is two hops from it.
  const page = files['apps/app0/src/pages/page0.tsx'] ?? '';
  const found = /import \{ f(\d+) as lib \} from '@(?:mono|lib)\/pkg(\d+)'/.exec(page);
  if (!found) throw new Error(`apps/app0/src/pages/page0.tsx imports no package: ${page}`);
  return {
    kind,
    files: Object.keys(files).length,
    open: `packages/pkg${found[2]}/src/m${found[1]}.ts`,
    seconds: { generate: (Date.now() - started) / 1000 },
  };
}

const [kind, dir, infoFile] = process.argv.slice(2);
if (kind === 'first-lens' || kind === 'first-lens-wired') {
  if (!dir || !infoFile) process.exit(2);
  const made = generateMonorepo(kind, dir);
  fs.writeFileSync(infoFile, JSON.stringify(made, null, 2));
  console.log(`FIRST-LENS: generated ${kind}: ${made.files} files in ${made.seconds.generate?.toFixed(1)} s`);
  process.exit(0);
}
if ((kind !== 'load' && kind !== 'reload') || !dir || !infoFile) {
  console.error('usage: load-fixture.ts load|reload|first-lens|first-lens-wired DIR INFO.json');
  process.exit(2);
}
const info = generate(kind, dir);
fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
console.log(
  `LOAD: generated ${kind} workspace: ${info.files} files, ${info.patterns} patterns in ${info.maps.length} maps (${Object.entries(
    info.seconds,
  )
    .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
    .join(', ')})`,
);
