// The Changes view without vscode: git's changes turned into ChangedFiles, the base ref to compare against,
// and an ImpactReport (from the one impact engine) turned into journey › touchpoint › file nodes.
import * as l10n from '@vscode/l10n';
import { symbolWhere } from '../core/impact/symbol-impact';
import type { ChangeEntry, ImpactReport } from '../core/impact/impact';
import { indirectHitNodes } from './indirect-nodes';
import type { ChangeStatus, ChangedFile, CxMap, Journey } from '../core/types';
import { plural, tierText } from '../workspace/coverage-text';
import { splitPath, type FileTarget, type ViewNode } from './view-node';

/** The built-in git extension's `Status` values (extensions/git/src/api/git.d.ts), stable since VS Code 1.74. */
export const GIT_STATUS = {
  INDEX_MODIFIED: 0,
  INDEX_ADDED: 1,
  INDEX_DELETED: 2,
  INDEX_RENAMED: 3,
  INDEX_COPIED: 4,
  MODIFIED: 5,
  DELETED: 6,
  UNTRACKED: 7,
  IGNORED: 8,
  INTENT_TO_ADD: 9,
  INTENT_TO_RENAME: 10,
  TYPE_CHANGED: 11,
  BOTH_DELETED: 17,
} as const;

/** The part of a git extension `Change` this module reads: URIs reduced to their paths. */
export interface GitChangeLike {
  uri: { path: string };
  originalUri: { path: string };
  renameUri?: { path: string } | undefined;
  status: number;
}

/** How the change reads in the impact engine's words; undefined for ignored files. */
export function changeStatusOf(status: number): ChangeStatus | undefined {
  switch (status) {
    case GIT_STATUS.INDEX_ADDED:
    case GIT_STATUS.INTENT_TO_ADD:
      return 'added';
    case GIT_STATUS.INDEX_DELETED:
    case GIT_STATUS.DELETED:
    case GIT_STATUS.BOTH_DELETED:
      return 'deleted';
    case GIT_STATUS.INDEX_RENAMED:
    case GIT_STATUS.INTENT_TO_RENAME:
      return 'renamed';
    case GIT_STATUS.INDEX_COPIED:
      return 'copied';
    case GIT_STATUS.UNTRACKED:
      return 'untracked';
    case GIT_STATUS.TYPE_CHANGED:
      return 'type-changed';
    case GIT_STATUS.IGNORED:
      return undefined;
    default:
      // Modified, and the merge-conflict states: the file is there and differs from HEAD.
      return 'modified';
  }
}

function relativeTo(rootPath: string, path: string): string | undefined {
  const base = rootPath.endsWith('/') ? rootPath : `${rootPath}/`;
  return path.startsWith(base) ? path.slice(base.length) : undefined;
}

/**
 * The changed files of a repository, relative to its root, one entry per path. The same file can be both staged
 * and modified on disk: a staged rename or addition says more than the later edit, and a staged addition deleted
 * again on disk is no change against HEAD at all.
 */
