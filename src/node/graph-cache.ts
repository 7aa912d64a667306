// The imports of each file, cached by content outside the repository (contract §5.5): a second run reads only
// what changed. The CLI keeps it under $XDG_CACHE_HOME/cx-impact (default ~/.cache/cx-impact); the editor in its
// own storage folder. One file per repository, replaced whole (written beside, then renamed) so a crash never
// leaves half a cache; an unreadable cache is simply empty.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileImports } from '../core/code/imports';

/** Bumped whenever what the `imports` question answers changes shape or meaning. */
const CACHE_VERSION = 2;

export function defaultCacheDir(env: Record<string, string | undefined>): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
  return path.join(base, 'cx-impact');
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
    this.file = path.join(dir, `imports-${createHash('sha1').update(path.resolve(root)).digest('hex').slice(0, 16)}.json`);
  }

  async load(): Promise<void> {
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as { version?: number; entries?: Record<string, FileImports> };
      if (data.version === CACHE_VERSION && data.entries && typeof data.entries === 'object') this.entries = new Map(Object.entries(data.entries));
    } catch {
      this.entries = new Map();
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): FileImports | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.add(key);
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
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: CACHE_VERSION, entries }));
    await rename(temp, this.file);
    this.changed = false;
  }
}
