// For the CLI tests: builds the real CLI bundle once, runs it as a process, and makes throw-away git repositories.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import * as path from 'node:path';
import { GRAMMAR_FILES, RUNTIME_FILES } from '../core/code/languages';
import { packageWasmDir } from '../node/package-wasm';

const projectRoot = path.resolve(__dirname, '..', '..');
const scratch: string[] = [];
let bundle: string | undefined;

/** A temp folder removed by `removeScratch()`. */
export function scratchDir(prefix = 'cx-impact-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The same esbuild settings as scripts/build.mjs, into a temp folder: the tests run what users run. */
export function cliBundle(): string {
  if (bundle) return bundle;
  // Loaded here, not at the top: the integration suite (bundled for the extension host, with esbuild external) uses
  // TestRepo for git only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  // Shared by every test file of the run, so it outlives removeScratch() and goes when the process does.
  const dir = mkdtempSync(path.join(tmpdir(), 'cx-impact-cli-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'cli.js');
  buildSync({
    entryPoints: [path.join(projectRoot, 'src/cli/main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
  });
  // As scripts/build.mjs lays out dist/: the code worker and tree-sitter's files beside the CLI.
  buildSync({
    entryPoints: [path.join(projectRoot, 'src/node/code-worker.ts')],
    outfile: path.join(dir, 'code-worker.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  // The journey catalogue's page script, which `catalog` inlines into index.html.
  buildSync({
    entryPoints: [path.join(projectRoot, 'src/catalog/page/main.ts')],
    outfile: path.join(dir, 'catalog-page.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'warning',
  });
  const wasm = packageWasmDir();
  mkdirSync(path.join(dir, 'tree-sitter'));
  for (const file of [...RUNTIME_FILES, ...Object.values(GRAMMAR_FILES)])
    copyFileSync(path.join(wasm, file), path.join(dir, 'tree-sitter', file));
  bundle = out;
  return out;
}

/** Git without the machine's own configuration, with a fixed identity. */
export const gitEnv: Record<string, string> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: devNull,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

let testCache: string | undefined;

/** The CLI's graph cache goes to a folder of this test run, never to the user's ~/.cache (a test may name its own). */
function cacheHome(): string {
  if (!testCache) {
    const dir = mkdtempSync(path.join(tmpdir(), 'cx-impact-cache-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    testCache = dir;
  }
  return testCache;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, ...gitEnv, XDG_CACHE_HOME: cacheHome(), ...extra };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  return base;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd: string; input?: string; env?: Record<string, string> },
): CliResult {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: env(options.env),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export class TestRepo {
  constructor(readonly dir: string) {}

  static create(files: Record<string, string> = {}): TestRepo {
    const repo = new TestRepo(scratchDir('cx-impact-repo-'));
    repo.git('init', '-q', '-b', 'main');
    // A commit of thousands of files would start a background gc that writes .git while a test compares it.
    repo.git('config', 'gc.auto', '0');
    repo.write(files);
    return repo;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: env() });
  }

  write(files: Record<string, string>): void {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
      writeFileSync(path.join(this.dir, file), text);
    }
  }

  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  cli(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliResult {
    return runCli(args, {
      cwd: options.cwd ?? this.dir,
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
  }
}
