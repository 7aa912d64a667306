// The sidebar's trees as plain data. Builders (unit-tested in Node) produce ViewNodes; one vscode adapter
// (node-tree.ts) turns them into TreeItems, and snapshot() turns them into TreeSnapshots for the tests.
import type { ChangeStatus, Coverage, CxMap, Tier } from '../core/types';

export type NodeKind =
  | 'group'
  | 'repository'
  | 'journey'
  | 'touchpoint'
  | 'file'
  | 'symbol'
  | 'reason'
  | 'info'
  | 'entryPointGroup'
  | 'entryPoint';

/** Where a click on a file goes: a path under a root the view can resolve (a workspace folder or repository). */
export interface FileTarget {
  /** The root's URI, as a string: builders stay free of vscode objects. */
  root: string;
  path: string;
  /** Open at this one-based line (an entry point's registration). */
  line?: number;
  /** Present in the Changes view: what changed, so the click can open the change rather than the file. */
  change?: { status: ChangeStatus; oldPath?: string; base: string; head: 'worktree' | 'HEAD' };
  /** A changed declaration's first line (1-based) on a side of the change: the click opens the change there. */
  at?: { line: number; side: 'old' | 'new' };
}

export interface ViewNode {
  /** Unique in its tree and stable across refreshes, so VS Code keeps what the user expanded. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  tooltip?: string;
  tier?: Tier;
  channel?: string;
  /** A codicon name, for groups (journeys, touchpoints and files have their own). */
  icon?: string;
  /** Children start expanded. */
  expanded?: boolean;
  children?: ViewNode[];
  /** A click opens the map at this one-based line. */
  mapLine?: { map: CxMap; line: number };
  file?: FileTarget;
  /** The touchpoint card is the tooltip (This File). */
  card?: Coverage[];
}

/** A tree item as the tests see it: label, description and children, without vscode objects. */
export interface TreeSnapshot {
  label: string;
  description?: string;
  children?: TreeSnapshot[];
}

export function toSnapshot(node: ViewNode): TreeSnapshot {
  const out: TreeSnapshot = { label: node.label };
  if (node.description !== undefined) out.description = node.description;
  if (node.children) out.children = node.children.map(toSnapshot);
  return out;
}

/** `services/payments/charge.ts` → label `charge.ts`, description `services/payments`, like Source Control. */
export function splitPath(path: string): { name: string; dir: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { name: path, dir: '' } : { name: path.slice(slash + 1), dir: path.slice(0, slash) };
}
