// Watches where git keeps HEAD and the refs, so that a checkout, commit, reset or branch deletion done in a terminal
// reaches the views at once, without waiting for the git extension to notice (it sometimes does not). Reads the
// files only: no git process runs.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a repository's HEAD lives (`gitDir`) and where its refs and packed-refs live (`commonDir`). */
export interface GitDirs {
  gitDir: string;
  commonDir: string;
}

/**
 * The git folders of the repository whose top-level is `root`: `.git` itself, or, in a linked worktree or a
 * submodule, the folder its `.git` file points to (`gitdir: …`), whose `commondir` names the shared one.
 * Undefined when `root` has no `.git`.
 */
export function gitDirsOf(root: string): GitDirs | undefined {
  const dotGit = path.join(root, '.git');
  let gitDir: string;
  try {
    const stat = fs.statSync(dotGit);
    if (stat.isDirectory()) gitDir = dotGit;
    else {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1];
      if (!pointer) return undefined;
      gitDir = path.resolve(root, pointer);
    }
  } catch {
    return undefined;
  }
  let commonDir = gitDir;
  try {
    const common = fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim();
    if (common) commonDir = path.resolve(gitDir, common);
  } catch {
    // No commondir: the main worktree, whose git folder holds the refs too.
  }
  return { gitDir, commonDir };
}

/** True for a file whose change moves HEAD or a ref (lock files and the object store are git's scratch work). */
export function movesHead(relative: string): boolean {
  const name = relative.split(/[\\/]/).join('/');
  if (name.endsWith('.lock')) return false;
  return (
    name === 'HEAD' || name === 'packed-refs' || name === 'ORIG_HEAD' || name === 'refs' || name.startsWith('refs/')
  );
}

export interface HeadWatch {
  close(): void;
}

/**
 * Calls `onMove` (debounced by `delayMs`) when HEAD, a ref or packed-refs of the repository at `root` changes.
 * Returns undefined when the repository's git folder cannot be found or watched; then only the git extension's
 * events (and the window's focus) bring changes.
 */
export function watchHead(root: string, onMove: () => void, delayMs = 100): HeadWatch | undefined {
  const dirs = gitDirsOf(root);
  if (!dirs) return undefined;
  const watchers: fs.FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onMove();
    }, delayMs);
  };
  const watch = (dir: string, recursive: boolean, accept: (file: string) => boolean): void => {
    try {
      const watcher = fs.watch(dir, { recursive, persistent: false }, (_event, file) => {
        // Some platforms leave the name out: then anything may have moved.
        if (file === null || accept(String(file))) fire();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // A folder that does not exist (no refs/heads before the first commit): the other watchers still work.
    }
  };
  // HEAD is per worktree; the refs and packed-refs are shared by all worktrees of the repository.
  watch(dirs.gitDir, false, (file) => movesHead(file));
  if (dirs.commonDir !== dirs.gitDir) watch(dirs.commonDir, false, (file) => movesHead(file));
  watch(path.join(dirs.commonDir, 'refs'), true, (file) => !file.endsWith('.lock'));
  if (watchers.length === 0) return undefined;
  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
