// Plain-text wording of coverage shared by lenses, the status bar and views. No vscode here: unit-tested in Node, so
// its words go through @vscode/l10n, which the extension feeds VS Code's bundle at activation (English in Node).
import * as l10n from '@vscode/l10n';
import { plural as englishPlural } from '../core/render/markdown';
import { tierRank, type Coverage, type Tier } from '../core/types';

export function touchpointLabel(c: Pick<Coverage, 'journey' | 'touchpoint'>): string {
  return `${c.journey.name} › ${c.touchpoint.name}`;
}

export function highestTier(coverage: readonly Pick<Coverage, 'journey'>[]): Tier | undefined {
  let best: Tier | undefined;
  for (const c of coverage) {
    if (best === undefined || tierRank(c.journey.tier) < tierRank(best)) best = c.journey.tier;
  }
  return best;
}

/** Counts of the editor's own nouns, localized as whole phrases (languages do not all add an "s"). */
const COUNTS: Record<string, (n: number) => string> = {
  touchpoint: (n) => (n === 1 ? l10n.t('1 touchpoint') : l10n.t('{0} touchpoints', n)),
  journey: (n) => (n === 1 ? l10n.t('1 journey') : l10n.t('{0} journeys', n)),
  file: (n) => (n === 1 ? l10n.t('1 file') : l10n.t('{0} files', n)),
};

/** `2 touchpoints`: localized for the nouns above, English otherwise (as the CLI says it). */
export function plural(n: number, one: string, many?: string): string {
  const count = many === undefined ? COUNTS[one] : undefined;
  return count ? count(n) : englishPlural(n, one, many);
}

/** A tier as the editor shows it: the map's word, translated for display. */
export function tierText(tier: Tier): string {
  switch (tier) {
    case 'critical':
      return l10n.t('critical');
    case 'high':
      return l10n.t('high');
    case 'medium':
      return l10n.t('medium');
    default:
      return l10n.t('low');
  }
}

/** `Checkout › Pay for the order · critical` for one touchpoint, else `3 touchpoints in 2 journeys · critical`. */
export function coverageSummary(coverage: readonly Coverage[]): string {
  const first = coverage[0];
  if (!first) return '';
  const tier = tierText(highestTier(coverage) ?? first.journey.tier);
  if (coverage.length === 1) return `${touchpointLabel(first)} · ${tier}`;
  const journeys = new Set(coverage.map((c) => `${c.map.file}\u0000${c.journey.id}`)).size;
  if (journeys === 1) return `${first.journey.name} › ${plural(coverage.length, 'touchpoint')} · ${tier}`;
  return `${l10n.t('{0} in {1}', plural(coverage.length, 'touchpoint'), plural(journeys, 'journey'))} · ${tier}`;
}
