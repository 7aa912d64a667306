import * as vscode from 'vscode';
import type { FileReach } from '../core/graph/reach';
import type { Coverage } from '../core/types';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { thisFileIndirectNodes } from './indirect-nodes';
import { NodeTree } from './node-tree';
import { thisFileNodes } from './this-file-nodes';
import type { ViewNode } from './view-node';

export const THIS_FILE_VIEW = 'cxImpact.thisFile';

/** What the view needs from the dependency graph (src/workspace/workspace-graph.ts). */
export interface ThisFileIndirect {
  onDidChange: vscode.Event<void>;
  /** What a file no touchpoint covers reaches through its importers; undefined while the graph is not built. */
  reachOf(uri: vscode.Uri): FileReach<Coverage> | undefined;
}

/** The touchpoints of the active editor's file (or of the file revealed from a lens, the status bar or a command). */
export class ThisFileView implements vscode.Disposable {
  private readonly tree: NodeTree;
  private readonly view: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[];
  private file: vscode.Uri | undefined;

  constructor(
    private readonly maps: WorkspaceMaps,
    /** Indirect reach of a file no touchpoint covers (contract §5), once the graph is built. */
    private readonly indirect?: ThisFileIndirect,
  ) {
    this.tree = new NodeTree(THIS_FILE_VIEW, maps, () => Promise.resolve(this.nodes()));
    this.view = this.tree.view;
    this.file = vscode.window.activeTextEditor?.document.uri;
    this.disposables = [
      this.tree,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to a panel or this view leaves no active editor: keep showing the last file then.
        if (editor) this.show(editor.document.uri);
        else if (vscode.window.visibleTextEditors.length === 0) this.show(undefined);
      }),
      maps.onDidChange(() => this.update()),
      ...(indirect ? [indirect.onDidChange(() => this.update())] : []),
    ];
    this.update();
  }

  /** Shows `uri` (else the active editor's file) and brings the view forward. */
  async reveal(uri: vscode.Uri | undefined): Promise<void> {
    this.show(uri ?? vscode.window.activeTextEditor?.document.uri);
    await vscode.commands.executeCommand(`${THIS_FILE_VIEW}.focus`);
  }

  refresh(): void {
    this.update();
  }

  /** The text shown above the view's items, if any. */
  get message(): string | undefined {
    return this.view.message;
  }

  nodes(): ViewNode[] {
    if (!this.file) return [];
    const direct = thisFileNodes(this.maps.coverageOf(this.file));
    return direct.length > 0 ? direct : this.indirectNodes(this.file);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** For a file no touchpoint covers: what it reaches through its importers, each chain a list of links. */
  private indirectNodes(uri: vscode.Uri): ViewNode[] {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const reach = this.indirect?.reachOf(uri);
    return folder && reach ? thisFileIndirectNodes(folder.uri.toString(), reach) : [];
  }

  private show(uri: vscode.Uri | undefined): void {
    if (uri?.scheme === 'output') return;
    this.file = uri;
    this.update();
  }

  private update(): void {
    const file = this.file;
    const name = file ? file.path.slice(file.path.lastIndexOf('/') + 1) : undefined;
    this.view.description = name;
    if (!file || !this.maps.hasMaps()) {
      // The view's welcome text explains what to do.
      this.view.message = undefined;
    } else if (this.maps.coverageOf(file).length === 0) {
      const reached = this.indirectNodes(file).length > 0;
      this.view.message = vscode.workspace.getWorkspaceFolder(file)
        ? reached
          ? vscode.l10n.t('No journey covers {0}; through its importers it reaches:', name ?? 'this file')
          : `No journey covers ${name ?? 'this file'}.`
        : `${name ?? 'This file'} is outside the workspace's folders.`;
    } else {
      this.view.message = undefined;
    }
    this.tree.refresh();
  }
}
