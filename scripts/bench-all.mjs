#!/usr/bin/env node
// `npm run bench`: every benchmark in one run, on the same machine state. The matching benchmark (scripts/bench.ts)
// writes docs/benchmarks.md; the benchmarks of reading code (symbols, the dependency graph, entry points) print their
// own figures, which are appended to it as they were printed, under the load average at their start.
//
//   npm run bench                 everything
//   npm run bench -- match graph  only these (match, symbols, graph, entry, catalog, activation); docs/benchmarks.md is rewritten only
//                                 when match runs
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doc = path.join(root, 'docs', 'benchmarks.md');
const BENCHES = [
  { name: 'match', script: 'scripts/bench.ts', title: undefined, gc: true },
  { name: 'symbols', script: 'scripts/bench-symbols.ts', title: 'Reading code: symbols (issue #13)' },
  {
    name: 'graph',
    script: 'scripts/bench-graph.ts',
    title: 'Reading code: the dependency graph (issue #12)',
    gc: true,
  },
  { name: 'entry', script: 'scripts/bench-entry.ts', title: 'Reading code: entry points (issue #17)' },
  { name: 'catalog', script: 'scripts/bench-catalog.ts', title: 'The journey catalogue (issue #25)' },
  {
    name: 'activation',
    script: 'scripts/bench-activation.ts',
    title: 'The extension bundle: size, load and activate() (issue #24)',
  },
];
const asked = process.argv.slice(2);
const chosen = BENCHES.filter(
  (b) => (asked.length === 0 || asked.includes(b.name)) && fs.existsSync(path.join(root, b.script)),
);
const sections = [];
let failed = 0;
for (const bench of chosen) {
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
  const started = new Date().toISOString().slice(11, 19);
  console.log(`\n━━ bench ${bench.name} (${bench.script}), ${started} UTC, load average ${load}`);
  const args = [...(bench.gc ? ['--expose-gc'] : []), '--import', 'tsx', bench.script];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  if (result.status !== 0) failed++;
  if (bench.title) {
    sections.push(
      `## ${bench.title}`,
      '',
      `\`npm run bench\` (${bench.script}), started ${started} UTC on ${os.cpus().length} cores, load average ${load} (1, 5, 15 min)` +
        (result.status === 0 ? '.' : `; it exited with ${result.status}.`),
      '',
      '```text',
      (result.stdout ?? '').trimEnd(),
      '```',
      '',
    );
  }
}
if (chosen.some((b) => b.name === 'match') && sections.length > 0) {
  fs.appendFileSync(doc, `\n${sections.join('\n')}`);
  console.log(`appended ${sections.filter((s) => s.startsWith('## ')).length} section(s) to docs/benchmarks.md`);
}
process.exit(failed ? 1 : 0);
