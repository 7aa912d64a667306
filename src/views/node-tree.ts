import * as vscode from 'vscode';
import type { Tier } from '../core/types';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { coverageCard } from '../workspace/coverage-card';
import type { FileTarget, ViewNode } from './view-node';
import { Command } from '../workspace/command-ids';

const TIER_COLOR: Partial<Record<Tier, string>> = {
  critical: 'cxImpact.criticalForeground',
  high: 'cxImpact.highForeground',
};

const CHANNEL_ICON: Record<string, string> = {
  web: 'globe',
  mobile: 'device-mobile',
  email: 'mail',
  sms: 'comment',
  voice: 'call-outgoing',
  chat: 'comment-discussion',
  'contact-center': 'person',
  api: 'plug',
  store: 'package',
};

/** Turns a click on a file into a command; the Changes view swaps in one that opens the change. */
export type FileCommand = (target: FileTarget, uri: vscode.Uri) => vscode.Command | undefined;

export function fileUriOf(target: FileTarget): vscode.Uri {
  return vscode.Uri.joinPath(vscode.Uri.parse(target.root), ...target.path.split('/'));
}

export const openFileCommand: FileCommand = (target, uri) => ({
  command: 'vscode.open',
  title: vscode.l10n.t('Open File'),
  arguments:
    target.line === undefined ? [uri] : [uri, { selection: new vscode.Range(target.line - 1, 0, target.line - 1, 0) }],
});

/**
 * A TreeDataProvider over ViewNodes, and the TreeView that shows them. `roots` computes the top level when VS Code
 * asks for it, which it does only while the view is visible: views that cost work (Journeys lists every file) stay
 * idle while collapsed.
 *
 * A refresh asked for while the view is hidden is held until it shows. VS Code (1.100) queues such a refresh and
 * replays it when the view appears, walking the tree a second time with the children it already has; in that walk
 * its children batching (TreeDataSource.getChildren, microsoft/vscode#243911) can hand a node the answer of another
 * batch, and an expanded journey is drawn with no rows under it until the next refresh. A refresh sent while the
 * view is visible makes VS Code fetch every level again, which that race does not reach.
 */
export class NodeTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ViewNode>;
  private readonly visibility: vscode.Disposable;

  constructor(
    viewId: string,
    private readonly maps: WorkspaceMaps,
    private readonly roots: () => Promise<ViewNode[]>,
    private readonly fileCommand: FileCommand = openFileCommand,
  ) {
    this.view = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true });
    this.visibility = this.view.onDidChangeVisibility(({ visible }) => {
      if (visible && this.refreshWhenVisible) {
        this.refreshWhenVisible = false;
        this.refresh();
      }
    });
  }

  private loading: Promise<ViewNode[]> | undefined;
  private refreshWhenLoaded = false;
  private refreshWhenVisible = false;

  refresh(): void {
    if (!this.view.visible) {
      this.refreshWhenVisible = true;
      return;
    }
    // A refresh while VS Code is still resolving the top level makes it register the same ids twice
    // ("Element with id … is already registered"): wait for the load in flight, then refresh once.
    if (this.loading) {
      this.refreshWhenLoaded = true;
      return;
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: ViewNode): ViewNode[] | Promise<ViewNode[]> {
    if (node) return node.children ?? [];
    const loading = this.roots();
    this.loading = loading;
    const settle = () => {
      if (this.loading !== loading) return;
      this.loading = undefined;
      if (this.refreshWhenLoaded) {
        this.refreshWhenLoaded = false;
        // After VS Code has registered what this load returned.
        setTimeout(() => this.changed.fire(undefined), 0);
      }
    };
    loading.then(settle, settle);
    return loading;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const collapsed = node.children?.length
      ? node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsed);
    item.id = node.id;
    item.contextValue = node.kind;
    if (node.description !== undefined) item.description = node.description;
    if (node.card && node.card.length > 0) item.tooltip = coverageCard(node.card, this.maps);
    else if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    item.iconPath = this.iconOf(node);
    if (node.file) {
      const uri = fileUriOf(node.file);
      item.resourceUri = uri;
      const command = this.fileCommand(node.file, uri);
      if (command) item.command = command;
    } else if (node.mapLine) {
      const uri = this.maps.uriOf(node.mapLine.map);
      if (uri)
        item.command = {
          command: Command.openMapAt,
          title: vscode.l10n.t('Open Map at Line'),
          arguments: [uri.toString(), node.mapLine.line],
        };
    }
    return item;
  }

  dispose(): void {
    this.visibility.dispose();
    this.view.dispose();
    this.changed.dispose();
  }

  private iconOf(node: ViewNode): vscode.ThemeIcon | undefined {
    if (node.icon) return new vscode.ThemeIcon(node.icon);
    const color = node.tier && TIER_COLOR[node.tier] ? new vscode.ThemeColor(TIER_COLOR[node.tier] ?? '') : undefined;
    switch (node.kind) {
      case 'journey':
        return new vscode.ThemeIcon('pulse', color);
      case 'touchpoint':
        return new vscode.ThemeIcon((node.channel && CHANNEL_ICON[node.channel]) ?? 'circle-outline', color);
      case 'reason':
        return new vscode.ThemeIcon('symbol-key');
      case 'repository':
        return new vscode.ThemeIcon('repo');
      case 'info':
        return new vscode.ThemeIcon('info');
      case 'file':
        return vscode.ThemeIcon.File;
      case 'entryPoint':
        return new vscode.ThemeIcon('symbol-event');
      case 'entryPointGroup':
        return new vscode.ThemeIcon('warning');
      case 'symbol':
        return new vscode.ThemeIcon('symbol-method');
      default:
        return undefined;
    }
  }
}
