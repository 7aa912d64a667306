import * as assert from 'node:assert/strict';
import type { Tier } from '../core/types';
import { filterByTier, indexJourneys, journeyNodes, tierFilterLabel } from './journey-nodes';
import { makeMap, prefixCoverage } from './test-support';
import { toSnapshot } from './view-node';

const web = makeMap('cx-map.yaml', [
  { id: 'browse', tier: 'low', touchpoints: [{ id: 'search', prefixes: ['search/'] }] },
  {
    id: 'checkout',
    tier: 'critical',
    touchpoints: [
      { id: 'pay', prefixes: ['pay/', 'shared/'], channel: 'web' },
      { id: 'receipt', prefixes: ['mail/', 'shared/'], channel: 'email' },
    ],
  },
  { id: 'returns', tier: 'medium', touchpoints: [{ id: 'label', prefixes: ['returns/'] }] },
]);
const files = ['search/q.ts', 'pay/charge.ts', 'shared/money.ts', 'mail/send.ts', 'README.md', 'pay/charge.ts'];

describe('the Journeys index', () => {
  const index = indexJourneys([web], files, prefixCoverage([web]).coverageOf);

  it('keeps every journey, even one that covers nothing, most critical first', () => {
    assert.deepEqual(
      index.map((j) => [j.journey.id, j.fileCount]),
      [
        ['checkout', 3],
        ['returns', 0],
        ['browse', 1],
      ],
    );
  });

  it('lists each touchpoint’s files once, in path order; a shared file counts once per journey', () => {
    const checkout = index[0];
    assert.deepEqual(
      checkout?.touchpoints.map((t) => [t.touchpoint.id, t.files]),
      [
        ['pay', ['pay/charge.ts', 'shared/money.ts']],
        ['receipt', ['mail/send.ts', 'shared/money.ts']],
      ],
    );
  });

  it('becomes journey › touchpoint › file nodes with counts, opening the map at ids and files at their paths', () => {
    const nodes = journeyNodes({ id: 'ws', root: 'file:///ws', journeys: index });
    assert.deepEqual(toSnapshot(nodes[0]!), {
      label: 'Journey checkout',
      description: 'critical · 2 touchpoints · 3 files',
      children: [
        {
          label: 'Touchpoint pay',
          description: '2 files · web',
          children: [
            { label: 'charge.ts', description: 'pay' },
            { label: 'money.ts', description: 'shared' },
          ],
        },
        {
          label: 'Touchpoint receipt',
          description: '2 files · email',
          children: [
            { label: 'send.ts', description: 'mail' },
            { label: 'money.ts', description: 'shared' },
          ],
        },
      ],
    });
    assert.deepEqual(toSnapshot(nodes[1]!), {
      label: 'Journey returns',
      description: 'medium · 1 touchpoint · 0 files',
      children: [{ label: 'Touchpoint label', description: '0 files', children: [] }],
    });
    assert.equal(nodes[0]?.mapLine?.line, 20);
    assert.equal(nodes[0]?.children?.[1]?.mapLine?.line, 24);
    assert.deepEqual(nodes[0]?.children?.[0]?.children?.[0]?.file, { root: 'file:///ws', path: 'pay/charge.ts' });
  });

  it('names the folder when the workspace has several', () => {
    const nodes = journeyNodes({ id: 'ws', root: 'file:///ws', journeys: index, folderName: 'web' });
    assert.equal(nodes[2]?.description, 'low · 1 touchpoint · 1 file · web');
  });
});

describe('the tier filter', () => {
  const index = indexJourneys([web], files, prefixCoverage([web]).coverageOf);
  const ids = (tiers: Tier[] | undefined) => filterByTier(index, tiers && new Set(tiers)).map((j) => j.journey.id);

  it('keeps the journeys of the chosen tiers', () => {
    assert.deepEqual(ids(['critical', 'low']), ['checkout', 'browse']);
    assert.equal(tierFilterLabel(new Set<Tier>(['low', 'critical'])), 'critical, low');
  });
  it('is off with no tier or every tier chosen', () => {
    for (const tiers of [undefined, [], ['critical', 'high', 'medium', 'low']] as (Tier[] | undefined)[]) {
      assert.deepEqual(ids(tiers), ['checkout', 'returns', 'browse']);
      assert.equal(tierFilterLabel(tiers && new Set(tiers)), undefined);
    }
  });
});
