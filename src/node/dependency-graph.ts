// Builds a repository's dependency graph from disk (contract §5): which files to read, reading them safely (no
// symbolic link out of the repository, nothing over 1 MB, nothing binary), asking each for its imports through the
// CodeReader (worker threads; answers cached by git blob id, so a file git finds unchanged is not even read, or else
// by content), and handing everything to the pure engine (src/core/graph).
import { createHash } from 'node:crypto';
import { closeSync, constants as fsConstants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { IMPORTS_VERSION, type FileImports } from '../core/code/imports';
import { languageOfPath } from '../core/code/languages';
import { MAX_PARSE_BYTES, ParseError } from '../core/code/parser';
import { buildGraph, type DependencyGraph } from '../core/graph/graph';
import { dirOf, extendsTargets, isConfigFile, parseJsonc, Resolver } from '../core/graph/resolve';
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
  /** Answers by content key (an ImportCache, or what a narrowed run already parsed in front of one). */
  cache?: Pick<ImportCache, 'get' | 'set'>;
  /** Globs that carry no impact, on top of the built-in test globs (the map's `indirect.exclude`). */
  exclude?: readonly string[];
  /** Texts the caller already has (an editor's unsaved documents): used instead of the disk. */
  overrides?: ReadonlyMap<string, string>;
  /**
   * The git blob id of files whose content is known to be that blob (src/node/git.ts `indexBlobs`: the index, for
   * files git finds unchanged in the working tree; or a commit's tree): their answers are looked up by id, and the
   * file is read only on a miss. Files not named here are read and looked up by content. May be a promise (git still
   * running): it is awaited once the configuration is read.
   */
  blobs?: ReadonlyMap<string, string> | Promise<ReadonlyMap<string, string> | undefined>;
  /** Reads a file instead of the disk: a commit's tree (src/node/git-tree.ts) when a commit is asked about. */
  read?: (file: string, maxBytes: number) => Promise<Read>;
  onProgress?: (done: number, total: number) => void;
}

export type Read = { text: string } | { skipped: string };

/** How often a read that ran out of file handles (EMFILE) waits and tries again before it is reported. */
const HANDLE_RETRIES = 20;

const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;
const OPEN_FLAGS = fsConstants.O_RDONLY | NO_FOLLOW | (fsConstants.O_NONBLOCK ?? 0);

/**
 * Files are read with synchronous calls, in slices of this many milliseconds, after which the event loop gets a
 * turn (the editor's host stays responsive, workers' answers are taken). For the small files of a repository the
 * thread pool's round trips of `fs/promises` cost several times the read itself: 3,000 files took 300-450 ms that
 * way and 45-65 ms this way on the bench machine.
 */
const SLICE_MS = 4;
let sliceStarted = 0;

async function turn(): Promise<void> {
  if (performance.now() - sliceStarted < SLICE_MS) return;
  await new Promise((resolve) => setImmediate(resolve));
  sliceStarted = performance.now();
}

/** Reads a file of the repository as text, or says why not. */
export async function readRepoFile(
  root: string,
  realRoot: string,
  file: string,
  maxBytes = MAX_PARSE_BYTES,
): Promise<Read> {
  const abs = path.join(root, file);
  for (let attempt = 0; ; attempt++) {
    await turn();
    try {
      return readRepoFileNow(abs, realRoot, maxBytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Out of file handles (a low ulimit, other readers): wait for some to close, then try again.
      if ((code === 'EMFILE' || code === 'ENFILE') && attempt < HANDLE_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 10 * (attempt + 1)));
        continue;
      }
      return { skipped: `unreadable (${code ?? 'error'})` };
    }
  }
}

/** `readRepoFile` on this thread; throws what the file system throws. */
function readRepoFileNow(abs: string, realRoot: string, maxBytes: number): Read {
  const followed = (): Read => {
    const real = realpathSync(abs);
    const inside = path.relative(realRoot, real);
    if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside))
      return { skipped: 'symbolic link out of the repository' };
    return readRegularFileNow(real, maxBytes);
  };
  if (NO_FOLLOW === 0) {
    // No O_NOFOLLOW (Windows): what the path is is asked first.
    const info = lstatSync(abs);
    if (info.isSymbolicLink()) return followed();
    if (!info.isFile()) return { skipped: 'not a file' };
  }
  try {
    return readRegularFileNow(abs, maxBytes);
  } catch (error) {
    // The open refused a symbolic link (O_NOFOLLOW): followed when it stays in the repository.
    const code = (error as NodeJS.ErrnoException).code;
    if (NO_FOLLOW !== 0 && (code === 'ELOOP' || code === 'EMLINK')) return followed();
    throw error;
  }
}

