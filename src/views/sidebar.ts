import * as vscode from 'vscode';
import type { WorkspaceMaps } from '../maps/workspace-maps';

/** A tree item as the tests see it: label, description and children, without vscode objects. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  children?: TreeSnapshot[];
}

/** The "CX Impact" activity-bar container: This File, Changes and Journeys. */
export interface Sidebar extends vscode.Disposable {
  /** Shows the sidebar with the file's touchpoints (from a lens, the status bar or the command). */
  revealFile(uri: vscode.Uri | undefined): Promise<void>;
  refresh(): void;
  /** Asks for a tier filter and applies it to the Journeys view. */
  filterJourneysByTier(): Promise<void>;
  /** The three views' items, expanded, for the integration tests. */
  snapshot(): Promise<{ thisFile: TreeSnapshot[]; changes: TreeSnapshot[]; journeys: TreeSnapshot[] }>;
}

export function createSidebar(_maps: WorkspaceMaps, _log: vscode.LogOutputChannel): Sidebar {
  throw new Error('The sidebar is being written.');
}
