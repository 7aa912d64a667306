// Runs git for the CLI (and the extension, in trusted workspaces). Never through a shell; diff drivers and textconv
// filters that a repository configures are never run; refs that could be read as options are refused.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

/** Most of git's output a command keeps; more is an error (streamed commands keep only what they need). */
const MAX_OUTPUT = 256 * 1024 * 1024;
/** git's stderr kept for the one-line reason. */
const MAX_STDERR = 64 * 1024;
/** Blobs and diffs over this are not read (the same limit as the code reader's, MAX_PARSE_BYTES). */
export const MAX_BLOB_BYTES = 1024 * 1024;

/** Commands that read files of the working tree, where git would run a clean filter the repository configures. */
const READS_WORKTREE = new Set(['diff', 'ls-files', 'status']);

/**
 * Settings given to every git, ahead of the command: a `-c` wins over every configuration file (system, user,
 * repository), and git hands them on to the git processes it starts itself (GIT_CONFIG_PARAMETERS), a lazy fetch
 * included. Each one stops a program a repository (or a setting) names from running, or fixes the output's shape.
 */
export const ISOLATION_ARGS: readonly string[] = [
  // -z output is parsed anyway; quotepath=off keeps non-ASCII names as they are in the rest.
  'core.quotepath=off',
  // A hook program an fsmonitor setting names; hooks of any kind (hooksPath to a folder that holds none).
  'core.fsmonitor=false',
  'core.hooksPath=/dev/null',
  // What a fetch would run: ssh, a helper, an upload-pack.
  'core.sshCommand=false',
  'protocol.allow=never',
  'protocol.file.allow=never',
  'protocol.git.allow=never',
  'protocol.ssh.allow=never',
  'protocol.http.allow=never',
  'protocol.https.allow=never',
  'protocol.ext.allow=never',
  'protocol.fd.allow=never',
  // Diff drivers and pagers: also refused by --no-ext-diff/--no-textconv, and no pager without a terminal.
  'diff.external=',
  'core.pager=cat',
  // Never descend into a submodule (its own config names its own programs).
  'submodule.recurse=false',
  'diff.submodule=short',
  'diff.ignoreSubmodules=dirty',
  'status.submoduleSummary=false',
  // The output's shape, whatever the user's settings say.
  'color.ui=never',
  'color.diff=never',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.relative=false',
  'diff.renames=true',
  'diff.renameLimit=1000',
  'diff.interHunkContext=0',
  'diff.suppressBlankEmpty=false',
  'diff.orderFile=/dev/null',
  // Big files are binary to diff: never loaded, so a 300 MB file costs nothing.
  `core.bigFileThreshold=${MAX_BLOB_BYTES}`,
].flatMap((setting) => ['-c', setting]);

/** The flags every diff gets: the fixed output format no setting can change. */
export const DIFF_FORMAT: readonly string[] = [
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--no-relative',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '--submodule=short',
  '--ignore-submodules=dirty',
  '--inter-hunk-context=0',
  '-M',
];

/** A name no transport has: GIT_ALLOW_PROTOCOL set to it refuses every transport, whatever the configuration allows. */
const NO_PROTOCOL = 'cx-impact-no-transport';

/**
 * The environment of every git: the user's, less what would change git's output or run a program, plus what keeps
 * git from prompting, fetching (a partial clone's lazy fetch), taking locks or writing the index.
 */
export function gitEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of [
    'GIT_EXTERNAL_DIFF',
    'GIT_DIFF_OPTS',
    'GIT_PAGER',
    'PAGER',
    'GIT_SSH',
    'GIT_SSH_COMMAND',
    'GIT_PROXY_COMMAND',
    'GIT_ASKPASS',
    'SSH_ASKPASS',
  ])
    delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_ALLOW_PROTOCOL: NO_PROTOCOL,
    GIT_PROTOCOL_FROM_USER: '0',
    GIT_SSH_COMMAND: 'false',
    // Git 2.44 and later: a missing object is missing, never fetched (older git is refused a transport above).
    GIT_NO_LAZY_FETCH: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
  };
}