export function changesFromGit(rootPath: string, groups: readonly (readonly GitChangeLike[])[]): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  for (const group of groups) {
    for (const change of group) {
      const status = changeStatusOf(change.status);
      if (!status) continue;
      const moved = (status === 'renamed' || status === 'copied') && change.renameUri !== undefined;
      const path = relativeTo(rootPath, moved && change.renameUri ? change.renameUri.path : change.uri.path);
      if (path === undefined) continue;
      const file: ChangedFile = { path, status };
      if (moved) {
        const oldPath = relativeTo(rootPath, change.originalUri.path);
        if (oldPath !== undefined && oldPath !== path) file.oldPath = oldPath;
        else file.status = 'modified';
      }
      const earlier = byPath.get(path);
      if (!earlier) {
        byPath.set(path, file);
      } else if (earlier.status === 'added' && file.status === 'deleted') {
        byPath.delete(path);
      } else if (earlier.status !== 'renamed' && earlier.status !== 'copied' && earlier.status !== 'added') {
        byPath.set(path, file);
      }
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const STATUS_WORD: Record<ChangeStatus, string> = {
  added: 'added',
  modified: 'modified',
  deleted: 'deleted',
  renamed: 'renamed',
  copied: 'copied',
  untracked: 'untracked',
  'type-changed': 'type changed',
};

export interface ChangeGroupInput {
  /** Prefix of every node id: the repository and the group. */
  id: string;
  label: string;
  report: ImpactReport;
  /** The repository root's URI string. */
  root: string;
  /** What file clicks compare against: `HEAD` for the working tree, the merge-base for the branch. */
  base: string;
  head: 'worktree' | 'HEAD';
  /** Shown when nothing changed. */
  emptyText: string;
  /** The map objects behind the report's journeys, for "open the map at the journey". */
  resolveJourney(mapFile: string, journeyId: string): { map: CxMap; journey: Journey } | undefined;
  /** Which changed files are maps: listed as edited maps, not as files no journey covers (as the CLI does). */
  isMap?: (path: string) => boolean;
}

/** One group of the Changes view: the change's journeys (most critical first), then files no journey covers. */
export function changeGroupNode(input: ChangeGroupInput): ViewNode {
  const { report } = input;
  const entries = new Map<string, { entry: ChangeEntry; asOld: boolean }>();
  for (const entry of report.changes) {
    entries.set(entry.path, { entry, asOld: false });
    if (entry.status === 'renamed' && entry.oldPath !== undefined && !entries.has(entry.oldPath)) {
      entries.set(entry.oldPath, { entry, asOld: true });
    }
  }
  const fileNode = (idPrefix: string, path: string, why?: string, expanded = false): ViewNode => {
    const { name, dir } = splitPath(path);
    const found = entries.get(path);
    let status: ChangeStatus = found?.entry.status ?? 'modified';
    let word = STATUS_WORD[status];
    if (found?.entry.status === 'renamed') {
      word = found.asOld ? `renamed to ${found.entry.path}` : `renamed from ${found.entry.oldPath ?? '?'}`;
      // The old path no longer exists at the head: open what it was.
      if (found.asOld) status = 'deleted';
    }
    const change: NonNullable<FileTarget['change']> = { status, base: input.base, head: input.head };
    if (found?.entry.oldPath !== undefined && !found.asOld) change.oldPath = found.entry.oldPath;
    const node: ViewNode = {
      id: `${idPrefix}\u0000${path}`,
      kind: 'file',
      label: name,
      description: [dir, word].filter((s) => s).join(' · '),
      tooltip: why ? `${path} (${word})\n${why}` : `${path} (${word})`,
      file: { root: input.root, path, change },
    };
    // The declarations the change touched (a touchpoint's symbols first), each opening the change at itself.
    const symbols = found?.entry.symbolLines ?? [];
    if (symbols.length > 0) {
      node.expanded = expanded;
      node.children = symbols.map((s, i) => {
        const [first] = s.lines;
        const target: FileTarget = {
          root: input.root,
          path: s.file,
          change: s.file === path ? change : { ...change, status: 'deleted' },
          at: { line: first, side: s.side },
        };
        return {
          id: `${node.id}\u0000${i}\u0000${s.symbol}`,
          kind: 'symbol',
          label: s.symbol,
          description: symbolWhere(s).slice(1, -1),
          file: target,
        };
      });
    }
    return node;
  };

  const children: ViewNode[] = report.journeys.map((j) => {
    const jid = `${input.id}\u0000${j.map}\u0000${j.id}`;
    const found = input.resolveJourney(j.map, j.id);
    const node: ViewNode = {
      id: jid,
      kind: 'journey',
      label: j.name,
      description: `${tierText(j.tier)} · ${plural(j.touchpoints.length, 'touchpoint')}${j.reach === 'indirect' ? ` · ${l10n.t('indirect')}` : ''}`,
      tooltip: j.description ? `${j.name} (${j.tier}, ${j.map})\n${j.description}` : `${j.name} (${j.tier}, ${j.map})`,
      tier: j.tier,
      expanded: true,
      children: j.touchpoints.map((t) => {
        const tid = `${jid}\u0000${t.id}`;
        const touchpoint = found?.journey.touchpoints.find((candidate) => candidate.id === t.id);
        const facts = [
          plural(t.files.length, 'file'),
          t.indirect ? l10n.t('{0} indirect', t.indirect.length) : undefined,
          t.channel,
          t.precision === 'file' ? l10n.t('whole files') : undefined,
        ];
        const tp: ViewNode = {
          id: tid,
          kind: 'touchpoint',
          label: t.name,
          description: facts.filter((f) => f).join(' · '),
          tier: j.tier,
          expanded: true,
          children: [
            ...t.files.map((f) => {
              const reason = t.reasons.find((r) => r.file === f);
              return fileNode(
                tid,
                f,
                reason ? `${reason.pattern} (${reason.map}:${reason.line})` : undefined,
                t.precision === 'symbol',
              );
            }),
            ...indirectHitNodes(tid, input.root, t.indirect ?? []),
          ],
        };
        if (t.channel) tp.channel = t.channel;
        if (t.precision === 'file')
          tp.tooltip = l10n.t(
            'Names symbols ({0}): changed files count as a whole here.',
            (t.symbolScope ?? []).join(', '),
          );
        if (found && touchpoint) tp.mapLine = { map: found.map, line: touchpoint.idRange.start.line + 1 };
        return tp;
      }),
    };
    if (found) node.mapLine = { map: found.map, line: found.journey.idRange.start.line + 1 };
    return node;
  });

  if (report.unmappedFiles.length > 0) {
    const uid = `${input.id}\u0000unmapped`;
    children.push({
      id: uid,
      kind: 'group',
      label: l10n.t('Not in any journey'),
      description: plural(report.unmappedFiles.length, 'file'),
      tooltip: l10n.t('Changed files that no journey map covers.'),
      children: report.unmappedFiles.map((f) => fileNode(uid, f)),
    });
  }
  const covered = new Set(report.journeys.flatMap((j) => j.touchpoints.flatMap((t) => t.files)));
  const maps = input.isMap
    ? report.changedFiles.filter((f) => input.isMap?.(f) && !covered.has(f) && !report.unmappedFiles.includes(f))
    : [];
  if (maps.length > 0) {
    const mid = `${input.id}\u0000maps`;
    children.push({
      id: mid,
      kind: 'group',
      label: l10n.t('Maps edited'),
      description: plural(maps.length, 'file'),
      tooltip: l10n.t('Journey maps this change edits: what they move between touchpoints shows in the Impact Report.'),
      children: maps.map((f) => fileNode(mid, f)),
    });
  }
  if (report.changedFiles.length === 0) {
    children.push({ id: `${input.id}\u0000empty`, kind: 'info', label: input.emptyText });
  }

  return {
    id: input.id,
    kind: 'group',
    label: input.label,
    description: `${plural(report.changedFiles.length, 'file')} · ${plural(report.journeys.length, 'journey')}`,
    expanded: true,
    children,
  };
}
