import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parseMap } from '../core/map/parse';
import { Matcher } from '../core/match/matcher';
import type { Coverage, CxMap, MapDiagnostic } from '../core/types';

export const MAP_GLOB = '**/cx-map.{yaml,yml}';
const EXCLUDE_GLOB = '**/node_modules/**';

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

  /** Fires after any map was (re)loaded or removed. */
  readonly onDidChange = this.changed.event;
  /** Settles once the first discovery has finished. */
  readonly ready: Promise<void>;

  constructor(
    private readonly diagnostics: vscode.DiagnosticCollection,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(MAP_GLOB);
    this.disposables.push(
      watcher,
      this.changed,
      watcher.onDidCreate((uri) => this.scheduleReload(uri)),
      watcher.onDidChange((uri) => this.scheduleReload(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
    );
    this.ready = this.discover();
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

  dispose(): void {
    for (const timer of this.pendingReloads.values()) clearTimeout(timer);
    this.pendingReloads.clear();
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
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
        if (changed === 'cx-map.yaml' || changed === 'cx-map.yml') this.scheduleReload(vscode.Uri.joinPath(dir, changed));
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
        for (const loaded of state.maps.values()) this.diagnostics.delete(loaded.uri);
        this.folders.delete(key);
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
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch (err) {
      // Deleted between the event and the read: the delete event follows.
      this.log.warn(`Could not read ${uri.fsPath}: ${String(err)}`);
      return;
    }
    this.watchFolderOf(uri);
    const result = parseMap(text, file);
    this.diagnostics.set(uri, result.diagnostics.map(toDiagnostic));
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
    this.diagnostics.delete(uri);
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

function toDiagnostic(d: MapDiagnostic): vscode.Diagnostic {
  const range = new vscode.Range(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character);
  const severity =
    d.severity === 'error'
      ? vscode.DiagnosticSeverity.Error
      : d.severity === 'warning'
        ? vscode.DiagnosticSeverity.Warning
        : vscode.DiagnosticSeverity.Information;
  const diagnostic = new vscode.Diagnostic(range, d.message, severity);
  diagnostic.source = 'cx-impact';
  diagnostic.code = d.code;
  return diagnostic;
}
