import * as vscode from 'vscode';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { orderedHits, reachLine } from '../workspace/indirect-text';
import type { WorkspaceGraph } from '../workspace/workspace-graph';
import { Command } from '../workspace/command-ids';

/** Lenses shown at most; the rest are counted in one more lens. */
const MAX_LENSES = 3;

/**
 * At the top of a file no touchpoint covers: the touchpoints it reaches through its importers (contract §5). Cheap:
 * the graph is built off this thread, and until it is there are no lenses (they appear when it is ready).
 */
export class IndirectLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly graph: WorkspaceGraph,
  ) {
    this.subscriptions = [this.changed, graph.onDidChange(() => this.changed.fire())];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (this.maps.coverageOf(document.uri).length > 0) return [];
    const reach = this.graph.reachOf(document.uri);
    if (!reach) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    const reveal = (title: string, tooltip: string) =>
      new vscode.CodeLens(top, { title, tooltip, command: Command.revealInSidebar, arguments: [document.uri] });
    if (reach.shared) {
      return [
        reveal(
          vscode.l10n.t('Shared infrastructure · {0} files depend on it', reach.shared.importers),
          vscode.l10n.t('Too much depends on this file to name its journeys one by one.'),
        ),
      ];
    }
    const hits = orderedHits(reach.hits);
    const lenses = hits.slice(0, MAX_LENSES).map((hit) => reveal(reachLine(hit), hit.via.join(' › ')));
    if (hits.length > MAX_LENSES)
      lenses.push(reveal(vscode.l10n.t('+{0} more touchpoints through imports', hits.length - MAX_LENSES), ''));
    return lenses;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
