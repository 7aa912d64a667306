import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CxMap } from '../core/types';
import { slimMapsJson, toWorkspaceCounts, type RawCounts, type WorkspaceCounts } from './coverage-count';
import { CountCancelled, CoverageCounter, type CountRecord } from './coverage-counter';
import { findRepoRoot, worktreeFiles } from '../node/git';
import { excludeGlob } from './exclude-glob';
import { relativePath } from './workspace-maps';

/** Past this, listing the files shows a progress notification (a person notices a second). */
const PROGRESS_AFTER_MS = 1000;
/** File creations and deletions come in bursts (checkout, npm install, a build). */
const INVALIDATE_AFTER_MS = 300;

interface Listing {
  version: number;
  files: Promise<readonly string[]>;
  source: 'git' | 'findFiles';
  cancel: vscode.CancellationTokenSource;
}

interface CountsEntry {
  /** Raw, not tied to map objects: callers whose maps have the same content share the job, each gets its own objects. */
  counts: Promise<RawCounts>;
  /** Callers still waiting that may cancel; the job is cancelled when the last of them does. */
  waiters: number;
  settled: boolean;
  cancel: vscode.CancellationTokenSource;
}

/** The slim JSON of each map object (maps are immutable once parsed) and its digest: a cache key without re-reading. */
const slimOf = new WeakMap<CxMap, { json: string; digest: string }>();

/**
 * The files of each workspace folder, as paths relative to the folder with `/`: what map patterns are matched
 * against when the editor asks "what does this pattern cover". From `git ls-files` in a trusted git folder (so
 * .gitignore'd build output does not count, as in the CLI), else `workspace.findFiles` honouring `files.exclude`.
 * Listed lazily on first use, cached until a file is created, deleted or renamed.
 */
export class WorkspaceFiles implements vscode.Disposable {
  private readonly listings = new Map<string, Listing>();
  private readonly counts = new Map<string, CountsEntry>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private invalidateTimer: NodeJS.Timeout | undefined;
  private currentVersion = 0;
  private readonly counter: CoverageCounter;

  /** Fires (debounced) after files were created, deleted or renamed, or the exclusion settings changed. */
  readonly onDidChange = this.changed.event;

