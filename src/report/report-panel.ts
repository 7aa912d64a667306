// The Impact Report panel: one webview that shows the customer impact of a comparison the user picks in it, and
// turns it into the same Markdown the CLI prints. Gathering runs git, so it happens in trusted workspaces only.
import type { CodeReader } from '../node/code-reader';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileReach } from '../core/graph/reach';
import type { Coverage } from '../core/types';
import type { ReportPage } from '../core/render/html';
import type * as ReportRender from './report-render';
import { parseMap } from '../core/map/parse';
import { GitError, WORKTREE, findRepoRoot, headFingerprint, listRefs, showFile } from '../node/git';
import { watchHead, type HeadWatch } from '../node/git-head-watch';
import { openMapAt } from '../workspace/open-map';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import type { GitExtension } from '../workspace/git-api';
import {
  ComparisonError,
  DEFAULT_COMPARISON,
  gatherReport,
  parseComparison,
  type Comparison,
  type GatheredReport,
} from './comparison';
import { Command } from '../workspace/command-ids';

let loaded: typeof ReportRender | undefined;

/** The renderers, loaded when a report is first drawn (dist/report-render.js beside the extension). */
function render(): typeof ReportRender {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('./report-render') as typeof ReportRender);
}

export const REPORT_VIEW_TYPE = 'cxImpact.report';

/** What the page script reported about the live page: the tests check that no map text became markup. */
export interface RenderedPage {
  key: string;
  /** True when the page found its saved state for this report (hidden and shown again, or reloaded). */
  restored: boolean;
  /** How many times a page has loaded in this panel: a hidden panel's page loads again when shown. */
  loads: number;
  headings: string[];
  files: string[];
  scripts: number;
  bodyScripts: number;
  images: number;
  handlers: number;
}

export interface ReportSnapshot {
  page: ReportPage;
  html: string;
  gathered?: GatheredReport;
  /** The page script's last report, once the page has loaded. */
  rendered?: RenderedPage;
}

interface Current {
  root?: string;
  /** HEAD and the refs when the report was gathered (headFingerprint). */
  fingerprint?: string;
  gathered?: GatheredReport;
  page: ReportPage;
  html: string;
  rendered?: RenderedPage;
}

/** Rows asked for in one message at most; the page asks page by page anyway. */
const MAX_ROWS_PER_MESSAGE = 5_000;

