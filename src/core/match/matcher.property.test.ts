// Property test (fast-check): the indexed Matcher answers what the naive minimatch reference answers, for patterns
// and paths drawn from a grammar of literals, `*`, `**`, `?`, braces, extglobs, classes, `!`, trailing `/`,
// dotfiles, unicode and spaces. `npm run fuzz` runs the same property with far more cases.
import * as assert from 'node:assert/strict';
import { literalMap } from './literal-map';
import { Matcher } from './matcher';
import { NaiveMatcher } from './naive';
import { matcherEqualsNaive } from '../../../test/properties/patterns';
import { describeRun, runProperty, suiteRuns } from '../../../test/properties/run';

describe('Matcher property: equals the naive reference on random patterns and paths', function () {
  this.timeout(180_000);

  it(`holds for ${suiteRuns(1000)} random maps and path lists`, () => {
    console.log(`      ${describeRun(runProperty(matcherEqualsNaive, suiteRuns(1000)))}`);
  });

  // Found by the property: a pattern ending in `/` whose last part is a `**` (or `*`) after a generic or `**/name`
  // part was indexed as if the trailing slash were not there, so it also covered the files directly inside.
  it('a folder-only pattern ending in `**/` or `*/` needs a folder below its last named part', () => {
    const cases: [string, string, boolean][] = [
      ['*a/**/', 'a/a', false],
      ['*a/**/', 'a/a/b', true],
      ['?/**/', 'a/a', false],
      ['*{a,b}/**/', 'a/a', false],
      ['*/**/', 'a/f', false],
      ['*/**/', 'a/b/f', true],
      ['**/a/**/', 'x/a/f', false],
      ['**/a/**/', 'x/a/b/f', true],
      ['**/*a/**/', 'x/a/f', false],
      ['**/a/*/', 'x/a/f', false],
      ['**/a/*/', 'x/a/b/f', true],
      ['*a/**', 'a/a', true],
      ['**/a/**', 'x/a/f', true],
    ];
    for (const [pattern, path, covered] of cases) {
      const maps = [literalMap('', [{ id: 'j', touchpoints: [{ id: 't', paths: [pattern] }] }])];
      assert.equal(new NaiveMatcher(maps).coverageOf(path).length > 0, covered, `reference: ${pattern} on ${path}`);
      assert.equal(new Matcher(maps).coverageOf(path).length > 0, covered, `${pattern} on ${path}`);
      assert.equal(
        new Matcher(maps).coverageReport([path]).coveredFiles,
        covered ? 1 : 0,
        `coverageReport: ${pattern} on ${path}`,
      );
    }
  });
});
