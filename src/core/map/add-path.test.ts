import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseMap } from './parse';
import { addPathEdit, type AddPathTarget } from './add-path';
import { applyEdits } from './fix-edits';

const FIXTURE = fs.readFileSync(path.join(__dirname, '../../../test/fixtures/workspace/cx-map.yaml'), 'utf8');

function add(text: string, target: AddPathTarget): string {
  const result = addPathEdit(text, target);
  assert.ok('edit' in result, JSON.stringify(result));
  return applyEdits(text, [result.edit]);
}

/** The text minus `inserted`, which must appear exactly once: everything else is byte for byte the same. */
function without(text: string, inserted: string): string {
  assert.equal(text.split(inserted).length, 2, `inserted once: ${inserted}`);
  return text.replace(inserted, '');
}

describe('adding a path to a touchpoint', () => {
  it('appends to a block paths list after its last entry, keeping everything else', () => {
    const out = add(FIXTURE, { journey: 'checkout', touchpoint: 'pay', pattern: 'docs/notes.md' });
    assert.equal(without(out, '\n          - docs/notes.md'), FIXTURE);
    assert.ok(
      out.includes('"!services/payments/**/*.test.ts"\n          - docs/notes.md\n      - id: confirmation-email'),
    );
    assert.deepEqual(parseMap(out, 'cx-map.yaml').diagnostics, []);
  });

  it('quotes what YAML needs quoted and says when the pattern is already there', () => {
    const out = add(FIXTURE, { journey: 'sign-in', touchpoint: 'login', pattern: '**/*.sql' });
    assert.ok(
      out.endsWith('          - services/accounts/\n          - "**/*.sql"\n') ||
        out.endsWith('          - services/accounts/\n          - "**/*.sql"'),
      out.slice(-80),
    );
    assert.deepEqual(
      addPathEdit(FIXTURE, {
        journey: 'checkout',
        touchpoint: 'confirmation-email',
        pattern: 'services/payments/receipt.ts',
      }),
      { already: true },
    );
  });

  it('adds to the touchpoint before the symbols list and a blank line', () => {
    const out = add(FIXTURE, {
      journey: 'refunds',
      touchpoint: 'request-refund',
      pattern: 'services/payments/charge.ts',
    });
    assert.ok(
      out.includes(
        '          - services/payments/refund.ts\n          - services/payments/charge.ts\n        symbols:',
      ),
      out,
    );
  });

  it('creates a touchpoint at the end of a journey, and a journey at the end of the map', () => {
    const tp = add(FIXTURE, {
      journey: 'checkout',
      touchpoint: 'receipt-pdf',
      newTouchpoint: { name: 'Receipt: PDF' },
      pattern: 'services/payments/receipt.ts',
    });
    assert.equal(
      without(
        tp,
        '\n      - id: receipt-pdf\n        name: "Receipt: PDF"\n        paths:\n          - services/payments/receipt.ts',
      ),
      FIXTURE,
    );
    assert.deepEqual(parseMap(tp, 'cx-map.yaml').diagnostics, []);
    const j = add(FIXTURE, {
      journey: 'search',
      newJourney: { name: 'Search' },
      touchpoint: 'results',
      newTouchpoint: { name: 'Results' },
      pattern: 'services/search/**',
    });
    assert.equal(
      without(
        j,
        '\n  - id: search\n    name: Search\n    touchpoints:\n      - id: results\n        name: Results\n        paths:\n          - services/search/**',
      ),
      FIXTURE,
    );
    assert.deepEqual(parseMap(j, 'cx-map.yaml').diagnostics, []);
  });

  it('keeps CRLF line ends and writes into flow lists', () => {
    const crlf =
      'version: 1\r\njourneys:\r\n  - id: a\r\n    name: A\r\n    touchpoints:\r\n      - id: t\r\n        name: T\r\n        paths:\r\n          - x/**\r\n';
    assert.equal(
      add(crlf, { journey: 'a', touchpoint: 't', pattern: 'y/**' }),
      crlf.replace('x/**\r\n', 'x/**\r\n          - y/**\r\n'),
    );
    const flow =
      'version: 1\njourneys:\n  - id: a\n    name: A\n    touchpoints:\n      - { id: t, name: T, paths: [x/**] }\n';
    assert.equal(add(flow, { journey: 'a', touchpoint: 't', pattern: 'y/**' }), flow.replace('[x/**]', '[x/**, y/**]'));
  });

  it('refuses a map with YAML errors or an unknown target instead of guessing', () => {
    assert.ok('problem' in addPathEdit('journeys: [', { journey: 'a', touchpoint: 't', pattern: 'x' }));
    assert.ok('problem' in addPathEdit(FIXTURE, { journey: 'nope', touchpoint: 't', pattern: 'x' }));
  });
});
