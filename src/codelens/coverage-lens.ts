import * as vscode from 'vscode';
import type { QualifiedSymbol } from '../core/symbols';
import { needsSymbols, planLenses, type PlannedLens } from './lens-plan';
import { qualifiedSymbols } from '../workspace/document-symbols';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { Command } from '../workspace/command-ids';

interface CacheEntry {
  key: string;
  lenses: vscode.CodeLens[];
}

/**
 * One lens at the top of a covered file (or above each symbol a touchpoint names). Lenses are cached by document
 * version and map version, so scrolling and re-requests cost nothing and the lens count stays stable while typing.
 */
export class CoverageLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly retries = new Map<string, number>();
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly maps: WorkspaceMaps,
    /** The engine's finder in the extension (src/workspace/editor-symbols.ts); the language server's by default. */
    private readonly symbolsOf: (
      document: vscode.TextDocument,
    ) => Promise<QualifiedSymbol<vscode.Range>[]> = qualifiedSymbols,
  ) {
    this.subscriptions = [
      this.changed,
      maps.onDidChange(() => {
        this.cache.clear();
        this.retries.clear();
        this.changed.fire();
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.cache.delete(doc.uri.toString())),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const key = `${document.version}:${this.maps.version}`;
    const cached = this.cache.get(document.uri.toString());
    if (cached?.key === key) return cached.lenses;

    const coverage = this.maps.coverageOf(document.uri);
    if (coverage.length === 0) return [];
    let symbols: QualifiedSymbol<vscode.Range>[] | undefined;
    if (needsSymbols(coverage)) {
      symbols = await this.symbolsOf(document);
      if (token.isCancellationRequested) return [];
      if (symbols.length === 0) {
        // The language server is often still starting when a file opens: ask again shortly, a few times.
        this.retryLater(document, key);
        symbols = undefined;
      }
    }
    const lenses = planLenses(coverage, symbols).map((planned) => lens(planned, document.uri));
    if (symbols === undefined && needsSymbols(coverage)) return lenses;
    this.cache.set(document.uri.toString(), { key, lenses });
    return lenses;
  }

  private retryLater(document: vscode.TextDocument, key: string): void {
    const id = `${document.uri.toString()}#${key}`;
    const tries = this.retries.get(id) ?? 0;
    if (tries >= 5 || this.retryTimer) return;
    this.retries.set(id, tries + 1);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = undefined;
        this.changed.fire();
      },
      1000 * (tries + 1),
    );
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.cache.clear();
    this.retries.clear();
    for (const d of this.subscriptions) d.dispose();
  }
}

function lens({ at, title, coverage }: PlannedLens<vscode.Range>, uri: vscode.Uri): vscode.CodeLens {
  const line = at?.start.line ?? 0;
  return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
    title,
    tooltip: coverage
      .map((c) => `${c.journey.name} › ${c.touchpoint.name} (${c.journey.tier}) — ${c.pattern.source}`)
      .join('\n'),
    command: Command.revealInSidebar,
    arguments: [uri],
  });
}
