// The dependency graph of each workspace folder, for the editor's indirect reach (contract §5). Built on first use
// (never at activation), with the code read in the CodeReader's worker threads and the imports cached by content in
// the extension's storage, not in the workspace. A save re-reads only that file and rebuilds the graph from the
// imports in memory; files created or deleted rebuild from the cache. Progress shows when a build passes a second.
// Until a folder's graph is built, the file a lens, hover or This File asks about is answered first from the graph
// narrowed to what that file can reach (src/node/reachable-graph.ts, the CLI's cold path: the same answer as the full
// graph's), and the full build starts after it: the first answer does not wait for every file to be read (#24).
import * as vscode from 'vscode';
import type { FileImports } from '../core/code/imports';
import { languageOfPath } from '../core/code/languages';
import type { DependencyGraph } from '../core/graph/graph';
import type { FileReach } from '../core/graph/reach';
import { indirectSettings } from '../core/graph/settings';
import type { Coverage } from '../core/types';
import type { WorkspaceFiles } from './workspace-files';
import type { WorkspaceMaps } from './workspace-maps';
import type { CodeReader } from '../node/code-reader';
import type * as GraphEngine from './graph-engine';

let loaded: typeof GraphEngine | undefined;

/** The graph's code, loaded when a graph is first built or asked for (dist/graph-engine.js beside the extension). */
function engine(): typeof GraphEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./graph-engine') as typeof GraphEngine);
}

interface FolderGraph {
  folder: vscode.WorkspaceFolder;
  graph: DependencyGraph;
  /** Every file of the folder the graph knows (code and configuration). */
  files: string[];
  imports: Map<string, FileImports>;
  texts: Map<string, string>;
  exclude: string[];
}

/** A build shorter than this shows no progress. */
const QUIET_MS = 1000;

