import * as assert from 'node:assert/strict';
import type { Coverage, CxMap, Journey, Tier, Touchpoint } from '../core/types';
import { coverageSummary, highestTier } from './coverage-text';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
function cov(journeyId: string, journeyName: string, tier: Tier, tpName: string): Coverage {
  const touchpoint: Touchpoint = {
    id: tpName.toLowerCase(),
    name: tpName,
    paths: [],
    symbols: [],
    range,
    idRange: range,
  };
  const journey: Journey = {
    id: journeyId,
    name: journeyName,
    tier,
    links: [],
    touchpoints: [touchpoint],
    range,
    idRange: range,
  };
  const map: CxMap = { file: 'cx-map.yaml', dir: '', journeys: [journey] };
  return { map, journey, touchpoint, pattern: { source: 'x/**', negated: false, range, line: 1 }, symbolScoped: false };
}

describe('coverage wording', () => {
  it('names the journey and touchpoint of a single match', () => {
    assert.equal(
      coverageSummary([cov('checkout', 'Checkout', 'critical', 'Pay for the order')]),
      'Checkout › Pay for the order · critical',
    );
  });
  it('summarises several touchpoints of one journey', () => {
    const c = [cov('checkout', 'Checkout', 'high', 'Pay'), cov('checkout', 'Checkout', 'high', 'Confirm')];
    assert.equal(coverageSummary(c), 'Checkout › 2 touchpoints · high');
  });
  it('summarises several journeys with the highest tier', () => {
    const c = [cov('a', 'A', 'low', 'x'), cov('b', 'B', 'critical', 'y'), cov('b', 'B', 'critical', 'z')];
    assert.equal(coverageSummary(c), '3 touchpoints in 2 journeys · critical');
    assert.equal(highestTier(c), 'critical');
  });
  it('says nothing for an uncovered file', () => {
    assert.equal(coverageSummary([]), '');
    assert.equal(highestTier([]), undefined);
  });
});
