// The Journeys view's "Entry points no journey covers (N)" node, as plain data: the uncovered entry points grouped by
// route prefix, each a link to the line that registers it.
import * as l10n from '@vscode/l10n';
import type { CoveredEntryPoint } from '../core/entry-points/coverage';
import { entryPointLabel } from '../core/entry-points/coverage';
import { groupByPrefix } from '../core/entry-points/propose';
import type { EntryPoint } from '../core/entry-points/types';
import type { ViewNode } from './view-node';

export interface UncoveredInput {
  /** Node ids start with this (the workspace folder). */
  id: string;
  /** The workspace folder's URI string. */
  root: string;
  points: readonly CoveredEntryPoint[];
  folderName?: string;
  /** The view's words, translated by the caller. */
  title: (count: number) => string;
}

/** Undefined when every entry point is covered (or there is none): the node is then left out. */
export function uncoveredEntryPointsNode(
  input: UncoveredInput,
  groups: Map<string, EntryPoint[]>,
): ViewNode | undefined {
  const uncovered = input.points.filter((p) => p.touchpoints.length === 0);
  if (uncovered.length === 0) return undefined;
  const id = `${input.id}\u0000entry-points`;
  groups.set(id, uncovered);
  return {
    id,
    kind: 'entryPointGroup',
    label: input.title(uncovered.length),
    ...(input.folderName ? { description: input.folderName } : {}),
    expanded: true,
    children: groupByPrefix(uncovered).map((group) => {
      const gid = `${id}\u0000${group.prefix}`;
      groups.set(gid, group.points);
      return {
        id: gid,
        kind: 'entryPointGroup',
        label: group.prefix,
        description: String(group.points.length),
        icon: 'symbol-namespace',
        expanded: true,
        children: group.points.map((p) => {
          const nid = `${gid}\u0000${p.file}:${p.line}:${entryPointLabel(p)}`;
          groups.set(nid, [p]);
          return {
            id: nid,
            kind: 'entryPoint' as const,
            label: entryPointLabel(p),
            description: `${p.file}:${p.line}`,
            tooltip: l10n.t(
              '{0}\nRegistered at {1}:{2}\nHandler: {3}{4}',
              entryPointLabel(p),
              p.file,
              p.line,
              p.handler ? `${p.handler} in ` : '',
              p.handlerFile,
            ),
            file: { root: input.root, path: p.file, line: p.line },
          };
        }),
      };
    }),
  };
}
