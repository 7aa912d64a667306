// The imports of each file, cached by content outside the repository (contract §5.5): a second run reads only
// what changed. Keys are the file's git blob id where git vouches for it (src/node/dependency-graph.ts
// blobCacheKey), else a hash of its text. The CLI keeps it under $XDG_CACHE_HOME/cx-impact (default ~/.cache/cx-impact); the editor in its
// own storage folder. One file per repository, replaced whole (written beside, then renamed) so a crash never
// leaves half a cache; an unreadable cache is simply empty. The cache is data, never trusted (a CI cache can be
// poisoned): every entry is checked before use, a bad one is a miss that gets rewritten, the file is written
// through a new file created exclusively (a link planted in its place is never followed), and a cache folder inside
// the repository is refused.
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileImports } from '../core/code/imports';

/** Bumped whenever what the `imports` question answers changes shape or meaning. */
const CACHE_VERSION = 2;

export function defaultCacheDir(env: Record<string, string | undefined>): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'cx-impact');
}

/** Why a cache folder is refused, or undefined when it may be used: never inside the repository it caches. */
export function refuseCacheDir(dir: string, root: string, realRoot?: string): string | undefined {
  for (const top of new Set([path.resolve(root), ...(realRoot ? [path.resolve(realRoot)] : [])])) {
    const rel = path.relative(top, path.resolve(dir));
    if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel)))
      return `the cache folder ${dir} is inside the repository; set XDG_CACHE_HOME to a folder outside it (or use --no-cache)`;
  }
  return undefined;
}

const IMPORT_KINDS = new Set(['import', 'export', 'require', 'dynamic', 'import-equals']);
/** Entries with more than this many records are not real files' answers. */
const MAX_RECORDS = 100_000;
/** The largest cache file read (a real one is about 1 KB per file of the repository). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value) || value.length > MAX_RECORDS) return false;
  // A loop, not every(): every() skips the holes of a sparse array.
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function isLine(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** True when `value` has exactly the shape the `imports` question answers (FileImports). */
export function isFileImports(value: unknown): value is FileImports {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (
    !Array.isArray(v.imports) ||
    !Array.isArray(v.reexports) ||
    !isStringArray(v.exports) ||
    typeof v.partial !== 'boolean'
  )
    return false;
  if (v.imports.length > MAX_RECORDS || v.reexports.length > MAX_RECORDS) return false;
  for (const record of v.imports as unknown[]) {
    if (typeof record !== 'object' || record === null) return false;
    const r = record as Record<string, unknown>;
    if (
      typeof r.specifier !== 'string' ||
      typeof r.kind !== 'string' ||
      !IMPORT_KINDS.has(r.kind) ||
      !isLine(r.line) ||
      typeof r.typeOnly !== 'boolean'
    )
      return false;
    if (r.names !== undefined && !isStringArray(r.names)) return false;
    for (const field of ['metadata', 'metadataLoose', 'usedIn'] as const)
      if (r[field] !== undefined && !isStringArray(r[field])) return false;
  }
  // What framework wiring adds (contract §5.6): name lists, and implementations naming two types.
  for (const field of ['typeExports', 'abstracts', 'uses', 'declares', 'methods'] as const)
    if (v[field] !== undefined && !isStringArray(v[field])) return false;
  if (v.implementations !== undefined) {
    if (!Array.isArray(v.implementations) || v.implementations.length > MAX_RECORDS) return false;
    const isRef = (ref: unknown): boolean =>
      typeof ref === 'object' &&
      ref !== null &&
      typeof (ref as Record<string, unknown>).name === 'string' &&
      ['undefined', 'string'].includes(typeof (ref as Record<string, unknown>).specifier);
    for (let i = 0; i < v.implementations.length; i++) {
      const entry = v.implementations[i] as unknown;
      if (typeof entry !== 'object' || entry === null) return false;
      const e = entry as Record<string, unknown>;
      if (!isRef(e.impl) || !isRef(e.of) || (e.provider !== undefined && e.provider !== true)) return false;
    }
  }
  for (const record of v.reexports as unknown[]) {
    if (typeof record !== 'object' || record === null) return false;
    const r = record as Record<string, unknown>;
    if (typeof r.specifier !== 'string' || !isLine(r.line) || typeof r.typeOnly !== 'boolean') return false;
    if (r.names !== '*') {
      if (!Array.isArray(r.names) || r.names.length > MAX_RECORDS) return false;
      for (const n of r.names as unknown[]) {
        if (typeof n !== 'object' || n === null) return false;
        const pair = n as Record<string, unknown>;
        if (typeof pair.from !== 'string' || typeof pair.as !== 'string') return false;
      }
    }
  }
  return true;
}

export function contentKey(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

export class ImportCache {
  private entries = new Map<string, FileImports>();
  private used = new Set<string>();
  private changed = false;
  readonly file: string;

  /** `dir`: the cache folder; `root`: the repository, which names the cache file (never written into). */
  constructor(dir: string, root: string) {
    this.file = path.join(
      dir,
      `imports-${createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16)}.json`,
    );
  }

  async load(): Promise<void> {
    this.entries = new Map();
    let text: string;
    try {
      // Read through an open file that is checked first: a link, a FIFO or a huge file is no cache.
      const handle = await open(
        this.file,
        fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0),
      );
      try {
        const info = await handle.stat();
        if (!info.isFile() || info.size > MAX_CACHE_BYTES) return;
        text = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch {
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      this.rejected++;
      return;
    }
    const d = data as { version?: unknown; entries?: unknown } | null;
    if (
      typeof d !== 'object' ||
      d === null ||
      d.version !== CACHE_VERSION ||
      typeof d.entries !== 'object' ||
      d.entries === null ||
      Array.isArray(d.entries)
    ) {
      this.rejected++;
      return;
    }
    for (const [key, value] of Object.entries(d.entries)) {
      // A bad entry is a miss: the file is read again and the entry rewritten.
      if (isFileImports(value)) this.entries.set(key, value);
      else this.rejected++;
    }
    if (this.rejected > 0) this.changed = true;
  }

  /** Entries (or whole files) the last load() found malformed and dropped. */
  rejected = 0;

  get size(): number {
    return this.entries.size;
  }

  get(key: string): FileImports | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
    else if (this.entries.has(key)) this.entries.delete(key);
    return hit;
  }

  set(key: string, value: FileImports): void {
    this.entries.set(key, value);
    this.used.add(key);
    this.changed = true;
  }

  /** Writes what this run used (older entries go, so the cache stays the size of the repository). */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.entries.size) return;
    const entries: Record<string, FileImports> = {};
    for (const key of this.used) {
      const value = this.entries.get(key);
      if (value) entries[key] = value;
    }
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    // A new file of our own, created exclusively: whatever a poisoned cache folder holds under that name (a link to a
    // repository file) is never opened, let alone followed. The name is random, so it cannot be planted ahead.
    const temp = path.join(dir, `${path.basename(this.file)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
    const handle = await open(
      temp,
      fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL | (fsConstants.O_NOFOLLOW ?? 0),
      0o600,
    );
    try {
      try {
        await handle.writeFile(JSON.stringify({ version: CACHE_VERSION, entries }));
      } finally {
        await handle.close();
      }
      // rename replaces a link at the cache's own name; it never writes through it.
      await rename(temp, this.file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    this.changed = false;
  }
}
