import * as assert from 'node:assert/strict';
import * as posix from 'node:path/posix';
import * as fc from 'fast-check';
import { dirname, join, normalize } from './posix-path';

// Paths built from the pieces that make the cases: names, dots, empty parts (repeated slashes), a leading or trailing slash.
const piece = fc.constantFrom('a', 'b', 'x.ts', '.', '..', '...', '', '.a', 'a.');
const path = fc.array(piece, { maxLength: 7 }).map((parts) => parts.join('/'));

describe('core/posix-path answers as node:path/posix', () => {
  it('dirname', () =>
    fc.assert(
      fc.property(path, (p) => assert.equal(dirname(p), posix.dirname(p))),
      { numRuns: 3000 },
    ));
  it('normalize', () =>
    fc.assert(
      fc.property(path, (p) => assert.equal(normalize(p), posix.normalize(p))),
      { numRuns: 3000 },
    ));
  it('join', () =>
    fc.assert(
      fc.property(path, path, (a, b) => assert.equal(join(a, b), posix.join(a, b))),
      { numRuns: 3000 },
    ));
  it('the cases the entry points meet', () => {
    for (const p of ['main.go', 'cmd/api/main.go', 'a/b/../c.ts', './x', '../x', '/']) {
      assert.equal(dirname(p), posix.dirname(p));
      assert.equal(join(dirname(p), './routes/users'), posix.join(posix.dirname(p), './routes/users'));
    }
  });
});
