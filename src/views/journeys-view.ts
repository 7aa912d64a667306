import * as vscode from 'vscode';
import { TIERS, type Coverage, type Tier } from '../core/types';
import { relativePath, type WorkspaceMaps } from '../workspace/workspace-maps';
import { excludeGlob } from '../workspace/exclude-glob';
import { filterByTier, indexJourneys, journeyNodes, tierFilterLabel, type JourneyFiles } from './journey-nodes';
import { NodeTree } from './node-tree';
import { uncoveredEntryPointsNode } from './entry-point-nodes';
import type { FolderEntryPoints, WorkspaceEntryPoints } from '../workspace/workspace-entry-points';
import type { ViewNode } from './view-node';

export const JOURNEYS_VIEW = 'cxImpact.journeys';
/** Below this the listing finishes before a progress bar would be noticed; above it the user sees why the view waits. */
const PROGRESS_AFTER_MS = 300;
/** Files matched between two yields to the extension host's event loop. */
const CHUNK = 2000;
const FILE_EVENTS_DEBOUNCE_MS = 500;

interface FolderJourneys {
  folder: vscode.WorkspaceFolder;
  journeys: JourneyFiles[];
}

/**
 * Every journey of the workspace's maps → its touchpoints → the files each covers. Listing the workspace's files
 * is the costly part: it runs only when VS Code asks for the view's items (the view is visible), once per map
 * version and file-list change, and a newer listing cancels an older one.
 */