  /** `workerScript`: dist/coverage-worker.js; without it coverage is counted on the extension host's thread. */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    workerScript?: string,
  ) {
    this.counter = new CoverageCounter({ script: workerScript, log: (message) => log.warn(message) });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      this.changed,
      watcher.onDidCreate(() => this.scheduleInvalidate()),
      watcher.onDidDelete(() => this.scheduleInvalidate()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.invalidate()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude')) this.invalidate();
      }),
    );
  }

  /** Increases whenever a listing is thrown away: a cache key for counts. */
  get version(): number {
    return this.currentVersion;
  }

  /** The folder's files, relative to it with `/`, sorted. Shared by every caller until the next change. */
  filesOf(folder: vscode.WorkspaceFolder, token?: vscode.CancellationToken): Promise<readonly string[]> {
    const key = folder.uri.toString();
    let listing = this.listings.get(key);
    if (!listing || listing.version !== this.currentVersion) {
      const cancel = new vscode.CancellationTokenSource();
      const source = vscode.workspace.isTrusted && folder.uri.scheme === 'file' ? 'git' : 'findFiles';
      const files = this.list(folder, source, cancel.token);
      listing = { version: this.currentVersion, files, source, cancel };
      this.listings.set(key, listing);
      // A failed or cancelled listing is not kept: the next caller tries again.
      files.catch(() => {
        if (this.listings.get(key) === listing) this.listings.delete(key);
      });
    }
    if (!token) return listing.files;
    return new Promise((resolve, reject) => {
      const sub = token.onCancellationRequested(() => {
        sub.dispose();
        reject(new vscode.CancellationError());
      });
      listing.files.then(
        (files) => {
          sub.dispose();
          resolve(files);
        },
        (err: unknown) => {
          sub.dispose();
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  /**
   * How many files each pattern, touchpoint and journey of `matcher`'s maps covers in the folder, counted in the
   * coverage worker once per (maps' content, file list version) and shared by every caller asking meanwhile. `mapKey`
   * names the maps in the log. Rejects with CancellationError when `token` is cancelled first.
   */
  async coverageCounts(
    folder: vscode.WorkspaceFolder,
    matcher: { readonly maps: readonly CxMap[] },
    mapKey: string,
    token?: vscode.CancellationToken,
  ): Promise<WorkspaceCounts> {
    // The list id names the files the worker keeps: it must be the version these files were listed at.
    let version: number;
    let files: readonly string[];
    do {
      version = this.currentVersion;
      files = await this.filesOf(folder, token);
    } while (version !== this.currentVersion);
    const maps = matcher.maps;
    const slim = maps.map(slimEntry);
    const list = `${folder.uri.toString()}#${version}`;
    const cacheKey = `${list}\u0000${slim.map((s) => s.digest).join(',')}`;
    let entry = this.counts.get(cacheKey);
    if (!entry) {
      const cancel = new vscode.CancellationTokenSource();
      const started = Date.now();
      const counts = this.counter
        .count(list, files, `[${slim.map((s) => s.json).join(',')}]`, cancel.token)
        .then((raw) => {
          this.log.info(
            `Counted ${mapKey} over ${files.length} files in ${Date.now() - started} ms (${raw.ms.toFixed(0)} ms of counting${this.counter.inWorker ? ' in the worker' : ''}).`,
          );
          return raw;
        });
      const created: CountsEntry = { counts, waiters: 0, settled: false, cancel };
      entry = created;
      this.counts.set(cacheKey, created);
      counts.then(
        () => {
          created.settled = true;
          cancel.dispose();
        },
        () => {
          created.settled = true;
          cancel.dispose();
          // A failed or cancelled count is not kept: the next caller counts again.
          if (this.counts.get(cacheKey) === created) this.counts.delete(cacheKey);
        },
      );
      // Bounded: one entry per open map version is plenty; old versions are never asked for again.
      if (this.counts.size > 64) this.counts.delete(this.counts.keys().next().value ?? '');
    }
    // Tied to this caller's map objects: features look patterns, touchpoints and journeys up by identity, and an
    // equal map parsed again (another text version with the same patterns) has other objects.
    return this.wait(entry, token).then((raw) => toWorkspaceCounts(maps, raw, files));
  }

  /** The last count jobs: where they ran and when (for the log and the load test). */
  get countRecords(): readonly CountRecord[] {
    return this.counter.records;
  }

  private wait(entry: CountsEntry, token: vscode.CancellationToken | undefined): Promise<RawCounts> {
    const translate = (err: unknown): never => {
      throw err instanceof CountCancelled ? new vscode.CancellationError() : err;
    };
    if (!token) {
      // Someone who cannot cancel keeps the job alive.
      entry.waiters = Number.POSITIVE_INFINITY;
      return entry.counts.catch(translate);
    }
    if (token.isCancellationRequested) return Promise.reject(new vscode.CancellationError());
    entry.waiters++;
    return new Promise<RawCounts>((resolve, reject) => {
      let done = false;
      const sub = token.onCancellationRequested(() => {
        if (done) return;
        done = true;
        sub.dispose();
        if (--entry.waiters <= 0 && !entry.settled) entry.cancel.cancel();
        reject(new vscode.CancellationError());
      });
      entry.counts.then(
        (counts) => {
          if (done) return;
          done = true;
          sub.dispose();
          resolve(counts);
        },
        (err: unknown) => {
          if (done) return;
          done = true;
          sub.dispose();
          try {
            translate(err);
          } catch (translated) {
            reject(translated instanceof Error ? translated : new Error(String(translated)));
          }
        },
      );
    });
  }

  /** Throws away every listing now (tests, and the Refresh command). */
  invalidate(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    this.invalidateTimer = undefined;
    for (const listing of this.listings.values()) listing.cancel.cancel();
    this.listings.clear();
    // Counts of the old list are never asked for again: stop them, and let the worker drop the old lists.
    for (const entry of this.counts.values()) if (!entry.settled) entry.cancel.cancel();
    this.counts.clear();
    for (const folder of vscode.workspace.workspaceFolders ?? [])
      this.counter.forget(`${folder.uri.toString()}#${this.currentVersion}`);
    this.currentVersion++;
    this.changed.fire();
  }

  dispose(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    for (const listing of this.listings.values()) listing.cancel.dispose();
    for (const entry of this.counts.values()) entry.cancel.dispose();
    this.counter.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private scheduleInvalidate(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    this.invalidateTimer = setTimeout(() => this.invalidate(), INVALIDATE_AFTER_MS);
  }

  private async list(
    folder: vscode.WorkspaceFolder,
    source: Listing['source'],
    token: vscode.CancellationToken,
  ): Promise<readonly string[]> {
    const started = Date.now();
    const work = source === 'git' ? this.fromGit(folder, token) : this.fromFindFiles(folder, token);
    let done = false;
    const slow = setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: vscode.l10n.t('CX Impact: listing the files of {0}…', folder.name),
          cancellable: true,
        },
        (_progress, progressToken) => {
          const sub = progressToken.onCancellationRequested(() => {
            for (const [key, listing] of this.listings) {
              if (listing.cancel.token === token) {
                listing.cancel.cancel();
                this.listings.delete(key);
              }
            }
          });
          return work.then(
            () => {
              sub.dispose();
            },
            () => {
              sub.dispose();
            },
          );
        },
      );
    }, PROGRESS_AFTER_MS);
    try {
      const files = await work;
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      this.log.info(`Listed ${files.length} files of ${folder.name} with ${source} in ${Date.now() - started} ms.`);
      return files;
    } finally {
      done = true;
      clearTimeout(slow);
    }
  }

  private async fromGit(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<string[]> {
    const root = await findRepoRoot(folder.uri.fsPath);
    if (!root) return this.fromFindFiles(folder, token);
    const files = await worktreeFiles(root);
    // The folder may be a subfolder of the repository: keep its files, relative to it.
    const inner = path.relative(root, folder.uri.fsPath).split(path.sep).join('/');
    const prefix = inner === '' ? '' : `${inner}/`;
    const mine = prefix === '' ? files : files.filter((f) => f.startsWith(prefix)).map((f) => f.slice(prefix.length));
    return mine.sort(byPath);
  }

  private async fromFindFiles(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<string[]> {
    const exclude = excludeGlob(
      vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'),
    );
    const uris = await vscode.workspace.findFiles(
      new vscode.RelativePattern(folder, '**/*'),
      exclude,
      undefined,
      token,
    );
    return uris
      .map((uri) => relativePath(folder.uri, uri))
      .filter((p): p is string => p !== undefined)
      .sort(byPath);
  }
}

function slimEntry(map: CxMap): { json: string; digest: string } {
  let entry = slimOf.get(map);
  if (!entry) {
    const json = slimMapsJson([map]).slice(1, -1);
    entry = { json, digest: createHash('sha1').update(json).digest('base64') };
    slimOf.set(map, entry);
  }
  return entry;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
