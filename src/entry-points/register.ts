// The entry-points feature of the editor: the service, the add command and the CodeLens. Nothing is read until a
// view, a lens or a command asks.
import * as vscode from 'vscode';
import type { WorkspaceFiles } from '../maps/workspace-files';
import type { WorkspaceMaps } from '../maps/workspace-maps';
import type { CodeReader } from '../node/code-reader';
import { addEntryPointsToTouchpoint, type AddEntryPointsChoices } from './add-command';
import { ENTRY_POINT_LENS_SELECTOR, EntryPointLensProvider } from './entry-point-lens';
import { WorkspaceEntryPoints } from './workspace-entry-points';
import { Command } from '../workspace/command-ids';

export function registerEntryPoints(
  maps: WorkspaceMaps,
  files: WorkspaceFiles,
  code: () => CodeReader | undefined,
  log: vscode.LogOutputChannel,
): { entryPoints: WorkspaceEntryPoints; disposable: vscode.Disposable } {
  const entryPoints = new WorkspaceEntryPoints(maps, files, code, log);
  const lenses = new EntryPointLensProvider(maps, entryPoints);
  const disposable = vscode.Disposable.from(
    entryPoints,
    lenses,
    vscode.languages.registerCodeLensProvider(ENTRY_POINT_LENS_SELECTOR, lenses),
    vscode.commands.registerCommand(Command.addEntryPointsToTouchpoint, (arg?: unknown) => addEntryPointsToTouchpoint(maps, entryPoints, choicesOf(arg, entryPoints))),
    vscode.languages.registerCodeActionsProvider([{ scheme: 'file', pattern: '**/cx-map.{yaml,yml}' }], new UncoveredEntryPointsAction(entryPoints), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  );
  return { entryPoints, disposable };
}

/** In a map: "Add N entry points no journey covers to a touchpoint…", anywhere in the file. */
class UncoveredEntryPointsAction implements vscode.CodeActionProvider {
  constructor(private readonly entryPoints: WorkspaceEntryPoints) {}

  async provideCodeActions(document: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return [];
    const report = await this.entryPoints.report(folder);
    const count = report.reduce((n, f) => n + f.points.filter((p) => p.touchpoints.length === 0).length, 0);
    if (count === 0) return [];
    const title = vscode.l10n.t('Add {0} entry point(s) no journey covers to a touchpoint…', count);
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.command = { command: Command.addEntryPointsToTouchpoint, title };
    return [action];
  }
}

/** From the Journeys view the argument is a node; from a lens or a test, the choices themselves. */
function choicesOf(arg: unknown, entryPoints: WorkspaceEntryPoints): AddEntryPointsChoices {
  if (typeof arg !== 'object' || arg === null) return {};
  const id = (arg as { id?: unknown }).id;
  if (typeof id === 'string') {
    const points = entryPoints.nodeGroups.get(id);
    return points ? { entryPoints: points } : {};
  }
  return arg;
}
