import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CoverageCounts, Matcher } from '../core/match/matcher';
import { findRepoRoot, worktreeFiles } from '../node/git';
import { excludeGlob } from '../views/journey-nodes';
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
  key: string;
  counts: CoverageCounts;
}

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

  /** Fires (debounced) after files were created, deleted or renamed, or the exclusion settings changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
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
   * How many files each pattern and touchpoint of `matcher` covers in the folder, worked out once per
   * (`mapKey`, file list version). `mapKey` names the maps the matcher was built from and their version.
   */
  async coverageCounts(folder: vscode.WorkspaceFolder, matcher: Pick<Matcher, 'coverageReport'>, mapKey: string, token?: vscode.CancellationToken): Promise<CoverageCounts> {
    const files = await this.filesOf(folder, token);
    const cacheKey = `${folder.uri.toString()}\u0000${mapKey}`;
    const key = `${this.currentVersion}`;
    const cached = this.counts.get(cacheKey);
    if (cached?.key === key) return cached.counts;
    const counts = matcher.coverageReport(files);
    this.counts.set(cacheKey, { key, counts });
    // Bounded: one entry per open map version is plenty; old versions are never asked for again.
    if (this.counts.size > 64) this.counts.delete(this.counts.keys().next().value ?? '');
    return counts;
  }

  /** Throws away every listing now (tests, and the Refresh command). */
  invalidate(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    this.invalidateTimer = undefined;
    for (const listing of this.listings.values()) listing.cancel.cancel();
    this.listings.clear();
    this.counts.clear();
    this.currentVersion++;
    this.changed.fire();
  }

  dispose(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    for (const listing of this.listings.values()) listing.cancel.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private scheduleInvalidate(): void {
    if (this.invalidateTimer) clearTimeout(this.invalidateTimer);
    this.invalidateTimer = setTimeout(() => this.invalidate(), INVALIDATE_AFTER_MS);
  }

  private async list(folder: vscode.WorkspaceFolder, source: Listing['source'], token: vscode.CancellationToken): Promise<readonly string[]> {
    const started = Date.now();
    const work = source === 'git' ? this.fromGit(folder, token) : this.fromFindFiles(folder, token);
    let done = false;
    const slow = setTimeout(() => {
      if (done) return;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `CX Impact: listing the files of ${folder.name}…`, cancellable: true },
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
    const exclude = excludeGlob(vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude'));
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude, undefined, token);
    return uris
      .map((uri) => relativePath(folder.uri, uri))
      .filter((p): p is string => p !== undefined)
      .sort(byPath);
  }
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
