// Indirect reach as view nodes (This File, Changes): each reached touchpoint with its chain of imports, every file
// of the chain a link. Plain data (ViewNode), so it is tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { IndirectHit } from '../core/impact/impact';
import type { FileReach } from '../core/graph/reach';
import { renderChain, type Chain } from '../core/graph/chain';
import { hopsText } from '../core/render/indirect';
import type { Coverage } from '../core/types';
import { splitPath, type ViewNode } from './view-node';

/** The chain `a.ts › b.ts › c.ts` as one link per file; a step through an interface and a symbol read as in the reports. */
export function chainNodes(idPrefix: string, root: string, chain: Chain): ViewNode[] {
  return chain.via.map((path, i) => {
    const { name, dir } = splitPath(path);
    const standIn = chain.standIns?.find((s) => s.index === i);
    const last = i === chain.via.length - 1 && chain.symbol !== undefined ? ` › ${chain.symbol}` : '';
    const label = standIn
      ? renderChain({ via: [path], standIns: [{ index: 0, implements: standIn.implements }] }, (p) => splitPath(p).name)
      : name;
    return {
      id: `${idPrefix}\u0000via\u0000${i}`,
      kind: 'file',
      label: `${i === 0 ? '' : '› '}${label}${last}`,
      description: dir,
      tooltip: path,
      file: { root, path },
    };
  });
}

/** This File, for a file no touchpoint covers: the touchpoints it reaches through its importers. */
export function thisFileIndirectNodes(root: string, reach: FileReach<Coverage>): ViewNode[] {
  if (reach.shared) {
    return [
      {
        id: `${reach.file}\u0000shared`,
        kind: 'info',
        label: l10n.t('Shared infrastructure'),
        description: l10n.t('{0} files depend on it', reach.shared.importers),
        tooltip: l10n.t('So much depends on this file that its journeys are not listed one by one.'),
      },
    ];
  }
  return reach.hits.map((hit) => {
    const c = hit.target.value;
    const id = `indirect\u0000${c.map.file}\u0000${c.journey.id}\u0000${c.touchpoint.id}`;
    const node: ViewNode = {
      id,
      kind: 'touchpoint',
      label: `${c.journey.name} › ${c.touchpoint.name}`,
      description: l10n.t('indirect · {0}', hopsText(hit.hops)),
      tooltip: l10n.t(
        'Reached through imports: {0}',
        renderChain(hit, (f) => f),
      ),
      tier: c.journey.tier,
      expanded: true,
      children: chainNodes(id, root, hit),
      mapLine: { map: c.map, line: c.touchpoint.idRange.start.line + 1 },
    };
    if (c.touchpoint.channel) node.channel = c.touchpoint.channel;
    return node;
  });
}

/** Changes view, under a touchpoint: each changed file that reaches it indirectly, with its chain. */
export function indirectHitNodes(idPrefix: string, root: string, hits: readonly IndirectHit[]): ViewNode[] {
  return hits.map((hit) => {
    const id = `${idPrefix}\u0000indirect\u0000${hit.file}`;
    const { name } = splitPath(hit.file);
    return {
      id,
      kind: 'reason',
      label: name,
      description: l10n.t('indirect · {0}', hopsText(hit.hops)),
      tooltip: l10n.t(
        '{0} reaches this touchpoint through imports: {1}',
        hit.file,
        renderChain(hit, (f) => f),
      ),
      expanded: true,
      children: chainNodes(id, root, hit),
    };
  });
}
