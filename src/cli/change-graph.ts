// Indirect reach of a change from the graph of the commit asked about (contract §5.7): with `--head REF` the files
// are REF's tree, read through git; a file the change deleted (or renamed away) is followed in the base's tree, where
// its importers still import it; the working tree is read only when the working tree is the head.
import type { Coverage } from '../core/types';
import { reachOfFiles } from '../core/graph/indirect-impact';
import type { FileReach, IndirectOptions } from '../core/graph/reach';
import type { CodeReader } from '../node/code-reader';
import { WORKTREE, type ChangeSet } from '../node/git';
import { BlobReader, commitFiles } from '../node/git-tree';
import { cliGraph } from './graph';

export interface ChangeReachInput {
  root: string;
  change: ChangeSet;
  /** The working tree's files (git's view), used when the head is the working tree. */
  worktreeFiles: readonly string[];
  /** The changed code files no touchpoint covers, in report order. */
  files: readonly string[];
  coverageOf: (file: string) => Coverage[];
  options: IndirectOptions;
  exclude: readonly string[];
  env: Record<string, string | undefined>;
  noCache: boolean;
  warn: (message: string) => void;
  note?: (message: string) => void;
  /** Parses a few files on this thread (the narrowed graph's): the caller's, already started. */
  localReader?: CodeReader;
}

export async function reachOfChange(input: ChangeReachInput): Promise<FileReach<Coverage>[]> {
  const blobs = new BlobReader(input.root);
  const common = {
    root: input.root,
    env: input.env,
    noCache: input.noCache,
    exclude: input.exclude,
    warn: input.warn,
    ...(input.note ? { note: input.note } : {}),
    ...(input.localReader ? { localReader: input.localReader } : {}),
  };
  try {
    const head = input.change.head === WORKTREE ? undefined : await commitFiles(input.root, input.change.head, blobs);
    const headFiles = head?.files ?? input.worktreeFiles;
    const present = new Set(headFiles);
    const here = input.files.filter((f) => present.has(f));
    const gone = input.files.filter((f) => !present.has(f));
    const reaches = new Map<string, FileReach<Coverage>>();
    if (here.length > 0) {
      const load = await cliGraph({
        ...common,
        files: headFiles,
        from: here,
        ...(head ? { read: head.read, blobs: head.blobs } : {}),
      });
      for (const r of reachOfFiles(load.graph, here, input.coverageOf, input.options)) reaches.set(r.file, r);
    }
    if (gone.length > 0) {
      // Deleted in the head: who imported it is in the base's tree.
      const base = await commitFiles(input.root, input.change.base, blobs);
      const load = await cliGraph({ ...common, files: base.files, read: base.read, blobs: base.blobs, from: gone });
      for (const r of reachOfFiles(load.graph, gone, input.coverageOf, input.options)) reaches.set(r.file, r);
    }
    return input.files.map((f) => reaches.get(f) ?? { file: f, hits: [], beyond: 0 });
  } finally {
    blobs.close();
  }
}
