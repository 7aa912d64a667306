// `npm run bench:parse` (issue #7): how long `parseMap` takes on the generated maps `npm run bench` parses
// (100, 2,000 and 10,000 patterns), cold (the first parse in the process) and warm (median of several runs),
// wall and CPU time. A script, not a test: the figures depend on the machine.
//
//   npm run bench:parse                  all three sizes, 15 warm runs each
//   npm run bench:parse -- --runs 30 --patterns 10000 --paths 200000
//   npm run bench:parse -- --yaml          every text composed by the yaml package (no fast block reader)
//
// Also prints a digest of everything parseMap returned, so a change to the parser can be checked to give
// the same maps and diagnostics on these inputs.
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseMap, setBlockReader, MAX_MAP_BYTES } from '../src/core/map/parse';
import { seededRandom, syntheticMapTexts, syntheticMaps, syntheticPaths } from '../test/synthetic/synthetic-repo';

function option(name: string, fallback: number[]): number[] {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  return (process.argv[at + 1] ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
}

const PATTERN_SIZES = option('patterns', [100, 2_000, 10_000]);
const PATH_SIZE = option('paths', [10_000])[0] ?? 10_000;
const RUNS = option('runs', [15])[0] ?? 15;
const YAML_ONLY = process.argv.includes('--yaml');

const gc = (globalThis as { gc?: () => void }).gc;

function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e3;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function parseAll(files: ReadonlyArray<{ file: string; text: string }>): {
  wall: number;
  cpu: number;
  results: unknown[];
} {
  const results: unknown[] = [];
  const cpu0 = cpuMs();
  const t0 = now();
  for (const { file, text } of files) results.push(parseMap(text, file));
  const wall = now() - t0;
  return { wall, cpu: cpuMs() - cpu0, results };
}

function main(): void {
  setBlockReader(!YAML_ONLY);
  const paths = syntheticPaths(PATH_SIZE, seededRandom(PATH_SIZE));
  const inputs = PATTERN_SIZES.map((patterns) => {
    const maps = syntheticMaps(paths, { patterns, packageMaps: 3 }, seededRandom(PATH_SIZE + patterns));
    return { patterns, files: syntheticMapTexts(maps, MAX_MAP_BYTES * 0.6) };
  });
  console.log(
    `Node ${process.version}, ${PATH_SIZE.toLocaleString('en-US')} paths, ${RUNS} warm runs${YAML_ONLY ? ', yaml package only' : ''}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  for (const { patterns, files } of inputs) {
    const kb = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1024;
    gc?.();
    const cold = parseAll(files);
    const digest = createHash('sha256').update(JSON.stringify(cold.results)).digest('hex').slice(0, 16);
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      gc?.();
      const { wall, cpu } = parseAll(files);
      walls.push(wall);
      cpus.push(cpu);
    }
    const problems = (cold.results as Array<{ diagnostics: unknown[] }>).reduce(
      (sum, r) => sum + r.diagnostics.length,
      0,
    );
    console.log(
      `${patterns.toLocaleString('en-US').padStart(6)} patterns (${kb.toFixed(0)} KiB in ${files.length} files, ${problems} diagnostics): ` +
        `cold ${cold.wall.toFixed(1)} ms (CPU ${cold.cpu.toFixed(0)}), warm median ${median(walls).toFixed(1)} ms (CPU ${median(cpus).toFixed(1)}), ` +
        `min ${Math.min(...walls).toFixed(1)} ms; output ${digest}`,
    );
  }
}

main();
