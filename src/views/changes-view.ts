import * as vscode from 'vscode';
import type { FileReach } from '../core/graph/reach';
import type { CoverageSource, ImpactReport } from '../core/impact/impact';
import type { Coverage, CxMap, Journey } from '../core/types';
import { analyzeChange } from '../node/change-pipeline';
import type { CodeReader } from '../node/code-reader';
import { WORKTREE, type ChangeSet } from '../node/git';
import type { WorkspaceMaps } from '../workspace/workspace-maps';
import { watchHead } from '../node/git-head-watch';
import { isMapFile } from '../node/maps';
import { compareBranch, type BranchChange } from './branch-change';
import { changeGroupNode, changesFromGit } from './changes-nodes';
import type { GitApi, GitExtension, GitRepository } from '../workspace/git-api';
import { NodeTree, openFileCommand, type FileCommand } from './node-tree';
import type { FileTarget, ViewNode } from './view-node';

export const CHANGES_VIEW = 'cxImpact.changes';
const HAS_GIT = 'cxImpact.hasGit';
/** git writes the index and refs in bursts (a commit fires several state changes): one update per burst. */
const DEBOUNCE_MS = 250;
/** How long the git extension gets to re-read a repository after one of its files changed, before we ask it to. */
const UNANSWERED_MS = 1_500;
/** How long after the window opens cxImpact.changes.revealOnOpen may still show the view. */
const REVEAL_WITHIN_MS = 60_000;

/** What the view needs from the dependency graph (src/workspace/workspace-graph.ts). */
export interface IndirectSource {
  onDidChange: vscode.Event<void>;
  /** Waits for the graph to be built; undefined when the root is not a workspace folder (no graph). */
  reachOfPaths(root: vscode.Uri, paths: readonly string[]): Promise<FileReach<Coverage>[] | undefined>;
}

/** The committed side of a repository's change, kept until HEAD, its upstream or the base setting moves. */
type CachedBranchChange = BranchChange & { key: string; journeys?: number };

/**
 * The customer impact of the current change, per repository: "Working tree" (staged, unstaged and untracked
 * against HEAD, read from the git extension's state) and "Branch vs <base>" (HEAD against its merge-base with the
 * base). Uses the built-in git extension for the changes, and nothing at all while the workspace is untrusted. HEAD
 * and the refs are watched on disk too: a checkout or commit made in a terminal makes the git extension re-read its
 * state at once, rather than whenever it notices (it sometimes did not, for seconds or at all). The changed
 * declarations (symbol precision, contract §3) come from `git diff -U0` and `git cat-file` run by the engine
 * (src/node/change-symbols.ts) after the first paint.
 */
