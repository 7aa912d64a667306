#!/usr/bin/env node
// One row of docs/accuracy.md: CX Impact's dependency graph, indirect reach and entry points on a checked-out
// repository, against an oracle written apart from the engine (scripts/accuracy/oracle-*.{py,mjs}).
//
//   node scripts/accuracy/run.mjs <repo-dir> <map.yaml> --oracle ts|python|java|go [--cli dist/cli.js] [--details]
//
// The map is copied into the repository as cx-map.yaml (the checkout is a scratch copy outside this repository).
// The engine side is the built CLI (`npm run build`): `deps --format json` for the edges, `explain --format json`
// for each file's touchpoints and indirect reach, `entry-points --format json`. The oracle prints
// { files, edges: [[from, to]], entryPoints: [{ method, route, file }] }. The (file, journey) pairs of the oracle
// are computed here from the oracle's edges with the engine's hop rules (reach.ts: up to 2 hops through importers,
// stopping at a covered file; shared above 300 transitive importers or 5 journeys within 2 hops: no pairs).
// Not used by any test.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const [repo, map] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const oracleKind = flag('--oracle');
const cli = path.resolve(flag('--cli') ?? path.join(here, '..', '..', 'dist', 'cli.js'));
const details = args.includes('--details');
if (!repo || !map || !oracleKind) {
  console.error(
    'usage: node scripts/accuracy/run.mjs <repo-dir> <map.yaml> --oracle ts|python|java|go [--cli dist/cli.js] [--details]',
  );
  process.exit(2);
}
const MAX_HOPS = 2;
const SHARED_ABOVE = 300;
const SHARED_JOURNEYS = 5;
const EXT = { ts: /\.(ts|tsx|js|jsx|mjs|cjs)$/, python: /\.py$/, java: /\.java$/, go: /\.go$/ }[oracleKind];

copyFileSync(map, path.join(repo, 'cx-map.yaml'));
const run = (cmd, argv, opts = {}) =>
  execFileSync(cmd, argv, {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...opts,
  });
const commit = run('git', ['rev-parse', 'HEAD']).trim();
const tracked = run('git', ['ls-files'])
  .split('\n')
  .filter((f) => EXT.test(f));

// --- engine ---
const deps = JSON.parse(run('node', [cli, 'deps', '--no-cache', '--format', 'json', ...tracked]));
const universe = new Set(deps.files.filter((f) => f.inGraph && !f.excluded && !f.skipped).map((f) => f.path));
const engineEdges = new Set();
for (const f of deps.files)
  if (universe.has(f.path))
    for (const e of f.imports) if (universe.has(e.file)) engineEdges.add(`${f.path} -> ${e.file}`);
const explain = JSON.parse(run('node', [cli, 'explain', '--no-cache', '--format', 'json', ...universe]));
const covered = new Map();
const enginePairs = new Set();
for (const e of explain) {
  const journeys = new Set(e.touchpoints.map((t) => t.journey));
  if (journeys.size > 0) covered.set(e.path, journeys);
}
for (const e of explain) {
  if (covered.has(e.path) || e.shared) continue;
  for (const hit of e.indirect ?? []) enginePairs.add(`${e.path} ~ ${hit.journey}`);
}
const engineEntries = new Set(
  JSON.parse(run('node', [cli, 'entry-points', '--format', 'json']))
    .entryPoints.filter((p) => p.kind === 'http')
    .map(entryKey),
);

// --- oracle ---
const oracleCmd = {
  ts: ['node', [path.join(here, 'oracle-ts.mjs'), repo]],
  python: ['python3', [path.join(here, 'oracle-python.py'), repo]],
  java: ['python3', [path.join(here, 'oracle-java.py'), repo]],
  go: ['python3', [path.join(here, 'oracle-go.py'), repo]],
}[oracleKind];
const oracle = JSON.parse(run(oracleCmd[0], oracleCmd[1]));
const oracleEdges = new Set(
  oracle.edges.filter(([a, b]) => a !== b && universe.has(a) && universe.has(b)).map(([a, b]) => `${a} -> ${b}`),
);
const importers = new Map();
for (const edge of oracleEdges) {
  const [a, b] = edge.split(' -> ');
  if (!importers.has(b)) importers.set(b, new Set());
  importers.get(b).add(a);
}
const oraclePairs = new Set();
for (const file of universe) {
  if (covered.has(file)) continue;
  if (transitiveImporters(file) > SHARED_ABOVE) continue;
  const reached = reachOracle(file);
  if (reached.size >= SHARED_JOURNEYS) continue;
  for (const j of reached) oraclePairs.add(`${file} ~ ${j}`);
}
const oracleEntries = new Set(oracle.entryPoints.map(entryKey));

function transitiveImporters(file) {
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length)
    for (const from of importers.get(queue.shift()) ?? []) if (!seen.has(from)) seen.add(from) && queue.push(from);
  return seen.size - 1;
}
function reachOracle(file) {
  const hops = new Map([[file, 0]]);
  const queue = [file];
  const journeys = new Set();
  while (queue.length) {
    const at = queue.shift();
    if (at !== file && covered.has(at)) {
      for (const j of covered.get(at)) journeys.add(j);
      continue;
    }
    if (hops.get(at) >= MAX_HOPS) continue;
    for (const from of importers.get(at) ?? []) {
      if (hops.has(from)) continue;
      hops.set(from, hops.get(at) + 1);
      queue.push(from);
    }
  }
  return journeys;
}
/** Method and path, compared without regex anchors (`^api/x/?$`), an optional or trailing `/`, or doubled `/`. */
function entryKey(p) {
  let route = `/${p.route ?? ''}`
    .replace(/\^|\$$/g, '')
    .replace(/\/\?$/, '')
    .replace(/\/{2,}/g, '/');
  if (route.length > 1) route = route.replace(/\/$/, '');
  return `${(p.method ?? 'ANY').toUpperCase()} ${route}`;
}

// --- compare ---
function score(engine, truth) {
  let tp = 0;
  for (const x of engine) if (truth.has(x)) tp++;
  // Nothing claimed: precision is undefined (shown as –); nothing to find: recall likewise.
  const p = engine.size === 0 ? NaN : tp / engine.size;
  const r = truth.size === 0 ? NaN : tp / truth.size;
  return {
    engine: engine.size,
    oracle: truth.size,
    tp,
    p,
    r,
    extra: [...engine].filter((x) => !truth.has(x)).sort(),
    missed: [...truth].filter((x) => !engine.has(x)).sort(),
  };
}
const pct = (x) => (Number.isNaN(x) ? '–' : `${Math.round(x * 100)} %`);
const cell = (s) => `${s.tp}/${s.engine} · ${s.tp}/${s.oracle} (P ${pct(s.p)}, R ${pct(s.r)})`;
const edges = score(engineEdges, oracleEdges);
const pairs = score(enginePairs, oraclePairs);
const entries = score(engineEntries, oracleEntries);
const name = path.basename(path.resolve(repo));
console.log(
  `| ${name} (\`${commit.slice(0, 8)}\`) | ${oracleKind} | ${universe.size} | ${cell(edges)} | ${cell(pairs)} | ${cell(entries)} |`,
);
if (details) {
  for (const [what, s] of [
    ['edges', edges],
    ['(file, journey) pairs', pairs],
    ['entry points', entries],
  ]) {
    console.log(`\n${what}: engine only (${s.extra.length})`);
    for (const x of s.extra) console.log(`  + ${x}`);
    console.log(`${what}: oracle only (${s.missed.length})`);
    for (const x of s.missed) console.log(`  - ${x}`);
  }
}
