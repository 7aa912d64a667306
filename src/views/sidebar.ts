import type * as vscode from 'vscode';
import type { CodeReader } from '../node/code-reader';
import type { Tier } from '../core/types';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';
import { ChangesView, type IndirectSource } from './changes-view';
import { JourneysView } from './journeys-view';
import { ThisFileView, type ThisFileIndirect } from './this-file-view';
import { toSnapshot, type TreeSnapshot, type ViewNode } from './view-node';

export type { TreeSnapshot } from './view-node';

/** The "CX Impact" activity-bar container: This File, Changes and Journeys. */
export interface Sidebar extends vscode.Disposable {
  /** Shows the sidebar with the file's touchpoints (from a lens, the status bar or the command). */
  revealFile(uri: vscode.Uri | undefined): Promise<void>;
  refresh(): void;
  /** Applies a tier filter to the Journeys view: the given tiers, else the ones picked in a quick pick. */
  filterJourneysByTier(tiers?: readonly Tier[]): Promise<void>;
  /** The three views' items, expanded, for the integration tests. Waits for pending git updates. */
  snapshot(): Promise<{ thisFile: TreeSnapshot[]; changes: TreeSnapshot[]; journeys: TreeSnapshot[] }>;
  /** The message each view shows above its items (undefined: none), for the integration tests. */
  messages(): { thisFile: string | undefined; changes: string | undefined; journeys: string | undefined };
  /** What the Changes view's title shows beside it (the branch of a single repository), once updates settle. */
  changesDescription(): Promise<string | undefined>;
  /** The Changes view's tree as VS Code reads it: the integration tests record every state it shows. */
  changesTree(): vscode.TreeDataProvider<ViewNode>;
  /** Whether VS Code shows the Changes view (it holds refreshes while hidden: src/views/node-tree.ts). */
  changesVisible(): boolean;
}

export function createSidebar(
  maps: WorkspaceMaps,
  log: vscode.LogOutputChannel,
  code?: () => CodeReader | undefined,
  entryPoints?: WorkspaceEntryPoints,
  indirect?: ThisFileIndirect & IndirectSource,
): Sidebar {
  const thisFile = new ThisFileView(maps, indirect);
  const changes = new ChangesView(maps, log, code, indirect);
  const journeys = new JourneysView(maps, log, entryPoints);
  const snap = (nodes: ViewNode[]): TreeSnapshot[] => nodes.map(toSnapshot);
  return {
    revealFile: (uri) => thisFile.reveal(uri),
    refresh() {
      thisFile.refresh();
      changes.refresh();
      journeys.refresh();
    },
    filterJourneysByTier: (tiers) => journeys.filterByTier(tiers),
    async snapshot() {
      await maps.ready;
      return {
        thisFile: snap(thisFile.nodes()),
        changes: snap(await changes.settled()),
        journeys: snap(await journeys.nodes()),
      };
    },
    messages: () => ({ thisFile: thisFile.message, changes: changes.message, journeys: journeys.message }),
    async changesDescription() {
      await changes.settled();
      return changes.description;
    },
    changesTree: () => changes.provider,
    changesVisible: () => changes.visible,
    dispose() {
      thisFile.dispose();
      changes.dispose();
      journeys.dispose();
    },
  };
}
