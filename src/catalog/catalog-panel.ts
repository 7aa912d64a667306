// *CX Impact: Open Journey Catalogue*: the catalogue page (the CLI's index.html, the same renderer and page script) in
// a webview, with the webview's CSP (default-src 'none', a script nonce, nothing loaded) and paths that open in the
// editor. History (the window's commits, blame) is read with git in trusted workspaces only; an untrusted workspace
// gets the catalogue without it.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog/types';
import type { WorkspaceEntryPoints } from '../workspace/workspace-entry-points';
import type { WorkspaceGraph } from '../workspace/workspace-graph';
import type { WorkspaceFiles } from '../workspace/workspace-files';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import type * as CatalogEngine from './catalog-engine';
import { Command } from '../workspace/command-ids';

let loaded: typeof CatalogEngine | undefined;

/** The catalogue's code, loaded when it is first opened (dist/catalog-engine.js beside the extension). */
function engine(): typeof CatalogEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./catalog-engine') as typeof CatalogEngine);
}

export const CATALOG_VIEW_TYPE = 'cxImpact.catalog';

/** What the page script reported once it rendered: the integration tests read it. */
export interface RenderedCatalog {
  journeys: number;
  heading: string;
  scripts: number;
}

export interface CatalogSnapshot {
  folder: string;
  catalog: Catalog;
  html: string;
  rendered?: RenderedCatalog;
}

export class CatalogPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: CatalogSnapshot | undefined;
  private root: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly maps: WorkspaceMaps,
    private readonly files: WorkspaceFiles,
    private readonly entryPoints: WorkspaceEntryPoints,
    private readonly graph: WorkspaceGraph,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(vscode.commands.registerCommand(Command.openCatalog, () => this.open()));
  }

  snapshot(): CatalogSnapshot | undefined {
    return this.current;
  }

  async open(): Promise<CatalogSnapshot | undefined> {
    const folder = await this.pickFolder();
    if (!folder) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('No cx-map.yaml in this workspace: create one first (CX Impact: Create cx-map.yaml).'),
      );
      return undefined;
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Building the journey catalogue…') },
      async () => {
        try {
          const catalog = await this.gather(folder);
          const panel = this.reveal(folder);
          const html = engine().renderCatalogHtml(catalog, {
            script: await readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'catalog-page.js').fsPath, 'utf8'),
            host: 'vscode',
            nonce: randomBytes(18).toString('base64url'),
            cspSource: panel.webview.cspSource,
          });
          this.root = folder.uri;
          this.current = { folder: folder.uri.toString(), catalog, html };
          panel.webview.html = html;
          return this.current;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.log.error(`The journey catalogue could not be built: ${message}`);
          void vscode.window.showErrorMessage(vscode.l10n.t('The journey catalogue could not be built: {0}', message));
          return undefined;
        }
      },
    );
  }

  /**
   * A message from the page. Untrusted input: only `open` with a relative path inside the folder is acted on. Public
   * so the integration tests can post what the page posts.
   */
  async handleMessage(raw: unknown): Promise<void> {
    if (typeof raw !== 'object' || raw === null) return;
    const message = raw as Record<string, unknown>;
    if (message.type === 'rendered' && this.current) {
      const r = message as Partial<RenderedCatalog>;
      this.current.rendered = {
        journeys: Number(r.journeys ?? 0),
        heading: String(r.heading ?? ''),
        scripts: Number(r.scripts ?? 0),
      };
      return;
    }
    if (message.type !== 'open' || !this.root || typeof message.file !== 'string') return;
    const file = message.file;
    if (
      file === '' ||
      file.includes('\0') ||
      path.posix.isAbsolute(file) ||
      /^[a-zA-Z]:/.test(file) ||
      file.split(/[\\/]/).includes('..')
    )
      return;
    const line =
      typeof message.line === 'number' && Number.isInteger(message.line) && message.line > 0 ? message.line : 1;
    const uri = vscode.Uri.joinPath(this.root, ...file.split('/'));
    const position = new vscode.Position(line - 1, 0);
    await vscode.window.showTextDocument(uri, {
      selection: new vscode.Range(position, position),
      viewColumn: vscode.ViewColumn.One,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private async pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
    const withMaps = this.maps.byFolder().filter((f) => f.maps.length > 0);
    if (withMaps.length <= 1) return withMaps[0]?.folder;
    const active = vscode.window.activeTextEditor?.document.uri;
    const ofActive = active && vscode.workspace.getWorkspaceFolder(active);
    if (ofActive && withMaps.some((f) => f.folder.uri.toString() === ofActive.uri.toString())) return ofActive;
    const picked = await vscode.window.showQuickPick(
      withMaps.map((f) => ({ label: f.folder.name, folder: f.folder })),
      { placeHolder: vscode.l10n.t('The catalogue of which folder?') },
    );
    return picked?.folder;
  }

  private async gather(folder: vscode.WorkspaceFolder): Promise<Catalog> {
    const entry = this.maps.byFolder().find((f) => f.folder.uri.toString() === folder.uri.toString());
    const maps = entry?.maps ?? [];
    const diagnostics = this.maps
      .mapUris()
      .filter((u) => vscode.workspace.getWorkspaceFolder(u)?.uri.toString() === folder.uri.toString())
      .flatMap((u) => this.maps.mapDiagnostics(u));
    const files = await this.files.filesOf(folder);
    const { gatherCatalog, generatedAtOf } = engine();
    return gatherCatalog({
      root: folder.uri.fsPath,
      // git runs only in a trusted workspace: without it, the catalogue has no history.
      inGit: vscode.workspace.isTrusted,
      files,
      maps,
      diagnostics,
      generatedAt: generatedAtOf({}),
      entryPoints: async () => (await this.entryPoints.report(folder))[0]?.points ?? [],
      graph: async () => this.graph.ensure(folder),
      warn: (m) => this.log.warn(m),
    });
  }

  private reveal(folder: vscode.WorkspaceFolder): vscode.WebviewPanel {
    const title = vscode.l10n.t('Journey Catalogue: {0}', folder.name);
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal();
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(CATALOG_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      // The page loads nothing: its script and style are inline, under the CSP's nonce.
      localResourceRoots: [],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'cx-impact.svg');
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m), undefined, this.disposables);
    return panel;
  }
}
