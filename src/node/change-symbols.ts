// Reads what symbol-precise impact needs from git and the code reader: the `git diff -U0` hunks of the files whose
// symbols decide, both sides' texts (one `git cat-file --batch`; the working tree from disk), and their symbols
// (parsed in the CodeReader's workers, cached by content). Only the files asked for are read; none, nothing is run.
import { realpath } from 'node:fs/promises';
import { languageOfPath } from '../core/code/languages';
import { ParseError } from '../core/code/parser';
import { parseUnifiedDiff, wholeFileAdded, type FileHunks } from '../core/diff-hunks';
import type { ImpactReport } from '../core/impact/impact';
import {
  NO_GRAMMAR,
  applySymbolChanges,
  filesNeedingSymbols,
  symbolChangesOf,
  type FileSymbolChange,
  type SideSymbols,
} from '../core/impact/symbol-impact';
import type { ChangedFile } from '../core/types';
import type { CodeReader } from './code-reader';
import { eachLimited, readRepoFile } from './dependency-graph';
import { WORKTREE, diffZeroContext, readBlobsBounded, type BlobRead, type ChangeSet } from './git';

export interface SymbolChangeInput {
  root: string;
  /** The merge-base commit. */
  base: string;
  /** The head commit, or WORKTREE. */
  head: string;
  changes: readonly ChangedFile[];
  /** The paths whose symbols are wanted (either path of a rename selects it). */
  files: Iterable<string>;
  reader: CodeReader;
}

/** Above this many paths one diff of everything is cheaper (and safer for the command line) than naming them. */
const MAX_PATHSPECS = 500;

/** The symbol changes of the wanted files, under both paths of a rename. */
export async function readSymbolChanges(input: SymbolChangeInput): Promise<Map<string, FileSymbolChange>> {
  const wanted = new Set(input.files);
  const selected = input.changes.filter(
    (c) => wanted.has(c.path) || (c.oldPath !== undefined && wanted.has(c.oldPath)),
  );
  const out = new Map<string, FileSymbolChange>();
  if (selected.length === 0) return out;
  const put = (change: ChangedFile, result: FileSymbolChange) => {
    out.set(change.path, result);
    if (change.oldPath !== undefined) out.set(change.oldPath, result);
  };

  const readable = selected.filter((c) => {
    const unread = (why: string) =>
      put(c, {
        path: c.path,
        ...(c.oldPath !== undefined ? { oldPath: c.oldPath } : {}),
        precision: 'file',
        unread: why,
        touched: [],
        changed: [],
      });
    if (!languageOfPath(c.path) && !(c.oldPath !== undefined && languageOfPath(c.oldPath))) unread(NO_GRAMMAR);
    // git's batch reader takes one name a line.
    else if (c.path.includes('\n') || c.oldPath?.includes('\n')) unread('the path holds a line break');
    else return true;
    return false;
  });
  if (readable.length === 0) return out;

  const tracked = readable.filter((c) => c.status !== 'untracked');
  const hunks = new Map<string, FileHunks>();
  if (tracked.length > 0) {
    const paths = tracked.flatMap((c) => (c.oldPath !== undefined ? [c.oldPath, c.path] : [c.path]));
    const diff = await diffZeroContext(
      input.root,
      input.base,
      input.head,
      paths.length > MAX_PATHSPECS ? undefined : paths.map((p) => `:(literal)${p}`),
    );
    for (const f of parseUnifiedDiff(diff)) hunks.set(f.path, f);
  }

  // Old sides from the base commit, new sides from the head commit (or the disk), all in one batch.
  const hunksOf = (c: ChangedFile): FileHunks | undefined => hunks.get(c.path) ?? hunks.get(c.oldPath ?? c.path);
  // A rename git shows without hunks moved the text unchanged: the new side is the old one, read and parsed once
  // (10,000 renamed files cost 10,000 reads and parses, not 20,000).
  const unchangedText = (c: ChangedFile): boolean =>
    c.status === 'renamed' &&
    c.oldPath !== undefined &&
    languageOfPath(c.oldPath) === languageOfPath(c.path) &&
    hunksOf(c) !== undefined &&
    hunksOf(c)!.hunks.length === 0 &&
    !hunksOf(c)!.binary;
  const specs: string[] = [];
  const oldIndex = new Map<ChangedFile, number>();
  const newIndex = new Map<ChangedFile, number>();
  for (const c of readable) {
    if (c.status !== 'added' && c.status !== 'untracked')
      oldIndex.set(c, specs.push(`${input.base}:${c.oldPath ?? c.path}`) - 1);
    if (c.status !== 'deleted' && input.head !== WORKTREE && !unchangedText(c))
      newIndex.set(c, specs.push(`${input.head}:${c.path}`) - 1);
  }
  const blobs = await readBlobsBounded(input.root, specs);
  const realRoot = input.head === WORKTREE ? await realpath(input.root) : input.root;

  await eachLimited(readable, READS_AT_ONCE, async (c) => {
    const before = oldIndex.has(c) ? blobs[oldIndex.get(c)!] : undefined;
    const same = unchangedText(c) && oldIndex.has(c);
    let after: BlobRead | Unread;
    if (c.status !== 'deleted' && !same)
      after = input.head === WORKTREE ? await readWorktree(input.root, realRoot, c.path) : blobs[newIndex.get(c)!];
    const fileHunks =
      c.status === 'untracked'
        ? wholeFileAdded(c.path, typeof after === 'string' ? after : '')
        : (hunksOf(c) ?? { path: c.path, ...(c.oldPath !== undefined ? { oldPath: c.oldPath } : {}), hunks: [] });
    if (c.status === 'renamed' && c.oldPath !== undefined && fileHunks.oldPath === undefined)
      fileHunks.oldPath = c.oldPath;
    const oldSide = oldIndex.has(c) ? await sideSymbols(input.reader, c.oldPath ?? c.path, before) : 'absent';
    const newSide = c.status === 'deleted' ? 'absent' : same ? oldSide : await sideSymbols(input.reader, c.path, after);
    put(c, symbolChangesOf(fileHunks, oldSide, newSide));
  });
  return out;
}

