import * as vscode from 'vscode';
import { addIndirectImpact } from '../core/graph/indirect-impact';
import type { FileReach } from '../core/graph/reach';
import { computeImpact, type CoverageSource, type ImpactReport } from '../core/impact';
import type { Coverage, CxMap, Journey } from '../core/types';
import type { WorkspaceMaps } from '../maps/workspace-maps';
import { compareBranch, type BranchChange } from './branch-change';
import { changeGroupNode, changesFromGit } from './changes-nodes';
import type { GitApi, GitExtension, GitRepository } from './git-api';
import { NodeTree, openFileCommand, type FileCommand } from './node-tree';
import type { FileTarget, ViewNode } from './view-node';

export const CHANGES_VIEW = 'cxImpact.changes';
const HAS_GIT = 'cxImpact.hasGit';
/** git writes the index and refs in bursts (a commit fires several state changes): one update per burst. */
const DEBOUNCE_MS = 250;

/** What the view needs from the dependency graph (src/indirect/workspace-graph.ts). */
export interface IndirectSource {
  onDidChange: vscode.Event<void>;
  /** Undefined while the graph is not built (a build starts). */
  reachOfPathsNow(root: vscode.Uri, paths: readonly string[]): FileReach<Coverage>[] | undefined;
}

/** The committed side of a repository's change, kept until HEAD, its upstream or the base setting moves. */
type CachedBranchChange = BranchChange & { key: string };

/**
 * The customer impact of the current change, per repository: "Working tree" (staged, unstaged and untracked
 * against HEAD, read from the git extension's state) and "Branch vs <base>" (HEAD against its merge-base with the
 * base). Uses the built-in git extension, never a git process of its own, and nothing at all while the workspace
 * is untrusted.
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
  private connecting: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(
    private readonly maps: WorkspaceMaps,
    private readonly log: vscode.LogOutputChannel,
    /** Indirect reach of the changed files no touchpoint covers (contract §5), once the graph is built. */
    private readonly indirect?: IndirectSource,
  ) {
    this.tree = new NodeTree(maps, () => Promise.resolve(this.nodes), this.fileCommand);
    this.view = vscode.window.createTreeView(CHANGES_VIEW, { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(
      this.tree,
      this.view,
      maps.onDidChange(() => this.schedule(false)),
      ...(indirect ? [indirect.onDidChange(() => this.schedule(false))] : []),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cxImpact.changes.base')) this.schedule(true);
      }),
    );
    if (vscode.workspace.isTrusted) {
      this.connecting = this.connect();
    } else {
      // The view stays empty, so VS Code shows its welcome content for !isWorkspaceTrusted (a message would hide it).
      this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(() => (this.connecting = this.connect())));
    }
  }

  /** The text shown above the view's items (or its welcome content), if any. */
  get message(): string | undefined {
    return this.view.message;
  }

  /** Re-reads everything, including the branch's committed changes. */
  refresh(): void {
    this.schedule(true);
  }

  /** Resolves once the view shows the latest state (no update pending or running). */
  async settled(): Promise<ViewNode[]> {
    await this.connecting;
    while (this.timer || this.queued > 0) {
      if (this.timer) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS));
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
    this.repositories.set(
      repository,
      repository.state.onDidChange(() => this.schedule(false)),
    );
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
    const perRepository: ViewNode[] = [];
    for (const repository of repositories) {
      const branch = await this.branchChange(repository, forceBranch);
      if (this.disposed) return;
      perRepository.push(this.repositoryNode(repository, branch));
    }
    if (perRepository.length === 1) this.nodes = perRepository[0]?.children ?? [];
    else this.nodes = perRepository;
    this.tree.refresh();
  }

  private repositoryNode(repository: GitRepository, branch: CachedBranchChange): ViewNode {
    const root = repository.rootUri.toString();
    const { state } = repository;
    const working = changesFromGit(repository.rootUri.path, [
      state.mergeChanges,
      state.indexChanges,
      state.workingTreeChanges,
      state.untrackedChanges ?? [],
    ]);
    const journeys = new Map<string, { map: CxMap; journey: Journey }>();
    const coverage: CoverageSource = {
      coverageOf: (path: string): Coverage[] => {
        const hits = this.maps.coverageOf(vscode.Uri.joinPath(repository.rootUri, ...path.split('/')));
        for (const hit of hits) journeys.set(`${hit.map.file}\u0000${hit.journey.id}`, { map: hit.map, journey: hit.journey });
        return hits;
      },
    };
    const resolveJourney = (mapFile: string, journeyId: string) => journeys.get(`${mapFile}\u0000${journeyId}`);

    const workingGroup = changeGroupNode({
      id: `${root}\u0000worktree`,
      label: 'Working tree',
      report: this.withIndirect(repository.rootUri, computeImpact({ base: 'HEAD', head: 'WORKTREE', coverage, changedFiles: working }), journeys),
      root,
      base: 'HEAD',
      head: 'worktree',
      emptyText: 'No uncommitted changes.',
      resolveJourney,
    });
    workingGroup.icon = 'edit';

    const branchGroup = changeGroupNode({
      id: `${root}\u0000branch`,
      label: branch.label,
      report: this.withIndirect(repository.rootUri, computeImpact({ base: branch.mergeBase ?? '', head: 'HEAD', coverage, changedFiles: branch.changes }), journeys),
      root,
      base: branch.mergeBase ?? 'HEAD',
      head: 'HEAD',
      emptyText: branch.note,
      resolveJourney,
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
    if (state.HEAD?.name) node.description = state.HEAD.name;
    return node;
  }

  /** The report with indirect reach when the graph is ready (a build starts otherwise, and the view updates after). */
  private withIndirect(root: vscode.Uri, report: ImpactReport, journeys: Map<string, { map: CxMap; journey: Journey }>): ImpactReport {
    if (!this.indirect) return report;
    const reaches = this.indirect.reachOfPathsNow(root, report.unmappedFiles);
    if (!reaches) return report;
    for (const r of reaches) for (const hit of r.hits) journeys.set(`${hit.target.value.map.file}\u0000${hit.target.value.journey.id}`, { map: hit.target.value.map, journey: hit.target.value.journey });
    return addIndirectImpact(report, reaches);
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
    const before = api.toGitUri(change.oldPath ? vscode.Uri.joinPath(root, ...change.oldPath.split('/')) : uri, change.base);
    const after = change.head === 'worktree' ? uri : api.toGitUri(uri, 'HEAD');
    switch (change.status) {
      case 'added':
      case 'untracked':
      case 'copied':
        return { command: 'vscode.open', title: 'Open File', arguments: [after] };
      case 'deleted':
        return { command: 'vscode.open', title: 'Open Deleted File', arguments: [before] };
      default: {
        const name = target.path.slice(target.path.lastIndexOf('/') + 1);
        const from = /^[0-9a-f]{40}$/.test(change.base) ? change.base.slice(0, 7) : change.base;
        const title = `${name} (${from} ↔ ${change.head === 'worktree' ? 'Working Tree' : 'HEAD'})`;
        return { command: 'vscode.diff', title: 'Open Change', arguments: [before, after, title] };
      }
    }
  };
}
