import * as vscode from 'vscode';
import { anySymbolMatches, type QualifiedSymbol } from '../core/symbols';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { coverageCard } from '../workspace/coverage-card';
import { qualifiedSymbols } from '../workspace/document-symbols';

export type HoverMode = 'declarations' | 'everywhere' | 'off';

/** The touchpoint card on a declaration's name (or anywhere in a covered file, per `cxImpact.hover.mode`). */
export class CoverageHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly mode: () => HoverMode,
    /** The engine's finder in the extension (src/workspace/editor-symbols.ts); the language server's by default. */
    private readonly symbolsOf: (
      document: vscode.TextDocument,
    ) => Promise<QualifiedSymbol<vscode.Range>[]> = qualifiedSymbols,
    /** Whether the working tree changed a symbol a touchpoint names (a line under the card); none without it. */
    private readonly changeNote?: (document: vscode.TextDocument, symbol: string) => Promise<string | undefined>,
  ) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.Hover | undefined> {
    const mode = this.mode();
    if (mode === 'off') return undefined;
    const coverage = this.maps.coverageOf(document.uri);
    if (coverage.length === 0) return undefined;

    const symbols = await this.symbolsOf(document);
    if (token.isCancellationRequested) return undefined;
    const declaration = symbols
      .filter((s) => s.selectionRange.contains(position))
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (mode === 'declarations' && !declaration) return undefined;

    // A touchpoint scoped to symbols shows only on those symbols.
    const shown = coverage.filter(
      (c) => !c.symbolScoped || (declaration && anySymbolMatches(c.touchpoint.symbols, declaration.name)),
    );
    if (shown.length === 0) return undefined;
    const card = coverageCard(shown, this.maps);
    if (declaration && this.changeNote && shown.some((c) => c.symbolScoped)) {
      const note = await this.changeNote(document, declaration.name);
      if (token.isCancellationRequested) return undefined;
      // Plain text: the symbol's name came from the file, never trusted markup.
      if (note)
        return new vscode.Hover([card, new vscode.MarkdownString().appendText(note)], declaration.selectionRange);
    }
    return new vscode.Hover(card, declaration?.selectionRange);
  }
}
