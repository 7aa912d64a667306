// The whole command a CI runner runs (issue #24): `node dist/cli.js impact --base HEAD --format json --no-cache` in a
// generated 3,000-file repository committed in git, with 10 code files changed in the working tree (the same
// repositories and the same ten files as scripts/bench-graph.ts's "cold 10-file impact" rows, which time the graph
// part alone). Prints the median wall time of the process, start to exit. A script, not a test.
//
//   npm run build && node --import tsx scripts/bench-cold-impact.ts [plain,go,python,java] [runs] [path/to/cli.js]
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { syntheticMonorepo } from '../test/synthetic/synthetic-monorepo';
import { goRepo, javaRepo, pythonRepo, tenChanged } from '../test/synthetic/language-repos';

const languages = (process.argv[2] ?? 'plain,go,python,java').split(',');
const runs = Number(process.argv[3] ?? 5);
const cli = path.resolve(process.argv[4] ?? path.join(__dirname, '..', 'dist', 'cli.js'));
if (!existsSync(cli)) throw new Error(`No ${cli}: run \`npm run build\` first.`);

/** The repositories of scripts/bench-graph.ts, at 3,000 files. */
function generated(language: string): Record<string, string> {
  if (language === 'plain') return syntheticMonorepo({ packages: 95, modules: 27, apps: 2 });
  if (language === 'go') return goRepo(3000);
  if (language === 'python') return pythonRepo(3000);
  if (language === 'java') return javaRepo(3000);
  throw new Error(`unknown language ${language}`);
}

for (const language of languages) {
  const files = generated(language);
  // A map whose touchpoint covers none of the changed files: each is followed through the graph.
  files['cx-map.yaml'] =
    'version: 1\njourneys:\n  - id: j\n    name: J\n    tier: high\n    touchpoints:\n      - id: t\n        name: T\n        paths:\n          - nothing/here/**\n';
  const root = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'cx-bench-cli-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const git = (...args: string[]): string => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.email=bench@example.com', '-c', 'user.name=bench', 'commit', '-qm', 'base');
    for (const file of tenChanged(Object.keys(files).sort())) appendFileSync(path.join(root, file), '\n// changed\n');
    const times: number[] = [];
    let stderr = '';
    for (let r = 0; r < runs; r++) {
      const started = process.hrtime.bigint();
      const out = spawnSync(process.execPath, [cli, 'impact', '--base', 'HEAD', '--format', 'json', '--no-cache'], {
        cwd: root,
        encoding: 'utf8',
      });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      stderr = out.stderr.trim();
      if (out.status !== 0) throw new Error(`cx-impact exited with ${out.status}: ${stderr}`);
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    console.log(
      `${language}: cx-impact impact --no-cache, 10 files changed: median ${median.toFixed(0)} ms  [${times.map((t) => t.toFixed(0)).join(', ')}] (load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})${stderr ? `; stderr: ${stderr.split('\n')[0]}` : ''}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
