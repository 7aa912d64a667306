// The dependency graph for the CLI's commands (impact, explain, deps): the code reader beside the bundle, the cache
// under $XDG_CACHE_HOME/cx-impact unless --no-cache, warnings on stderr.
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { CodeReader } from '../node/code-reader';
import { loadDependencyGraph, type GraphLoad, type GraphLoadOptions } from '../node/dependency-graph';
import { indexBlobs } from '../node/git';
import { defaultCacheDir, ImportCache, refuseCacheDir } from '../node/graph-cache';
import { loadReachableGraph } from '../node/reachable-graph';

export { indirectSettings } from '../core/graph/settings';

/**
 * dist/tree-sitter beside the bundle; run from the source tree (tsx), the installed package's folder. (Not through
 * require.resolve, which a bundle cannot answer.)
 */
function wasmDir(): string {
  const beside = path.join(__dirname, 'tree-sitter');
  if (existsSync(path.join(beside, 'tree-sitter.wasm'))) return beside;
  return path.resolve(__dirname, '..', '..', 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
}

export interface CliGraphOptions {
  root: string;
  files: readonly string[];
  env: Record<string, string | undefined>;
  noCache: boolean;
  exclude?: readonly string[];
  warn: (message: string) => void;
  /** Progress of a long read, one line each (stderr). */
  note?: (message: string) => void;
  /** Read the files from this commit's tree instead of the disk (contract §5.7); `files` are then its files. */
  read?: GraphLoadOptions['read'];
  /** With `read`: the blob id of each of the commit's files (its tree), so that a warm cache need not read them. */
  blobs?: ReadonlyMap<string, string>;
  /**
   * Only what reaches these files is wanted (impact): with a cold cache, only the files that can import them are
   * parsed (src/node/reachable-graph.ts); with a warm one the full graph comes from the cache.
   */
  from?: readonly string[];
  /** Parses a few files on this thread (the caller's, kept open); without it one is made for this load. */
  localReader?: CodeReader;
}

/** The cache, unless its folder is inside the repository: the CLI never writes there (the next run would see it as a change). */
async function usableCache(
  dir: string,
  root: string,
  warn: (message: string) => void,
): Promise<ImportCache | undefined> {
  let real = path.resolve(dir);
  // The folder may not exist yet: compare its nearest existing ancestor with links resolved, as git prints the root.
  for (let probe = real, rest = ''; ;) {
    try {
      real = path.join(await realpath(probe), rest);
      break;
    } catch {
      const parent = path.dirname(probe);
      if (parent === probe) break;
      rest = path.join(path.basename(probe), rest);
      probe = parent;
    }
  }
  const refused = refuseCacheDir(real, root) ?? refuseCacheDir(dir, root);
  if (refused) {
    warn(`not using the cache: ${refused}`);
    return undefined;
  }
  return new ImportCache(dir, root);
}

export async function cliGraph(options: CliGraphOptions): Promise<GraphLoad> {
  const worker = path.join(__dirname, 'code-worker.js');
  const reader = new CodeReader({ wasmDir: wasmDir(), ...(existsSync(worker) ? { workerScript: worker } : {}) });
  const cache = options.noCache
    ? undefined
    : await usableCache(defaultCacheDir(options.env), options.root, options.warn);
  try {
    // Files git finds unchanged since the index are looked up by blob id, unread (the commit's tree when one is read).
    // git runs while the cache is loaded and the configuration read; the build awaits it.
    const blobs = !cache ? undefined : options.read ? options.blobs : indexBlobs(options.root);
    await cache?.load();
    const graphOptions = {
      root: options.root,
      files: options.files,
      reader,
      ...(cache ? { cache } : {}),
      ...(options.exclude ? { exclude: options.exclude } : {}),
      ...(options.read ? { read: options.read } : {}),
      ...(blobs ? { blobs } : {}),
    };
    const cold = !cache || cache.size === 0;
    let local: CodeReader | undefined;
    const load: GraphLoad & { narrowed?: boolean; why?: string } =
      options.from && cold
        ? await loadReachableGraph({
            ...graphOptions,
            from: options.from,
            localReader: options.localReader ?? (local = new CodeReader({ wasmDir: wasmDir() })),
            onProgress: progress(options.note ?? (() => undefined)),
          }).finally(() => local?.dispose())
        : await loadDependencyGraph(graphOptions);
    for (const warning of load.warnings) options.warn(warning);
    // A cold run that could not be narrowed says why, as it costs the whole repository's parse.
    if (load.narrowed === false && load.why)
      options.note?.(`reading the whole dependency graph, not only what the change can reach: ${load.why}`);
    try {
      await cache?.save();
    } catch (error) {
      // A cache that cannot be written costs time next run, nothing else.
      options.warn(
        `cannot write the cache ${cache?.file ?? ''}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    return load;
  } finally {
    reader.dispose();
  }
}

/** A line on stderr at each tenth of a long read (a change too large to narrow reads every file). */
function progress(note: (message: string) => void): (done: number, total: number) => void {
  let shown = 0;
  const started = Date.now();
  return (done, total) => {
    if (total < 20_000 || done >= total || Date.now() - started < 2000) return;
    const tenth = Math.floor((done / total) * 10);
    if (tenth <= shown) return;
    shown = tenth;
    note(`reading the repository's code: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} files`);
  };
}
