// Shared by the hostile-repository suites: a proof that a command left the repository as it was, programs that leave
// a marker when they run, and a run of the built CLI with a time limit, its peak memory (max RSS) measured.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cliBundle, gitEnv, scratchDir, type TestRepo } from '../node/test-repo';

/** Every entry under `dir` (the .git folder included), with its size and modification time; links not followed. */
export function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((entry) => {
      const stat = lstatSync(path.join(dir, entry));
      return `${entry} ${stat.mode} ${stat.size} ${stat.mtimeMs}`;
    });
}

/** Proves `run` changed nothing in the repository: `git status --ignored`, and every entry (size, mode, time). */
export async function leavesUntouched<T>(repo: TestRepo, run: () => T | Promise<T>): Promise<T> {
  // git status refreshes the index itself, so it runs before the snapshot.
  const status = (): string =>
    repo.git('-c', 'core.fsmonitor=false', '-c', 'diff.ignoreSubmodules=dirty', 'status', '--porcelain', '--ignored');
  const statusBefore = status();
  const before = tree(repo.dir);
  const result = await run();
  const after = tree(repo.dir);
  const gone = new Set(after);
  const added = new Set(before);
  assert.deepEqual(
    { changed: after.filter((e) => !added.has(e)), was: before.filter((e) => !gone.has(e)) },
    { changed: [], was: [] },
    'the CLI wrote into the repository',
  );
  assert.equal(status(), statusBefore);
  return result;
}

/** A program that leaves a marker file outside the repository when it runs. */
export function trap(name: string, filter = false): { program: string; ran: () => boolean; count: () => number } {
  const dir = scratchDir('cx-impact-trap-');
  const marker = path.join(dir, `${name}-ran`);
  const program = path.join(dir, `${name}.sh`);
  // Only a filter reads its input: a hook that waited on stdin would hang the command that runs it.
  writeFileSync(program, `#!/bin/sh\necho ran >> "${marker}"\n${filter ? 'cat\n' : ''}`);
  chmodSync(program, 0o755);
  const count = (): number => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').length - 1 : 0);
  return { program, ran: () => count() > 0, count };
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process (worker threads included; git's own processes not), in MB. */
  maxRssMb: number;
  seconds: number;
  timedOut: boolean;
}

/**
 * Runs the built CLI in `cwd` and measures it: `process.resourceUsage().maxRSS` written at exit by a preload. Killed
 * after `timeoutMs` (a hang is a result, not a stuck test). `stdin: 'open'` leaves standard input open and silent,
 * as a terminal or CI step would. `shell`: a sh script that ends by exec-ing the CLI (`"$@"`), for ulimit and `$$`.
 */
export function measuredCli(
  cwd: string,
  args: readonly string[],
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    stdin?: 'open' | 'closed';
    shell?: string;
    cacheHome?: string;
  } = {},
): Promise<MeasuredRun> {
  const dir = scratchDir('cx-impact-rss-');
  const preload = path.join(dir, 'rss.cjs');
  const out = path.join(dir, 'rss');
  writeFileSync(
    preload,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...gitEnv,
    XDG_CACHE_HOME: options.cacheHome ?? scratchDir('cx-impact-cache-'),
    ...options.env,
    NODE_OPTIONS: `--require ${preload}`,
  };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const argv = [process.execPath, cliBundle(), ...args];
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = options.shell
      ? spawn('sh', ['-c', options.shell, 'sh', ...argv], { cwd, env })
      : spawn(argv[0]!, argv.slice(1), { cwd, env });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr.length < 1_000_000 ? (stderr += c.toString('utf8')) : undefined));
    if (options.stdin !== 'open') child.stdin.end();
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      const kb = existsSync(out) ? Number(readFileSync(out, 'utf8')) : NaN;
      resolve({
        code,
        stdout,
        stderr,
        maxRssMb: Math.round(kb / 1024),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        timedOut,
      });
    });
  });
}