/**
 * Reads a regular file of at most `maxBytes`, as text. Checked on the open file itself, so nothing swapped in after
 * a check is read: no link is followed (O_NOFOLLOW), a FIFO or device never blocks the open (O_NONBLOCK) and is not
 * read, and no more than `maxBytes` + 1 bytes are ever read (a file that grows is still bounded).
 */
export async function readRegularFile(file: string, maxBytes = MAX_PARSE_BYTES): Promise<Read> {
  await turn();
  return readRegularFileNow(file, maxBytes);
}

function readRegularFileNow(file: string, maxBytes: number): Read {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { skipped: 'not a file' };
    if (info.size > maxBytes) return { skipped: 'over 1 MB' };
    const buffer = Buffer.allocUnsafe(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { skipped: 'over 1 MB' };
    const bytes = buffer.subarray(0, length);
    if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
    return { text: bytes.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

/** At most this many files are read at once: enough to keep two workers busy, few enough for file handles. */
const CONCURRENCY = 48;

/** Runs `task` on every item, at most `limit` at once. */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, work));
}

/**
 * The configuration the resolver needs (package.json, tsconfig/jsconfig, go.mod, pnpm-workspace.yaml, and whatever a
 * tsconfig extends, by any name), read through `readFile`; `unreadConfigs` names those that could not be read.
 */
export async function readConfigs(
  files: readonly string[],
  readFile: (file: string, maxBytes: number) => Promise<Read>,
  overrides?: ReadonlyMap<string, string>,
): Promise<{ texts: Map<string, string>; unreadConfigs: string[] }> {
  const options = { overrides };
  const configs = files.filter(isConfigFile);
  const texts = new Map<string, string>();
  const unreadConfigs: string[] = [];
  // Configuration is read under the same bound as code: thousands of package.json files must not run out of handles.
  await eachLimited(configs, CONCURRENCY, async (file) => {
    const read = options.overrides?.has(file)
      ? { text: options.overrides.get(file)! }
      : await readFile(file, MAX_PARSE_BYTES);
    if ('text' in read) texts.set(file, read.text);
    else if (read.skipped.startsWith('unreadable')) unreadConfigs.push(`${file} (${read.skipped})`);
  });
  // What a tsconfig extends can have any name (base.json, config/strict.json, a workspace package's file): read
  // those too, following the chain as far as it goes in the repository.
  const fileSet = new Set(files);
  const packageDirs = new Map<string, string>();
  for (const [file, text] of texts) {
    if (!file.endsWith('package.json') || (file !== 'package.json' && !file.endsWith('/package.json'))) continue;
    try {
      const name = (parseJsonc(text) as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && !packageDirs.has(name)) packageDirs.set(name, dirOf(file));
    } catch {
      // Reported by the resolver where it matters.
    }
  }
  const attempted = new Set(configs);
  let round = configs.filter((f) => /(^|\/)[^/]*\.json$/.test(f) && !f.endsWith('package.json'));
  while (round.length > 0) {
    const wanted = new Set<string>();
    for (const file of round) {
      const text = texts.get(file);
      if (text === undefined) continue;
      let config: unknown;
      try {
        config = parseJsonc(text);
      } catch {
        continue;
      }
      for (const target of extendsTargets(file, config, fileSet, (name) => packageDirs.get(name))) {
        if (fileSet.has(target) && !attempted.has(target)) wanted.add(target);
      }
    }
    round = [...wanted];
    for (const f of round) attempted.add(f);
    await eachLimited(round, CONCURRENCY, async (file) => {
      const read = options.overrides?.has(file)
        ? { text: options.overrides.get(file)! }
        : await readFile(file, MAX_PARSE_BYTES);
      if ('text' in read) texts.set(file, read.text);
      else if (read.skipped.startsWith('unreadable')) unreadConfigs.push(`${file} (${read.skipped})`);
    });
  }

  return { texts, unreadConfigs };
}

/**
 * A file's entry in the import cache: its language, the version of what the reader answers (a cache from before a
 * change to what is read is read again) and its content. The full graph and the narrowed one share it.
 */
export function importsCacheKey(file: string, text: string): string {
  return `${languageOfPath(file)}:v${IMPORTS_VERSION}:${contentKey(text)}`;
}

/** The cache key of a file whose content is the git blob `oid`: a second run finds it without reading the file. */
export function blobCacheKey(file: string, oid: string): string {
  return `${languageOfPath(file)}:v${IMPORTS_VERSION}:blob:${oid}`;
}