/** Working-tree files read and parsed at once: bounds file handles and the texts held. */
const READS_AT_ONCE = 48;

interface Unread {
  unread: string;
}

/**
 * A working-tree file's text, read as the graph reads one (src/node/dependency-graph.ts): a regular file of at most
 * 1 MB, checked on the open file. A link to /dev/stdin or /dev/urandom, a FIFO, a device or a huge file is not read.
 */
async function readWorktree(root: string, realRoot: string, file: string): Promise<string | Unread | undefined> {
  const read = await readRepoFile(root, realRoot, file);
  if ('text' in read) return read.text;
  if (read.skipped.startsWith('unreadable (ENOENT')) return undefined;
  return { unread: read.skipped === 'over 1 MB' ? 'too large to parse' : read.skipped };
}

async function sideSymbols(reader: CodeReader, file: string, read: BlobRead | Unread): Promise<SideSymbols> {
  if (read === undefined) return { unread: 'the file could not be read' };
  if (typeof read !== 'string') return { unread: 'tooLarge' in read ? 'too large to parse' : read.unread };
  const text = read;
  try {
    const answer = await reader.ask('symbols', file, text);
    if (!answer) return { unread: NO_GRAMMAR };
    if (answer.syntaxErrors) return { unread: 'syntax errors' };
    return { symbols: answer.symbols, text };
  } catch (err) {
    if (err instanceof ParseError)
      return {
        unread:
          err.reason === 'too-large'
            ? 'too large to parse'
            : err.reason === 'binary'
              ? 'binary'
              : 'parse took too long',
      };
    return { unread: err instanceof Error ? err.message : String(err) };
  }
}

/** `all`: name the declarations of every changed file; `touchpoints`: only where a touchpoint names symbols. */
export type SymbolsMode = 'all' | 'touchpoints' | 'off';

/**
 * Narrows a file-level report's symbol-scoped touchpoints to the symbols the change touched (contract §3) and names
 * the changed declarations. Reads nothing when no file needs symbols.
 */
export async function narrowBySymbols(
  report: ImpactReport,
  options: { root: string; change: ChangeSet; reader: CodeReader; mode: SymbolsMode },
): Promise<ImpactReport> {
  if (options.mode === 'off') return report;
  const files = options.mode === 'all' ? report.changedFiles : filesNeedingSymbols(report);
  if (files.length === 0) return report;
  const { root, change, reader } = options;
  return applySymbolChanges(
    report,
    await readSymbolChanges({ root, base: change.base, head: change.head, changes: change.files, files, reader }),
  );
}
