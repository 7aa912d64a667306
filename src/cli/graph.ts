// The dependency graph for the CLI's commands (impact, explain, deps): the code reader beside the bundle, the cache
// under $XDG_CACHE_HOME/cx-impact unless --no-cache, warnings on stderr.
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { CodeReader } from '../node/code-reader';
import { loadDependencyGraph, type GraphLoad } from '../node/dependency-graph';
import { defaultCacheDir, ImportCache, refuseCacheDir } from '../node/graph-cache';

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
}

/** The cache, unless its folder is inside the repository: the CLI never writes there (the next run would see it as a change). */
async function usableCache(dir: string, root: string, warn: (message: string) => void): Promise<ImportCache | undefined> {
  let real = path.resolve(dir);
  // The folder may not exist yet: compare its nearest existing ancestor with links resolved, as git prints the root.
  for (let probe = real, rest = ''; ; ) {
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
  const cache = options.noCache ? undefined : await usableCache(defaultCacheDir(options.env), options.root, options.warn);
  try {
    await cache?.load();
    const load = await loadDependencyGraph({ root: options.root, files: options.files, reader, ...(cache ? { cache } : {}), ...(options.exclude ? { exclude: options.exclude } : {}) });
    for (const warning of load.warnings) options.warn(warning);
    try {
      await cache?.save();
    } catch (error) {
      // A cache that cannot be written costs time next run, nothing else.
      options.warn(`cannot write the cache ${cache?.file ?? ''}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return load;
  } finally {
    reader.dispose();
  }
}
