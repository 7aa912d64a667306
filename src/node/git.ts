// Runs git for the CLI (and the extension, in trusted workspaces). Never through a shell; diff drivers and textconv
// filters that a repository configures are never run; refs that could be read as options are refused.
import { execFile, spawn } from 'node:child_process';
import * as path from 'node:path';
import type { ChangeStatus, ChangedFile } from '../core/types';

/** Any git failure, with a one-line reason meant for the user. */
export class GitError extends Error {
  override name = 'GitError';
}

/** The head of `impact` when it is the working tree, as in the JSON report. */
export const WORKTREE = 'WORKTREE';

interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

const MAX_BUFFER = 512 * 1024 * 1024;

/** Commands that read files of the working tree, where git would run a clean filter the repository configures. */
const READS_WORKTREE = new Set(['diff', 'ls-files', 'status']);

async function run(cwd: string, args: readonly string[]): Promise<RunResult> {
  const filters = READS_WORKTREE.has(args[0] ?? '') ? await filterOverrides(cwd) : [];
  return exec(cwd, [...filters, ...args], args[0] ?? '');
}

/**
 * `-c` options that empty every filter driver the configuration names (`filter.<name>.clean`, `smudge`, `process`):
 * git diff runs a clean filter on a working-tree file whose stat changed, and the program is the repository's
 * choice. Listing the config runs nothing.
 */
async function filterOverrides(cwd: string): Promise<string[]> {
  const listed = await exec(cwd, ['config', '-z', '--get-regexp', '^filter\\..+\\.(clean|smudge|process|required)$'], 'config');
  const names = new Set<string>();
  for (const entry of splitZ(listed.stdout)) {
    const key = entry.split('\n', 1)[0] ?? '';
    const name = /^filter\.(.+)\.[a-z]+$/i.exec(key)?.[1];
    if (name !== undefined) names.add(name);
  }
  return [...names].flatMap((name) => ['clean=', 'smudge=', 'process=', 'required=false'].flatMap((setting) => ['-c', `filter.${name}.${setting}`]));
}

function exec(cwd: string, args: readonly string[], command: string): Promise<RunResult> {
  // quotepath=off keeps non-ASCII names as they are; -z output is parsed anyway, so nothing is quoted.
  // fsmonitor=false: a repository's config can name an fsmonitor hook, a program that diff and ls-files would run.
  const argv = ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', ...args];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      argv,
      { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT' && stdout === '' && stderr === '') {
          reject(new GitError('git was not found on the PATH; install git or put it on the PATH'));
          return;
        }
        if (error && typeof error.code !== 'number') {
          reject(new GitError(`git ${command} failed: ${firstLine(error.message)}`));
          return;
        }
        resolve({ stdout, stderr, code: error ? Number(error.code) : 0 });
      },
    );
  });
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const result = await run(cwd, args);
  if (result.code !== 0) throw new GitError(`git ${args[0] ?? ''} failed: ${firstLine(result.stderr) || `exit code ${result.code}`}`);
  return result.stdout;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}

