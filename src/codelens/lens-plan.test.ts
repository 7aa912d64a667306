import * as assert from 'node:assert/strict';
import { literalMap } from '../core/match/literal-map';
import { Matcher } from '../core/match/matcher';
import { planLenses, needsSymbols } from './lens-plan';

describe('planLenses', () => {
  const map = literalMap('', [
    { id: 'checkout', tier: 'critical', touchpoints: [{ id: 'pay', paths: ['src/**'] }] },
    {
      id: 'refunds',
      tier: 'high',
      touchpoints: [{ id: 'ask', paths: ['src/refund.ts'], symbols: ['Refunds.request', 'format*'] }],
    },
  ]);
  const matcher = new Matcher([map]);
  const symbols = [
    { name: 'Refunds', selectionRange: 1, range: 1 },
    { name: 'Refunds.request', selectionRange: 2, range: 2 },
    { name: 'Refunds.approve', selectionRange: 3, range: 3 },
    { name: 'formatStatus', selectionRange: 4, range: 4 },
  ];

  it('puts whole-file touchpoints at the top and scoped ones above their symbols', () => {
    const planned = planLenses(matcher.coverageOf('src/refund.ts'), symbols);
    assert.deepEqual(
      planned.map((p) => [p.at, p.title]),
      [
        [undefined, 'checkout › pay · critical'],
        [2, 'refunds › ask · high'],
        [4, 'refunds › ask · high'],
      ],
    );
  });

  it('leaves scoped touchpoints out until the symbols are known', () => {
    const coverage = matcher.coverageOf('src/refund.ts');
    assert.equal(needsSymbols(coverage), true);
    assert.deepEqual(
      planLenses(coverage, undefined).map((p) => p.at),
      [undefined],
    );
  });

  it('plans nothing for an uncovered file', () => {
    assert.deepEqual(planLenses(matcher.coverageOf('docs/readme.md'), symbols), []);
    assert.equal(needsSymbols([]), false);
  });
});
