import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { symbolChangeText, workingTreeChange } from './workspace/symbol-change-note';
import { EditorSymbols } from './workspace/editor-symbols';
import { CodeReading } from './workspace/code-reading';
import { CoverageLensProvider } from './codelens/coverage-lens';
import { registerFileCommands } from './commands/file-commands';
import { registerEntryPointActions } from './map-editor/entry-point-actions';
import { ENTRY_POINT_LENS_SELECTOR, EntryPointLensProvider } from './codelens/entry-point-lens';
import { IndirectLensProvider } from './codelens/indirect-lens';
import { IndirectHoverProvider } from './hovers/indirect-hover';
import { WorkspaceEntryPoints } from './workspace/workspace-entry-points';
import type { Tier } from './core/types';
import { TierDecorations } from './decorations/tier-decorations';
import { CoverageHoverProvider, type HoverMode } from './hovers/coverage-hover';
import { ImpactReportPanel } from './report/report-panel';
import { CatalogPanel } from './catalog/catalog-panel';
import { WorkspaceFiles } from './workspace/workspace-files';
import { WorkspaceMaps } from './workspace/workspace-maps';
import { configuredSeverity } from './map-editor/diagnostics';
import { registerMapEditor } from './map-editor/map-editor';
import { CoverageStatus } from './statusbar/coverage-status';
import { WorkspaceGraph } from './workspace/workspace-graph';
import { createSidebar, type Sidebar } from './views/sidebar';
import { Walkthrough } from './walkthrough/walkthrough';
import { Command } from './workspace/command-ids';

/** What the extension exports: other extensions may read coverage; the integration tests read the views. */
export interface CxImpactApi {
  maps: WorkspaceMaps;
  /** The workspace's files per folder (git ls-files or findFiles), cached until files are created or deleted. */
  files: WorkspaceFiles;
  sidebar: Sidebar;
  status: CoverageStatus;
  decorations: TierDecorations;
  /** The Impact Report panel: its last page, HTML and what the page script saw. */
  report: ImpactReportPanel;
  /** Map files found in the workspace, as URI strings, once discovery has run. */
  mapFiles(): Promise<string[]>;
  /** The Getting Started walkthrough: whether it was shown, and its first-run check. */
  walkthrough: Walkthrough;
  /** The dependency graph behind indirect reach (contract §5). */
  graph: WorkspaceGraph;
  /** The journey catalogue's webview: its last catalogue, HTML and what the page script saw. */
  catalog: CatalogPanel;
  /** Milliseconds `activate()` took, measured by the extension itself. */
  activationMs: number;
}

const SECTION = 'cxImpact';
const setting = <T>(key: string, fallback: T): T => vscode.workspace.getConfiguration(SECTION).get<T>(key, fallback);

