// The Journeys view without vscode: every journey of the maps, its touchpoints and the files each covers.
import * as l10n from '@vscode/l10n';
import { byPath } from '../core/impact/impact';
import { TIERS, tierRank, type Coverage, type CxMap, type Journey, type Tier, type Touchpoint } from '../core/types';
import { plural, tierText } from '../workspace/coverage-text';
import { splitPath, type ViewNode } from './view-node';

export interface TouchpointFiles {
  touchpoint: Touchpoint;
  files: string[];
}

export interface JourneyFiles {
  map: CxMap;
  journey: Journey;
  touchpoints: TouchpointFiles[];
  /** Distinct files across the journey's touchpoints. */
  fileCount: number;
}

/**
 * Every journey of `maps` (including those that cover nothing: an empty journey is worth seeing), with the files
 * of `files` each touchpoint covers. Most critical first, then map and journey order, as in impact reports.
 */
export function indexJourneys(
  maps: readonly CxMap[],
  files: readonly string[],
  coverageOf: (path: string) => Coverage[],
): JourneyFiles[] {
  const byTouchpoint = new Map<Touchpoint, string[]>();
  for (const file of [...new Set(files)].sort(byPath)) {
    for (const c of coverageOf(file)) {
      let list = byTouchpoint.get(c.touchpoint);
      if (!list) byTouchpoint.set(c.touchpoint, (list = []));
      if (list[list.length - 1] !== file) list.push(file);
    }
  }
  const out: Array<JourneyFiles & { order: number }> = [];
  for (const map of maps) {
    map.journeys.forEach((journey, order) => {
      const touchpoints = journey.touchpoints.map((touchpoint) => ({
        touchpoint,
        files: byTouchpoint.get(touchpoint) ?? [],
      }));
      const fileCount = new Set(touchpoints.flatMap((t) => t.files)).size;
      out.push({ map, journey, touchpoints, fileCount, order });
    });
  }
  return out
    .sort(
      (a, b) =>
        tierRank(a.journey.tier) - tierRank(b.journey.tier) || byPath(a.map.file, b.map.file) || a.order - b.order,
    )
    .map(({ map, journey, touchpoints, fileCount }) => ({ map, journey, touchpoints, fileCount }));
}

export interface JourneyNodesInput {
  /** Node ids start with this (the workspace folder, when there are several). */
  id: string;
  /** The workspace folder's URI string: file clicks resolve under it. */
  root: string;
  journeys: readonly JourneyFiles[];
  /** Shown after each journey's counts when the workspace has several folders. */
  folderName?: string;
}

export function journeyNodes(input: JourneyNodesInput): ViewNode[] {
  return input.journeys.map(({ map, journey, touchpoints, fileCount }) => {
    const jid = `${input.id}\u0000${map.file}\u0000${journey.id}`;
    const facts = [
      tierText(journey.tier),
      plural(touchpoints.length, 'touchpoint'),
      plural(fileCount, 'file'),
      input.folderName,
    ];
    const tooltip = [
      l10n.t('{0} ({1}) in {2}', journey.name, tierText(journey.tier), map.file),
      journey.owner && l10n.t('Owner: {0}', journey.owner),
      journey.description,
    ];
    const node: ViewNode = {
      id: jid,
      kind: 'journey',
      label: journey.name,
      description: facts.filter((f) => f).join(' · '),
      tooltip: tooltip.filter((t) => t).join('\n'),
      tier: journey.tier,
      mapLine: { map, line: journey.idRange.start.line + 1 },
      children: touchpoints.map(({ touchpoint, files }) => {
        const tid = `${jid}\u0000${touchpoint.id}`;
        const tp: ViewNode = {
          id: tid,
          kind: 'touchpoint',
          label: touchpoint.name,
          description: [plural(files.length, 'file'), touchpoint.channel].filter((f) => f).join(' · '),
          tier: journey.tier,
          mapLine: { map, line: touchpoint.idRange.start.line + 1 },
          children: files.map((path) => {
            const { name, dir } = splitPath(path);
            const file: ViewNode = {
              id: `${tid}\u0000${path}`,
              kind: 'file',
              label: name,
              tooltip: path,
              file: { root: input.root, path },
            };
            if (dir) file.description = dir;
            return file;
          }),
        };
        if (touchpoint.channel) tp.channel = touchpoint.channel;
        if (touchpoint.description) tp.tooltip = touchpoint.description;
        return tp;
      }),
    };
    return node;
  });
}

/** Only the journeys of the chosen tiers; no filter (undefined or every tier) keeps them all. */
export function filterByTier<T extends { journey: Pick<Journey, 'tier'> }>(
  journeys: readonly T[],
  tiers: ReadonlySet<Tier> | undefined,
): T[] {
  if (!tiers || tiers.size === 0 || tiers.size === TIERS.length) return [...journeys];
  return journeys.filter((j) => tiers.has(j.journey.tier));
}

/** The Journeys view's description while a filter is on: `critical, high`. */
export function tierFilterLabel(tiers: ReadonlySet<Tier> | undefined): string | undefined {
  if (!tiers || tiers.size === 0 || tiers.size === TIERS.length) return undefined;
  return TIERS.filter((t) => tiers.has(t)).join(', ');
}
