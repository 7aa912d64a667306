// The editor's symbols come from the engine's finder (src/core/code/symbols.ts), the same one the CLI uses: parsed in
// the CodeReader's worker threads, never on the extension host's thread, and kept per document version. A language
// without a grammar falls back to its language server's document symbols.
import * as vscode from 'vscode';
import { languageOfPath, languageOfVscodeId } from '../core/code/languages';
import type { FileSymbols } from '../core/code/symbols';
import type { QualifiedSymbol } from '../core/symbols';
import type { CodeReader } from '../node/code-reader';
import { qualifiedSymbols } from './document-symbols';

export type DocumentSymbols = (document: vscode.TextDocument) => Promise<QualifiedSymbol<vscode.Range>[]>;

/** At most this many documents' symbols are kept (the reader keeps answers by content besides). */
const KEPT = 200;

export class EditorSymbols implements vscode.Disposable {
  private readonly byDocument = new Map<
    string,
    { version: number; symbols: Promise<QualifiedSymbol<vscode.Range>[]> }
  >();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly reader: () => CodeReader | undefined) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((doc) => this.byDocument.delete(doc.uri.toString()));
  }

  /** The document's symbols as `Outer.inner` names: the engine's finder, else the language server's. */
  readonly symbolsOf: DocumentSymbols = (document) => {
    const key = document.uri.toString();
    const kept = this.byDocument.get(key);
    if (kept?.version === document.version) return kept.symbols;
    const symbols = this.read(document);
    this.byDocument.delete(key);
    this.byDocument.set(key, { version: document.version, symbols });
    while (this.byDocument.size > KEPT) this.byDocument.delete(this.byDocument.keys().next().value!);
    return symbols;
  };

  private async read(document: vscode.TextDocument): Promise<QualifiedSymbol<vscode.Range>[]> {
    const language = languageOfVscodeId(document.languageId) ?? languageOfPath(document.uri.path);
    const reader = this.reader();
    if (!language || !reader) return qualifiedSymbols(document);
    let found: FileSymbols | undefined;
    try {
      found = await reader.ask('symbols', document.uri.path, document.getText(), language);
    } catch {
      // Too large, binary or too slow to parse: the language server may still know.
      return qualifiedSymbols(document);
    }
    if (!found) return qualifiedSymbols(document);
    return found.symbols.map((s) => ({
      name: s.name,
      range: new vscode.Range(s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character),
      selectionRange: new vscode.Range(
        s.selectionRange.start.line,
        s.selectionRange.start.character,
        s.selectionRange.end.line,
        s.selectionRange.end.character,
      ),
    }));
  }

  dispose(): void {
    this.subscription.dispose();
    this.byDocument.clear();
  }
}