export class ImpactReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private comparison: Comparison = DEFAULT_COMPARISON;
  private folder: string | undefined;
  private current: Current | undefined;
  private running: Promise<void> = Promise.resolve();
  private sequence = 0;
  private mapsTimer: NodeJS.Timeout | undefined;
  private loads = 0;
  /** HEAD and the refs of the repository shown: a checkout or commit anywhere re-reads the report. */
  private head: { root: string; watch: HeadWatch | undefined } | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly maps: WorkspaceMaps,
    private readonly log: vscode.LogOutputChannel,
    /** Reads symbols for symbol-precise impact, as the CLI does. */
    private readonly code?: () => CodeReader | undefined,
    /** Indirect reach (contract §5) of a workspace folder's paths, from the editor's graph; the change pipeline asks. */
    private readonly reach?: (root: vscode.Uri, paths: readonly string[]) => Promise<FileReach<Coverage>[] | undefined>,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(Command.showImpactReport, async (arg?: unknown) => {
        if ((await this.chooseFolder(arg)) === 'cancelled') return;
        await this.show(parseComparison(arg));
      }),
      vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state),
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.panel) void this.update(this.comparison);
      }),
      // The working tree's report uses the editor's maps: an edit of a map changes it. Refs read maps from git.
      maps.onDidChange(() => {
        if (!this.panel || this.comparison.kind !== 'worktree') return;
        if (this.mapsTimer) clearTimeout(this.mapsTimer);
        this.mapsTimer = setTimeout(() => {
          this.mapsTimer = undefined;
          void this.refresh();
        }, 300);
      }),
      new vscode.Disposable(() => {
        if (this.mapsTimer) clearTimeout(this.mapsTimer);
      }),
    );
  }

  /**
   * With several folders that have maps, asks which one to report on (the active editor's folder first), unless the
   * argument names one (`folder`: its URI string, or a source control's `rootUri`).
   */
  private async chooseFolder(arg: unknown): Promise<'cancelled' | undefined> {
    const withMaps = this.maps
      .byFolder()
      .filter((f) => f.maps.length > 0)
      .map((f) => f.folder);
    if (withMaps.length < 2) return undefined;
    const given = typeof arg === 'object' && arg !== null ? (arg as { folder?: unknown; rootUri?: unknown }) : {};
    const named =
      typeof given.folder === 'string'
        ? withMaps.find((f) => f.uri.toString() === given.folder)
        : given.rootUri instanceof vscode.Uri
          ? vscode.workspace.getWorkspaceFolder(given.rootUri)
          : undefined;
    if (named) {
      this.folder = named.uri.toString();
      return undefined;
    }
    const active = vscode.window.activeTextEditor?.document.uri;
    const first = (active && vscode.workspace.getWorkspaceFolder(active)?.uri.toString()) ?? this.folder;
    const ordered = [...withMaps].sort(
      (a, b) => Number(b.uri.toString() === first) - Number(a.uri.toString() === first),
    );
    const items = ordered.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder }));
    this.offeredFolders = items.map((i) => i.label);
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Impact Report'),
      placeHolder: vscode.l10n.t('Which folder’s change should the report show?'),
    });
    if (!picked) return 'cancelled';
    this.folder = picked.folder.uri.toString();
    return undefined;
  }

  /** The folders the last "which folder" question offered, in order (for the tests). */
  offeredFolders: string[] = [];

  /** Opens (or reveals) the panel; with a comparison, shows that one, else the one shown last. */
  async show(comparison?: Comparison): Promise<void> {
    if (this.panel) this.panel.reveal(undefined);
    else
      this.adopt(
        vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Impact Report', vscode.ViewColumn.Active, this.options()),
      );
    await this.update(comparison ?? this.comparison);
  }

  /**
   * Takes over a panel VS Code restored after a reload, with the state its page saved (untrusted: a comparison that
   * does not parse falls back to the default).
   */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = (typeof state === 'object' && state !== null ? state : {}) as {
      comparison?: unknown;
      folder?: unknown;
    };
    if (typeof saved.folder === 'string') this.folder = saved.folder;
    if (this.panel && this.panel !== panel) this.panel.dispose();
    this.adopt(panel);
    return this.update(parseComparison(saved.comparison) ?? DEFAULT_COMPARISON);
  }

  /** Re-reads the comparison shown. */
  refresh(): Promise<void> {
    return this.update(this.comparison);
  }

  /** Resolves once no update is running; then the snapshot is the latest. */
  async settled(): Promise<ReportSnapshot | undefined> {
    let seen: Promise<void> | undefined;
    while (seen !== this.running) {
      seen = this.running;
      await seen;
    }
    return this.snapshot();
  }

  snapshot(): ReportSnapshot | undefined {
    if (!this.current) return undefined;
    const { page, html, gathered, rendered } = this.current;
    return { page, html, ...(gathered ? { gathered } : {}), ...(rendered ? { rendered } : {}) };
  }

  /** The report as the CLI prints it with `--format markdown`. */
  markdown(): string | undefined {
    const report = this.current?.gathered?.report;
    return report && render().renderImpactMarkdown(report);
  }

  json(): string | undefined {
    const report = this.current?.gathered?.report;
    return report && render().renderJson(report);
  }

  dispose(): void {
    this.panel?.dispose();
    this.disposePanel();
    this.unwatchHead();
    for (const d of this.disposables) d.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      // The page keeps its own state (getState/setState), so a hidden panel need not stay alive.
      retainContextWhenHidden: false,
      localResourceRoots: [
        vscode.Uri.joinPath(this.extensionUri, 'dist'),
        vscode.Uri.joinPath(this.extensionUri, 'media'),
      ],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.disposePanel();
    this.panel = panel;
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'cx-impact.svg');
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.disposePanel();
        }
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message)),
    );
  }

  private disposePanel(): void {
    for (const d of this.panelDisposables) d.dispose();
    this.panelDisposables = [];
    this.unwatchHead();
  }

  private watchHeadOf(root: string | undefined): void {
    if (this.head?.root === root) return;
    this.unwatchHead();
    if (root === undefined) return;
    this.head = {
      root,
      watch: watchHead(root, () => void this.followHead()),
    };
  }

  /** HEAD or a ref moved: the report is gathered again, unless it was gathered after the move already. */
  private async followHead(): Promise<void> {
    const root = this.current?.root;
    if (!this.panel || !root) return;
    const now = await headFingerprint(root).catch(() => undefined);
    if (now !== undefined && now === this.current?.fingerprint) return;
    if (this.panel) await this.refresh();
  }

  private unwatchHead(): void {
    this.head?.watch?.close();
    this.head = undefined;
  }

  private update(comparison: Comparison): Promise<void> {
    this.comparison = comparison;
    const sequence = ++this.sequence;
    void this.panel?.webview.postMessage({ type: 'status', text: 'Comparing…' });
    this.running = this.running
      .then(async () => {
        if (sequence !== this.sequence) return; // a newer comparison was asked for meanwhile
        const { page, root, gathered, fingerprint } = await this.gather(comparison);
        if (sequence !== this.sequence || !this.panel) return;
        this.watchHeadOf(root);
        const html = render().renderReportHtml(page, this.shell(this.panel.webview));
        this.current = {
          page,
          html,
          ...(root ? { root } : {}),
          ...(gathered ? { gathered } : {}),
          ...(fingerprint !== undefined ? { fingerprint } : {}),
        };
        this.panel.webview.html = html;
      })
      .catch((err: unknown) => this.log.error(`Impact Report: ${String(err)}`));
    return this.running;
  }

  private async gather(
    comparison: Comparison,
  ): Promise<{ page: ReportPage; root?: string; gathered?: GatheredReport; fingerprint?: string }> {
    const form: ReportPage['comparison'] = { ...comparison };
    const message = (
      text: string,
      action?: ReportPage['messageAction'],
      refs: ReportPage['refs'] = [],
    ): { page: ReportPage } => ({
      page: {
        comparison: form,
        refs,
        message: text,
        ...(action ? { messageAction: action } : {}),
        ...(this.folder ? { folder: this.folder } : {}),
      },
    });
    if (!vscode.workspace.isTrusted) {
      return message(
        'This workspace is not trusted, so CX Impact runs no git process and cannot compare changes. Trust the workspace to see the report.',
        {
          action: 'trust',
          label: vscode.l10n.t('Manage Workspace Trust'),
        },
      );
    }
    const folder = this.pickFolder();
    if (!folder) return message('Open a folder with a git repository to see the impact of its changes.');
    this.folder = folder.uri.toString();
    if (folder.uri.scheme !== 'file')
      return message('Change impact needs git on a local disk; this folder is not on one.');
    const root = await findRepoRoot(folder.uri.fsPath);
    if (!root) return message(`${folder.name} is not in a git repository: change impact needs git.`);

    // The editor's maps (last good versions) when the folder is the repository; otherwise read as the CLI reads them.
    const inUse = this.maps.byFolder().find((f) => f.folder.uri.toString() === folder.uri.toString());
    const worktreeMaps = inUse && path.resolve(folder.uri.fsPath) === path.resolve(root) ? inUse.maps : undefined;
    const baseSetting = vscode.workspace.getConfiguration('cxImpact', folder.uri).get<string>('changes.base', '');
    // Read before the report: a ref that moves while it is gathered makes the next look differ, so it is read again.
    const fingerprint = await headFingerprint(root).catch(() => undefined);
    try {
      const reader = this.code?.();
      const reachOf = this.reach;
      const reach =
        reachOf && path.resolve(folder.uri.fsPath) === path.resolve(root)
          ? (paths: readonly string[]) => reachOf(folder.uri, paths)
          : undefined;
      const gathered = await gatherReport({
        root,
        comparison,
        baseSetting,
        ...(worktreeMaps ? { worktreeMaps } : {}),
        ...(reader ? { reader } : {}),
        ...(reach ? { reach } : {}),
      });
      const page: ReportPage = {
        comparison: form,
        refs: gathered.refs,
        label: gathered.label,
        report: gathered.report,
        folder: this.folder,
      };
      return { page, root, gathered, ...(fingerprint !== undefined ? { fingerprint } : {}) };
    } catch (err) {
      if (!(err instanceof GitError || err instanceof ComparisonError)) throw err;
      const refs = await listRefs(root).catch(() => []);
      return {
        ...message(err.message, { action: 'refresh', label: vscode.l10n.t('Try Again') }, refs),
        root,
        ...(fingerprint !== undefined ? { fingerprint } : {}),
      };
    }
  }

  private pickFolder(): vscode.WorkspaceFolder | undefined {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const remembered = folders.find((f) => f.uri.toString() === this.folder);
    if (remembered) return remembered;
    const active = vscode.window.activeTextEditor?.document.uri;
    const ofActive = active && vscode.workspace.getWorkspaceFolder(active);
    if (ofActive) return ofActive;
    return this.maps.byFolder().find((f) => f.maps.length > 0)?.folder ?? folders[0];
  }

  private shell(webview: vscode.Webview): { nonce: string; cspSource: string; scriptUri: string; styleUri: string } {
    return {
      nonce: randomBytes(18).toString('base64url'),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'report.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'report.css')).toString(),
    };
  }

  /**
   * A message from the page. Untrusted input: only known shapes, indexes checked against the report. Public so the
   * integration tests can post what the page posts.
   */
  async handleMessage(raw: unknown): Promise<void> {
    if (typeof raw !== 'object' || raw === null) return;
    const message = raw as Record<string, unknown>;
    const current = this.current;
    const report = current?.gathered?.report;
    try {
      switch (message.type) {
        case 'compare': {
          const comparison = parseComparison(message.comparison);
          if (comparison) await this.update(comparison);
          else
            void this.post({
              type: 'status',
              text: 'That is not a comparison: a ref may not be empty, start with "-" or contain spaces.',
            });
          return;
        }
        case 'refresh':
          await this.refresh();
          return;
        case 'trust':
          await vscode.commands.executeCommand('workbench.trust.manage');
          return;
        case 'rendered':
          this.loads++;
          if (current) current.rendered = renderedPage(message, this.loads);
          return;
        case 'more': {
          if (!report || typeof message.list !== 'string' || !render().listIds(report).includes(message.list)) return;
          const offset = integer(message.offset, 0, Number.MAX_SAFE_INTEGER);
          const count = integer(message.count, 0, MAX_ROWS_PER_MESSAGE);
          if (offset === undefined || count === undefined) return;
          void this.post({
            type: 'rows',
            list: message.list,
            html: render().renderRows(report, message.list, offset, count),
          });
          return;
        }
        case 'open-file': {
          const index = integer(message.file, 0, (report?.changedFiles.length ?? 0) - 1);
          const file = index === undefined ? undefined : report?.changedFiles[index];
          // A symbol's button also names its first line (1-based) and the side of the change it is on.
          const line = integer(message.line, 1, Number.MAX_SAFE_INTEGER);
          const side = message.side === 'old' ? 'old' : 'new';
          if (file !== undefined && current?.root)
            await this.openFile(current.root, file, line === undefined ? undefined : { line, side });
          return;
        }
        case 'open-path': {
          // A file of a chain of indirect reach: opened as it is on disk (the graph is the working tree's).
          const files = report ? render().reportChainFiles(report) : [];
          const index = integer(message.path, 0, files.length - 1);
          const file = index === undefined ? undefined : files[index];
          if (file !== undefined && current?.root)
            await vscode.window.showTextDocument(vscode.Uri.file(path.join(current.root, ...file.split('/'))), {
              preview: true,
            });
          return;
        }
        case 'open-map': {
          const maps = report ? render().reportMaps(report) : [];
          const index = integer(message.map, 0, maps.length - 1);
          const map = index === undefined ? undefined : maps[index];
          if (map === undefined || !current?.root || !report) return;
          const journey = integer(message.journey, 0, report.journeys.length - 1);
          const ofJourney = journey === undefined ? undefined : report.journeys[journey];
          const line =
            ofJourney && ofJourney.map === map
              ? await journeyLine(current.root, report.head, map, ofJourney.id)
              : (integer(message.line, 0, 10_000_000) ?? 0);
          const uri = vscode.Uri.file(path.join(current.root, ...map.split('/')));
          // A map edited by the change is opened as the head has it: the line numbers are the head's.
          const target = report.head === WORKTREE ? uri : ((await this.gitApi())?.toGitUri(uri, report.head) ?? uri);
          await openMapAt(target, line);
          return;
        }
        case 'copy': {
          const markdown = this.markdown();
          if (markdown === undefined) return;
          await vscode.env.clipboard.writeText(markdown);
          void this.post({ type: 'status', text: 'Copied the report as Markdown.' });
          return;
        }
        case 'save-markdown':
        case 'save-json':
          await this.save(message.type === 'save-json' ? 'json' : 'markdown');
          return;
        default:
          return;
      }
    } catch (err) {
      this.log.error(`Impact Report: ${String(err)}`);
      void vscode.window.showErrorMessage(
        vscode.l10n.t('CX Impact: {0}', err instanceof Error ? err.message : String(err)),
      );
    }
  }

  private post(message: unknown): Thenable<boolean> | undefined {
    return this.panel?.webview.postMessage(message);
  }

  private async save(format: 'markdown' | 'json'): Promise<void> {
    const content = format === 'json' ? this.json() : this.markdown();
    const root = this.current?.root;
    if (content === undefined || !root) return;
    const extension = format === 'json' ? 'json' : 'md';
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.file(path.join(root, `cx-impact-report.${extension}`)),
      filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
      title: format === 'json' ? 'Save the Impact Report as JSON' : 'Save the Impact Report as Markdown',
    });
    if (!target) return;
    await this.saveTo(format, target);
  }

  /**
   * Writes the report to `target` (what the save dialog returned). A file open in an editor is never overwritten
   * behind it: with unsaved edits it is refused with a message; otherwise its text is replaced by one undoable edit
   * and saved. Resolves to true when written.
   */
  async saveTo(format: 'markdown' | 'json', target: vscode.Uri): Promise<boolean> {
    const content = format === 'json' ? this.json() : this.markdown();
    if (content === undefined) return false;
    const name = vscode.workspace.asRelativePath(target);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    if (open?.isDirty) {
      const text = `${name} has unsaved changes in an editor: save or close it first, or pick another file. The report was not saved.`;
      void vscode.window.showWarningMessage(vscode.l10n.t('CX Impact: {0}', text));
      void this.post({ type: 'status', text });
      return false;
    }
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(0, 0, open.lineCount, 0), content);
      if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) {
        void vscode.window.showWarningMessage(vscode.l10n.t('CX Impact: could not save the report to {0}.', name));
        return false;
      }
    } else {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    }
    void this.post({ type: 'status', text: `Saved ${name}.` });
    return true;
  }

  private async gitApi(): Promise<{ toGitUri(uri: vscode.Uri, ref: string): vscode.Uri } | undefined> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    try {
      const git = extension.isActive ? extension.exports : await extension.activate();
      return git.enabled ? git.getAPI(1) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The change of one file between the compared refs: a diff, or the one side that exists. */
  private async openFile(root: string, file: string, at?: { line: number; side: 'old' | 'new' }): Promise<void> {
    await this.openChange(root, file);
    if (at) revealLine(at.line, at.side);
  }

  private async openChange(root: string, file: string): Promise<void> {
    const report = this.current?.gathered?.report;
    if (!report) return;
    const change = report.changes.find((c) => c.path === file || c.oldPath === file) ?? {
      path: file,
      status: 'modified' as const,
    };
    const uriOf = (p: string): vscode.Uri => vscode.Uri.file(path.join(root, ...p.split('/')));
    const git = await this.gitApi();
    const after =
      report.head === WORKTREE
        ? uriOf(change.path)
        : git
          ? git.toGitUri(uriOf(change.path), report.head)
          : uriOf(change.path);
    if (!git) {
      await vscode.commands.executeCommand('vscode.open', uriOf(change.path));
      return;
    }
    const before = git.toGitUri(uriOf(change.oldPath ?? change.path), report.base);
    switch (change.status) {
      case 'added':
      case 'untracked':
      case 'copied':
        await vscode.commands.executeCommand('vscode.open', after);
        return;
      case 'deleted':
        await vscode.commands.executeCommand('vscode.open', before);
        return;
      default: {
        const name = change.path.slice(change.path.lastIndexOf('/') + 1);
        const head = report.head === WORKTREE ? 'Working Tree' : report.head.slice(0, 7);
        await vscode.commands.executeCommand(
          'vscode.diff',
          before,
          after,
          `${name} (${report.base.slice(0, 7)} ↔ ${head})`,
        );
      }
    }
  }
}

