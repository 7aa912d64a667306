import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseMap } from '../core/map/parse';
import { Matcher } from '../core/match/matcher';
import type { Coverage, CxMap, MapDiagnostic, ParseResult } from '../core/types';

export const MAP_GLOB = '**/cx-map.{yaml,yml}';
const EXCLUDE_GLOB = '**/node_modules/**';
/** Typing pauses shorter than this do not re-read the map. */
const LIVE_DELAY_MS = 150;
/** Created folders are looked into once per burst (a checkout, an unzip). */
const NEW_FOLDERS_DELAY_MS = 300;
/** More new folders than this in one burst: search the whole workspace again instead. */
const MAX_NEW_FOLDERS = 20;
/** More created entries than this in one burst (a build, an install): stop collecting, search everything once. */
const MAX_CREATED_ENTRIES = 1000;

/** Is this a journey map, by its file name? */
export function isMapFile(uri: vscode.Uri): boolean {
  return /(^|\/)cx-map\.ya?ml$/.test(uri.path);
}

/**
 * Checks that need more than the map's text (which files exist, which symbols a file has). Given the parse of the
 * text the user sees, returns more diagnostics; an empty list when it cannot tell. Cancelled when newer text comes.
 */
export type MapCheck = (
  uri: vscode.Uri,
  result: ParseResult,
  text: string,
  token: vscode.CancellationToken,
) => Promise<MapDiagnostic[]>;

/** What the diagnostics of one map were last computed from. */
interface Published {
  result: ParseResult;
  text: string;
  /** The checks' diagnostics, once they answered. */
  checked: MapDiagnostic[];
  cancel: vscode.CancellationTokenSource;
}

interface LoadedMap {
  uri: vscode.Uri;
  /** The map in use: the last version without errors, or the best partial one if there never was one. */
  map: CxMap | undefined;
  /** True when `map` came from a version of the file without errors. */
  good: boolean;
  /** True while the file on disk has errors and an older good version stands in for it. */
  stale: boolean;
}

interface FolderState {
  folder: vscode.WorkspaceFolder;
  maps: Map<string, LoadedMap>;
  matcher: Matcher;
}

/**
 * Every journey map of the workspace: found without blocking activation, re-read when a map changes on disk
 * (save, `git checkout`, another tool), one Matcher per workspace folder. A broken map shows diagnostics and the
 * last good version stays in use.
 */
