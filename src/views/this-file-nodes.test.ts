import * as assert from 'node:assert/strict';
import { thisFileNodes } from './this-file-nodes';
import { makeMap, prefixCoverage } from './test-support';
import { toSnapshot } from './view-node';

describe('the This File view', () => {
  const map = makeMap('packages/web/cx-map.yaml', [
    { id: 'browse', tier: 'low', touchpoints: [{ id: 'search', prefixes: ['src/'] }] },
    {
      id: 'checkout',
      tier: 'critical',
      touchpoints: [{ id: 'pay', prefixes: ['lib/', 'src/'], channel: 'web', symbols: ['Cart.pay'] }],
    },
  ]);
  const coverage = prefixCoverage([map]);

  it('shows each touchpoint with its tier and channel, and why: the deciding pattern at map:line', () => {
    const nodes = thisFileNodes(coverage.coverageOf('src/cart.ts'));
    assert.deepEqual(nodes.map(toSnapshot), [
      {
        label: 'Journey browse › Touchpoint search',
        description: 'low',
        children: [{ label: 'src/**', description: 'packages/web/cx-map.yaml:13' }],
      },
      {
        label: 'Journey checkout › Touchpoint pay',
        description: 'critical · web',
        children: [
          { label: 'src/**', description: 'packages/web/cx-map.yaml:24' },
          { label: 'Cart.pay', description: 'only these symbols' },
        ],
      },
    ]);
  });

  it('opens the map at the pattern’s line', () => {
    const [node] = thisFileNodes(coverage.coverageOf('lib/a.ts'));
    assert.equal(node?.mapLine?.line, 23);
    assert.equal(node?.mapLine?.map, map);
    assert.equal(node?.children?.[0]?.mapLine?.line, 23);
  });

  it('is empty for a file no journey covers', () => {
    assert.deepEqual(thisFileNodes(coverage.coverageOf('docs/x.md')), []);
  });
});