/** The one-based line of a journey's id in the map as the report's head has it; 0 (the top) when not found. */
async function journeyLine(root: string, head: string, map: string, journeyId: string): Promise<number> {
  try {
    const text =
      head === WORKTREE ? await readFile(path.join(root, ...map.split('/')), 'utf8') : await showFile(root, head, map);
    const journey = text === undefined ? undefined : parseMap(text, map).map?.journeys.find((j) => j.id === journeyId);
    return journey ? journey.idRange.start.line + 1 : 0;
  } catch {
    return 0;
  }
}

/** Puts the cursor on a 1-based line of the editor the diff or file opened in (the diff's old side for `old`). */
function revealLine(line: number, side: 'old' | 'new'): void {
  const editors = vscode.window.visibleTextEditors;
  const active = vscode.window.activeTextEditor;
  // In a diff the active editor is the new side; the old side is the other visible editor of the diff.
  const editor =
    side === 'old' ? (editors.find((e) => e !== active && e.document.uri.scheme === 'git') ?? active) : active;
  if (!editor) return;
  const position = new vscode.Position(Math.min(line - 1, Math.max(0, editor.document.lineCount - 1)), 0);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function integer(value: unknown, min: number, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

function renderedPage(message: Record<string, unknown>, loads: number): RenderedPage {
  const strings = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : -1);
  return {
    key: typeof message.key === 'string' ? message.key : '',
    restored: message.restored === true,
    loads,
    headings: strings(message.headings),
    files: strings(message.files),
    scripts: count(message.scripts),
    bodyScripts: count(message.bodyScripts),
    images: count(message.images),
    handlers: count(message.handlers),
  };
}
