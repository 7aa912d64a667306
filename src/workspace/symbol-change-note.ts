// For the hover on a symbol a touchpoint names: did the working tree change it? The declaration's text in the
// editor against the same declaration at HEAD (both through the engine's finder), so an edit not yet saved counts
// too. Runs git (rev-parse, cat-file), so only in trusted workspaces and only for such a hover.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { languageOfPath, languageOfVscodeId } from '../core/code/languages';
import type { CodeSymbol } from '../core/code/symbols';
import type { CodeReader } from '../node/code-reader';
import { findRepoRoot, readBlobs } from '../node/git';

export type SymbolChange = 'changed' | 'added' | 'unchanged' | 'untracked';

export async function workingTreeChange(
  document: vscode.TextDocument,
  symbol: string,
  reader: CodeReader | undefined,
): Promise<SymbolChange | undefined> {
  if (!reader || !vscode.workspace.isTrusted || document.uri.scheme !== 'file') return undefined;
  const language = languageOfVscodeId(document.languageId) ?? languageOfPath(document.uri.path);
  if (!language) return undefined;
  const root = await findRepoRoot(path.dirname(document.uri.fsPath));
  if (!root) return undefined;
  const rel = path.relative(root, document.uri.fsPath).split(path.sep).join('/');
  let before: string | undefined;
  try {
    [before] = await readBlobs(root, [`HEAD:${rel}`]);
  } catch {
    return undefined;
  }
  if (before === undefined) return 'untracked';
  const text = document.getText();
  try {
    const [old, now] = await Promise.all([
      reader.ask('symbols', rel, before, language),
      reader.ask('symbols', rel, text, language),
    ]);
    const mine = now?.symbols.find((s) => s.name === symbol);
    if (!mine) return undefined;
    const theirs = old?.symbols.filter((s) => s.name === symbol) ?? [];
    if (theirs.length === 0) return 'added';
    const slice = (source: string, s: CodeSymbol) =>
      source
        .split('\n')
        .slice(s.range.start.line, s.range.end.line + 1)
        .join('\n');
    return theirs.some((s) => slice(before, s) === slice(text, mine)) ? 'unchanged' : 'changed';
  } catch {
    return undefined;
  }
}

export function symbolChangeText(symbol: string, change: SymbolChange): string {
  switch (change) {
    case 'changed':
      return vscode.l10n.t('The working tree changed {0} (since HEAD).', symbol);
    case 'added':
      return vscode.l10n.t('{0} is new in the working tree (not at HEAD).', symbol);
    case 'untracked':
      return vscode.l10n.t('This file is not at HEAD: {0} is new.', symbol);
    default:
      return vscode.l10n.t('The working tree did not change {0} (same as HEAD).', symbol);
  }
}
