// A commit's files, read from git rather than from the disk (contract §5.7): `impact --head REF` builds the graph of
// REF's tree, and a deleted file's importers come from the base's. The tree is listed once (`git ls-tree -r -l`,
// which gives each blob's id and size), and the blobs are read through one long-lived `git cat-file --batch` per
// run, streamed: each answer is taken off the pipe as it arrives, never the whole output at once.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { GitError, ISOLATION_ARGS, checkRef, gitEnvironment, isObjectId } from './git';

export interface TreeEntry {
  /** `100644`, `100755`, `120000` (a symbolic link), `160000` (a submodule). */
  mode: string;
  oid: string;
  /** Bytes; -1 for a submodule. */
  size: number;
}

// Isolated as every git of git.ts is (src/node/git.ts: ISOLATION_ARGS, gitEnvironment).
const GIT_FLAGS = ISOLATION_ARGS;
const gitEnv = (): NodeJS.ProcessEnv => gitEnvironment();

/** Every file of a commit's tree, path (relative, `/`) to entry. */
export function listTree(root: string, rev: string): Promise<Map<string, TreeEntry>> {
  checkRef(rev);
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...GIT_FLAGS, 'ls-tree', '-r', '-l', '-z', '--full-tree', '--end-of-options', rev],
      { cwd: root, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024, windowsHide: true, env: gitEnv() },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          reject(
            new GitError(
              code === 'ENOENT'
                ? 'git was not found on the PATH; install git or put it on the PATH'
                : `git ls-tree ${rev} failed: ${stderr.toString('utf8').trim().split('\n')[0] ?? ''}`,
            ),
          );
          return;
        }
        resolve(parseTree(stdout));
      },
    );
  });
}

/** `<mode> SP <type> SP <oid> SP+ <size> TAB <path> NUL`, as `git ls-tree -r -l -z` prints. */
export function parseTree(out: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  let at = 0;
  while (at < out.length) {
    const end = out.indexOf(0, at);
    const stop = end < 0 ? out.length : end;
    const tab = out.indexOf(9, at);
    if (tab > at && tab < stop) {
      const head = out.toString('latin1', at, tab).split(/ +/);
      const file = out.toString('utf8', tab + 1, stop);
      const [mode = '', type = '', oid = '', size = '-'] = head;
      if (type === 'blob' || type === 'commit')
        entries.set(file, { mode, oid, size: size === '-' ? -1 : Number(size) });
    }
    at = stop + 1;
  }
  return entries;
}

interface Pending {
  resolve: (blob: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/** One `git cat-file --batch` for the run: blobs by id, answered in the order asked. */
export class BlobReader {
  private child: ChildProcessWithoutNullStreams | undefined;
  private readonly pending: Pending[] = [];
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  /** The body still awaited: its size, once its header line was read. */
  private body: number | undefined;
  private failed: Error | undefined;
  /** Blobs read, for the benchmarks and the tests (one process however many). */
  read = 0;
  spawned = 0;

  constructor(private readonly root: string) {}

  private start(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn('git', [...GIT_FLAGS, 'cat-file', '--batch'], {
      cwd: this.root,
      windowsHide: true,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.spawned++;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => this.take(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.on('error', () => undefined);
    child.on('error', (err: NodeJS.ErrnoException) =>
      this.fail(
        new GitError(
          err.code === 'ENOENT'
            ? 'git was not found on the PATH; install git or put it on the PATH'
            : `git cat-file failed: ${err.message}`,
        ),
      ),
    );
    child.on('close', (code) => {
      this.child = undefined;
      if (this.pending.length > 0)
        this.fail(new GitError(`git cat-file stopped: ${stderr.trim().split('\n')[0] || `exit code ${code}`}`));
    });
    this.child = child;
    return child;
  }

  private fail(error: Error): void {
    this.failed = error;
    for (const p of this.pending.splice(0)) p.reject(error);
  }

  /** The blob's bytes, or undefined when git has no such blob. */
  get(oid: string): Promise<Buffer | undefined> {
    if (this.failed) return Promise.reject(this.failed);
    if (!/^[0-9a-f]{4,64}$/.test(oid)) return Promise.resolve(undefined);
    const child = this.start();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      child.stdin.write(`${oid}\n`);
    });
  }

  private take(chunk: Buffer): void {
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    for (;;) {
      if (this.body === undefined) {
        const all = this.joined();
        const eol = all.indexOf(10);
        if (eol < 0) return;
        const header = all.toString('latin1', 0, eol);
        this.keep(all.subarray(eol + 1));
        const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
        if (!m) {
          // `<oid> missing`: no body follows.
          this.pending.shift()?.resolve(undefined);
          continue;
        }
        this.body = Number(m[2]);
      }
      if (this.bufferedBytes < this.body + 1) return;
      const all = this.joined();
      const blob = Buffer.from(all.subarray(0, this.body));
      this.keep(all.subarray(this.body + 1));
      this.body = undefined;
      this.read++;
      this.pending.shift()?.resolve(blob);
    }
  }

  private joined(): Buffer {
    if (this.buffered.length !== 1) this.buffered = [Buffer.concat(this.buffered)];
    return this.buffered[0] ?? Buffer.alloc(0);
  }

  private keep(rest: Buffer): void {
    this.buffered = rest.length > 0 ? [rest] : [];
    this.bufferedBytes = rest.length;
  }

  close(): void {
    this.child?.stdin.end();
    this.child = undefined;
  }
}

/** A commit's files and a way to read them, as loadDependencyGraph's `read` wants. */
export interface CommitFiles {
  rev: string;
  files: string[];
  read: (file: string, maxBytes: number) => Promise<{ text: string } | { skipped: string }>;
  /** The blob id of each regular file of the tree (a link or a submodule has none). */
  blobs: Map<string, string>;
}

/** The files of `rev`'s tree, read through `blobs`. A symbolic link is followed inside the tree, as on disk. */
export async function commitFiles(root: string, rev: string, blobs: BlobReader): Promise<CommitFiles> {
  const tree = await listTree(root, rev);
  const read = async (file: string, maxBytes: number, depth = 0): Promise<{ text: string } | { skipped: string }> => {
    const entry = tree.get(file);
    if (!entry) return { skipped: 'unreadable (not in the commit)' };
    if (entry.mode === '160000') return { skipped: 'not a file' };
    if (entry.mode === '120000') {
      const link = await blobs.get(entry.oid);
      const target = link === undefined ? undefined : joinLink(file, link.toString('utf8'));
      if (target === undefined) return { skipped: 'symbolic link out of the repository' };
      if (depth > 8) return { skipped: 'unreadable (ELOOP)' };
      return tree.has(target) ? read(target, maxBytes, depth + 1) : { skipped: 'unreadable (ENOENT)' };
    }
    if (entry.size > maxBytes) return { skipped: 'over 1 MB' };
    const buffer = await blobs.get(entry.oid);
    if (buffer === undefined) return { skipped: 'unreadable (missing blob)' };
    if (buffer.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
    return { text: buffer.toString('utf8') };
  };
  const ids = new Map<string, string>();
  for (const [file, entry] of tree)
    if ((entry.mode === '100644' || entry.mode === '100755') && isObjectId(entry.oid)) ids.set(file, entry.oid);
  return { rev, files: [...tree.keys()], read: (file, maxBytes) => read(file, maxBytes), blobs: ids };
}

/** A link's target as a path of the tree, or undefined when it leads out of it (or is absolute). */
function joinLink(file: string, target: string): string | undefined {
  if (target.startsWith('/') || target.includes('\0')) return undefined;
  const parts = file.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.length === 0 ? undefined : parts.join('/');
}
