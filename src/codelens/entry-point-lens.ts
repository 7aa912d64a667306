// A CodeLens on each route registration or decorator: the journeys that reach it, or "No journey" with the action
// that adds it to a touchpoint. Entry points are read when the first lens is asked for, never at activation.
import * as vscode from 'vscode';
import { Command } from '../workspace/command-ids';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';
import { relativePath, type WorkspaceMaps } from '../workspace/workspace-maps';

export const ENTRY_POINT_LENS_SELECTOR: vscode.DocumentSelector = [
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'go',
  'python',
  'java',
].map((language) => ({ scheme: 'file', language }));

export class EntryPointLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly entryPoints: WorkspaceEntryPoints,
  ) {
    this.subscription = entryPoints.onDidChange(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder || !this.maps.hasMaps()) return [];
    const path = relativePath(folder.uri, document.uri);
    if (path === undefined) return [];
    const report = await this.entryPoints.report(folder);
    if (token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    for (const { points } of report) {
      for (const point of points) {
        if (point.file !== path) continue;
        const range = new vscode.Range(point.line - 1, 0, point.line - 1, 0);
        if (point.touchpoints.length === 0) {
          lenses.push(
            new vscode.CodeLens(range, {
              title: vscode.l10n.t('No journey: add to a touchpoint…'),
              command: Command.addEntryPointsToTouchpoint,
              arguments: [{ entryPoints: [{ file: point.file, line: point.line }] }],
            }),
          );
          continue;
        }
        const names = point.touchpoints.map((tp) => {
          const map = this.maps
            .byFolder()
            .flatMap((f) => f.maps)
            .find((m) => m.file === tp.map);
          const journey = map?.journeys.find((j) => j.id === tp.journey);
          const touchpoint = journey?.touchpoints.find((t) => t.id === tp.touchpoint);
          return {
            text: `${journey?.name ?? tp.journey} › ${touchpoint?.name ?? tp.touchpoint}`,
            map,
            line: touchpoint?.idRange.start.line,
          };
        });
        const first = names[0]!;
        const uri = first.map && this.maps.uriOf(first.map);
        lenses.push(
          new vscode.CodeLens(range, {
            title: vscode.l10n.t('Journey: {0}', names.map((n) => n.text).join(', ')),
            ...(uri && first.line !== undefined
              ? { command: Command.openMapAt, arguments: [uri.toString(), first.line + 1] }
              : { command: '' }),
          }),
        );
      }
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
