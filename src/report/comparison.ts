// What the Impact Report compares, and gathering its report with git (Node only, no vscode, so it is unit-tested
// against throw-away repositories). Runs git, so the panel calls it in trusted workspaces only.
import { computeImpact, type ImpactReport } from '../core/impact/impact';
import { Matcher } from '../core/match/matcher';
import type { CxMap } from '../core/types';
import { WORKTREE, changedFiles, currentBranch, filesAt, hasCommit, listRefs, upstreamOf, worktreeFiles, type RefInfo } from '../node/git';
import { narrowBySymbols } from '../node/change-symbols';
import type { CodeReader } from '../node/code-reader';
import { filesOnDisk, isMapFile, mapFilesAmong, readMaps, readMapsAt } from '../node/maps';
import { baseCandidates, isSafeRef } from '../views/changes-nodes';

/** The three comparisons the panel offers. `branch` without a base uses the setting, the upstream, else the default branch. */
export type Comparison = { kind: 'worktree' } | { kind: 'branch'; base?: string } | { kind: 'refs'; base: string; head: string };

export const DEFAULT_COMPARISON: Comparison = { kind: 'branch' };

/** A comparison read back from webview state or a command argument: anything else is dropped, never trusted. */
export function parseComparison(value: unknown): Comparison | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const ref = (x: unknown): string | undefined => (typeof x === 'string' && isSafeRef(x.trim()) ? x.trim() : undefined);
  if (v.kind === 'worktree') return { kind: 'worktree' };
  if (v.kind === 'branch') {
    const base = ref(v.base);
    return base === undefined ? { kind: 'branch' } : { kind: 'branch', base };
  }
  if (v.kind === 'refs') {
    const base = ref(v.base);
    const head = ref(v.head);
    return base !== undefined && head !== undefined ? { kind: 'refs', base, head } : undefined;
  }
  return undefined;
}

export interface GatherOptions {
  /** The repository's top-level folder. */
  root: string;
  comparison: Comparison;
  /**
   * The maps the editor uses for the working tree (last good versions), relative to `root`. Undefined: read from
   * disk, as the CLI does.
   */
  worktreeMaps?: CxMap[];
  /** The `cxImpact.changes.base` setting, for a branch comparison without a base. */
  baseSetting?: string;
  /** Reads symbols (contract §3), as the CLI does; without it touchpoints that name symbols count whole files. */
  reader?: CodeReader;
}

export interface GatheredReport {
  comparison: Comparison;
  /** `Branch feature/x vs main`, `Working tree vs HEAD`, `v1.0 … v1.1`. */
  label: string;
  /** The refs as the user named them; `head` is WORKTREE for the working tree. */
  baseRef: string;
  headRef: string;
  report: ImpactReport;
  /** For the ref pickers. */
  refs: RefInfo[];
  branch?: string;
}

/** Thrown when there is nothing to compare with; the message is shown in the panel as it is. */
export class ComparisonError extends Error {
  override name = 'ComparisonError';
}

/** The base of a branch comparison: the first candidate that exists. */
export async function branchBase(root: string, setting: string | undefined): Promise<string> {
  const candidates = baseCandidates(setting ?? '', undefined);
  if (!(setting ?? '').trim()) {
    const upstream = await upstreamOf(root);
    if (upstream) candidates.unshift(upstream);
  }
  for (const candidate of candidates) {
    if (!isSafeRef(candidate)) throw new ComparisonError(`"${candidate}" is not a ref: check the cxImpact.changes.base setting.`);
    if (await hasCommit(root, candidate)) return candidate;
  }
  throw new ComparisonError(
    (setting ?? '').trim()
      ? `Cannot find "${(setting ?? '').trim()}": check the cxImpact.changes.base setting.`
      : 'No upstream or default branch to compare with: pick two refs, or set cxImpact.changes.base.',
  );
}

export async function gatherReport(options: GatherOptions): Promise<GatheredReport> {
  const { root, comparison } = options;
  const [refs, branch] = await Promise.all([listRefs(root), currentBranch(root)]);
  let baseRef: string;
  let headRef: string | undefined;
  let label: string;
  switch (comparison.kind) {
    case 'worktree':
      baseRef = 'HEAD';
      headRef = undefined;
      label = 'Working tree vs HEAD';
      break;
    case 'branch':
      baseRef = comparison.base ?? (await branchBase(root, options.baseSetting));
      headRef = 'HEAD';
      label = `${branch ? `Branch ${branch}` : 'HEAD'} vs ${baseRef}`;
      break;
    default:
      baseRef = comparison.base;
      headRef = comparison.head;
      label = `${comparison.head} vs ${comparison.base}`;
  }

  const change = await changedFiles(root, baseRef, headRef);
  const headFiles = async (): Promise<string[]> => (headRef === undefined ? worktreeFiles(root) : filesAt(root, change.head));
  let headMaps: CxMap[];
  if (headRef !== undefined) headMaps = await readMapsAt(root, change.head);
  else headMaps = options.worktreeMaps ?? (await readMaps(root, mapFilesAmong(await filesOnDisk(root, true)))).maps;
  const coverage = new Matcher(headMaps);

  const touchesMap = change.files.some((c) => [c.path, c.oldPath].some((p) => p !== undefined && isMapFile(p)));
  const mapEdit = touchesMap ? { baseCoverage: new Matcher(await readMapsAt(root, change.base)), files: await headFiles() } : undefined;
  const fileReport = computeImpact({ base: change.base, head: change.head, coverage, changedFiles: change.files, isMap: isMapFile, ...(mapEdit ? { mapEdit } : {}) });
  const report = options.reader ? await narrowBySymbols(fileReport, { root, change, reader: options.reader, mode: 'all' }) : fileReport;
  const gathered: GatheredReport = { comparison, label, baseRef, headRef: headRef ?? WORKTREE, report, refs };
  if (branch !== undefined) gathered.branch = branch;
  return gathered;
}
