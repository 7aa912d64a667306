import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/render/escape';
import { renderChain } from '../core/graph/chain';
import { hopsText } from '../core/render/indirect';
import type { HoverMode } from './coverage-hover';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { qualifiedSymbols } from '../workspace/document-symbols';
import { baseName, orderedHits } from '../workspace/indirect-text';
import type { WorkspaceGraph } from '../workspace/workspace-graph';

/** In a file no touchpoint covers: the touchpoints it reaches through imports, each chain with links to its files. */
export class IndirectHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly graph: WorkspaceGraph,
    private readonly mode: () => HoverMode,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const mode = this.mode();
    if (mode === 'off' || this.maps.coverageOf(document.uri).length > 0) return undefined;
    const reach = this.graph.reachOf(document.uri);
    if (!reach || (reach.hits.length === 0 && !reach.shared)) return undefined;
    let range: vscode.Range | undefined;
    if (mode === 'declarations') {
      const symbols = await qualifiedSymbols(document);
      if (token.isCancellationRequested) return undefined;
      range = symbols
        .filter((s) => s.selectionRange.contains(position))
        .sort((a, b) => b.name.length - a.name.length)[0]?.selectionRange;
      if (!range) return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    // Untrusted Markdown: names are escaped, links are file links only.
    const md = new vscode.MarkdownString();
    if (reach.shared) {
      md.appendMarkdown(
        escapeMarkdown(
          vscode.l10n.t(
            'Shared infrastructure: {0} files depend on this file, so its journeys are not listed one by one.',
            reach.shared.importers,
          ),
        ),
      );
      return new vscode.Hover(md, range);
    }
    md.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('Reaches through imports'))}**\n\n`);
    for (const hit of orderedHits(reach.hits)) {
      const c = hit.target.value;
      const chain = renderChain(
        hit,
        (file) =>
          folder
            ? `[${escapeMarkdown(baseName(file))}](${vscode.Uri.joinPath(folder.uri, ...file.split('/')).toString()})`
            : escapeMarkdown(file),
        escapeMarkdown,
      );
      md.appendMarkdown(
        `- ${escapeMarkdown(c.journey.name)} › ${escapeMarkdown(c.touchpoint.name)} (${escapeMarkdown(c.journey.tier)}) · ${escapeMarkdown(hopsText(hit.hops))} · ${chain}\n`,
      );
    }
    return new vscode.Hover(md, range);
  }
}
