// What git knows about the catalogue's window (contract §6): HEAD and its date, the commits of the window with the
// files each changed, how far a shallow clone's history reaches, and who last edited each line of a map. Through
// src/node/git.ts's runner: no shell, no diff drivers or textconv, `--end-of-options` and `--` before paths.
import type { CommitFacts, LineEdit } from '../core/catalog/build';
import { GitError, isShallow, readGit } from './git';

export interface HeadInfo {
  head: string;
  /** HEAD's committer date, ISO. */
  headDate: string;
}

/** HEAD and its commit date; undefined for a repository without commits. */
export async function headInfo(root: string): Promise<HeadInfo | undefined> {
  let out: string;
  try {
    out = await readGit(root, ['log', '-1', '--no-show-signature', '--format=%H%x00%cI', 'HEAD', '--']);
  } catch (error) {
    if (
      error instanceof GitError &&
      /does not have any commits|unknown revision|bad default revision|ambiguous argument 'HEAD'/i.test(error.message)
    )
      return undefined;
    throw error;
  }
  const [head = '', date = ''] = out.trim().split('\0');
  return head ? { head, headDate: isoUtc(date) } : undefined;
}

function isoUtc(date: string): string {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? date : d.toISOString().replace(/\.000Z$/, 'Z');
}

const RS = '\u001e';

/** Parses `git log --name-only -z --format=%x1e%H%x00%cI%x00%an%x00%s%x00%b%x00`. */
export function parseLog(output: string): CommitFacts[] {
  const commits: CommitFacts[] = [];
  for (const record of output.split(RS)) {
    if (record === '') continue;
    const parts = record.split('\0');
    const [commit = '', date = '', author = '', subject = '', body = ''] = parts;
    if (!/^[0-9a-f]{40,64}$/.test(commit)) continue;
    const files = parts
      .slice(5)
      .map((p) => p.replace(/^\n+/, ''))
      .filter((p) => p.length > 0);
    commits.push({ commit, date: isoUtc(date), author, subject, body: body.trim(), files });
  }
  return commits;
}

/**
 * The commits of HEAD's first-parent history committed since `since`, most recent first, each with the files it
 * changed against its first parent: a merged pull request is one change, with its number, as its team sees it.
 */
export async function commitsSince(root: string, since: Date): Promise<CommitFacts[]> {
  const out = await readGit(root, [
    'log',
    '--no-show-signature',
    '--first-parent',
    '--diff-merges=first-parent',
    '--no-renames',
    // Paths relative to the folder asked about (a workspace folder may be a subfolder of the repository).
    '--relative',
    '--no-ext-diff',
    '--no-textconv',
    '--name-only',
    '-z',
    `--since=${since.toISOString()}`,
    '--format=%x1e%H%x00%cI%x00%an%x00%s%x00%b%x00',
    'HEAD',
    '--',
  ]);
  // git stops near the window's edge with some slack for clock skew: the edge is applied exactly here.
  const from = since.getTime();
  return parseLog(out).filter((c) => Date.parse(c.date) >= from);
}

export interface HistoryReach {
  shallow: boolean;
  /** The date of the oldest commit the clone has (only asked for a shallow clone). */
  oldest?: string;
}

export async function historyReach(root: string): Promise<HistoryReach> {
  if (!(await isShallow(root))) return { shallow: false };
  const out = await readGit(root, ['log', '--no-show-signature', '--first-parent', '--format=%cI', 'HEAD', '--']);
  const dates = out.trim().split('\n').filter(Boolean);
  const last = dates[dates.length - 1];
  return last ? { shallow: true, oldest: isoUtc(last) } : { shallow: true };
}

const ZERO = /^0{40,64}$/;

/** Parses `git blame --line-porcelain`: the last edit of each line, line 1 first. */
export function parseBlame(output: string): LineEdit[] {
  const lines: LineEdit[] = [];
  let current: { commit: string; line: number; author: string; time: number } | undefined;
  for (const text of output.split('\n')) {
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/.exec(text);
    if (header) {
      current = { commit: header[1]!, line: Number(header[2]), author: '', time: 0 };
      continue;
    }
    if (!current) continue;
    if (text.startsWith('author ')) current.author = text.slice(7);
    else if (text.startsWith('author-time ')) current.time = Number(text.slice(12));
    else if (text.startsWith('\t')) {
      const uncommitted = ZERO.test(current.commit);
      const edit: LineEdit = {
        commit: current.commit,
        date: new Date(current.time * 1000).toISOString().replace(/\.000Z$/, 'Z'),
        author: current.author,
      };
      if (uncommitted) edit.uncommitted = true;
      lines[current.line - 1] = edit;
      current = undefined;
    }
  }
  return lines;
}

/** Who last edited each line of a file as it is in the working tree (uncommitted lines are marked). */
export async function blameFile(root: string, file: string): Promise<LineEdit[]> {
  const out = await readGit(root, ['blame', '--no-textconv', '--line-porcelain', '--', file], true);
  return parseBlame(out);
}