/** True when `text` is exactly the git blob `oid` (git's own hash of its bytes, SHA-1 or SHA-256 by the id's length). */
export function isBlobText(text: string, oid: string): boolean {
  if (oid.length !== 40 && oid.length !== 64) return false;
  const bytes = Buffer.from(text, 'utf8');
  const hash = createHash(oid.length === 64 ? 'sha256' : 'sha1');
  return hash.update(`blob ${bytes.length}\0`).update(bytes).digest('hex') === oid;
}

type AnswerCache = Pick<ImportCache, 'get' | 'set'>;

/** A file's cached answer, by its text: under its blob id (when it has one), else under its content. */
export function cachedByText(
  cache: AnswerCache | undefined,
  file: string,
  text: string,
  oid: string | undefined,
): FileImports | undefined {
  if (!cache) return undefined;
  const byBlob = oid === undefined ? undefined : cache.get(blobCacheKey(file, oid));
  if (byBlob) return byBlob;
  const byContent = cache.get(importsCacheKey(file, text));
  // An answer cached by content (an older cache) is kept under the blob id too, so the next run need not read.
  if (byContent && oid !== undefined && isBlobText(text, oid)) cache.set(blobCacheKey(file, oid), byContent);
  return byContent;
}

/**
 * Caches a file's answer: under its blob id only when the text read is that blob (a file changed since git looked
 * at it is cached by content), else under its content. An entry under a blob id is thus always the answer for that
 * blob's text, whoever said the file holds it.
 */
export function cacheByText(
  cache: AnswerCache | undefined,
  file: string,
  text: string,
  oid: string | undefined,
  answer: FileImports,
): void {
  if (!cache) return;
  cache.set(oid !== undefined && isBlobText(text, oid) ? blobCacheKey(file, oid) : importsCacheKey(file, text), answer);
}

export async function loadDependencyGraph(options: GraphLoadOptions): Promise<GraphLoad> {
  const root = options.root;
  const realRoot = options.read ? root : await realpath(root);
  const readFile = options.read ?? ((file: string) => readRepoFile(root, realRoot, file));
  const files = options.files.filter((f) => !inExcludedFolder(f));
  const code = files.filter((f) => languageOfPath(f) !== undefined);
  const [{ texts, unreadConfigs }, blobs] = await Promise.all([
    readConfigs(files, readFile, options.overrides),
    options.blobs,
  ]);

  const imports = new Map<string, FileImports>();
  const skipped = new Map<string, string>();
  let cached = 0;
  let parsed = 0;
  let done = 0;
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < code.length) {
      const file = code[next++]!;
      const override = options.overrides?.get(file);
      // A file git vouches for is looked up by its blob id first, without reading it.
      const oid = override === undefined ? blobs?.get(file) : undefined;
      const byBlob = oid === undefined ? undefined : options.cache?.get(blobCacheKey(file, oid));
      if (byBlob) {
        imports.set(file, byBlob);
        cached++;
        done++;
        if (done % 500 === 0) options.onProgress?.(done, code.length);
        continue;
      }
      const read = override !== undefined ? { text: override } : await readFile(file, MAX_PARSE_BYTES);
      if ('skipped' in read) skipped.set(file, read.skipped);
      else {
        const hit = cachedByText(options.cache, file, read.text, oid);
        if (hit) {
          imports.set(file, hit);
          cached++;
        } else {
          try {
            const answer = await options.reader.ask('imports', file, read.text);
            if (answer) {
              imports.set(file, answer);
              cacheByText(options.cache, file, read.text, oid, answer);
            }
            parsed++;
          } catch (error) {
            skipped.set(
              file,
              error instanceof ParseError
                ? error.reason
                : `unreadable (${error instanceof Error ? error.message : String(error)})`,
            );
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
  const graph = buildGraph({
    files,
    imports,
    skipped,
    resolver,
    ...(options.exclude ? { exclude: options.exclude } : {}),
  });
  const warnings = [...resolver.warnings, ...graph.warnings];
  if (unreadConfigs.length > 0) {
    unreadConfigs.sort();
    warnings.push(
      `${unreadConfigs.length} configuration file${unreadConfigs.length === 1 ? '' : 's'} could not be read, so imports through them may be missing: ${unreadConfigs.slice(0, 5).join(', ')}${unreadConfigs.length > 5 ? ', …' : ''}`,
    );
  }
  return { graph, warnings, cached, parsed, source: { files, imports, texts } };
}
