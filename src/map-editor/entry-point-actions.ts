// The map editor's entry-point actions: the "Add Entry Points to a Touchpoint…" command, and the quick fix in a map
// that offers it. The service they ask (src/workspace/workspace-entry-points.ts) reads nothing until asked.
import * as vscode from 'vscode';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { Command } from '../workspace/command-ids';
import { addEntryPointsToTouchpoint, type AddEntryPointsChoices } from './add-entry-points';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';

export function registerEntryPointActions(maps: WorkspaceMaps, entryPoints: WorkspaceEntryPoints): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.addEntryPointsToTouchpoint, (arg?: unknown) =>
      addEntryPointsToTouchpoint(maps, entryPoints, choicesOf(arg, entryPoints)),
    ),
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file', pattern: '**/cx-map.{yaml,yml}' }],
      new UncoveredEntryPointsAction(entryPoints),
      {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      },
    ),
  );
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
