// Random patterns and paths from a small grammar: the indexed Matcher answers what the naive minimatch reference does.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { literalMap, type JourneySpec } from '../../src/core/match/literal-map';
import { Matcher, type PatternHit } from '../../src/core/match/matcher';
import { NaiveMatcher, naiveCoverageOfAll } from '../../src/core/match/naive';
import type { Coverage, CxMap, Tier } from '../../src/core/types';
import { TIERS } from '../../src/core/types';
import { property } from './run';

/**
 * Segment names the paths are made of. The patterns use the same letters, so they match often: a grammar over
 * unrelated alphabets would compare two empty answers most of the time.
 */
const NAMES = [
  'a',
  'b',
  'ab',
  'ba',
  'a.ts',
  'b.md',
  '.a',
  '.env',
  'x',
  'a b',
  'ü',
  '日本',
  'a-1',
  '#a',
  '!a',
  '*',
  '?',
  '[a]',
  '{a}',
  'a,b',
  '(a)',
  'A',
];

/** One piece of a segment: literals, wildcards, classes, braces, extglobs, escapes. */
const piece = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('a', 'b', 'x', '.', '-', '1', ' ', 'ü', '日本', 'ts', 'md', 'A', '#', ',', '(', ')'),
  },
  { weight: 4, arbitrary: fc.constantFrom('*', '?', '**') },
  { weight: 2, arbitrary: fc.constantFrom('[ab]', '[!a]', '[^b]', '[a-c]', '[.]', '[*]', '[]', '[[:alpha:]]') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '{a,b}',
      '{,a}',
      '{a,}',
      '{a,b/c}',
      '{1..3}',
      '{a..c}',
      '{a}',
      '{}',
      '{**,x}',
      '{a,{b,c}}',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom('+(a|b)', '@(a)', '!(a)', '*(a|x)', '?(a)', '!(a|b)*', '+(a)') },
  { weight: 1, arbitrary: fc.constantFrom('\\*', '\\?', '\\[', '\\!', '\\{', '\\\\', '\\a') },
);

const segment = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('**', '*', '.*', '.a', '.env', '..', '.', '') },
  { weight: 5, arbitrary: fc.array(piece, { minLength: 1, maxLength: 3 }).map((p) => p.join('')) },
);

export const patternSource = fc
  .tuple(
    fc.constantFrom('', '', '', '!', './', '/', '!./', '!/', '//', '#'),
    fc.array(segment, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', '', '', '/', '//'),
  )
  .map(([prefix, segments, suffix]) => `${prefix}${segments.join('/')}${suffix}`);

export const pathSource = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.array(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 5 }).map((s) => s.join('/')),
  },
  // Odd paths take the matcher's slow road: empty, `.` and `..` segments.
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...NAMES, '', '.', '..'), { minLength: 1, maxLength: 4 })
      .map((s) => s.join('/')),
  },
);

const DIRS = ['', 'a', 'a/b', 'x'];

export interface MatcherCase {
  maps: CxMap[];
  paths: string[];
}

const journeys = fc.array(
  fc.record({
    tier: fc.constantFrom<Tier>(...TIERS),
    touchpoints: fc.array(fc.array(patternSource, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 2 },
);

export const matcherCase: fc.Arbitrary<MatcherCase> = fc
  .record({
    maps: fc.array(fc.tuple(fc.constantFrom(...DIRS), journeys), { minLength: 1, maxLength: 2 }),
    paths: fc.array(pathSource, { minLength: 1, maxLength: 16 }),
  })
  .map(({ maps, paths }) => ({
    maps: maps.map(([dir, js], m) =>
      literalMap(
        dir,
        js.map((j, ji): JourneySpec => ({
          id: `j${m}-${ji}`,
          tier: j.tier,
          touchpoints: j.touchpoints.map((paths, ti) => ({ id: `t${ti}`, paths })),
        })),
      ),
    ),
    paths,
  }));

const key = (c: Coverage | PatternHit): string =>
  `${c.map.file}#${c.journey.id}.${c.touchpoint.id}:${c.pattern.line}:${c.pattern.source}`;
const keys = (list: ReadonlyArray<Coverage | PatternHit>): string[] => list.map(key);

function describeCase(c: MatcherCase): string {
  return c.maps
    .map(
      (m) =>
        `${m.dir || '.'}: ${m.journeys.map((j) => j.touchpoints.map((t) => JSON.stringify(t.paths.map((p) => p.source))).join(' ')).join(' | ')}`,
    )
    .join('; ');
}

/** Per path and for the whole list at once: coverageOf, patternsMatching and coverageReport equal the reference. */
export function checkMatcherCase(c: MatcherCase): void {
  const matcher = new Matcher(c.maps);
  const naive = new NaiveMatcher(c.maps);
  const where = describeCase(c);
  for (const path of c.paths) {
    assert.deepEqual(
      keys(matcher.coverageOf(path)),
      keys(naive.coverageOf(path)),
      `coverageOf(${JSON.stringify(path)}) with ${where}`,
    );
    assert.deepEqual(
      keys(matcher.patternsMatching(path)),
      keys(naive.patternsMatching(path)),
      `patternsMatching(${JSON.stringify(path)}) with ${where}`,
    );
  }
  // The tree walk of the reference needs clean paths (no empty, `.` or `..` segments), each once.
  const clean = [...new Set(c.paths.filter((p) => p.split('/').every((s) => s !== '' && s !== '.' && s !== '..')))];
  if (clean.length === 0) return;
  const report = matcher.coverageReport(clean);
  const oracle = naiveCoverageOfAll(c.maps, clean);
  assert.deepEqual(
    report.uncoveredFiles,
    clean.filter((_, i) => oracle.coverage[i]!.length === 0),
    `uncoveredFiles with ${where}`,
  );
  assert.equal(report.coveredFiles, clean.length - report.uncoveredFiles.length);
  for (const p of report.patterns)
    assert.equal(p.files, oracle.patternFiles.get(p.pattern), `files of ${p.pattern.source} with ${where}`);
  clean.forEach((path, i) =>
    assert.deepEqual(keys(matcher.coverageOf(path)), keys(oracle.coverage[i]!), `tree walk for ${path} with ${where}`),
  );
}

export const matcherEqualsNaive = property({
  name: 'Matcher = naive reference: random patterns and paths',
  arbitrary: matcherCase,
  check: checkMatcherCase,
});
