// "Branch vs <base>": which base, its merge-base with HEAD, and what HEAD committed since. Takes the slice of a
// git extension repository it needs, so the tests hand in a fake.
import * as l10n from '@vscode/l10n';
import type { ChangedFile } from '../core/types';
import { baseCandidates, isSafeRef } from '../node/git';
import { changesFromGit, type GitChangeLike } from './changes-nodes';

export interface BranchRepository {
  /** The repository root's URI path (`/…`, `/` separators). */
  rootPath: string;
  /** HEAD's commit; undefined in a repository without commits. */
  headCommit: string | undefined;
  upstream: { remote: string; name: string } | undefined;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  diffBetween(ref1: string, ref2: string): Promise<GitChangeLike[]>;
}

export interface BranchChange {
  label: string;
  /** The merge-base commit; undefined when no base could be found. */
  mergeBase?: string;
  changes: ChangedFile[];
  /** What the group says when it lists no file. */
  note: string;
}

export async function compareBranch(
  repository: BranchRepository,
  setting: string,
  warn: (message: string) => void,
): Promise<BranchChange> {
  if (!repository.headCommit) return { label: l10n.t('Branch'), changes: [], note: 'No commits yet.' };
  for (const base of baseCandidates(setting, repository.upstream)) {
    if (!isSafeRef(base)) {
      return {
        label: l10n.t('Branch'),
        changes: [],
        note: `"${base}" is not a ref: check the cxImpact.changes.base setting.`,
      };
    }
    let mergeBase: string | undefined;
    try {
      mergeBase = (await repository.getMergeBase(base, 'HEAD'))?.trim();
    } catch {
      // Older git extensions reject when a ref does not resolve; newer ones return undefined.
      mergeBase = undefined;
    }
    if (!mergeBase) continue;
    try {
      const changes = await repository.diffBetween(mergeBase, 'HEAD');
      return {
        label: l10n.t('Branch vs {0}', base),
        mergeBase,
        changes: changesFromGit(repository.rootPath, [changes]),
        note: `No commits since ${base}.`,
      };
    } catch (err) {
      warn(`Could not list the changes since ${base}: ${String(err)}`);
      return { label: l10n.t('Branch vs {0}', base), changes: [], note: `Could not compare with ${base}.` };
    }
  }
  const configured = setting.trim();
  const note = configured
    ? `Cannot find "${configured}": check the cxImpact.changes.base setting.`
    : 'No upstream or default branch to compare with: set cxImpact.changes.base.';
  return { label: l10n.t('Branch'), changes: [], note };
}