async function run(cwd: string, args: readonly string[]): Promise<RunResult> {
  // The command is the first argument after the `-c name=value` pairs.
  let at = 0;
  while (args[at] === '-c') at += 2;
  const command = args[at] ?? '';
  const filters = READS_WORKTREE.has(command) ? await filterOverrides(cwd) : [];
  return exec(cwd, [...filters, ...args], command);
}

/**
 * `-c` options that empty every filter driver the configuration names (`filter.<name>.clean`, `smudge`, `process`):
 * git diff runs a clean filter on a working-tree file whose stat changed, and the program is the repository's
 * choice. Listing the config runs nothing.
 */
async function filterOverrides(cwd: string): Promise<string[]> {
  const listed = await exec(
    cwd,
    ['config', '-z', '--get-regexp', '^filter\\..+\\.(clean|smudge|process|required)$'],
    'config',
  );
  const names = new Set<string>();
  for (const entry of splitZ(listed.stdout)) {
    const key = entry.split('\n', 1)[0] ?? '';
    const name = /^filter\.(.+)\.[a-z]+$/i.exec(key)?.[1];
    if (name !== undefined) names.add(name);
  }
  return [...names].flatMap((name) =>
    ['clean=', 'smudge=', 'process=', 'required=false'].flatMap((setting) => ['-c', `filter.${name}.${setting}`]),
  );
}