export class WorkspaceMaps implements vscode.Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private pendingReloads = new Map<string, NodeJS.Timeout>();
  /** Directory watchers for maps on the local disk: VS Code's watcher can take seconds to report a change. */
  private readonly folderWatchers = new Map<string, fs.FSWatcher>();
  private currentVersion = 0;
  private readonly liveTimers = new Map<string, NodeJS.Timeout>();
  private readonly published = new Map<string, Published>();
  /** Maps not read, and why (a symbolic link out of the workspace folder): their diagnostic says so. */
  private readonly refused = new Map<string, string>();
  private newFolders = new Set<string>();
  private tooManyCreated = false;
  private newFoldersTimer: NodeJS.Timeout | undefined;
  private checks: readonly MapCheck[] = [];
  private readonly severityOf: (d: MapDiagnostic) => vscode.DiagnosticSeverity | undefined;

  /** Fires after any map was (re)loaded or removed. */
  readonly onDidChange = this.changed.event;
  /** Settles once the first discovery has finished. */
  readonly ready: Promise<void>;

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
    /** The severity to show a diagnostic with; undefined hides it. Defaults to the engine's severity. */
    severityOf?: (d: MapDiagnostic) => vscode.DiagnosticSeverity | undefined,
  ) {
    this.severityOf = severityOf ?? engineSeverity;
    const watcher = vscode.workspace.createFileSystemWatcher(MAP_GLOB);
    // A map written into a folder created a moment before can come before the watcher watches that folder, and is
    // then never reported: new folders are searched for maps.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, true);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidCreate((uri) => this.folderCreated(uri)),
      this.changed,
      watcher.onDidCreate((uri) => this.scheduleReload(uri)),
      watcher.onDidChange((uri) => this.scheduleReload(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
      // Diagnostics follow the text the user sees, saved or not; the matcher keeps using the saved map.
      vscode.workspace.onDidOpenTextDocument((doc) => this.scheduleLive(doc, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.scheduleLive(e.document, LIVE_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (!isMapFile(doc.uri)) return;
        // Closing without saving drops the unsaved text: show the file's own problems again.
        if (this.isLoaded(doc.uri)) this.scheduleReload(doc.uri);
        // A map that is not in use (deleted while open, outside the folders): its live diagnostics go with it.
        else if (!this.refused.has(doc.uri.toString())) this.unpublish(doc.uri);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.scheduleLive(doc, 0);
    this.ready = this.discover();
  }

  /**
   * Sets the checks that look beyond the map's text (the editor's workspace-aware warnings). Their diagnostics join
   * the parser's in the same collection, for every map, each as soon as it answers; worked out again on `recheck()`.
   */
  setChecks(checks: readonly MapCheck[]): void {
    this.checks = checks;
    this.recheck();
  }

  /** Works the checks out again for every map shown (the workspace's files or a setting changed). */
  recheck(): void {
    for (const [key, published] of this.published)
      this.publish(vscode.Uri.parse(key), published.result, published.text);
  }

  /** The parse of the text the diagnostics of `uri` were last computed from (the open document's, when open). */
  parsed(uri: vscode.Uri): ParseResult | undefined {
    return this.published.get(uri.toString())?.result;
  }

  /** Every diagnostic shown for `uri` as the engine and the checks gave it (with suggestions, for quick fixes). */
  mapDiagnostics(uri: vscode.Uri): MapDiagnostic[] {
    const published = this.published.get(uri.toString());
    return published ? [...published.result.diagnostics, ...published.checked] : [];
  }

  /** Increases whenever the maps in use change: a cache key for lenses and views. */
  get version(): number {
    return this.currentVersion;
  }

  /** Every touchpoint covering the file, most critical first. */
  coverageOf(uri: vscode.Uri): Coverage[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    const state = this.folders.get(folder.uri.toString());
    const path = relativePath(folder.uri, uri);
    if (!state || path === undefined) return [];
    return state.matcher.coverageOf(path);
  }

  /** The map file's URI, for "open the map at this line". */
  uriOf(map: CxMap): vscode.Uri | undefined {
    for (const state of this.folders.values()) {
      for (const loaded of state.maps.values()) {
        if (loaded.map === map) return loaded.uri;
      }
    }
    return undefined;
  }

  /** The maps in use, per workspace folder. */
  byFolder(): Array<{ folder: vscode.WorkspaceFolder; maps: CxMap[]; matcher: Matcher }> {
    return [...this.folders.values()].map((s) => ({ folder: s.folder, maps: this.mapsOf(s), matcher: s.matcher }));
  }

  mapUris(): vscode.Uri[] {
    return [...this.folders.values()].flatMap((s) => [...s.maps.values()].map((m) => m.uri));
  }

  hasMaps(): boolean {
    return this.mapUris().length > 0;
  }

  /** Map files found but not read, with the reason (shown as their diagnostic). */
  refusedMaps(): Array<{ uri: vscode.Uri; reason: string }> {
    return [...this.refused].map(([key, reason]) => ({ uri: vscode.Uri.parse(key), reason }));
  }

  /** The folders watched with Node's fs.watch for map changes (tests check they go with their workspace folder). */
  watchedFolders(): string[] {
    return [...this.folderWatchers.keys()].sort();
  }

  dispose(): void {
    for (const timer of this.pendingReloads.values()) clearTimeout(timer);
    this.pendingReloads.clear();
    for (const timer of this.liveTimers.values()) clearTimeout(timer);
    this.liveTimers.clear();
    if (this.newFoldersTimer) clearTimeout(this.newFoldersTimer);
    this.newFolders.clear();
    for (const p of this.published.values()) p.cancel.dispose();
    this.published.clear();
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
    this.refused.clear();
    for (const d of this.disposables) d.dispose();
  }

  private watchFolderOf(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const dir = vscode.Uri.joinPath(uri, '..');
    const key = dir.fsPath;
    if (this.folderWatchers.has(key)) return;
    try {
      // The directory, not the file: editors and `git checkout` replace files by renaming over them.
      const watcher = fs.watch(key, { persistent: false }, (_event, name) => {
        const changed = name?.toString();
        if (changed === 'cx-map.yaml' || changed === 'cx-map.yml')
          this.scheduleReload(vscode.Uri.joinPath(dir, changed));
      });
      watcher.on('error', () => {
        watcher.close();
        this.folderWatchers.delete(key);
      });
      this.folderWatchers.set(key, watcher);
    } catch {
      // Out of watches or not a real directory: VS Code's own watcher still reports changes, only later.
    }
  }

  private async discover(): Promise<void> {
    const open = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
    for (const [key, state] of this.folders) {
      if (!open.has(key)) {
        for (const loaded of state.maps.values()) this.unpublish(loaded.uri);
        this.folders.delete(key);
        this.forgetFolder(state.folder.uri);
      }
    }
    let found: vscode.Uri[] = [];
    try {
      found = await vscode.workspace.findFiles(MAP_GLOB, EXCLUDE_GLOB);
    } catch (err) {
      this.log.error(`Could not search the workspace for journey maps: ${String(err)}`);
    }
    await Promise.all(found.map((uri) => this.load(uri, false)));
    this.rebuild();
  }

  private folderCreated(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || isMapFile(uri) || /\/(\.git|node_modules)(\/|$)/.test(uri.path)) return;
    if (this.newFolders.size < MAX_CREATED_ENTRIES) this.newFolders.add(uri.toString());
    else this.tooManyCreated = true;
    if (this.newFoldersTimer) return;
    this.newFoldersTimer = setTimeout(() => {
      this.newFoldersTimer = undefined;
      const created = [...this.newFolders].map((key) => vscode.Uri.parse(key));
      const everything = this.tooManyCreated;
      this.newFolders.clear();
      this.tooManyCreated = false;
      const search = everything ? this.discover() : this.searchNewFolders(created);
      void search.catch((err: unknown) => this.log.warn(`Could not search new folders for maps: ${String(err)}`));
    }, NEW_FOLDERS_DELAY_MS);
  }

  private async searchNewFolders(created: vscode.Uri[]): Promise<void> {
    const dirs: vscode.Uri[] = [];
    for (const uri of created) {
      const stat = await fs.promises.stat(uri.fsPath).catch(() => undefined);
      if (stat?.isDirectory()) dirs.push(uri);
    }
    // The top-most only: a search of a folder covers the folders in it.
    const top = dirs.filter((d) => !dirs.some((other) => other !== d && d.path.startsWith(`${other.path}/`)));
    if (top.length === 0) return;
    if (top.length > MAX_NEW_FOLDERS) {
      await this.discover();
      return;
    }
    for (const dir of top) {
      const found = await vscode.workspace.findFiles(
        new vscode.RelativePattern(dir, '**/cx-map.{yaml,yml}'),
        EXCLUDE_GLOB,
      );
      for (const uri of found) if (!this.isLoaded(uri) && !this.refused.has(uri.toString())) this.scheduleReload(uri);
    }
  }

  /** Drops what is kept about the maps of a removed workspace folder: refusals and directory watchers. */
  private forgetFolder(root: vscode.Uri): void {
    for (const key of [...this.refused.keys()]) {
      const uri = vscode.Uri.parse(key);
      if (relativePath(root, uri) !== undefined) {
        this.refused.delete(key);
        this.diagnostics.delete(uri);
      }
    }
    if (root.scheme !== 'file') return;
    const base = root.fsPath.endsWith(path.sep) ? root.fsPath : `${root.fsPath}${path.sep}`;
    for (const [dir, watcher] of this.folderWatchers) {
      if (dir === root.fsPath || dir.startsWith(base)) {
        watcher.close();
        this.folderWatchers.delete(dir);
      }
    }
  }

  /**
   * Why the map is not read, or undefined when it may be: a map that is a symbolic link to a file outside its
   * workspace folder is refused, as the CLI refuses one linked out of the repository (its text could be anything of
   * the user's, shown in diagnostics and hovers).
   */
  private async refusal(folder: vscode.WorkspaceFolder, uri: vscode.Uri, file: string): Promise<string | undefined> {
    if (uri.scheme !== 'file' || folder.uri.scheme !== 'file') return undefined;
    let realRoot: string;
    let real: string;
    try {
      [realRoot, real] = await Promise.all([fs.promises.realpath(folder.uri.fsPath), fs.promises.realpath(uri.fsPath)]);
    } catch {
      return undefined; // Missing or a link loop: reading it fails next, with its own message.
    }
    const inside = path.relative(realRoot, real);
    if (inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside)) return undefined;
    return `CX Impact does not read ${file}: it is a symbolic link to a file outside the workspace folder ${folder.name}, so its journeys are not used. Put the map itself in the folder.`;
  }

  private scheduleReload(uri: vscode.Uri): void {
    // Editors and `git checkout` write in bursts; one read per burst is enough.
    const key = uri.toString();
    const pending = this.pendingReloads.get(key);
    if (pending) clearTimeout(pending);
    this.pendingReloads.set(
      key,
      setTimeout(() => {
        this.pendingReloads.delete(key);
        void this.load(uri, true);
      }, 50),
    );
  }

  private async load(uri: vscode.Uri, rebuild: boolean): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const file = folder && relativePath(folder.uri, uri);
    if (!folder || file === undefined || file.split('/').includes('node_modules')) return;
    const key = uri.toString();
    const refused = await this.refusal(folder, uri, file);
    if (refused) {
      if (this.refused.get(key) !== refused) this.log.warn(refused);
      this.refused.set(key, refused);
      this.unpublish(uri);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), refused, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'cx-impact';
      diagnostic.code = 'map-link-outside';
      this.diagnostics.set(uri, [diagnostic]);
      // It may have been a map in use before it became a link.
      if (this.folderState(folder).maps.delete(key) && rebuild) this.rebuild();
      return;
    }
    if (this.refused.delete(key)) this.diagnostics.delete(uri);
    let text: string;
    try {
      // On a local disk Node reads directly: workspace.fs goes through the workbench and took ~1 s under load.
      const bytes =
        uri.scheme === 'file' ? await fs.promises.readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
      text = new TextDecoder('utf-8').decode(bytes);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || (err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) {
        // Deleted (or renamed away) since the event: drop it now rather than wait for VS Code's delete event.
        if (this.isLoaded(uri) || this.published.has(key)) this.remove(uri);
        return;
      }
      this.log.warn(`Could not read ${uri.fsPath}: ${String(err)}`);
      return;
    }
    this.watchFolderOf(uri);
    const result = parseMap(text, file);
    const open = this.openDocument(uri);
    if (open?.isDirty) this.scheduleLive(open, 0);
    else this.publish(uri, result, text);
    const state = this.folderState(folder);
    const previous = state.maps.get(uri.toString());
    const hasErrors = result.diagnostics.some((d) => d.severity === 'error');
    if (hasErrors && previous?.good) {
      state.maps.set(uri.toString(), { uri, map: previous.map, good: true, stale: true });
      this.log.warn(`${file} has errors; its last good version stays in use.`);
    } else {
      // Never good yet: the journeys that are valid are better than none.
      state.maps.set(uri.toString(), { uri, map: result.map, good: !hasErrors, stale: false });
    }
    if (rebuild) this.rebuild();
  }

  private remove(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.pendingReloads.get(key);
    if (pending) clearTimeout(pending);
    this.pendingReloads.delete(key);
    this.refused.delete(key);
    // A map deleted while open keeps its editor (the user's text), but its diagnostics go.
    this.unpublish(uri);
    for (const state of this.folders.values()) state.maps.delete(uri.toString());
    this.rebuild();
  }

  private folderState(folder: vscode.WorkspaceFolder): FolderState {
    const key = folder.uri.toString();
    let state = this.folders.get(key);
    if (!state) {
      state = { folder, maps: new Map(), matcher: new Matcher([]) };
      this.folders.set(key, state);
    }
    return state;
  }

  private mapsOf(state: FolderState): CxMap[] {
    return [...state.maps.values()]
      .map((m) => m.map)
      .filter((m): m is CxMap => m !== undefined)
      .sort((a, b) => a.file.localeCompare(b.file));
  }

  private isLoaded(uri: vscode.Uri): boolean {
    return [...this.folders.values()].some((s) => s.maps.has(uri.toString()));
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const key = uri.toString();
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  }

  private scheduleLive(doc: vscode.TextDocument, delay: number): void {
    if (!isMapFile(doc.uri) || doc.uri.scheme === 'git' || doc.uri.scheme === 'output') return;
    const key = doc.uri.toString();
    // A refused map keeps its one diagnostic, whatever its text says.
    if (this.refused.has(key)) return;
    const pending = this.liveTimers.get(key);
    if (pending) clearTimeout(pending);
    this.liveTimers.set(
      key,
      setTimeout(() => {
        this.liveTimers.delete(key);
        if (doc.isClosed || this.refused.has(key)) return;
        // The editor of a map deleted on disk keeps the user's text but shows no diagnostics (remove() cleared
        // them): an edit typed or a timer set before the delete must not bring them back. Saving recreates the map.
        if (doc.uri.scheme === 'file' && !fs.existsSync(doc.uri.fsPath)) {
          this.unpublish(doc.uri);
          return;
        }
        const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
        const file =
          (folder && relativePath(folder.uri, doc.uri)) ?? doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
        const text = doc.getText();
        this.publish(doc.uri, parseMap(text, file), text);
      }, delay),
    );
  }

  /** Shows the parser's diagnostics now, then the checks' once they answer (unless newer text came first). */
  private publish(uri: vscode.Uri, result: ParseResult, text: string): void {
    const key = uri.toString();
    this.published.get(key)?.cancel.cancel();
    const cancel = new vscode.CancellationTokenSource();
    const entry: Published = { result, text, checked: [], cancel };
    this.published.set(key, entry);
    this.diagnostics.set(uri, this.toDiagnostics(result.diagnostics));
    for (const check of this.checks) {
      check(uri, result, text, cancel.token).then(
        (more) => {
          if (cancel.token.isCancellationRequested || more.length === 0) return;
          entry.checked = [...entry.checked, ...more].sort(
            (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
          );
          this.diagnostics.set(uri, this.toDiagnostics([...result.diagnostics, ...entry.checked]));
        },
        (err: unknown) => {
          if (!cancel.token.isCancellationRequested && !(err instanceof vscode.CancellationError))
            this.log.warn(`Checking ${uri.fsPath} against the workspace failed: ${String(err)}`);
        },
      );
    }
  }

  private unpublish(uri: vscode.Uri): void {
    const key = uri.toString();
    this.published.get(key)?.cancel.cancel();
    this.published.delete(key);
    this.diagnostics.delete(uri);
  }

  private toDiagnostics(list: readonly MapDiagnostic[]): vscode.Diagnostic[] {
    const out: vscode.Diagnostic[] = [];
    for (const d of list) {
      const severity = this.severityOf(d);
      if (severity !== undefined) out.push(toDiagnostic(d, severity));
    }
    return out;
  }

  private rebuild(): void {
    for (const state of this.folders.values()) state.matcher = new Matcher(this.mapsOf(state));
    this.currentVersion++;
    this.changed.fire();
  }
}

/** The path of `uri` inside `root`, with `/`, or undefined when it is not inside. */
export function relativePath(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (root.scheme !== uri.scheme || root.authority !== uri.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

export function engineSeverity(d: MapDiagnostic): vscode.DiagnosticSeverity {
  return d.severity === 'error'
    ? vscode.DiagnosticSeverity.Error
    : d.severity === 'warning'
      ? vscode.DiagnosticSeverity.Warning
      : vscode.DiagnosticSeverity.Information;
}

function toDiagnostic(d: MapDiagnostic, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, d.message, severity);
  diagnostic.source = 'cx-impact';
  diagnostic.code = d.code;
  return diagnostic;
}
