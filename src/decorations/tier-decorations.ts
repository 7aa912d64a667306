import * as vscode from 'vscode';
import type { Tier } from '../core/types';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { highestTier } from '../workspace/coverage-text';

export interface DecorationSettings {
  tiers: readonly Tier[];
  folders: boolean;
}

const BADGES: Record<Tier, string> = { critical: 'C', high: 'H', medium: 'M', low: 'L' };

/** A badge and colour in the Explorer for files that serve journeys of the configured tiers. */
export class TierDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly settings: () => DecorationSettings,
  ) {
    this.subscriptions = [this.changed, maps.onDidChange(() => this.changed.fire(undefined))];
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'file' && uri.scheme !== 'vscode-remote' && uri.scheme !== 'vscode-vfs') return undefined;
    const coverage = this.maps.coverageOf(uri);
    const tier = highestTier(coverage);
    const { tiers, folders } = this.settings();
    if (!tier || !tiers.includes(tier)) return undefined;
    const journeys = [...new Set(coverage.map((c) => c.journey.name))];
    const decoration = new vscode.FileDecoration(
      BADGES[tier],
      `CX Impact: ${tier} — ${journeys.join(', ')}`,
      tier === 'critical'
        ? new vscode.ThemeColor('cxImpact.criticalForeground')
        : tier === 'high'
          ? new vscode.ThemeColor('cxImpact.highForeground')
          : undefined,
    );
    decoration.propagate = folders;
    return decoration;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
