import * as vscode from 'vscode';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { coverageCard } from '../workspace/coverage-card';
import { highestTier, plural, tierText } from '../workspace/coverage-text';
import { Command } from '../workspace/command-ids';

/** The active file's highest tier and touchpoint count; hidden for uncovered files unless a setting says otherwise. */
export class CoverageStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cxImpact.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly showWhenUncovered: () => boolean,
  ) {
    this.item.name = 'CX Impact';
    this.item.command = Command.revealInSidebar;
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      maps.onDidChange(() => this.update()),
    ];
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const coverage = editor ? this.maps.coverageOf(editor.document.uri) : [];
    const tier = highestTier(coverage);
    if (!editor || !tier) {
      if (editor && this.showWhenUncovered() && this.maps.hasMaps()) {
        this.item.text = vscode.l10n.t('$(pulse) no journey');
        this.item.tooltip = vscode.l10n.t('No journey in cx-map.yaml covers this file.');
        this.item.backgroundColor = undefined;
        this.item.show();
      } else {
        this.item.hide();
      }
      return;
    }
    this.item.text = `$(pulse) ${tierText(tier)} · ${plural(coverage.length, 'touchpoint')}`;
    this.item.tooltip = coverageCard(coverage, this.maps);
    this.item.backgroundColor =
      tier === 'critical' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  /** What the item shows, for the integration tests (VS Code has no public way to read the status bar). */
  snapshot(): { text: string; visible: boolean } {
    return { text: this.item.text, visible: this.visible };
  }

  private get visible(): boolean {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return false;
    return this.maps.coverageOf(editor.document.uri).length > 0 || (this.showWhenUncovered() && this.maps.hasMaps());
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
