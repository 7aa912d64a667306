// What the This File view shows for one file: each touchpoint covering it, and why (the deciding pattern).
import * as l10n from '@vscode/l10n';
import type { Coverage } from '../core/types';
import { touchpointLabel } from '../workspace/coverage-text';
import type { ViewNode } from './view-node';

export function thisFileNodes(coverage: readonly Coverage[]): ViewNode[] {
  return coverage.map((c) => {
    const id = `${c.map.file}\u0000${c.journey.id}\u0000${c.touchpoint.id}`;
    const at = `${c.map.file}:${c.pattern.line}`;
    const children: ViewNode[] = [
      {
        id: `${id}\u0000why`,
        kind: 'reason',
        label: c.pattern.source,
        description: at,
        tooltip: l10n.t('Covered by the pattern {0} on line {1} of {2}', c.pattern.source, c.pattern.line, c.map.file),
        mapLine: { map: c.map, line: c.pattern.line },
      },
    ];
    if (c.symbolScoped) {
      children.push({
        id: `${id}\u0000symbols`,
        kind: 'info',
        label: c.touchpoint.symbols.join(', '),
        description: l10n.t('only these symbols'),
        tooltip: l10n.t('The touchpoint names symbols: only that code in this file belongs to it.'),
      });
    }
    const facts = [c.journey.tier, c.touchpoint.channel].filter((f): f is NonNullable<typeof f> => f !== undefined);
    const node: ViewNode = {
      id,
      kind: 'touchpoint',
      label: touchpointLabel(c),
      description: facts.join(' · '),
      tier: c.journey.tier,
      expanded: true,
      children,
      mapLine: { map: c.map, line: c.pattern.line },
      card: [c],
    };
    if (c.touchpoint.channel) node.channel = c.touchpoint.channel;
    return node;
  });
}
