// What the Impact Report compares, and gathering its report with git (Node only, no vscode, so it is unit-tested
// against throw-away repositories). Runs git, so the panel calls it in trusted workspaces only.
import type { ImpactReport } from '../core/impact/impact';
import { Matcher } from '../core/match/matcher';
import type { CxMap } from '../core/types';
import {
  WORKTREE,
  baseCandidates,
  currentBranch,
  filesAt,
  hasCommit,
  isSafeRef,
  listRefs,
  upstreamOf,
  worktreeFiles,
  type RefInfo,
} from '../node/git';
import { analyzeChange, type ChangeServices } from '../node/change-pipeline';
import type { CodeReader } from '../node/code-reader';
import { filesOnDisk, isMapFile, mapFilesAmong, readMaps, readMapsAt } from '../node/maps';

/** The three comparisons the panel offers. `branch` without a base uses the setting, the upstream, else the default branch. */
export type Comparison =
  { kind: 'worktree' } | { kind: 'branch'; base?: string } | { kind: 'refs'; base: string; head: string };

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
  /** Indirect reach (contract §5) from the editor's graph, for a repository that is a workspace folder. */
  reach?: ChangeServices['reach'];
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
    if (!isSafeRef(candidate))
      throw new ComparisonError(`"${candidate}" is not a ref: check the cxImpact.changes.base setting.`);
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

  const { report } = await analyzeChange(
    { kind: 'refs', base: baseRef, ...(headRef !== undefined ? { head: headRef } : {}) },
    {
      root,
      maps: async (change) => {
        let headMaps: CxMap[];
        if (headRef !== undefined) headMaps = await readMapsAt(root, change.head);
        else
          headMaps = options.worktreeMaps ?? (await readMaps(root, mapFilesAmong(await filesOnDisk(root, true)))).maps;
        return {
          coverage: new Matcher(headMaps),
          isMap: isMapFile,
          mapEdit: async () => ({
            baseCoverage: new Matcher(await readMapsAt(root, change.base)),
            files: headRef === undefined ? await worktreeFiles(root) : await filesAt(root, change.head),
          }),
        };
      },
      ...(options.reader ? { reader: options.reader } : {}),
      ...(options.reach ? { reach: options.reach } : {}),
    },
    { symbols: 'all' },
  );
  const gathered: GatheredReport = { comparison, label, baseRef, headRef: headRef ?? WORKTREE, report, refs };
  if (branch !== undefined) gathered.branch = branch;
  return gathered;
}
