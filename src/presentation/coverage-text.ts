// Plain-text wording of coverage shared by lenses, the status bar and views. No vscode here: unit-tested in Node.
import { plural } from '../core/render/markdown';
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

export { plural } from '../core/render/markdown';

/** `Checkout › Pay for the order · critical` for one touchpoint, else `3 touchpoints in 2 journeys · critical`. */
export function coverageSummary(coverage: readonly Coverage[]): string {
  const first = coverage[0];
  if (!first) return '';
  const tier = highestTier(coverage) ?? first.journey.tier;
  if (coverage.length === 1) return `${touchpointLabel(first)} · ${tier}`;
  const journeys = new Set(coverage.map((c) => `${c.map.file}\u0000${c.journey.id}`)).size;
  if (journeys === 1) return `${first.journey.name} › ${plural(coverage.length, 'touchpoint')} · ${tier}`;
  return `${plural(coverage.length, 'touchpoint')} in ${plural(journeys, 'journey')} · ${tier}`;
}
