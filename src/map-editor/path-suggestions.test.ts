import * as assert from 'node:assert/strict';
import { pathSuggestions } from './path-suggestions';

const FILES = [
  'README.md',
  'db/a.sql',
  'db/b.sql',
  'services/payments/charge.ts',
  'services/payments/refund.ts',
  'services/search/index.ts',
  'web/cx-map.yaml',
  'web/src/cart.ts',
];

describe('paths entry suggestions', () => {
  it('offers the top-level folders and files, then **/*.ext shapes by how common the extension is', () => {
    const s = pathSuggestions('', '', FILES);
    assert.deepEqual(
      s.map((x) => x.text),
      ['db/', 'services/', 'web/', 'README.md', '**/*.ts', '**/*.sql', '**/*.md', '**/*.yaml'],
    );
    assert.equal(s[1]?.detail, '3 files');
  });

  it('goes one segment at a time and offers dir/** for the folder typed', () => {
    const s = pathSuggestions('services/pa', '', FILES);
    assert.deepEqual(
      s.filter((x) => x.kind !== 'shape').map((x) => [x.text, x.label]),
      [
        ['services/payments/', 'payments/'],
        ['services/search/', 'search/'],
      ],
    );
    assert.ok(s.some((x) => x.text === 'services/**'));
    assert.ok(s.some((x) => x.text === 'services/**/*.ts'));
  });

  it('keeps a leading ! and works from the map folder', () => {
    assert.deepEqual(
      pathSuggestions('!', 'web', FILES)
        .filter((x) => x.kind !== 'shape')
        .map((x) => x.text),
      ['!src/', '!cx-map.yaml'],
    );
  });
});
