import * as vscode from 'vscode';
import { qualifySymbols, type QualifiedSymbol } from '../core/symbols';

/** The document's symbols as `Outer.inner` names, from whichever symbol provider the language has. */
export async function qualifiedSymbols(document: vscode.TextDocument): Promise<QualifiedSymbol<vscode.Range>[]> {
  let symbols: Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined;
  try {
    symbols = await vscode.commands.executeCommand<Array<vscode.DocumentSymbol | vscode.SymbolInformation> | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
  } catch {
    return [];
  }
  if (!symbols?.length) return [];
  if ('selectionRange' in symbols[0]!) return qualifySymbols(symbols as vscode.DocumentSymbol[]);
  // Flat SymbolInformation: containerName gives one level of nesting.
  return (symbols as vscode.SymbolInformation[]).map((s) => ({
    name: s.containerName ? `${s.containerName}.${s.name}` : s.name,
    range: s.location.range,
    selectionRange: s.location.range,
  }));
}