/** Starts git isolated (see ISOLATION_ARGS and gitEnvironment), never through a shell. */
function spawnGit(cwd: string, args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn('git', [...ISOLATION_ARGS, ...args], {
    cwd,
    windowsHide: true,
    env: gitEnvironment(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/**
 * Runs git, handing its output to `onData` chunk by chunk (never one string: a diff can be larger than V8's
 * largest string). Resolves with the exit code and the start of stderr.
 */
function streamGit(
  cwd: string,
  args: readonly string[],
  command: string,
  onData: (chunk: Buffer) => void,
  input?: string,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawnGit(cwd, args);
    } catch (error) {
      reject(new GitError(`git ${command} failed: ${firstLine(String(error))}`));
      return;
    }
    let stderr = '';
    let failed: Error | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        onData(chunk);
      } catch (error) {
        failed = error instanceof Error ? error : new Error(String(error));
        child.kill();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
    });
    child.stdin.on('error', () => undefined);
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new GitError(
          error.code === 'ENOENT'
            ? 'git was not found on the PATH; install git or put it on the PATH'
            : `git ${command} failed: ${firstLine(error.message)}`,
        ),
      ),
    );
    child.on('close', (code, signal) => {
      if (failed) reject(failed);
      else if (code === null) reject(new GitError(`git ${command} failed: stopped by ${signal ?? 'a signal'}`));
      else resolve({ code, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

async function exec(cwd: string, args: readonly string[], command: string): Promise<RunResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  const result = await streamGit(cwd, args, command, (chunk) => {
    size += chunk.length;
    if (size > MAX_OUTPUT) throw new GitError(`git ${command} printed more than ${MAX_OUTPUT / 1024 / 1024} MB`);
    chunks.push(chunk);
  });
  return { stdout: Buffer.concat(chunks).toString('utf8'), stderr: result.stderr, code: result.code };
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const result = await run(cwd, args);
  if (result.code !== 0) throw await failure(cwd, args[0] ?? '', result.stderr, result.code);
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
    if (/must be run in a work tree/i.test(result.stderr))
      throw new GitError(`${cwd} is in a bare repository (no working tree): run cx-impact in a checkout`);
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

/**
 * The ref checks, in one place (issue #26). `checkRef`: every ref handed to git, from the command line too: never an
 * option, never empty. `isSafeRef`, stricter, for a ref the editor takes from a setting or a webview before it runs
 * git: also never a range, nothing git would read as two arguments.
 */
function refProblem(ref: string, strict: boolean): string | undefined {
  if (ref.startsWith('-')) return `refusing ref "${ref}": a ref may not start with "-"`;
  if (ref.length === 0 || ref.includes('\0')) return 'refusing an empty ref';
  if (strict && /\s|\.\./.test(ref)) return `refusing ref "${ref}": a ref holds no space and no ".."`;
  return undefined;
}

/**
 * The refs to try, in order, as the base of "Branch vs <base>" (contract §4, and the `cxImpact.changes.base`
 * setting): the setting when set, else the branch's upstream, else the default branch.
 */
export function baseCandidates(setting: string, upstream: { remote: string; name: string } | undefined): string[] {
  const configured = setting.trim();
  if (configured) return [configured];
  const out: string[] = [];
  if (upstream) out.push(`${upstream.remote}/${upstream.name}`);
  out.push('origin/HEAD', 'main', 'master', 'origin/main', 'origin/master');
  return [...new Set(out)];
}

/** A ref we hand to git: never an option, never a range, nothing git would read as two arguments. */
export function isSafeRef(ref: string): boolean {
  return refProblem(ref, true) === undefined;
}

/** Refs come from the command line: one that starts with `-` would be read by git as an option. */
export function checkRef(ref: string): void {
  const problem = refProblem(ref, false);
  if (problem !== undefined) throw new GitError(problem);
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
  for (let i = 0; i < parts.length;) {
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

const DIFF_FLAGS = [...DIFF_FORMAT, '--name-status', '-z'];

/**
 * The files a change touches (contract §4). With `head`: `BASE...HEAD`. Without: the merge-base of BASE and HEAD
 * against the working tree, staged, unstaged and untracked files included.
 */
export async function changedFiles(
  root: string,
  base: string | undefined,
  head: string | undefined,
): Promise<ChangeSet> {
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

/** A git object id as the index or a tree gives it: 40 hex digits (SHA-1) or 64 (SHA-256), lower case. */
export function isObjectId(value: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(value);
}

/**
 * The blob ids of the files whose working-tree content is the index's (contract §5.5), from `git ls-files -s -v -z`
 * and the paths `git status` finds changed in the working tree. Only a plain, regular, merged entry counts: a file
 * marked assume-unchanged or skip-worktree (git would not look at it), an intent-to-add entry, a conflict, a link
 * or a submodule is left out, and so is any line that is not exactly `H <mode> <id> 0<TAB><path>` with a 40- or
 * 64-digit hex id. What is left out is simply read from disk.
 */
export function parseIndexBlobs(listed: string, changed: ReadonlySet<string>): Map<string, string> {
  const blobs = new Map<string, string>();
  for (const record of splitZ(listed)) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const head = record.slice(0, tab).split(' ');
    const file = record.slice(tab + 1);
    if (head.length !== 4 || file === '' || changed.has(file)) continue;
    const [tag, mode, oid, stage] = head as [string, string, string, string];
    if (tag !== 'H' || (mode !== '100644' && mode !== '100755') || stage !== '0' || !isObjectId(oid)) continue;
    blobs.set(file, oid);
  }
  return blobs;
}

/**
 * The paths `git status --porcelain -z` shows as different in the working tree (its second column), relative to
 * where git ran. Anything it cannot read as a record counts as changed-nothing: the caller only ever trusts the
 * index less for what is listed here, so a path that cannot be parsed is treated by leaving the whole result out.
 */
export function parseWorktreeChanges(status: string): Set<string> | undefined {
  const changed = new Set<string>();
  for (const record of splitZ(status)) {
    // `XY PATH`: X the index against HEAD, Y the working tree against the index.
    if (record.length < 4 || record[2] !== ' ') return undefined;
    if (record[1] !== ' ') changed.add(record.slice(3));
  }
  return changed;
}

/**
 * Settings for the stat check of `indexBlobs`, whatever the repository's configuration says: every stat field is
 * compared (a file swapped for another of the same size and time is seen), and no entry is assumed unchanged.
 */
const STAT_CHECK_ARGS = ['core.checkStat=default', 'core.trustctime=true', 'core.ignoreStat=false'].flatMap(
  (setting) => ['-c', setting],
);

/**
 * The blob id of each file under `root` whose working-tree content git vouches is the index's (see
 * `parseIndexBlobs`), so that a cached answer keyed by that id can stand without reading the file. Undefined
 * outside a git repository, or when git fails: then every file is read, as before. `git status` runs first: a file
 * staged between the two commands then has the index's newer id, which is what the working tree holds.
 */
export async function indexBlobs(root: string): Promise<Map<string, string> | undefined> {
  try {
    // Three git processes one after the other: the filters (as run() empties them), status with the top-level
    // prefix beside it, then ls-files.
    const filters = await filterOverrides(root);
    const [status, prefix] = await Promise.all([
      exec(
        root,
        [
          ...filters,
          ...STAT_CHECK_ARGS,
          'status',
          '--porcelain=v1',
          '-z',
          '--untracked-files=no',
          '--ignore-submodules=all',
          '--no-renames',
          '--',
          '.',
        ],
        'status',
      ),
      exec(root, ['rev-parse', '--show-prefix'], 'rev-parse'),
    ]);
    if (status.code !== 0 || prefix.code !== 0) return undefined;
    const changed = parseWorktreeChanges(status.stdout);
    if (!changed) return undefined;
    // status prints paths from the top level; ls-files from `root`.
    const top = prefix.stdout.replace(/\n$/, '');
    const relative = new Set<string>();
    for (const file of changed) if (file.startsWith(top)) relative.add(file.slice(top.length));
    const listed = await exec(root, [...filters, ...STAT_CHECK_ARGS, 'ls-files', '-s', '-v', '-z', '--'], 'ls-files');
    if (listed.code !== 0) return undefined;
    return parseIndexBlobs(listed.stdout, relative);
  } catch {
    return undefined;
  }
}

/** The files of a commit. */
export async function filesAt(root: string, rev: string): Promise<string[]> {
  checkRef(rev);
  return splitZ(await git(root, ['ls-tree', '-r', '--name-only', '-z', '--full-tree', '--end-of-options', rev]));
}

/** A file's text at a commit, or undefined when the commit does not have it. */
export async function showFile(root: string, rev: string, file: string): Promise<string | undefined> {
  checkRef(rev);
  const result = await run(root, ['show', '--no-ext-diff', '--no-textconv', '--no-color', `${rev}:${file}`]);
  if (result.code !== 0) {
    if (/does not exist|exists on disk, but not in|invalid object name|path .* does not exist/i.test(result.stderr))
      return undefined;
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
    const kind: RefKind | undefined = full.startsWith('refs/heads/')
      ? 'branch'
      : full.startsWith('refs/remotes/')
        ? 'remote'
        : full.startsWith('refs/tags/')
          ? 'tag'
          : undefined;
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
 * Streamed: only the file headers and hunk headers are kept (the changed lines themselves are never needed), so a
 * diff of any size costs the size of its headers.
 */
export async function diffZeroContext(
  root: string,
  base: string,
  head: string,
  paths?: readonly string[],
): Promise<string> {
  checkRef(base);
  if (head !== WORKTREE) checkRef(head);
  const args = ['diff', ...DIFF_FORMAT, '-U0', '--end-of-options', base];
  if (head !== WORKTREE) args.push(head);
  args.push('--', ...(paths ?? []));
  const filter = new DiffHeaderFilter();
  const filters = await filterOverrides(root);
  const result = await streamGit(root, [...filters, ...args], 'diff', (chunk) => filter.push(chunk));
  if (result.code !== 0) throw await failure(root, 'diff', result.stderr, result.code);
  return filter.end();
}

/** Longest header line kept (a path is at most a few KB); longer ones are cut, never buffered whole. */
const MAX_HEADER_LINE = 64 * 1024;

/**
 * Keeps the header lines of `git diff -U0 --no-color` output and drops the changed lines: after a file's first
 * `@@`, only `@@ ` and `diff --git ` lines are kept (with -U0 every changed line starts with +, - or \). Works on
 * bytes, so no line is ever made a string unless it is kept.
 */
export class DiffHeaderFilter {
  private readonly kept: string[] = [];
  private line: Buffer[] = [];
  private lineSize = 0;
  /** Deciding the current line from its first bytes: undefined until enough bytes are seen. */
  private keep: boolean | undefined;
  private inHunks = false;
  private head = Buffer.alloc(0);

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const eol = chunk.indexOf(10, at);
      const end = eol < 0 ? chunk.length : eol;
      this.take(chunk.subarray(at, end));
      if (eol < 0) break;
      this.finishLine();
      at = eol + 1;
    }
  }

  end(): string {
    if (this.lineSize > 0 || this.head.length > 0) this.finishLine();
    return this.kept.join('\n');
  }

  private take(part: Buffer): void {
    if (part.length === 0) return;
    if (this.keep === undefined) {
      this.head = Buffer.concat([this.head, part.subarray(0, 16)]);
      if (this.inHunks) {
        if (this.head.length >= 11 || !isPrefixOfAny(this.head, ['@@ ', 'diff --git ']))
          this.keep = startsWithAny(this.head, ['@@ ', 'diff --git ']);
      } else this.keep = true;
    }
    if (this.keep === false) return;
    if (this.lineSize + part.length > MAX_HEADER_LINE)
      part = part.subarray(0, Math.max(0, MAX_HEADER_LINE - this.lineSize));
    this.line.push(part);
    this.lineSize += part.length;
  }

  private finishLine(): void {
    const keep = this.keep ?? (this.inHunks ? startsWithAny(this.head, ['@@ ', 'diff --git ']) : true);
    if (keep) {
      const text = Buffer.concat(this.line).toString('utf8');
      if (text.startsWith('diff --git ')) this.inHunks = false;
      else if (text.startsWith('@@ ')) this.inHunks = true;
      this.kept.push(text);
    }
    this.line = [];
    this.lineSize = 0;
    this.keep = undefined;
    this.head = Buffer.alloc(0);
  }
}

function startsWithAny(head: Buffer, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => head.length >= p.length && head.subarray(0, p.length).toString('latin1') === p);
}

function isPrefixOfAny(head: Buffer, prefixes: readonly string[]): boolean {
  const text = head.toString('latin1');
  return prefixes.some((p) => p.startsWith(text));
}

/** A blob read in a batch: its text, absent (the commit does not have it), or over the read limit (not read). */
export type BlobRead = string | undefined | { tooLarge: number };

/**
 * The texts of many blobs at once (`rev:path` each), through one `git cat-file --batch`: a process per file would
 * cost more than parsing them. Undefined for a spec git does not have, and for one over `maxBytes` (never kept:
 * readBlobsBounded says which).
 */
export async function readBlobs(
  root: string,
  specs: readonly string[],
  maxBytes = MAX_BLOB_BYTES,
): Promise<(string | undefined)[]> {
  return (await readBlobsBounded(root, specs, maxBytes)).map((b) => (typeof b === 'string' ? b : undefined));
}

/**
 * As readBlobs, streamed: each blob over `maxBytes` is skipped as it passes (`{ tooLarge: size }`), so memory is
 * bounded by the limit times the blobs asked for. A blob missing from a partial clone is an error that says how to
 * fetch it (git is refused every transport, so it is never fetched here).
 */
export async function readBlobsBounded(
  root: string,
  specs: readonly string[],
  maxBytes = MAX_BLOB_BYTES,
): Promise<BlobRead[]> {
  if (specs.length === 0) return [];
  for (const spec of specs)
    if (spec.includes('\n')) throw new GitError('a path with a line break cannot be read in a batch');
  const parser = new BatchParser(specs.length, maxBytes);
  const result = await streamGit(
    root,
    ['cat-file', '--batch'],
    'cat-file',
    (chunk) => parser.push(chunk),
    specs.map((s) => `${s}\n`).join(''),
  );
  if (result.code !== 0) throw await failure(root, 'cat-file', result.stderr, result.code);
  const reads = parser.end();
  if (reads.some((r, i) => r === undefined && parser.missing[i]) && (await isPartialClone(root))) {
    const spec = specs[reads.findIndex((r, i) => r === undefined && parser.missing[i])]!;
    throw new GitError(partialCloneMessage(spec));
  }
  return reads;
}

/**
 * Parses `git cat-file --batch` output as it streams: `<oid> <type> <size>\n<content>\n` per object, or
 * `<spec> missing\n` (or `ambiguous`). Contents over the limit are counted past, never kept.
 */
export class BatchParser {
  readonly reads: BlobRead[] = [];
  /** True for the specs git said were missing (not for trees, commits and the like). */
  readonly missing: boolean[] = [];
  private header: Buffer[] = [];
  private headerSize = 0;
  /** Bytes of content (plus its newline) still to come, and whether they are kept. */
  private remaining = 0;
  private body: Buffer[] | undefined;
  private size = 0;
  private type = '';

  constructor(
    private readonly expected: number,
    private readonly maxBytes: number,
  ) {}

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - at);
        this.body?.push(chunk.subarray(at, at + take));
        this.remaining -= take;
        at += take;
        if (this.remaining === 0) this.finishObject();
        continue;
      }
      const eol = chunk.indexOf(10, at);
      const end = eol < 0 ? chunk.length : eol;
      this.headerSize += end - at;
      if (this.headerSize > MAX_HEADER_LINE) throw new GitError('git cat-file printed an unreadable header');
      this.header.push(chunk.subarray(at, end));
      if (eol < 0) break;
      at = eol + 1;
      this.startObject(Buffer.concat(this.header).toString('utf8'));
      this.header = [];
      this.headerSize = 0;
    }
  }

  end(): BlobRead[] {
    if (this.remaining > 0 || this.headerSize > 0) throw new GitError('git cat-file output was cut short');
    while (this.reads.length < this.expected) {
      this.reads.push(undefined);
      this.missing.push(false);
    }
    return this.reads;
  }

  private startObject(header: string): void {
    if (this.reads.length >= this.expected) throw new GitError('git cat-file printed more objects than asked for');
    const m = /^[0-9a-f]{4,} (\w+) (\d+)$/.exec(header);
    if (!m) {
      // `<spec> missing`, `<spec> ambiguous`, `dangling …`: no content follows.
      this.reads.push(undefined);
      this.missing.push(/ missing$/.test(header));
      return;
    }
    this.type = m[1]!;
    this.size = Number(m[2]);
    if (!Number.isSafeInteger(this.size)) throw new GitError('git cat-file printed an unreadable size');
    this.body = this.type === 'blob' && this.size <= this.maxBytes ? [] : undefined;
    this.remaining = this.size + 1;
  }

  private finishObject(): void {
    const body = this.body;
    this.body = undefined;
    this.missing.push(false);
    if (this.type !== 'blob') this.reads.push(undefined);
    else if (!body) this.reads.push({ tooLarge: this.size });
    else {
      const all = Buffer.concat(body);
      if (all[all.length - 1] !== 10) throw new GitError('git cat-file output is out of step');
      this.reads.push(all.subarray(0, all.length - 1).toString('utf8'));
    }
  }
}

/** True when the repository is a partial clone (objects it lacks would be fetched from a promisor remote). */
export async function isPartialClone(root: string): Promise<boolean> {
  const result = await exec(
    root,
    ['config', '-z', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$'],
    'config',
  );
  return result.code === 0 && result.stdout.length > 0;
}

function partialCloneMessage(what: string): string {
  return (
    `${what} is not in this partial clone (cloned with --filter), and cx-impact never fetches: ` +
    'fetch the objects of both commits first (git diff --stat BASE HEAD fetches them), clone without --filter, or use --symbols off'
  );
}

/** The error of a git command that failed: in a partial clone, a missing object says how to fetch it. */
async function failure(root: string, command: string, stderr: string, code: number): Promise<GitError> {
  if (
    /promisor|not allowed|unable to read|could not fetch|missing blob|bad object|not our ref/i.test(stderr) &&
    (await isPartialClone(root).catch(() => false))
  ) {
    return new GitError(partialCloneMessage('an object the change needs'));
  }
  return new GitError(`git ${command} failed: ${firstLine(stderr) || `exit code ${code}`}`);
}

/**
 * git's output for the readers of history (src/node/history.ts), through the same runner: no shell, the filter
 * drivers a repository configures emptied when `worktree` (blame reads the working-tree file), a GitError otherwise.
 */
export async function readGit(root: string, args: readonly string[], worktree = false): Promise<string> {
  const filters = worktree ? await filterOverrides(root) : [];
  const result = await exec(root, [...filters, ...args], args[0] ?? '');
  if (result.code !== 0)
    throw new GitError(`git ${args[0] ?? ''} failed: ${firstLine(result.stderr) || `exit code ${result.code}`}`);
  return result.stdout;
}