export class WorkspaceGraph implements vscode.Disposable {
  private readonly graphs = new Map<string, FolderGraph>();
  private readonly building = new Map<string, Promise<FolderGraph | undefined>>();
  /**
   * Bumped by whatever makes a graph being built stale (a save, files added or removed, new excludes): a build that
   * started before is not kept, and the next request builds again (re-reading only what changed, through the cache).
   */
  private generation = 0;
  /** Folders whose last build was overtaken by a change, so `ensure` builds them again. */
  private readonly stale = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[];
  private disposed = false;
  /** Fires when a folder's graph was built or updated. */
  readonly onDidChange = this.changed.event;
  /** For tests: how long the last update after a save took, in ms. */
  lastUpdateMs: number | undefined;
  /** For tests: files answered from a narrowed graph before their folder's full graph was built. */
  earlyAnswers = 0;
  /**
   * Per folder, until its graph is built: the reach of each file asked about, from the graph narrowed to what it can
   * reach ('reading' while that runs). Cleared with the generation, like a build.
   */
  private readonly early = new Map<string, Map<string, FileReach<Coverage> | 'reading'>>();

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly files: WorkspaceFiles,
    /** The extension's one code reader (src/workspace/code-reading.ts), shared with symbols and entry points. */
    private readonly code: () => CodeReader | undefined,
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables = [
      this.changed,
      vscode.workspace.onDidSaveTextDocument((doc) => void this.saved(doc)),
      files.onDidChange(() => this.rebuildAll()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuildAll()),
      // New `indirect.exclude` globs change the graph; new touchpoints only change what reach finds in it.
      maps.onDidChange(() => {
        // Early answers hold the coverage of their time: asked again, they are answered again.
        this.early.clear();
        for (const [key, state] of this.graphs) {
          if (this.excludeOf(state.folder).join('\n') !== state.exclude.join('\n')) {
            this.graphs.delete(key);
            this.generation++;
          }
        }
        this.changed.fire();
      }),
    ];
  }

  /** The graph of the folder if it is built; else undefined, and a build starts. */
  current(folder: vscode.WorkspaceFolder): DependencyGraph | undefined {
    const state = this.graphs.get(folder.uri.toString());
    if (!state) void this.ensure(folder);
    return state?.graph;
  }

  /** The graph of the folder, built if need be. */
  async ensure(folder: vscode.WorkspaceFolder): Promise<DependencyGraph | undefined> {
    const key = folder.uri.toString();
    const known = this.graphs.get(key);
    if (known) return known.graph;
    // A build overtaken by a change is not kept: build again (a few times at most, if changes keep coming).
    for (let attempt = 0; attempt < 3 && !this.disposed; attempt++) {
      let build = this.building.get(key);
      if (!build) {
        build = this.build(folder).finally(() => this.building.delete(key));
        this.building.set(key, build);
      }
      const built = await build;
      if (built) return built.graph;
      if (!this.building.has(key) && this.graphs.has(key)) return this.graphs.get(key)?.graph;
      if (!this.stale.delete(key)) return undefined;
    }
    return undefined;
  }

  /**
   * What a file no touchpoint covers reaches through its importers; undefined until it is known. Before the folder's
   * graph is built, the file is answered from a graph narrowed to it, and the full build starts after that.
   */
  reachOf(uri: vscode.Uri): FileReach<Coverage> | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || uri.scheme !== 'file') return undefined;
    const path = relative(folder, uri);
    const key = folder.uri.toString();
    const graph = this.graphs.get(key)?.graph;
    if (!graph) {
      // Not code: nothing to follow, and no graph to build for it.
      if (path === undefined || languageOfPath(path) === undefined) return undefined;
      const answered = this.early.get(key)?.get(path);
      if (answered !== undefined) return answered === 'reading' ? undefined : answered;
      // The full build is under way: it answers soon, and would slow a narrowed read down.
      if (this.building.has(key)) return undefined;
      void this.answerEarly(folder, path);
      return undefined;
    }
    if (path === undefined) return undefined;
    const { options } = indirectSettings(this.mapsOf(folder), undefined);
    const { reachOf, reachTargets } = engine();
    return reachOf(
      graph,
      path,
      (file) => reachTargets(this.maps.coverageOf(vscode.Uri.joinPath(folder.uri, ...file.split('/')))),
      options,
    );
  }

  /**
   * The file's reach from the graph narrowed to it; then the folder's full graph is built. A change to the files while
   * it reads (a file created, a save) makes it read again, a few times at most.
   */
  private async answerEarly(folder: vscode.WorkspaceFolder, path: string): Promise<void> {
    const key = folder.uri.toString();
    const answers = (): Map<string, FileReach<Coverage> | 'reading'> => {
      let known = this.early.get(key);
      if (!known) this.early.set(key, (known = new Map<string, FileReach<Coverage> | 'reading'>()));
      return known;
    };
    answers().set(path, 'reading');
    try {
      if (!vscode.workspace.isTrusted) return;
      for (let attempt = 0; attempt < 3; attempt++) {
        const generation = this.generation;
        const started = performance.now();
        const files = await this.files.filesOf(folder);
        const { ImportCache, indexBlobs, loadReachableGraph, reachOf, reachTargets } = engine();
        const exclude = this.excludeOf(folder);
        const cache = new ImportCache(vscode.Uri.joinPath(this.storage, 'graph').fsPath, folder.uri.fsPath);
        // git runs while the texts are read; what is parsed is cached by blob id for the full build that follows.
        const blobs = indexBlobs(folder.uri.fsPath);
        await cache.load();
        const load = await loadReachableGraph({
          root: folder.uri.fsPath,
          files,
          reader: this.codeReader(),
          cache,
          exclude,
          from: [path],
          blobs,
        });
        // What it read is there for the full build that follows.
        await cache.save().catch((err: unknown) => this.log.warn(`Could not write the import cache: ${String(err)}`));
        if (this.disposed || this.graphs.has(key)) return;
        if (generation !== this.generation) {
          this.log.debug(`Indirect reach of ${path}: overtaken by a change while it was read; reading again`);
          answers().set(path, 'reading');
          continue;
        }
        if (!load.narrowed) {
          // The whole graph was built to answer (a Go file, or a file that reaches too much): it is the folder's.
          for (const warning of load.warnings) this.log.warn(warning);
          this.graphs.set(key, { folder, graph: load.graph, ...load.source, exclude });
          this.early.delete(key);
          this.log.info(
            `Dependency graph of ${folder.name}: ${load.graph.stats.files} code files, ${load.graph.stats.edges} edges (${load.parsed} parsed, ${load.cached} from the cache) in ${(performance.now() - started).toFixed(0)} ms, asked for ${path} (${load.why ?? ''})`,
          );
          this.changed.fire();
          return;
        }
        const { options } = indirectSettings(this.mapsOf(folder), undefined);
        const reach = reachOf(
          load.graph,
          path,
          (file) => reachTargets(this.maps.coverageOf(vscode.Uri.joinPath(folder.uri, ...file.split('/')))),
          options,
        );
        answers().set(path, reach);
        this.earlyAnswers++;
        this.log.info(
          `Indirect reach of ${path}: answered in ${(performance.now() - started).toFixed(0)} ms from a graph narrowed to ${load.read} files, before ${folder.name}'s graph is built`,
        );
        this.changed.fire();
        return;
      }
      this.early.get(key)?.delete(path);
    } catch (error) {
      this.early.get(key)?.delete(path);
      this.log.warn(`Could not answer ${path} early: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      void this.ensure(folder);
    }
  }

  /** The same, waiting for the graph to be built (the Impact Report). */
  async reachOfPaths(root: vscode.Uri, paths: readonly string[]): Promise<FileReach<Coverage>[] | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(root);
    if (!folder || folder.uri.toString() !== root.toString()) return undefined;
    // No code among the paths: nothing to follow, and no graph to build for it.
    if (!paths.some((p) => languageOfPath(p) !== undefined)) return [];
    await this.ensure(folder);
    return this.reachOfPathsNow(root, paths);
  }

  /** The same for paths relative to a folder (the Changes view); undefined while the graph is not built. */
  reachOfPathsNow(root: vscode.Uri, paths: readonly string[]): FileReach<Coverage>[] | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(root);
    if (!folder || folder.uri.toString() !== root.toString()) return undefined;
    const candidates = paths.filter((p) => languageOfPath(p) !== undefined);
    if (candidates.length === 0) return [];
    const graph = this.current(folder);
    if (!graph) return undefined;
    const { options } = indirectSettings(this.mapsOf(folder), undefined);
    const { reachOf, reachTargets } = engine();
    const coverageOf = (file: string) =>
      reachTargets(this.maps.coverageOf(vscode.Uri.joinPath(folder.uri, ...file.split('/'))));
    return candidates.map((p) => reachOf(graph, p, coverageOf, options));
  }

  private mapsOf(folder: vscode.WorkspaceFolder) {
    return this.maps.byFolder().find((f) => f.folder.uri.toString() === folder.uri.toString())?.maps ?? [];
  }

  private excludeOf(folder: vscode.WorkspaceFolder): string[] {
    return indirectSettings(this.mapsOf(folder), undefined).exclude;
  }

  private codeReader(): CodeReader {
    const reader = this.code();
    if (!reader) throw new Error('The code reader was disposed.');
    return reader;
  }

  private async build(folder: vscode.WorkspaceFolder): Promise<FolderGraph | undefined> {
    const generation = this.generation;
    if (folder.uri.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
    const cts = new vscode.CancellationTokenSource();
    let finished = false;
    let resolveProgress: (() => void) | undefined;
    // Progress only when it takes longer than a second: most folders are done before anyone could read it.
    const timer = setTimeout(() => {
      if (finished) return;
      void vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Window,
          title: vscode.l10n.t('CX Impact: reading imports of {0}', folder.name),
        },
        () => new Promise<void>((resolve) => (resolveProgress = resolve)),
      );
    }, QUIET_MS);
    try {
      const started = performance.now();
      const files = await this.files.filesOf(folder, cts.token);
      const { ImportCache, indexBlobs, loadDependencyGraph } = engine();
      const cache = new ImportCache(vscode.Uri.joinPath(this.storage, 'graph').fsPath, folder.uri.fsPath);
      // Files git finds unchanged since the index are looked up in the cache by blob id, without being read (git runs
      // while the cache loads and the configuration is read).
      const blobs = indexBlobs(folder.uri.fsPath);
      await cache.load();
      const exclude = this.excludeOf(folder);
      const load = await loadDependencyGraph({
        root: folder.uri.fsPath,
        files,
        reader: this.codeReader(),
        cache,
        exclude,
        blobs,
      });
      await cache.save().catch((err: unknown) => this.log.warn(`Could not write the import cache: ${String(err)}`));
      for (const warning of load.warnings) this.log.warn(warning);
      if (this.disposed) return undefined;
      if (generation !== this.generation) {
        // Something changed while the files were read: this graph may hold what was there before.
        this.stale.add(folder.uri.toString());
        this.log.debug(`Dependency graph of ${folder.name}: overtaken by a change while it was built; building again`);
        return undefined;
      }
      this.log.info(
        `Dependency graph of ${folder.name}: ${load.graph.stats.files} code files, ${load.graph.stats.edges} edges (${load.parsed} parsed, ${load.cached} from the cache) in ${(performance.now() - started).toFixed(0)} ms`,
      );
      const state: FolderGraph = { folder, graph: load.graph, ...load.source, exclude };
      this.graphs.set(folder.uri.toString(), state);
      this.early.delete(folder.uri.toString());
      this.changed.fire();
      return state;
    } catch (error) {
      this.log.error(
        `Could not build the dependency graph of ${folder.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    } finally {
      finished = true;
      clearTimeout(timer);
      resolveProgress?.();
      cts.dispose();
    }
  }

  private async saved(doc: vscode.TextDocument): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!folder) return;
    const state = this.graphs.get(folder.uri.toString());
    // Early answers were read from the files before this save: asked again, they are answered again.
    if (this.early.delete(folder.uri.toString())) {
      this.generation++;
      this.changed.fire();
    }
    // No graph built or being built: nothing to update (and the graph's code stays unloaded).
    if (!state && !this.building.has(folder.uri.toString())) return;
    const { buildGraph, inExcludedFolder, isConfigFile, Resolver, updateGraphFile } = engine();
    const path = relative(folder, doc.uri);
    if (path === undefined || inExcludedFolder(path)) return;
    if (!state) {
      // A build under way may have read the file before this save: it is not kept (see `generation`).
      if (this.building.has(folder.uri.toString())) this.generation++;
      return;
    }
    const started = performance.now();
    if (isConfigFile(path)) state.texts.set(path, doc.getText());
    else if (languageOfPath(path) !== undefined) {
      let answer: FileImports | undefined;
      try {
        answer = await this.codeReader().ask('imports', path, doc.getText());
      } catch {
        answer = undefined;
      }
      // Most saves change a file's own imports only: its edges are replaced in place.
      if (answer && updateGraphFile(state.graph, path, answer)) {
        state.imports.set(path, answer);
        this.lastUpdateMs = performance.now() - started;
        this.changed.fire();
        return;
      }
      if (answer) state.imports.set(path, answer);
      else state.imports.delete(path);
    } else return;
    if (!state.files.includes(path)) state.files.push(path);
    state.graph = buildGraph({
      files: state.files,
      imports: state.imports,
      skipped: state.graph.skipped,
      resolver: new Resolver({ files: state.files, texts: state.texts }),
      exclude: state.exclude,
    });
    this.lastUpdateMs = performance.now() - started;
    this.changed.fire();
  }

  private rebuildAll(): void {
    this.generation++;
    this.graphs.clear();
    this.early.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.graphs.clear();
  }
}

function relative(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
