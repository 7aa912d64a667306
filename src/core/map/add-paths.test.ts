import * as assert from 'node:assert/strict';
import { parseMap } from './parse';
import { addPathsEdit } from './add-paths';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    touchpoints:
      # The cart, before paying.
      - id: cart
        name: Cart
        paths:
          - src/cart.ts # the cart itself
  # Refunds come later.
`;

function apply(text: string, edit: { start: number; end: number; text: string }): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

describe('adding entry points to a touchpoint (one edit)', () => {
  it('appends several paths to an existing touchpoint in one insertion, keeping comments', () => {
    const result = addPathsEdit(MAP, { journey: 'checkout', touchpoint: 'cart' }, [
      'src/a.ts',
      'src/b.ts',
      'src/cart.ts',
    ]);
    assert.ok('edit' in result);
    assert.equal(result.edit.start, result.edit.end, 'an insertion');
    const out = apply(MAP, result.edit);
    assert.match(out, /- src\/cart\.ts # the cart itself\n {10}- src\/a\.ts\n {10}- src\/b\.ts\n/);
    assert.match(out, /# Refunds come later\./);
    assert.deepEqual(result.added, ['src/a.ts', 'src/b.ts']);
    assert.deepEqual(parseMap(out, 'cx-map.yaml').diagnostics, []);
  });

  it('creates a new touchpoint with every path', () => {
    const result = addPathsEdit(
      MAP,
      { journey: 'checkout', touchpoint: 'receipts', newTouchpoint: { name: 'Receipts' } },
      ['svc/receipt.go', 'svc/print.go'],
    );
    assert.ok('edit' in result);
    const map = parseMap(apply(MAP, result.edit), 'cx-map.yaml');
    assert.deepEqual(map.diagnostics, []);
    assert.deepEqual(
      map.map!.journeys[0]!.touchpoints[1]!.paths.map((p) => p.source),
      ['svc/receipt.go', 'svc/print.go'],
    );
  });

  it('says when every path is already there, and passes problems on', () => {
    assert.deepEqual(addPathsEdit(MAP, { journey: 'checkout', touchpoint: 'cart' }, ['src/cart.ts']), {
      already: true,
    });
    assert.ok('problem' in addPathsEdit(MAP, { journey: 'nope', touchpoint: 'cart' }, ['x']));
  });
});