function splitZ(output: string): string[] {
  const parts = output.split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The repository's top-level folder above `cwd`. */
export async function repoRoot(cwd: string): Promise<string> {
  const result = await run(cwd, ['rev-parse', '--show-toplevel']);
  if (result.code !== 0) {
    if (/not a git repository/i.test(result.stderr)) throw new GitError(`not a git repository: ${cwd}`);
    if (/must be run in a work tree/i.test(result.stderr)) throw new GitError(`${cwd} is in a bare repository (no working tree): run cx-impact in a checkout`);
    throw new GitError(`git rev-parse failed in ${cwd}: ${firstLine(result.stderr)}`);
  }
  return path.resolve(result.stdout.trim());
}

/** The top-level, or undefined when `cwd` is not in a git repository (or git is missing). */
export async function findRepoRoot(cwd: string): Promise<string | undefined> {
  try {
    return await repoRoot(cwd);
  } catch {
    return undefined;
  }
}

/** Refs come from the command line: one that starts with `-` would be read by git as an option. */
export function checkRef(ref: string): void {
  if (ref.startsWith('-')) throw new GitError(`refusing ref "${ref}": a ref may not start with "-"`);
  if (ref.length === 0 || ref.includes('\0')) throw new GitError('refusing an empty ref');
}

/** The commit a ref names. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  checkRef(ref);
  const result = await run(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (result.code !== 0 || !result.stdout.trim()) {
    if (ref === 'HEAD') throw new GitError('the repository has no commits yet: commit once, then compare against it');
    throw new GitError(`unknown ref "${ref}": no such branch, tag or commit`);
  }
  return result.stdout.trim();
}

async function refExists(root: string, ref: string): Promise<boolean> {
  const result = await run(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  return result.code === 0;
}

/** The base when none is given: the current branch's upstream, else `origin/HEAD`, else `HEAD`. */
export async function defaultBase(root: string): Promise<string> {
  const upstream = await run(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  if (upstream.code === 0 && upstream.stdout.trim()) return upstream.stdout.trim();
  if (await refExists(root, 'origin/HEAD')) return 'origin/HEAD';
  return 'HEAD';
}

export async function isShallow(root: string): Promise<boolean> {
  const result = await run(root, ['rev-parse', '--is-shallow-repository']);
  return result.stdout.trim() === 'true';
}

export async function mergeBase(root: string, base: string, head: string): Promise<string> {
  const result = await run(root, ['merge-base', '--end-of-options', base, head]);
  if (result.code === 0 && result.stdout.trim()) return result.stdout.trim();
  if (await isShallow(root)) {
    throw new GitError(
      `the clone is shallow and does not reach the merge-base of ${base} and ${head}; fetch more history (git fetch --unshallow, or fetch-depth: 0 in CI)`,
    );
  }
  throw new GitError(`${base} and ${head} have no common history (no merge-base)`);
}

export interface ChangeSet {
  /** The resolved merge-base commit the change is measured from. */
  base: string;
  /** The resolved head commit, or WORKTREE. */
  head: string;
  files: ChangedFile[];
}

const STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

/** Parses `git diff --name-status -z` output (with renames: `R100\0old\0new\0`). */
export function parseNameStatus(output: string): ChangedFile[] {
  const parts = splitZ(output);
  const files: ChangedFile[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++] ?? '';
    const letter = code.charAt(0);
    if (letter === 'R' || letter === 'C') {
      const oldPath = parts[i++];
      const newPath = parts[i++];
      if (oldPath === undefined || newPath === undefined) throw new GitError('git diff printed a truncated rename');
      files.push({ path: newPath, oldPath, status: STATUS[letter] ?? 'modified' });
    } else {
      const file = parts[i++];
      if (file === undefined) throw new GitError('git diff printed a truncated entry');
      // U (unmerged) and X are rare; they still changed.
      files.push({ path: file, status: STATUS[letter] ?? 'modified' });
    }
  }
  return files;
}

const DIFF_FLAGS = ['--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--name-status', '-z', '-M'];

/**
 * The files a change touches (contract §4). With `head`: `BASE...HEAD`. Without: the merge-base of BASE and HEAD
 * against the working tree, staged, unstaged and untracked files included.
 */
export async function changedFiles(root: string, base: string | undefined, head: string | undefined): Promise<ChangeSet> {
  const baseRef = base ?? (await defaultBase(root));
  checkRef(baseRef);
  if (head !== undefined) checkRef(head);
  const [, headCommit] = await Promise.all([resolveCommit(root, baseRef), resolveCommit(root, head ?? 'HEAD')]);
  const from = await mergeBase(root, baseRef, head ?? 'HEAD');

  if (head !== undefined) {
    const out = await git(root, ['diff', ...DIFF_FLAGS, '--end-of-options', from, headCommit, '--']);
    return { base: from, head: headCommit, files: parseNameStatus(out) };
  }
  const [diff, others] = await Promise.all([
    git(root, ['diff', ...DIFF_FLAGS, '--end-of-options', from, '--']),
    git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--']),
  ]);
  const untracked = splitZ(others).map((file): ChangedFile => ({ path: file, status: 'untracked' }));
  return { base: from, head: WORKTREE, files: [...parseNameStatus(diff), ...untracked] };
}

/** The repository's files as they are on disk: tracked (unless deleted) and untracked, ignoring what .gitignore ignores. */
export async function worktreeFiles(root: string): Promise<string[]> {
  const [listed, deleted] = await Promise.all([
    git(root, ['ls-files', '-co', '--exclude-standard', '-z', '--']),
    // A tracked file deleted from disk is still listed by -c; git knows which (cheaper than a stat per file).
    git(root, ['ls-files', '-d', '-z', '--']),
  ]);
  const gone = new Set(splitZ(deleted));
  return [...new Set(splitZ(listed))].filter((f) => !gone.has(f));
}

/** The files of a commit. */
export async function filesAt(root: string, rev: string): Promise<string[]> {
  checkRef(rev);
  return splitZ(await git(root, ['ls-tree', '-r', '--name-only', '-z', '--full-tree', '--end-of-options', rev]));
}

/** A file's text at a commit, or undefined when the commit does not have it. */
export async function showFile(root: string, rev: string, file: string): Promise<string | undefined> {
  checkRef(rev);
  const result = await run(root, ['show', '--no-ext-diff', '--no-textconv', `${rev}:${file}`]);
  if (result.code !== 0) {
    if (/does not exist|exists on disk, but not in|invalid object name|path .* does not exist/i.test(result.stderr)) return undefined;
    throw new GitError(`git show ${rev}:${file} failed: ${firstLine(result.stderr)}`);
  }
  return result.stdout;
}

export type RefKind = 'branch' | 'remote' | 'tag';

export interface RefInfo {
  /** Short name as git prints it (`main`, `origin/main`, `v1.2`), usable as a ref. */
  name: string;
  kind: RefKind;
}

/** Branches, remote branches and tags, for a ref picker. Symbolic refs such as `origin/HEAD` are left out. */
export async function listRefs(root: string): Promise<RefInfo[]> {
  const out = await git(root, [
    'for-each-ref',
    '--format=%(refname)%00%(refname:short)%00%(symref)',
    '--sort=refname',
    'refs/heads',
    'refs/remotes',
    'refs/tags',
  ]);
  const refs: RefInfo[] = [];
  // git forbids control characters in ref names, so one ref a line is safe.
  for (const line of out.split('\n')) {
    const [full = '', short = '', symref = ''] = line.split('\0');
    if (!full || symref) continue;
    const kind: RefKind | undefined = full.startsWith('refs/heads/') ? 'branch' : full.startsWith('refs/remotes/') ? 'remote' : full.startsWith('refs/tags/') ? 'tag' : undefined;
    if (kind && !short.startsWith('-')) refs.push({ name: short, kind });
  }
  return refs;
}

/** The current branch's name, or undefined on a detached HEAD. */
export async function currentBranch(root: string): Promise<string | undefined> {
  const result = await run(root, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  return result.code === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

/** The current branch's upstream (`origin/main`), or undefined when it has none. */
export async function upstreamOf(root: string): Promise<string | undefined> {
  const result = await run(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{upstream}']);
  return result.code === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

/** True when the ref names a commit. */
export async function hasCommit(root: string, ref: string): Promise<boolean> {
  checkRef(ref);
  return refExists(root, ref);
}

/**
 * Where HEAD points and the commit of every ref, as one string: two equal fingerprints mean no checkout, commit,
 * reset or branch change happened in between.
 */
export async function headFingerprint(root: string): Promise<string> {
  const [symbolic, refs] = await Promise.all([
    run(root, ['symbolic-ref', '--quiet', 'HEAD']),
    run(root, ['show-ref', '--head']),
  ]);
  return `${symbolic.stdout.trim()}\n${refs.stdout}`;
}

/**
 * The `git diff -U0` of a change (contract §3: the changed line ranges on both sides), for `paths` only when given.
 * Same range as changedFiles: `base` is the merge-base; `head` a commit, or WORKTREE for the working tree.
 */
export async function diffZeroContext(root: string, base: string, head: string, paths?: readonly string[]): Promise<string> {
  checkRef(base);
  if (head !== WORKTREE) checkRef(head);
  const args = ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '-U0', '-M', '--end-of-options', base];
  if (head !== WORKTREE) args.push(head);
  return git(root, [...args, '--', ...(paths ?? [])]);
}

/**
 * The texts of many blobs at once (`rev:path` each), through one `git cat-file --batch`: a process per file would
 * cost more than parsing them. Undefined for a spec git does not have.
 */
export function readBlobs(root: string, specs: readonly string[]): Promise<(string | undefined)[]> {
  if (specs.length === 0) return Promise.resolve([]);
  for (const spec of specs) if (spec.includes('\n')) return Promise.reject(new GitError('a path with a line break cannot be read in a batch'));
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-c', 'core.quotepath=off', '-c', 'core.fsmonitor=false', 'cat-file', '--batch'], {
      cwd: root,
      windowsHide: true,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(new GitError(err.code === 'ENOENT' ? 'git was not found on the PATH; install git or put it on the PATH' : `git cat-file failed: ${err.message}`)),
    );
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new GitError(`git cat-file failed: ${firstLine(stderr) || `exit code ${code}`}`));
        return;
      }
      const out = Buffer.concat(chunks);
      const texts: (string | undefined)[] = [];
      let at = 0;
      for (let i = 0; i < specs.length; i++) {
        const eol = out.indexOf(10, at);
        if (eol < 0) break;
        const header = out.subarray(at, eol).toString('utf8');
        at = eol + 1;
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m) {
          texts.push(undefined);
          continue;
        }
        const size = Number(m[2]);
        texts.push(m[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : undefined);
        at += size + 1;
      }
      while (texts.length < specs.length) texts.push(undefined);
      resolve(texts);
    });
    child.stdin.end(specs.map((s) => `${s}\n`).join(''));
  });
}

/**
 * git's output for the readers of history (src/node/history.ts), through the same runner: no shell, the filter
 * drivers a repository configures emptied when `worktree` (blame reads the working-tree file), a GitError otherwise.
 */
export async function readGit(root: string, args: readonly string[], worktree = false): Promise<string> {
  const filters = worktree ? await filterOverrides(root) : [];
  const result = await exec(root, [...filters, ...args], args[0] ?? '');
  if (result.code !== 0) throw new GitError(`git ${args[0] ?? ''} failed: ${firstLine(result.stderr) || `exit code ${result.code}`}`);
  return result.stdout;
}
