// A cache entry is data from disk (contract §5.5): what framework wiring adds to a file's imports (contract §5.6) is
// accepted only in its exact shape, so a tampered cache cannot make the graph throw.
import * as assert from 'node:assert/strict';
import { isFileImports } from './graph-cache';

describe('cache entries with framework wiring', () => {
  const good = {
    imports: [
      {
        specifier: './a',
        kind: 'import',
        line: 0,
        typeOnly: true,
        names: ['A'],
        metadata: ['A'],
        usedIn: ['C', 'C.constructor'],
      },
    ],
    reexports: [],
    exports: ['C'],
    partial: false,
    typeExports: ['I'],
    abstracts: ['I'],
    uses: ['Money'],
    declares: ['handler'],
    methods: ['render'],
    implementations: [
      { impl: { name: 'C' }, of: { name: 'A', specifier: './a' } },
      { impl: { name: 'B', specifier: './b' }, of: { name: 'A' }, provider: true },
    ],
  };

  it('accepts what the reader answers', () => {
    assert.equal(isFileImports(good), true);
  });

  it('refuses each new field in any other shape', () => {
    const bad: [string, unknown][] = [
      ['uses', 5],
      ['declares', [1]],
      ['implementations', 'x'],
      ['implementations', [{ impl: { name: 'C' } }]],
      ['implementations', [{ impl: { name: 'C' }, of: { name: 1 } }]],
      ['implementations', [{ impl: { name: 'C' }, of: { name: 'A', specifier: 2 } }]],
      ['implementations', [{ impl: { name: 'C' }, of: { name: 'A' }, provider: 'yes' }]],
    ];
    for (const [field, value] of bad)
      assert.equal(isFileImports({ ...good, [field]: value }), false, `${field}: ${JSON.stringify(value)}`);
    assert.equal(isFileImports({ ...good, imports: [{ ...good.imports[0], usedIn: 'C' }] }), false);
    assert.equal(isFileImports({ ...good, imports: [{ ...good.imports[0], metadata: [null] }] }), false);
  });
});
