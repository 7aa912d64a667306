import * as assert from 'node:assert/strict';
import { parseMap } from '../core/map/parse';
import { scaffoldMap, topLevelFolders } from './scaffold';

describe('the starter map', () => {
  it('lists the top-level folders, most files first, without hidden, dependency and build folders', () => {
    assert.deepEqual(
      topLevelFolders([
        'README.md',
        'src/a.ts',
        'src/b.ts',
        'docs/x.md',
        '.github/ci.yml',
        'node_modules/y/index.js',
        'dist/a.js',
      ]),
      ['src', 'docs'],
    );
  });

  it('is a map that check accepts, with the first folder in use and the others commented out', () => {
    const text = scaffoldMap(['services', 'web', '@scope']);
    assert.deepEqual(parseMap(text, 'cx-map.yaml').diagnostics, []);
    assert.match(text, /^ {10}- services\/\*\*$/m);
    assert.match(text, /^ {10}# - web\/\*\*$/m);
    assert.match(text, /^ {10}# - "@scope\/\*\*"$/m);
    assert.ok(text.startsWith('# Journey map'));
  });

  it('is valid without any folder too', () => {
    assert.deepEqual(parseMap(scaffoldMap([]), 'cx-map.yaml').diagnostics, []);
  });
});
