// Builds a repository's dependency graph from disk (contract §5): which files to read, reading them safely (no
// symbolic link out of the repository, nothing over 1 MB, nothing binary), asking each for its imports through the
// CodeReader (worker threads, cached by content), and handing everything to the pure engine (src/core/graph).
import { lstat, readFile, realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { IMPORTS_VERSION, type FileImports } from '../core/code/imports';
import { languageOfPath } from '../core/code/languages';
import { MAX_PARSE_BYTES, ParseError } from '../core/code/parser';
import { buildGraph, type DependencyGraph } from '../core/graph/graph';
import { isConfigFile, Resolver } from '../core/graph/resolve';
import type { CodeReader } from './code-reader';
import { contentKey, type ImportCache } from './graph-cache';

/** Dependencies, build output and vendored code: never part of the graph. */
const EXCLUDED_FOLDERS = new Set([
  'node_modules',
  'bower_components',
  'vendor',
  'third_party',
  'dist',
  'build',
  'out',
  '.next',
  '.nuxt',
  '.turbo',
  'coverage',
  'target',
  '__pycache__',
  '.venv',
  'venv',
  'site-packages',
  '.git',
]);

export function inExcludedFolder(file: string): boolean {
  const segments = file.split('/');
  for (let i = 0; i < segments.length - 1; i++) if (EXCLUDED_FOLDERS.has(segments[i]!)) return true;
  return false;
}

export interface GraphLoad {
  graph: DependencyGraph;
  /** Configuration problems (an invalid tsconfig), each once. */
  warnings: string[];
  /** Files read from the cache and files parsed in this run. */
  cached: number;
  parsed: number;
  /** What the graph was built from: for rebuilding it when one file changes (the editor, on save). */
  source: { files: string[]; imports: Map<string, FileImports>; texts: Map<string, string> };
}

export interface GraphLoadOptions {
  root: string;
  /** The repository's files, relative to root with `/` (git's view: ignored files left out). */
  files: readonly string[];
  reader: CodeReader;
  cache?: ImportCache;
  /** Globs that carry no impact, on top of the built-in test globs (the map's `indirect.exclude`). */
  exclude?: readonly string[];
  /** Texts the caller already has (an editor's unsaved documents): used instead of the disk. */
  overrides?: ReadonlyMap<string, string>;
  onProgress?: (done: number, total: number) => void;
}

type Read = { text: string } | { skipped: string };

/** Reads a file of the repository as text, or says why not. */
export async function readRepoFile(root: string, realRoot: string, file: string, maxBytes = MAX_PARSE_BYTES): Promise<Read> {
  const abs = path.join(root, file);
  try {
    const info = await lstat(abs);
    if (info.isSymbolicLink()) {
      const real = await realpath(abs);
      const inside = path.relative(realRoot, real);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return { skipped: 'symbolic link out of the repository' };
      const target = await lstat(real);
      if (!target.isFile()) return { skipped: 'not a file' };
      if (target.size > maxBytes) return { skipped: 'over 1 MB' };
    } else if (!info.isFile()) return { skipped: 'not a file' };
    else if (info.size > maxBytes) return { skipped: 'over 1 MB' };
    const buffer = await readFile(abs);
    if (buffer.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
    return { text: buffer.toString('utf8') };
  } catch (error) {
    return { skipped: `unreadable (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}

/** At most this many files are read at once: enough to keep two workers busy, few enough for file handles. */
const CONCURRENCY = 48;

export async function loadDependencyGraph(options: GraphLoadOptions): Promise<GraphLoad> {
  const root = options.root;
  const realRoot = await realpath(root);
  const files = options.files.filter((f) => !inExcludedFolder(f));
  const code = files.filter((f) => languageOfPath(f) !== undefined);
  const configs = files.filter(isConfigFile);
  const texts = new Map<string, string>();
  await Promise.all(
    configs.map(async (file) => {
      const read = options.overrides?.has(file) ? { text: options.overrides.get(file)! } : await readRepoFile(root, realRoot, file);
      if ('text' in read) texts.set(file, read.text);
    }),
  );

  const imports = new Map<string, FileImports>();
  const skipped = new Map<string, string>();
  let cached = 0;
  let parsed = 0;
  let done = 0;
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < code.length) {
      const file = code[next++]!;
      const read = options.overrides?.has(file) ? { text: options.overrides.get(file)! } : await readRepoFile(root, realRoot, file);
      if ('skipped' in read) skipped.set(file, read.skipped);
      else {
        // The answer's shape is versioned: a cache from before a change to what is read is read again.
        const key = `v${IMPORTS_VERSION}:${contentKey(read.text)}`;
        const hit = options.cache?.get(`${languageOfPath(file)}:${key}`);
        if (hit) {
          imports.set(file, hit);
          cached++;
        } else {
          try {
            const answer = await options.reader.ask('imports', file, read.text);
            if (answer) {
              imports.set(file, answer);
              options.cache?.set(`${languageOfPath(file)}:${key}`, answer);
            }
            parsed++;
          } catch (error) {
            skipped.set(file, error instanceof ParseError ? error.reason : `unreadable (${error instanceof Error ? error.message : String(error)})`);
          }
        }
      }
      done++;
      if (done % 500 === 0) options.onProgress?.(done, code.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, code.length) }, work));
  options.onProgress?.(code.length, code.length);

  const resolver = new Resolver({ files, texts });
  const graph = buildGraph({ files, imports, skipped, resolver, ...(options.exclude ? { exclude: options.exclude } : {}) });
  return { graph, warnings: [...resolver.warnings, ...graph.warnings], cached, parsed, source: { files, imports, texts } };
}