export class JourneysView implements vscode.Disposable {
  private readonly tree: NodeTree;
  private readonly view: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[];
  private tiers: ReadonlySet<Tier> | undefined;
  private fileListVersion = 0;
  private index: { key: string; journeys: Promise<FolderJourneys[]> } | undefined;
  private listing: vscode.CancellationTokenSource | undefined;
  private fileEvents: NodeJS.Timeout | undefined;

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly log: vscode.LogOutputChannel,
    private readonly entryPoints?: WorkspaceEntryPoints,
  ) {
    this.tree = new NodeTree(JOURNEYS_VIEW, maps, () => this.nodes());
    this.view = this.tree.view;
    // Only files appearing or disappearing change the lists; edits do not.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables = [
      this.tree,
      watcher,
      watcher.onDidCreate((uri) => this.filesChanged(uri)),
      watcher.onDidDelete((uri) => this.filesChanged(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude')) this.refresh();
      }),
      maps.onDidChange(() => this.tree.refresh()),
      ...(entryPoints ? [entryPoints.onDidChange(() => this.tree.refresh())] : []),
    ];
  }

  refresh(): void {
    this.fileListVersion++;
    this.tree.refresh();
  }

  /** The text shown above the view's items, if any. */
  get message(): string | undefined {
    return this.view.message;
  }

  /** Applies `tiers`, or asks for them with a quick pick when not given. */
  async filterByTier(tiers?: readonly Tier[]): Promise<void> {
    let chosen: readonly Tier[] | undefined = tiers;
    if (!chosen) {
      const picked = await vscode.window.showQuickPick(
        TIERS.map((tier) => ({ label: tier, picked: !this.tiers || this.tiers.has(tier) })),
        {
          canPickMany: true,
          title: vscode.l10n.t('Show the journeys of these tiers'),
          placeHolder: vscode.l10n.t('Pick none or all to show every journey'),
        },
      );
      if (!picked) return;
      chosen = picked.map((p) => p.label);
    }
    this.tiers = new Set(chosen);
    const label = tierFilterLabel(this.tiers);
    if (!label) this.tiers = undefined;
    this.view.description = label ? vscode.l10n.t('Tiers: {0}', label) : undefined;
    this.tree.refresh();
  }

  async nodes(): Promise<ViewNode[]> {
    const [folders, entryPoints] = await Promise.all([this.journeys(), this.uncoveredEntryPoints()]);
    const several = folders.length > 1;
    const nodes = folders.flatMap(({ folder, journeys }) => {
      const input = {
        id: folder.uri.toString(),
        root: folder.uri.toString(),
        journeys: filterByTier(journeys, this.tiers),
      };
      return journeyNodes(several ? { ...input, folderName: folder.name } : input);
    });
    for (const { folder, points } of entryPoints) {
      const title = (count: number) => vscode.l10n.t('Entry points no journey covers ({0})', count);
      const node = uncoveredEntryPointsNode(
        {
          id: folder.uri.toString(),
          root: folder.uri.toString(),
          points,
          title,
          ...(several ? { folderName: folder.name } : {}),
        },
        this.entryPoints!.nodeGroups,
      );
      if (node) nodes.push(node);
    }
    this.view.message =
      nodes.length === 0 && this.tiers && this.maps.hasMaps() ? 'No journey of the chosen tiers.' : undefined;
    return nodes;
  }

  /** The entry points, read in the code workers; a failure leaves the node out and is logged, never shown as zero. */
  private async uncoveredEntryPoints(): Promise<FolderEntryPoints[]> {
    if (!this.entryPoints || !this.maps.hasMaps()) return [];
    try {
      return await this.entryPoints.report();
    } catch (err) {
      this.log.error(`Could not read the entry points: ${String(err)}`);
      return [];
    }
  }

  dispose(): void {
    this.listing?.cancel();
    this.listing?.dispose();
    if (this.fileEvents) clearTimeout(this.fileEvents);
    for (const d of this.disposables) d.dispose();
  }

  private filesChanged(uri: vscode.Uri): void {
    // Nothing listed yet: the first listing will see the new files anyway.
    if (!this.index) return;
    // git's lock files and package installs come and go all the time, and are never listed.
    if (/\/(\.git|node_modules)\//.test(uri.path)) return;
    if (this.fileEvents) clearTimeout(this.fileEvents);
    this.fileEvents = setTimeout(() => {
      this.fileEvents = undefined;
      this.refresh();
    }, FILE_EVENTS_DEBOUNCE_MS);
  }

  private journeys(): Promise<FolderJourneys[]> {
    const key = `${this.maps.version}:${this.fileListVersion}`;
    if (this.index?.key === key) return this.index.journeys;
    this.listing?.cancel();
    this.listing?.dispose();
    const listing = new vscode.CancellationTokenSource();
    this.listing = listing;
    const journeys = this.list(listing.token);
    this.index = { key, journeys };
    const slow = setTimeout(() => {
      void vscode.window.withProgress(
        { location: { viewId: JOURNEYS_VIEW }, title: vscode.l10n.t('Listing the workspace files…') },
        () => journeys.catch(() => undefined),
      );
    }, PROGRESS_AFTER_MS);
    void journeys.finally(() => clearTimeout(slow)).catch(() => undefined);
    return journeys;
  }

  private async list(token: vscode.CancellationToken): Promise<FolderJourneys[]> {
    const started = Date.now();
    const exclude = excludeGlob(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude'));
    const out: FolderJourneys[] = [];
    let total = 0;
    for (const { folder, maps, matcher } of this.maps.byFolder()) {
      if (maps.length === 0) continue;
      let uris: vscode.Uri[] = [];
      try {
        uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*'), exclude, undefined, token);
      } catch (err) {
        this.log.error(`Could not list the files of ${folder.name}: ${String(err)}`);
      }
      if (token.isCancellationRequested) return out;
      const files = uris.map((uri) => relativePath(folder.uri, uri)).filter((p): p is string => p !== undefined);
      const coverage = new Map<string, Coverage[]>();
      for (let i = 0; i < files.length; i += CHUNK) {
        for (const file of files.slice(i, i + CHUNK)) coverage.set(file, matcher.coverageOf(file));
        // A large workspace must not freeze the other features sharing the extension host.
        await new Promise((resolve) => setImmediate(resolve));
        if (token.isCancellationRequested) return out;
      }
      total += files.length;
      out.push({ folder, journeys: indexJourneys(maps, files, (file) => coverage.get(file) ?? []) });
    }
    this.log.debug(`Journeys: matched ${total} files in ${Date.now() - started} ms`);
    return out;
  }
}