export class ChangesView implements vscode.Disposable {
  private readonly tree: NodeTree;
  private readonly view: vscode.TreeView<ViewNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly repositories = new Map<GitRepository, vscode.Disposable>();
  private readonly branches = new Map<GitRepository, CachedBranchChange>();
  private api: GitApi | undefined;
  private nodes: ViewNode[] = [];
  private timer: NodeJS.Timeout | undefined;
  private forceBranch = false;
  private running: Promise<void> = Promise.resolve();
  private queued = 0;
  /** Per tracked repository: a file of it changed and the git extension has not re-read it since. */
  private readonly unanswered = new Map<vscode.Disposable, NodeJS.Timeout>();
  /** Re-reads asked of the git extension and not yet answered. */
  private pending = 0;
  private connecting: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Whether the view was considered for revealing at start (it is, once, when the branch first touches journeys). */
  private revealed = false;
  private readonly created = Date.now();

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly log: vscode.LogOutputChannel,
    /** Reads symbols for symbol-precise impact (contract §3); without one, touchpoints that name symbols count whole files. */
    private readonly code?: () => CodeReader | undefined,
    /** Indirect reach of the changed files no touchpoint covers (contract §5), once the graph is built. */
    private readonly indirect?: IndirectSource,
  ) {
    this.tree = new NodeTree(CHANGES_VIEW, maps, () => Promise.resolve(this.nodes), this.fileCommand);
    this.view = this.tree.view;
    this.disposables.push(
      this.tree,
      maps.onDidChange(() => this.schedule(false)),
      ...(indirect ? [indirect.onDidChange(() => this.schedule(false))] : []),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cxImpact.changes.base')) this.schedule(true);
      }),
      // Back from a terminal or another tool: whatever it did to the repository shows now.
      vscode.window.onDidChangeWindowState((state) => {
        if (state.focused) for (const repository of this.repositories.keys()) this.reread(repository);
      }),
    );
    // The git extension drops a file event that arrives while it runs git: a file written then stays out of the
    // view until something else happens. If it has not re-read a repository soon after a file of it changed, it is
    // asked to (one glob over the workspace: VS Code's own recursive watcher serves it).
    const files = vscode.workspace.createFileSystemWatcher('**/*');
    const changed = (uri: vscode.Uri): void => this.fileChanged(uri);
    this.disposables.push(files, files.onDidCreate(changed), files.onDidChange(changed), files.onDidDelete(changed));
    if (vscode.workspace.isTrusted) {
      this.connecting = this.connect();
    } else {
      // The view stays empty, so VS Code shows its welcome content for !isWorkspaceTrusted (a message would hide it).
      this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => (this.connecting = this.connect())));
    }
  }

  /** What VS Code reads the view's items from (the integration tests record every answer it gives). */
  get provider(): vscode.TreeDataProvider<ViewNode> {
    return this.tree;
  }

  /** Whether VS Code shows the view. */
  get visible(): boolean {
    return this.view.visible;
  }

  /** The text shown above the view's items (or its welcome content), if any. */
  get message(): string | undefined {
    return this.view.message;
  }

  /** What the view's title says next to it: the branch of a single repository. */
  get description(): string | undefined {
    return this.view.description;
  }

  /** Re-reads everything, including the branch's committed changes. */
  refresh(): void {
    this.schedule(true);
  }

  /** Resolves once the view shows the latest state (no update pending or running). */
  async settled(): Promise<ViewNode[]> {
    await this.connecting;
    while (this.timer || this.queued > 0 || this.pending > 0) {
      if (this.timer || this.pending > 0) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
      await this.running;
    }
    return this.nodes;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const d of this.repositories.values()) d.dispose();
    this.repositories.clear();
    for (const d of this.disposables) d.dispose();
  }

  private async connect(): Promise<void> {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) {
      await this.setHasGit(false);
      return;
    }
    let git: GitExtension;
    try {
      git = extension.isActive ? extension.exports : await extension.activate();
    } catch (err) {
      this.log.warn(`The git extension did not start: ${String(err)}`);
      await this.setHasGit(false);
      return;
    }
    if (this.disposed) return;
    if (!git.enabled) {
      await this.setHasGit(false);
      this.disposables.push(
        git.onDidChangeEnablement((enabled) => {
          if (enabled && !this.api) this.connecting = this.connect();
        }),
      );
      return;
    }
    const api = git.getAPI(1);
    this.api = api;
    this.disposables.push(
      api.onDidOpenRepository((repository) => this.track(repository)),
      api.onDidCloseRepository((repository) => this.untrack(repository)),
    );
    if (api.state === 'uninitialized') {
      // Repositories are still being discovered: saying "no git" now would flash the wrong welcome text.
      await new Promise<void>((resolve) => {
        const once = api.onDidChangeState(() => {
          once.dispose();
          resolve();
        });
        this.disposables.push(once);
        if (this.disposed || api.state !== 'uninitialized') resolve();
      });
    }
    for (const repository of api.repositories) this.track(repository);
    await this.setHasGit(this.repositories.size > 0);
    this.schedule(true);
  }

  /** The git API hands out a new wrapper object for the same repository on every event and list: match by root. */
  private tracked(repository: GitRepository): GitRepository | undefined {
    const root = repository.rootUri.toString();
    return [...this.repositories.keys()].find((known) => known.rootUri.toString() === root);
  }

  private track(repository: GitRepository): void {
    if (this.tracked(repository)) return;
    const head =
      repository.rootUri.scheme === 'file'
        ? watchHead(repository.rootUri.fsPath, () => this.reread(repository))
        : undefined;
    const tracked: vscode.Disposable = new vscode.Disposable(() => {
      stateChanged.dispose();
      head?.close();
      this.answered(tracked);
    });
    const stateChanged = repository.state.onDidChange(() => {
      this.answered(tracked);
      this.schedule(false);
    });
    this.repositories.set(repository, tracked);
    void this.setHasGit(true);
    this.schedule(false);
  }

  private untrack(closed: GitRepository): void {
    const repository = this.tracked(closed);
    if (!repository) return;
    this.repositories.get(repository)?.dispose();
    this.repositories.delete(repository);
    this.branches.delete(repository);
    void this.setHasGit(this.repositories.size > 0);
    this.schedule(false);
  }

  private fileChanged(uri: vscode.Uri): void {
    if (this.disposed || uri.scheme !== 'file') return;
    for (const [repository, tracked] of this.repositories) {
      const root = repository.rootUri.path.endsWith('/') ? repository.rootUri.path : `${repository.rootUri.path}/`;
      if (!uri.path.startsWith(root) || uri.path.startsWith(`${root}.git/`)) continue;
      if (!this.unanswered.has(tracked)) {
        this.unanswered.set(
          tracked,
          setTimeout(() => {
            this.unanswered.delete(tracked);
            this.reread(repository);
          }, UNANSWERED_MS),
        );
      }
    }
  }

  /** The git extension re-read the repository: a file change before this needs no re-read of ours. */
  private answered(tracked: vscode.Disposable): void {
    const timer = this.unanswered.get(tracked);
    if (timer) clearTimeout(timer);
    this.unanswered.delete(tracked);
  }

  /** HEAD or a ref moved outside the git extension: it re-reads its state, then the view re-reads the branch. */
  private reread(repository: GitRepository): void {
    if (this.disposed) return;
    this.pending++;
    void Promise.resolve()
      .then(() => repository.status())
      .catch((err: unknown) =>
        this.log.warn(`The git extension could not re-read ${repository.rootUri.fsPath}: ${String(err)}`),
      )
      .finally(() => {
        this.pending--;
        this.schedule(true);
      });
  }

  private async setHasGit(value: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', HAS_GIT, value);
  }

  private schedule(forceBranch: boolean): void {
    if (this.disposed) return;
    this.forceBranch ||= forceBranch;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const force = this.forceBranch;
      this.forceBranch = false;
      this.queued++;
      this.running = this.running
        .then(() => this.update(force))
        .catch((err: unknown) => this.log.error(`Could not compute the change's impact: ${String(err)}`))
        .finally(() => {
          this.queued--;
        });
    }, DEBOUNCE_MS);
  }

  private async update(forceBranch: boolean): Promise<void> {
    // One node per repository root, whatever wrappers the git API handed out.
    const byRoot = new Map([...this.repositories.keys()].map((r) => [r.rootUri.toString(), r] as const));
    const repositories = [...byRoot.values()].sort((a, b) => (a.rootUri.path < b.rootUri.path ? -1 : 1));
    // The view shows only whole answers (src/node/change-pipeline.ts): the last one stays, with a progress bar,
    // until the next is complete, so no touchpoint shows that the symbols or the graph then take away.
    await vscode.window.withProgress({ location: { viewId: CHANGES_VIEW } }, async () => {
      const reader = vscode.workspace.isTrusted ? this.code?.() : undefined;
      const perRepository: ViewNode[] = [];
      for (const repository of repositories) {
        const branch = await this.branchChange(repository, forceBranch);
        if (this.disposed) return;
        perRepository.push(await this.repositoryNode(repository, branch, reader));
        if (this.disposed || this.queued > 1) return; // a newer update is waiting: it shows its own answer
      }
      this.revealOnce(repositories.some((r) => (this.branches.get(r)?.journeys ?? 0) > 0));
      this.show(perRepository, repositories);
    });
  }

  private show(perRepository: ViewNode[], repositories: readonly GitRepository[]): void {
    if (perRepository.length === 1) this.nodes = perRepository[0]?.children ?? [];
    else this.nodes = perRepository;
    // One repository has no node of its own to name its branch: the view's title does.
    this.view.description = repositories.length === 1 && repositories[0] ? headName(repositories[0]) : undefined;
    this.tree.refresh();
  }

  /**
   * With cxImpact.changes.revealOnOpen, the first look that finds journeys on the branch shows the view, if it comes
   * while the window opens (the maps and git take a moment); later it never jumps at the user.
   */
  private revealOnce(touchesJourneys: boolean): void {
    if (this.revealed || !touchesJourneys || Date.now() - this.created > REVEAL_WITHIN_MS) return;
    this.revealed = true;
    if (!vscode.workspace.getConfiguration('cxImpact').get<boolean>('changes.revealOnOpen', false)) return;
    // Showing the view moves the keyboard focus there; the editor the user was in gets it back.
    const editor = vscode.window.activeTextEditor;
    void Promise.resolve(vscode.commands.executeCommand(`${CHANGES_VIEW}.focus`)).then(() =>
      editor
        ? vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false })
        : undefined,
    );
  }

  /** The change's answer from the one pipeline (src/node/change-pipeline.ts), for one group of a repository. */
  private async answer(
    repository: GitRepository,
    change: ChangeSet,
    reader: CodeReader | undefined,
    journeys: Map<string, { map: CxMap; journey: Journey }>,
  ): Promise<ImpactReport> {
    const rootUri = repository.rootUri;
    const coverage: CoverageSource = {
      coverageOf: (path: string): Coverage[] => {
        const hits = this.maps.coverageOf(vscode.Uri.joinPath(rootUri, ...path.split('/')));
        for (const hit of hits)
          journeys.set(`${hit.map.file}\u0000${hit.journey.id}`, { map: hit.map, journey: hit.journey });
        return hits;
      },
    };
    const indirect = this.indirect;
    const answer = await analyzeChange(
      { kind: 'change', change },
      {
        root: rootUri.fsPath,
        maps: () => ({ coverage, isMap: isMapFile }),
        ...(reader ? { reader } : {}),
        // The graph of the working tree, built on first use (the progress bar shows while it builds).
        ...(indirect ? { reach: (paths: readonly string[]) => indirect.reachOfPaths(rootUri, paths) } : {}),
      },
      { symbols: 'all', failures: 'warn' },
    );
    for (const warning of answer.warnings) this.log.warn(warning);
    for (const r of answer.reaches ?? []) {
      for (const hit of r.hits)
        journeys.set(`${hit.target.value.map.file}\u0000${hit.target.value.journey.id}`, {
          map: hit.target.value.map,
          journey: hit.target.value.journey,
        });
    }
    return answer.report;
  }

  private async repositoryNode(
    repository: GitRepository,
    branch: CachedBranchChange,
    reader: CodeReader | undefined,
  ): Promise<ViewNode> {
    const root = repository.rootUri.toString();
    const { state } = repository;
    const workingChanges = changesFromGit(repository.rootUri.path, [
      state.mergeChanges,
      state.indexChanges,
      state.workingTreeChanges,
      state.untrackedChanges ?? [],
    ]);
    /** The journeys the reports name, by map file and id: the coverage and the reach found fill it in. */
    const journeys = new Map<string, { map: CxMap; journey: Journey }>();
    const resolveJourney = (mapFile: string, journeyId: string) => journeys.get(`${mapFile}\u0000${journeyId}`);
    const working = await this.answer(
      repository,
      { base: 'HEAD', head: WORKTREE, files: workingChanges },
      reader,
      journeys,
    );
    // Without a base there is no commit to read symbols at (and no change).
    const branchReport = await this.answer(
      repository,
      { base: branch.mergeBase ?? '', head: 'HEAD', files: branch.changes },
      branch.mergeBase === undefined ? undefined : reader,
      journeys,
    );

    const workingGroup = changeGroupNode({
      id: `${root}\u0000worktree`,
      label: vscode.l10n.t('Working tree'),
      report: working,
      root,
      base: 'HEAD',
      head: 'worktree',
      emptyText: 'No uncommitted changes.',
      resolveJourney,
      isMap: isMapFile,
    });
    workingGroup.icon = 'edit';

    branch.journeys = branchReport.journeys.filter((j) => j.reach !== 'indirect').length;
    const branchGroup = changeGroupNode({
      id: `${root}\u0000branch`,
      label: branch.label,
      report: branchReport,
      root,
      base: branch.mergeBase ?? 'HEAD',
      head: 'HEAD',
      emptyText: branch.note,
      resolveJourney,
      isMap: isMapFile,
    });
    branchGroup.icon = 'git-branch';
    // Without a base there is nothing to count.
    if (branch.mergeBase === undefined) branchGroup.description = undefined;

    const name = repository.rootUri.path.slice(repository.rootUri.path.lastIndexOf('/') + 1);
    const node: ViewNode = {
      id: root,
      kind: 'repository',
      label: name,
      expanded: true,
      children: [workingGroup, branchGroup],
    };
    const head = headName(repository);
    if (head) node.description = head;
    return node;
  }

  private async branchChange(repository: GitRepository, force: boolean): Promise<CachedBranchChange> {
    const head = repository.state.HEAD;
    const setting = vscode.workspace.getConfiguration('cxImpact', repository.rootUri).get<string>('changes.base', '');
    const upstream = head?.upstream;
    const key = [head?.commit ?? '', setting, upstream ? `${upstream.remote}/${upstream.name}` : ''].join('\u0000');
    const cached = this.branches.get(repository);
    if (cached && cached.key === key && !force) return cached;

    const compared = await compareBranch(
      {
        rootPath: repository.rootUri.path,
        headCommit: head?.commit,
        upstream,
        getMergeBase: (ref1, ref2) => repository.getMergeBase(ref1, ref2),
        diffBetween: (ref1, ref2) => repository.diffBetween(ref1, ref2),
      },
      setting,
      (message) => this.log.warn(message),
    );
    const result = { ...compared, key };
    this.branches.set(repository, result);
    return result;
  }

  /** A click on a changed file opens its change: a diff, or the one side that exists. */
  private readonly fileCommand: FileCommand = (target: FileTarget, uri: vscode.Uri) => {
    const change = target.change;
    const api = this.api;
    if (!change || !api) return openFileCommand(target, uri);
    const root = vscode.Uri.parse(target.root);
    const before = api.toGitUri(
      change.oldPath ? vscode.Uri.joinPath(root, ...change.oldPath.split('/')) : uri,
      change.base,
    );
    const after = change.head === 'worktree' ? uri : api.toGitUri(uri, 'HEAD');
    // A changed declaration opens the change at its first line (the old side's file for a declaration that went).
    const at = target.at ? { selection: new vscode.Range(target.at.line - 1, 0, target.at.line - 1, 0) } : undefined;
    const options = at ? [at] : [];
    switch (change.status) {
      case 'added':
      case 'untracked':
      case 'copied':
        return { command: 'vscode.open', title: vscode.l10n.t('Open File'), arguments: [after, ...options] };
      case 'deleted':
        return { command: 'vscode.open', title: vscode.l10n.t('Open Deleted File'), arguments: [before, ...options] };
      default: {
        if (target.at?.side === 'old')
          return {
            command: 'vscode.open',
            title: vscode.l10n.t('Open Before the Change'),
            arguments: [before, ...options],
          };
        const name = target.path.slice(target.path.lastIndexOf('/') + 1);
        const from = /^[0-9a-f]{40}$/.test(change.base) ? change.base.slice(0, 7) : change.base;
        const title = `${name} (${from} ↔ ${change.head === 'worktree' ? 'Working Tree' : 'HEAD'})`;
        return {
          command: 'vscode.diff',
          title: vscode.l10n.t('Open Change'),
          arguments: [before, after, title, ...options],
        };
      }
    }
  };
}

/** The branch HEAD is on, or its short commit when detached. */
function headName(repository: GitRepository): string | undefined {
  const head = repository.state.HEAD;
  return head?.name ?? head?.commit?.slice(0, 8);
}
