// Opening a map at a line: the command behind every "open the map here" link (registered in src/commands/), and
// what the Impact Report's links do.
import * as vscode from 'vscode';

/** Opens a map at a one-based line. Arguments come from lenses, hovers and views: check them. */
export async function openMapAt(mapUri: unknown, line: unknown): Promise<void> {
  if (typeof mapUri !== 'string' && !(mapUri instanceof vscode.Uri)) return;
  const uri = typeof mapUri === 'string' ? vscode.Uri.parse(mapUri, true) : mapUri;
  if (!/\/cx-map\.ya?ml$/.test(uri.path)) return;
  const lineIndex = typeof line === 'number' && Number.isFinite(line) && line >= 1 ? Math.floor(line) - 1 : 0;
  const editor = await vscode.window.showTextDocument(uri, { preview: true });
  const position = new vscode.Position(Math.min(lineIndex, editor.document.lineCount - 1), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