export function activate(context: vscode.ExtensionContext): CxImpactApi {
  const started = performance.now();
  // Modules that also run without VS Code (the text builders of workspace/ and views/, unit-tested in Node) localize
  // through @vscode/l10n: it reads the same bundle VS Code loaded for the display language (English when there is none).
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const log = vscode.window.createOutputChannel('CX Impact', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('cx-impact');
  const maps = new WorkspaceMaps(diagnostics, log, configuredSeverity);
  const files = new WorkspaceFiles(log, vscode.Uri.joinPath(context.extensionUri, 'dist', 'coverage-worker.js').fsPath);
  const code = new CodeReading(context.extensionUri, log);
  const editorSymbols = new EditorSymbols(() => code.reader);
  // Entry points are read when a view, a lens or a command first asks.
  const entryPoints = new WorkspaceEntryPoints(maps, files, () => code.reader, log);
  const entryPointLenses = new EntryPointLensProvider(maps, entryPoints);
  // Nothing is read until a lens, hover or view asks: the graph builds in the background on first use.
  const graph = new WorkspaceGraph(maps, files, () => code.reader, context.storageUri ?? context.globalStorageUri, log);
  const sidebar = createSidebar(maps, log, () => code.reader, entryPoints, graph);
  const report = new ImpactReportPanel(
    context.extensionUri,
    maps,
    log,
    () => code.reader,
    (root, paths) => graph.reachOfPaths(root, paths),
  );

  const catalog = new CatalogPanel(context.extensionUri, maps, files, entryPoints, graph, log);
  const status = new CoverageStatus(maps, () => setting('statusBar.showWhenUncovered', false));
  const walkthrough = new Walkthrough(context, maps, files);
  const decorations = new TierDecorations(maps, () => ({
    tiers: setting<Tier[]>('decorations.tiers', ['critical', 'high']),
    folders: setting('decorations.folders', false),
  }));
  context.subscriptions.push(
    log,
    code,
    editorSymbols,
    diagnostics,
    maps,
    files,
    entryPoints,
    entryPointLenses,
    vscode.languages.registerCodeLensProvider(ENTRY_POINT_LENS_SELECTOR, entryPointLenses),
    registerEntryPointActions(maps, entryPoints),
    registerMapEditor(maps, files, entryPoints),
    sidebar,
    report,
    catalog,
    status,
    decorations,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.languages.registerHoverProvider(
      { scheme: 'file' },
      new CoverageHoverProvider(
        maps,
        () => setting<HoverMode>('hover.mode', 'declarations'),
        editorSymbols.symbolsOf,
        async (document, symbol) => {
          const change = await workingTreeChange(document, symbol, code.reader);
          return change && symbolChangeText(symbol, change);
        },
      ),
    ),
    toggled('codeLens.enabled', () => {
      const lenses = new CoverageLensProvider(maps, editorSymbols.symbolsOf);
      return vscode.Disposable.from(lenses, vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses));
    }),
    graph,
    // Indirect reach on the editor: a CodeLens (with `cxImpact.codeLens.enabled`) and a hover.
    toggled('codeLens.enabled', () => {
      const lenses = new IndirectLensProvider(maps, graph);
      return vscode.Disposable.from(lenses, vscode.languages.registerCodeLensProvider({ scheme: 'file' }, lenses));
    }),
    vscode.languages.registerHoverProvider(
      { scheme: 'file' },
      new IndirectHoverProvider(maps, graph, () => setting<HoverMode>('hover.mode', 'declarations')),
    ),
    registerFileCommands(maps),
    walkthrough,
    vscode.commands.registerCommand(Command.revealInSidebar, (uri?: vscode.Uri) =>
      sidebar.revealFile(uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri),
    ),
    vscode.commands.registerCommand(Command.refresh, () => sidebar.refresh()),
    vscode.commands.registerCommand(Command.filterJourneysByTier, () => sidebar.filterJourneysByTier()),
    maps.onDidChange(() => void vscode.commands.executeCommand('setContext', 'cxImpact.hasMaps', maps.hasMaps())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.statusBar`)) status.update();
      if (e.affectsConfiguration(`${SECTION}.decorations`)) decorations.refresh();
    }),
  );
  maps.ready.then(
    () => log.info(`Loaded ${maps.mapUris().length} journey map(s).`),
    (err: unknown) => {
      log.error(`Could not load the journey maps: ${String(err)}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('CX Impact could not load the journey maps: {0}', String(err)));
    },
  );

  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);
  return {
    maps,
    files,
    sidebar,
    status,
    decorations,
    report,
    catalog,
    walkthrough,
    graph,
    activationMs,
    async mapFiles() {
      await maps.ready;
      return maps
        .mapUris()
        .map((uri) => uri.toString())
        .sort();
    },
  };
}

/** A feature a setting turns on and off: disposed when off, rebuilt when on again (never left half-alive). */
function toggled(key: string, create: () => vscode.Disposable): vscode.Disposable {
  let feature = setting(key, true) ? create() : undefined;
  const listener = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(`${SECTION}.${key}`)) return;
    const on = setting(key, true);
    if (on && !feature) feature = create();
    if (!on && feature) {
      feature.dispose();
      feature = undefined;
    }
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    feature?.dispose();
  });
}

export function deactivate(): void {}
