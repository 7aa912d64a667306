// The Getting Started walkthrough (contributes.walkthroughs in package.json): its steps' buttons run the commands
// registered here, and it opens once, the first time the extension activates in a workspace without a map.
import * as vscode from 'vscode';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { CI_WORKFLOW, CI_WORKFLOW_FILE } from './ci-workflow.generated';

import { WALKTHROUGH_ID } from './walkthrough-id';
import { Command } from '../workspace/command-ids';
/** globalState: set when the walkthrough was opened for the person, so it never opens by itself again. */
export const WALKTHROUGH_SEEN_KEY = 'cxImpact.walkthrough.seen';

export class Walkthrough implements vscode.Disposable {
  private readonly commands: vscode.Disposable;
  /** Settles once the first-run check has run: true when it opened the walkthrough. */
  readonly firstRun: Promise<boolean>;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly maps: WorkspaceMaps,
    files: WorkspaceFiles,
  ) {
    this.commands = vscode.Disposable.from(
      vscode.commands.registerCommand(Command.walkthroughOpen, () => openWalkthrough()),
      vscode.commands.registerCommand(Command.walkthroughOpenMap, () => openMap(maps)),
      vscode.commands.registerCommand(Command.walkthroughOpenCoveredFile, () => openCoveredFile(maps, files)),
      vscode.commands.registerCommand(Command.walkthroughCopyCiWorkflow, () => copyCiWorkflow()),
    );
    // Not awaited by activation: the maps are discovered in the background.
    this.firstRun = maps.ready.then(
      () => this.openIfFirstRun(),
      () => false,
    );
  }

  /** Whether the walkthrough has been opened for this person (in any workspace). */
  seen(): boolean {
    return this.context.globalState.get<boolean>(WALKTHROUGH_SEEN_KEY) === true;
  }

  /** Opens the walkthrough when the workspace has no map and it was never opened before; true when it did. */
  async openIfFirstRun(): Promise<boolean> {
    if (this.maps.hasMaps() || this.seen()) return false;
    // Marked first: a person who closes it has seen it, and two windows starting together open it once.
    await this.context.globalState.update(WALKTHROUGH_SEEN_KEY, true);
    await openWalkthrough();
    return true;
  }

  dispose(): void {
    this.commands.dispose();
  }
}

function openWalkthrough(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}

/** The workspace's map (the first one, when there are several), or a new one. */
async function openMap(maps: WorkspaceMaps): Promise<vscode.Uri | undefined> {
  const [first] = maps.mapUris();
  if (!first) return vscode.commands.executeCommand<vscode.Uri | undefined>(Command.createMap);
  await vscode.window.showTextDocument(first);
  return first;
}

/** The active file when a touchpoint covers it, else a covered file of the workspace: where lens and hover show. */
async function openCoveredFile(maps: WorkspaceMaps, files: WorkspaceFiles): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && maps.coverageOf(active).length > 0) return active;
  // A file a touchpoint covers whole first: its card shows on every declaration, not only on named symbols.
  for (const wholeFile of [true, false]) {
    for (const { folder, matcher } of maps.byFolder()) {
      const found = (await files.filesOf(folder)).find(
        (path) =>
          !/(^|\/)cx-map\.ya?ml$/.test(path) && matcher.coverageOf(path).some((c) => !wholeFile || !c.symbolScoped),
      );
      if (found === undefined) continue;
      const uri = vscode.Uri.joinPath(folder.uri, found);
      await vscode.window.showTextDocument(uri);
      return uri;
    }
  }
  void vscode.window.showInformationMessage(
    vscode.l10n.t('CX Impact: no file is in a touchpoint yet. Add one with "Add This File to a Touchpoint…".'),
  );
  return undefined;
}

/** Copies the workflow of docs/ci.md; offers it as a new, unsaved file (nothing is written without the person). */
async function copyCiWorkflow(): Promise<string> {
  await vscode.env.clipboard.writeText(CI_WORKFLOW);
  const newFile = vscode.l10n.t('Open as a New File');
  void vscode.window
    .showInformationMessage(
      vscode.l10n.t(
        'CX Impact: the GitHub Actions workflow is copied. Save it as {0} in your repository.',
        CI_WORKFLOW_FILE,
      ),
      newFile,
    )
    .then(async (choice) => {
      if (choice !== newFile) return;
      const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: CI_WORKFLOW });
      await vscode.window.showTextDocument(document);
    });
  return CI_WORKFLOW;
}
