// The indexed Matcher must answer exactly what the naive minimatch definition answers.
import * as assert from 'node:assert/strict';
import type { Coverage, CxMap } from '../types';
import { literalMap } from '../match/literal-map';
import { Matcher, type PatternHit } from '../match/matcher';
import { NaiveMatcher, naiveCoverageOfAll } from '../match/naive';
import { seededRandom, syntheticMaps, syntheticPaths } from '../../../test/synthetic/synthetic-repo';
import { computeImpact } from './impact';

const key = (c: Coverage | PatternHit): string =>
  `${c.map.file}#${c.journey.id}.${c.touchpoint.id}:${c.pattern.line}:${c.pattern.source}`;
const keys = (list: ReadonlyArray<Coverage | PatternHit>): string[] => list.map(key);

function allPatterns(maps: readonly CxMap[]): string[] {
  return maps.flatMap((m) => m.journeys.flatMap((j) => j.touchpoints.flatMap((t) => t.paths.map((p) => p.source))));
}

describe('Matcher agrees with the naive reference', () => {
  describe('on minimatch corner cases', () => {
    // Every pattern against every path: the shapes the index decides with string operations,
    // next to the ones it hands to minimatch, on the paths where they differ.
    const patterns = [
      'a',
      'a/',
      'a/**',
      'a/*',
      'a/**/*',
      'a/*/',
      'a/**/',
      '**',
      '*',
      '*/',
      '**/*',
      '.a',
      '*.ts',
      '**/*.ts',
      'a/*.ts',
      'a/**/*.ts',
      '*ts',
      '**/*ts',
      'a/b',
      'a/b/',
      'a/**/b',
      '**/b',
      '**/b/',
      '**/b/**',
      '**/b/*',
      'a/**/b/**',
      '**/.a',
      'a/**/**',
      '**/**',
      '{a,b}',
      '{a,b}/',
      '{a,b}/**',
      '{a,/b}',
      '{a,b/}',
      '{,a}/b',
      'a{,.ts}',
      '{a,b}{,/c}',
      'a/{b,c/**}',
      '{**/x.ts,a}',
      '#a',
      '\\#a',
      'a//b',
      'a/./b',
      './a',
      '/a',
      './/a',
      '//a',
      'a/../a/b',
      '\\*',
      'a/\\*',
      '[a]',
      'a/[!b]',
      'a/[^b]*',
      '*(a)',
      'a/+(b|c)',
      'a/@(b)',
      'a/!(b)',
      'a/?(b).ts',
      '!(a)',
      'a/!(b)/**',
      '?',
      'a/?',
      '**/?',
      '.*',
      'a/.*',
      '**/.*',
      'x.ts',
      '.ts',
      '**/.ts',
      'a b/**',
      'ü/**',
      '**/日本/**',
      'a/b.ts/**',
      '*.ts/',
      '**/*.ts/',
      'a/b/c',
      'a/*/c',
      '**/+(b|c)/**',
      '**/?/c',
      'a/**/[b]',
      '*/b/**',
      '**/*.+(ts|js)',
      'a/*/c/**',
      '[ab]/**',
      '**/[ab]',
      '**/[ab]/',
      '?/?/**',
      '**/b/?',
      'a/**/?.ts',
      '@(a|b)/*',
      '*/**/b',
      '[.]a',
      'a/[.]*',
    ];
    const paths = [
      'a',
      '.a',
      'b',
      'a/b',
      'a/.b',
      'a/b/c',
      'a/b/.c',
      'a/c/b',
      'a/c/b/d',
      'b/a',
      'b/c',
      'x/b',
      'x/b/y',
      'x.ts',
      '.ts',
      'a/x.ts',
      'a/.ts',
      'a/b/x.ts',
      'a/b.ts/c',
      'b/x.ts/y',
      'ats',
      'a/bts',
      'a b/c',
      'ü/ß',
      'x/日本/y',
      'x/日本',
      '#a',
      '*',
      'a/*',
      'a/?',
      '[a]',
      'a/bb',
      'a/c',
      'c/a/b',
      '.a/b/c',
      'a/b/c/d/e/f.ts',
      'b/.a',
      'a/b/c/x.ts',
    ];
    for (const negated of [false, true]) {
      it(negated ? 'negated patterns after `**`' : 'plain patterns', () => {
        const maps = patterns.map((pattern, i) =>
          literalMap(i % 3 === 0 ? '' : i % 3 === 1 ? 'a' : 'x', [
            { id: `j${i}`, touchpoints: [{ id: 't', paths: negated ? ['**', `!${pattern}`] : [pattern] }] },
          ]),
        );
        // Each pattern also once in a root map, so the package-map copies add, not replace.
        maps.push(
          literalMap('', [
            {
              id: 'root',
              touchpoints: patterns.map((pattern, i) => ({
                id: `t${i}`,
                paths: negated ? ['**', `!${pattern}`] : [pattern],
              })),
            },
          ]),
        );
        const matcher = new Matcher(maps);
        const naive = new NaiveMatcher(maps);
        let covered = 0;
        for (const path of [...paths, ...paths.map((p) => `a/${p}`), ...paths.map((p) => `x/${p}`)]) {
          const expected = keys(naive.coverageOf(path));
          covered += expected.length;
          assert.deepEqual(keys(matcher.coverageOf(path)), expected, `coverageOf(${path})`);
          assert.deepEqual(
            keys(matcher.patternsMatching(path)),
            keys(naive.patternsMatching(path)),
            `patternsMatching(${path})`,
          );
        }
        assert.ok(covered > 100, 'the corner cases cover something');
      });

      it(`${negated ? 'negated patterns after `**`' : 'plain patterns'}: a lookup in a folder answered before, the walker elsewhere`, () => {
        const maps = patterns.map((pattern, i) =>
          literalMap(i % 3 === 0 ? '' : i % 3 === 1 ? 'a' : 'x', [
            { id: `j${i}`, touchpoints: [{ id: 't', paths: negated ? ['**', `!${pattern}`] : [pattern] }] },
          ]),
        );
        const matcher = new Matcher(maps);
        const naive = new NaiveMatcher(maps);
        const all = [
          ...paths,
          ...paths.map((p) => `a/${p}`),
          ...paths.map((p) => `x/${p}`),
          ...paths.map((p) => `a/b/${p}`),
        ];
        // Twice each, so that every folder is kept; then in an order that jumps between folders, so that each lookup
        // finds its folder kept while the walker stands in another.
        for (const path of all) for (let i = 0; i < 2; i++) matcher.coverageOf(path);
        const random = seededRandom(negated ? 2 : 1);
        const jumbled = [...all, ...all].sort(() => random() - 0.5);
        for (const path of jumbled)
          assert.deepEqual(keys(matcher.coverageOf(path)), keys(naive.coverageOf(path)), `coverageOf(${path})`);
      });
    }
  });

  describe('on a generated repository (seed 7: 50,000 paths, 1,200 patterns)', function () {
    this.timeout(60_000);
    const random = seededRandom(7);
    const paths = syntheticPaths(50_000, random);
    const maps = syntheticMaps(paths, { patterns: 1_200, packageMaps: 3 }, random);
    const matcher = new Matcher(maps);
    let oracle: ReturnType<typeof naiveCoverageOfAll>;

    before(function () {
      this.timeout(60_000);
      oracle = naiveCoverageOfAll(maps, paths);
    });

    it('exercises every kind of pattern', () => {
      const sources = allPatterns(maps);
      assert.equal(sources.length, 1_200);
      assert.ok(maps.length >= 2, 'a root map and package maps');
      assert.ok(sources.filter((s) => s.startsWith('!')).length >= 100, 'negations');
      assert.ok(sources.filter((s) => s.includes('{')).length >= 50, 'braces');
      const shape = matcher.indexShape;
      for (const kind of ['exact', 'anyChild', 'childSuffix', 'deep', 'wild', 'floating', 'regex'] as const) {
        assert.ok(shape[kind] > 0, `some ${kind} alternatives`);
      }
      const covered = oracle.coverage.filter((c) => c.length > 0).length;
      assert.ok(covered > 5_000 && covered < 50_000, `a mix of covered and uncovered paths (${covered} covered)`);
    });

    it('coverageOf equals the naive answer for every path', () => {
      paths.forEach((path, i) => assert.deepEqual(keys(matcher.coverageOf(path)), keys(oracle.coverage[i]!), path));
    });

    it('decideAll names, for every path, the deciding patterns of the naive answer (in any order)', () => {
      // Shuffled, with repeats and a path the walk cannot take: decideAll sorts and walks once.
      const random = seededRandom(5);
      const odd = 'services//x.ts';
      const asked = [...paths, odd, ...paths.slice(0, 500)].sort(() => random() - 0.5);
      const answer = new Map(paths.map((path, i) => [path, oracle.coverage[i]!]));
      answer.set(odd, new NaiveMatcher(maps).coverageOf(odd));
      const { order, start, pids } = matcher.decideAll(asked);
      const { hits } = matcher.patternTable;
      assert.equal(order.length, asked.length);
      for (let k = 0; k < order.length; k++) {
        const path = asked[order[k]!]!;
        const got = [...pids.subarray(start[k], start[k + 1])]
          .map((pid) => key({ ...hits[pid]!, symbolScoped: false }))
          .sort();
        assert.deepEqual(got, answer.get(path)!.map(key).sort(), path);
      }
    });

    it('computeImpact reports the same from decideAll as from one coverageOf a path', () => {
      const random = seededRandom(6);
      const withSymbols = [
        ...maps,
        literalMap('', [
          { id: 'scoped', tier: 'critical', touchpoints: [{ id: 'pay', paths: ['**/*.ts'], symbols: ['Charge*'] }] },
        ]),
      ];
      const bulk = new Matcher(withSymbols);
      const changedFiles = Array.from({ length: 3_000 }, (_, i) => {
        const path = paths[Math.floor(random() * paths.length)]!;
        return i % 50 === 0
          ? { path: `${path}.moved`, oldPath: path, status: 'renamed' as const }
          : { path, status: 'modified' as const };
      });
      const viaDecideAll = computeImpact({ base: 'b', head: 'h', coverage: bulk, changedFiles });
      const perPath = computeImpact({
        base: 'b',
        head: 'h',
        coverage: { coverageOf: (path) => bulk.coverageOf(path) },
        changedFiles,
      });
      assert.ok(viaDecideAll.journeys.length > 10, 'the change touches journeys');
      assert.ok(
        viaDecideAll.journeys.some((j) => j.touchpoints.some((t) => t.precision === 'file')),
        'a touchpoint scoped to symbols',
      );
      assert.deepEqual(viaDecideAll, perPath);
    });

    it('coverageReport counts what the naive reference counts', () => {
      const report = matcher.coverageReport(paths);
      assert.deepEqual(
        report.uncoveredFiles,
        paths.filter((_, i) => oracle.coverage[i]!.length === 0),
      );
      assert.equal(report.coveredFiles, paths.length - report.uncoveredFiles.length);
      const decided = new Map<unknown, number>();
      for (const list of oracle.coverage) {
        for (const c of list) {
          decided.set(c.pattern, (decided.get(c.pattern) ?? 0) + 1);
          decided.set(c.touchpoint, (decided.get(c.touchpoint) ?? 0) + 1);
        }
      }
      for (const p of report.patterns) {
        const where = `${p.pattern.source} (line ${p.pattern.line})`;
        assert.equal(p.files, oracle.patternFiles.get(p.pattern), where);
        assert.equal(p.decided, decided.get(p.pattern) ?? 0, where);
      }
      for (const t of report.touchpoints)
        assert.equal(t.files, decided.get(t.touchpoint) ?? 0, `${t.journey.id}.${t.touchpoint.id}`);
    });

    it('the tree walk of the reference equals the plain per-path loop on a sample', () => {
      const naive = new NaiveMatcher(maps);
      const sample = seededRandom(99);
      for (let n = 0; n < 300; n++) {
        const i = Math.floor(sample() * paths.length);
        const path = paths[i]!;
        assert.deepEqual(keys(naive.coverageOf(path)), keys(oracle.coverage[i]!), path);
        assert.deepEqual(keys(matcher.patternsMatching(path)), keys(naive.patternsMatching(path)), path);
      }
    });
  });

  // coverageOf keeps the answers of folders asked about twice and jumps back to them: lookups in
  // random order, about twice per path, with patternsMatching in between, on both map shapes.
  for (const density of ['realistic', 'dense'] as const) {
    describe(`in random order, with the folder cache (${density} maps, seed 11: 4,000 paths, 800 patterns)`, function () {
      this.timeout(60_000);
      const random = seededRandom(11);
      const paths = syntheticPaths(4_000, random);
      const maps = syntheticMaps(paths, { patterns: 800, packageMaps: 3, density }, random);

      it('coverageOf and patternsMatching equal the naive answers, cold and cached', () => {
        const oracle = naiveCoverageOfAll(maps, paths);
        const matcher = new Matcher(maps);
        const naive = new NaiveMatcher(maps);
        const order = seededRandom(12);
        let covered = 0;
        for (let n = 0; n < 2 * paths.length; n++) {
          const i = Math.floor(order() * paths.length);
          const path = paths[i]!;
          const expected = keys(oracle.coverage[i]!);
          covered += expected.length > 0 ? 1 : 0;
          assert.deepEqual(keys(matcher.coverageOf(path)), expected, path);
          if (n % 17 === 0)
            assert.deepEqual(keys(matcher.patternsMatching(path)), keys(naive.patternsMatching(path)), path);
          // The same folder again straight away, through another file of it when there is one.
          const sibling = paths[i + 1];
          if (n % 3 === 0 && sibling !== undefined)
            assert.deepEqual(keys(matcher.coverageOf(sibling)), keys(oracle.coverage[i + 1]!), sibling);
        }
        assert.ok(covered > paths.length / 2, `most lookups are of covered files (${covered})`);
      });

      it('an answer is a fresh array: changing it changes no later answer', () => {
        const matcher = new Matcher(maps);
        const naive = new NaiveMatcher(maps);
        const path = paths.find((p) => naive.coverageOf(p).length > 1)!;
        const first = matcher.coverageOf(path);
        const expected = keys(first);
        first.length = 0;
        matcher.coverageOf(path);
        assert.deepEqual(keys(matcher.coverageOf(path)), expected);
      });
    });
  }
});
