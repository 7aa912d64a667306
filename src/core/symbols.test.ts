import * as assert from 'node:assert/strict';
import { qualifySymbols, symbolMatches } from './symbols';

describe('symbols', () => {
  const cases: Array<[string, string, boolean]> = [
    ['PaymentService.charge', 'PaymentService.charge', true],
    ['PaymentService.charge', 'PaymentService.refund', false],
    ['PaymentService.*', 'PaymentService.refund', true],
    ['PaymentService.*', 'PaymentService', false],
    ['PaymentService.*', 'PaymentService.a.b', false],
    ['*.charge', 'Billing.charge', true],
    ['refund', 'refund', true],
    ['refund', 'Refunds.refund', false],
    ['re*nd', 'refund', true],
    ['re*nd', 'rend', true],
    ['re*nd', 'ren', false],
    ['*Service.charge*', 'PaymentService.chargeCard', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'acb', false],
    ['a*a', 'a', false],
  ];
  for (const [pattern, name, expected] of cases) {
    it(`${pattern} ${expected ? 'matches' : 'does not match'} ${name}`, () => {
      assert.equal(symbolMatches(pattern, name), expected);
    });
  }

  it('qualifies nested symbols and strips signatures', () => {
    const tree = [
      {
        name: 'PaymentService',
        range: 1,
        selectionRange: 1,
        children: [{ name: 'charge(amount)', range: 2, selectionRange: 2 }],
      },
      { name: 'refund', range: 3, selectionRange: 3 },
    ];
    assert.deepEqual(
      qualifySymbols(tree).map((s) => s.name),
      ['PaymentService', 'PaymentService.charge', 'refund'],
    );
  });
});
