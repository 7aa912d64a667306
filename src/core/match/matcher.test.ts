import * as assert from 'node:assert/strict';
import type { Coverage, CxMap } from '../types';
import { literalMap, type JourneySpec } from './literal-map';
import { Matcher, type PatternHit } from './matcher';
import { NaiveMatcher } from './naive';

/** One touchpoint `j.t` with these patterns in a root map. */
const single = (...paths: string[]): CxMap[] => [literalMap('', [{ id: 'j', touchpoints: [{ id: 't', paths }] }])];

interface Case {
  name: string;
  maps: CxMap[];
  path: string;
  /** `journey.touchpoint:deciding pattern`, in output order; [] = not covered. */
  covered: string[];
}

const yes = (pattern: string): string[] => [`j.t:${pattern}`];
const no: string[] = [];

const tiered = (dir: string, journeys: JourneySpec[]): CxMap => literalMap(dir, journeys);

const cases: Case[] = [
  // Contract §2 table, every row.
  { name: '§2 a/b covers a/b/c.ts', maps: single('a/b'), path: 'a/b/c.ts', covered: yes('a/b') },
  { name: '§2 a/b/ does not cover a file named a/b', maps: single('a/b/'), path: 'a/b', covered: no },
  { name: '§2 a/* covers a/x/y.ts (rule 2)', maps: single('a/*'), path: 'a/x/y.ts', covered: yes('a/*') },
  { name: '§2 *.md does not cover x/a.md', maps: single('*.md'), path: 'x/a.md', covered: no },
  { name: '§2 **/*.md covers x/a.md', maps: single('**/*.md'), path: 'x/a.md', covered: yes('**/*.md') },
  { name: '§2 /src/** covers src/a.ts', maps: single('/src/**'), path: 'src/a.ts', covered: yes('/src/**') },
  { name: '§2 a/**, !a/b/** excludes a/b/x.ts', maps: single('a/**', '!a/b/**'), path: 'a/b/x.ts', covered: no },
  {
    name: '§2 a/**, !a/b/**, a/b/keep.ts re-includes a/b/keep.ts',
    maps: single('a/**', '!a/b/**', 'a/b/keep.ts'),
    path: 'a/b/keep.ts',
    covered: yes('a/b/keep.ts'),
  },
  { name: '§2 **/.env covers deploy/.env', maps: single('**/.env'), path: 'deploy/.env', covered: yes('**/.env') },

  // Anchoring at the map's folder.
  { name: '*.md covers a top-level a.md', maps: single('*.md'), path: 'a.md', covered: yes('*.md') },
  { name: 'src is anchored: not lib/src/a.ts', maps: single('src'), path: 'lib/src/a.ts', covered: no },
  { name: './src covers src/a.ts', maps: single('./src'), path: 'src/a.ts', covered: yes('./src') },
  { name: 'b/c does not float to a/b/c', maps: single('b/c'), path: 'a/b/c', covered: no },
  {
    name: 'a folder name is not a prefix of its siblings',
    maps: single('services/payments'),
    path: 'services/payments-v2/a.ts',
    covered: no,
  },
  {
    name: 'a literal covers the file itself',
    maps: single('services/payments'),
    path: 'services/payments',
    covered: yes('services/payments'),
  },
  {
    name: 'a literal file path covers that file',
    maps: single('src/app/main.ts'),
    path: 'src/app/main.ts',
    covered: yes('src/app/main.ts'),
  },
  {
    name: 'a literal file path does not cover its siblings',
    maps: single('src/app/main.ts'),
    path: 'src/app/main.tsx',
    covered: no,
  },

  // Directories (rules 2 and 3).
  {
    name: 'trailing slash covers inside',
    maps: single('services/payments/'),
    path: 'services/payments/a/b.ts',
    covered: yes('services/payments/'),
  },
  {
    name: 'dir/** covers deep inside',
    maps: single('services/payments/**'),
    path: 'services/payments/a/b.ts',
    covered: yes('services/payments/**'),
  },
  {
    name: 'services/* covers every folder of services',
    maps: single('services/*'),
    path: 'services/x/a.ts',
    covered: yes('services/*'),
  },
  {
    name: 'services/* does not cover a file named services',
    maps: single('services/*'),
    path: 'services',
    covered: no,
  },
  { name: 'a/** does not cover a file named a', maps: single('a/**'), path: 'a', covered: no },
  { name: 'build/ covers build/x.js', maps: single('build/'), path: 'build/x.js', covered: yes('build/') },
  { name: 'build/ never covers a file named build', maps: single('build/'), path: 'build', covered: no },
  { name: 'build/ is anchored', maps: single('build/'), path: 'x/build/y.js', covered: no },
  {
    name: '**/build/ covers a nested build folder',
    maps: single('**/build/'),
    path: 'x/build/y.js',
    covered: yes('**/build/'),
  },
  {
    name: '**/build/ does not cover a nested file named build',
    maps: single('**/build/'),
    path: 'x/build',
    covered: no,
  },
  { name: 'a/*/ does not cover the file a/b', maps: single('a/*/'), path: 'a/b', covered: no },
  { name: 'a/*/ covers a/b/c', maps: single('a/*/'), path: 'a/b/c', covered: yes('a/*/') },
  { name: '** covers everything', maps: single('**'), path: 'x/y/z.txt', covered: yes('**') },
  { name: 'src/**/* covers a direct child', maps: single('src/**/*'), path: 'src/a.ts', covered: yes('src/**/*') },

  // Negation: last match wins within one touchpoint.
  { name: 'a negation alone covers nothing', maps: single('!a/**'), path: 'a/x', covered: no },
  { name: 'a negated folder excludes what is inside', maps: single('a/**', '!a/b'), path: 'a/b/c', covered: no },
  {
    name: 'a later plain pattern wins over an earlier negation',
    maps: single('!a/b/**', 'a/**'),
    path: 'a/b/x',
    covered: yes('a/**'),
  },
  { name: 'negating test files', maps: single('a/**', '!**/*.test.ts'), path: 'a/x.test.ts', covered: no },
  {
    name: 'negating test files keeps the rest',
    maps: single('a/**', '!**/*.test.ts'),
    path: 'a/x.ts',
    covered: yes('a/**'),
  },
  {
    name: 're-include is only for what it names',
    maps: single('a/**', '!a/b/**', 'a/b/keep.ts'),
    path: 'a/b/other.ts',
    covered: no,
  },
  { name: '!vendor/ excludes the vendor folder', maps: single('**', '!vendor/'), path: 'vendor/x.js', covered: no },
  {
    name: '!vendor/ keeps a file named vendor.js',
    maps: single('**', '!vendor/'),
    path: 'vendor.js',
    covered: yes('**'),
  },
  {
    name: 'the deciding pattern is the last plain match',
    maps: single('a/**', 'a/b/**'),
    path: 'a/b/c',
    covered: yes('a/b/**'),
  },
  {
    name: 'exclude, include, exclude again',
    maps: single('**', '!a/**', 'a/b/**', '!a/b/c.ts'),
    path: 'a/b/c.ts',
    covered: no,
  },

  // Dotfiles (dot: true).
  { name: '* covers .env', maps: single('*'), path: '.env', covered: yes('*') },
  { name: '** covers dot folders', maps: single('**'), path: '.github/workflows/ci.yml', covered: yes('**') },
  { name: 'src/* covers src/.hidden', maps: single('src/*'), path: 'src/.hidden', covered: yes('src/*') },
  { name: '**/*.ts reaches into dot folders', maps: single('**/*.ts'), path: '.config/x.ts', covered: yes('**/*.ts') },
  { name: '*.ts covers a file named .ts', maps: single('*.ts'), path: '.ts', covered: yes('*.ts') },
  { name: '**/.env covers a top-level .env', maps: single('**/.env'), path: '.env', covered: yes('**/.env') },

  // Braces.
  { name: '{a,b}/** covers b/x', maps: single('{a,b}/**'), path: 'b/x', covered: yes('{a,b}/**') },
  { name: '{a,b}/** does not cover c/x', maps: single('{a,b}/**'), path: 'c/x', covered: no },
  {
    name: 'brace in an extension',
    maps: single('src/**/*.{ts,tsx}'),
    path: 'src/x/y.tsx',
    covered: yes('src/**/*.{ts,tsx}'),
  },
  { name: 'brace in an extension excludes others', maps: single('src/**/*.{ts,tsx}'), path: 'src/x/y.js', covered: no },
  {
    name: 'two brace groups',
    maps: single('{src,lib}/{a,b}.ts'),
    path: 'lib/b.ts',
    covered: yes('{src,lib}/{a,b}.ts'),
  },
  { name: 'numeric range', maps: single('src/v{1..3}/x'), path: 'src/v2/x', covered: yes('src/v{1..3}/x') },
  { name: 'numeric range bounds', maps: single('src/v{1..3}/x'), path: 'src/v4/x', covered: no },
  { name: 'braces stay anchored', maps: single('{a,b}'), path: 'c/a', covered: no },
  { name: 'negated braces', maps: single('**', '!{dist,build}/**'), path: 'build/a.js', covered: no },

  // Extglobs.
  { name: '+(a|b) matches repeats', maps: single('+(a|b)/x'), path: 'ab/x', covered: yes('+(a|b)/x') },
  { name: '@(a|b) matches exactly one', maps: single('@(a|b)/x'), path: 'ab/x', covered: no },
  { name: '!(test) skips that folder', maps: single('src/!(test)/**'), path: 'src/test/x.ts', covered: no },
  {
    name: '!(test) keeps other folders',
    maps: single('src/!(test)/**'),
    path: 'src/main/x.ts',
    covered: yes('src/!(test)/**'),
  },
  { name: '*.+(ts|js)', maps: single('src/*.+(ts|js)'), path: 'src/a.js', covered: yes('src/*.+(ts|js)') },
  { name: '?(x) may be absent', maps: single('src/?(x)y.ts'), path: 'src/y.ts', covered: yes('src/?(x)y.ts') },
  { name: 'character class', maps: single('src/[ab].ts'), path: 'src/b.ts', covered: yes('src/[ab].ts') },
  { name: 'character class excludes', maps: single('src/[ab].ts'), path: 'src/c.ts', covered: no },

  // Deep paths.
  {
    name: 'floating folder name deep down',
    maps: single('**/node/x'),
    path: 'a/b/c/d/e/f/node/x/y',
    covered: yes('**/node/x'),
  },
  { name: 'a/**/z.ts deep', maps: single('a/**/z.ts'), path: 'a/b/c/d/e/z.ts', covered: yes('a/**/z.ts') },
  { name: 'a/**/z.ts with ** matching nothing', maps: single('a/**/z.ts'), path: 'a/z.ts', covered: yes('a/**/z.ts') },
  {
    name: 'a folder named like an extension covers its files',
    maps: single('**/*.proto'),
    path: 'a/b.proto/c.txt',
    covered: yes('**/*.proto'),
  },

  // Unicode, spaces and case.
  { name: 'unicode folder', maps: single('docs/guía/**'), path: 'docs/guía/índice.md', covered: yes('docs/guía/**') },
  {
    name: 'spaces in names',
    maps: single('my folder/*.md'),
    path: 'my folder/read me.md',
    covered: yes('my folder/*.md'),
  },
  { name: 'unicode floating name', maps: single('**/日本語.txt'), path: 'a/日本語.txt', covered: yes('**/日本語.txt') },
  { name: 'matching is case-sensitive', maps: single('docs/Guide'), path: 'docs/guide/x', covered: no },

  // Several maps, each governing its own folder.
  {
    name: 'a root map and a package map both cover',
    maps: [
      tiered('', [{ id: 'root', tier: 'low', touchpoints: [{ id: 'ts', paths: ['**/*.ts'] }] }]),
      tiered('packages/web', [{ id: 'web', tier: 'high', touchpoints: [{ id: 'src', paths: ['src/**'] }] }]),
    ],
    path: 'packages/web/src/a.ts',
    covered: ['web.src:src/**', 'root.ts:**/*.ts'],
  },
  {
    name: 'a package map does not govern the root',
    maps: [tiered('packages/web', [{ id: 'web', touchpoints: [{ id: 'src', paths: ['src/**'] }] }])],
    path: 'src/a.ts',
    covered: [],
  },
  {
    name: 'a package map does not govern a sibling with a longer name',
    maps: [tiered('packages/web', [{ id: 'web', touchpoints: [{ id: 'all', paths: ['**'] }] }])],
    path: 'packages/webx/a',
    covered: [],
  },
  {
    name: 'top-level patterns of a package map are top-level in its folder',
    maps: [tiered('packages/web', [{ id: 'web', touchpoints: [{ id: 'md', paths: ['*.md'] }] }])],
    path: 'packages/web/a.md',
    covered: ['web.md:*.md'],
  },
  {
    name: 'top-level patterns of a package map do not reach deeper',
    maps: [tiered('packages/web', [{ id: 'web', touchpoints: [{ id: 'md', paths: ['*.md'] }] }])],
    path: 'packages/web/docs/a.md',
    covered: [],
  },
  {
    name: 'a leading / anchors at the package map folder',
    maps: [tiered('packages/web', [{ id: 'web', touchpoints: [{ id: 'src', paths: ['/src'] }] }])],
    path: 'packages/web/src/x',
    covered: ['web.src:/src'],
  },
  {
    name: 'negation in one map does not affect another',
    maps: [
      tiered('', [{ id: 'root', touchpoints: [{ id: 'all', paths: ['**'] }] }]),
      tiered('pkg', [{ id: 'pkg', touchpoints: [{ id: 'some', paths: ['**', '!gen/**'] }] }]),
    ],
    path: 'pkg/gen/x.ts',
    covered: ['root.all:**'],
  },

  // Ordering: tier first, then map, journey and touchpoint order; every touchpoint counts.
  {
    name: 'most critical journey first',
    maps: [
      tiered('', [
        { id: 'low', tier: 'low', touchpoints: [{ id: 't', paths: ['**'] }] },
        { id: 'crit', tier: 'critical', touchpoints: [{ id: 't', paths: ['src/**'] }] },
        { id: 'high', tier: 'high', touchpoints: [{ id: 't', paths: ['src'] }] },
      ]),
    ],
    path: 'src/a.ts',
    covered: ['crit.t:src/**', 'high.t:src', 'low.t:**'],
  },
  {
    name: 'same tier keeps journey order',
    maps: [
      tiered('', [
        { id: 'b', touchpoints: [{ id: 't', paths: ['**'] }] },
        { id: 'a', touchpoints: [{ id: 't', paths: ['**'] }] },
      ]),
    ],
    path: 'x',
    covered: ['b.t:**', 'a.t:**'],
  },
  {
    name: 'touchpoints of one journey in list order, no cross-touchpoint precedence',
    maps: [
      tiered('', [
        {
          id: 'j',
          touchpoints: [
            { id: 'b', paths: ['**'] },
            { id: 'a', paths: ['!x/**'] },
            { id: 'c', paths: ['x'] },
          ],
        },
      ]),
    ],
    path: 'x/y',
    covered: ['j.b:**', 'j.c:x'],
  },
  {
    name: 'same tier keeps map order',
    maps: [
      tiered('', [{ id: 'first', touchpoints: [{ id: 't', paths: ['pkg/**'] }] }]),
      tiered('pkg', [{ id: 'second', touchpoints: [{ id: 't', paths: ['**'] }] }]),
    ],
    path: 'pkg/a',
    covered: ['first.t:pkg/**', 'second.t:**'],
  },
];

function describeCoverage(coverage: Coverage[]): string[] {
  return coverage.map((c) => `${c.journey.id}.${c.touchpoint.id}:${c.pattern.source}`);
}

describe('Matcher (contract §2)', () => {
  it('has at least 60 table cases', () => {
    assert.ok(cases.length >= 60, `only ${cases.length} cases`);
  });

  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(describeCoverage(new Matcher(c.maps).coverageOf(c.path)), c.covered, 'indexed matcher');
      assert.deepEqual(describeCoverage(new NaiveMatcher(c.maps).coverageOf(c.path)), c.covered, 'naive reference');
    });
  }

  it('marks coverage by a touchpoint with symbols as symbol-scoped', () => {
    const maps = [
      literalMap('', [
        {
          id: 'j',
          touchpoints: [
            { id: 'pay', paths: ['pay/**'], symbols: ['Pay.charge'] },
            { id: 'all', paths: ['**'] },
          ],
        },
      ]),
    ];
    const coverage = new Matcher(maps).coverageOf('pay/a.ts');
    assert.deepEqual(
      coverage.map((c) => [c.touchpoint.id, c.symbolScoped]),
      [
        ['pay', true],
        ['all', false],
      ],
    );
  });

  it('lists every pattern that matches on its own, negated ones included, in map order', () => {
    const maps = single('a/**', '!a/b/**', 'a/b/keep.ts', 'c/**');
    const hits = (matcher: { patternsMatching(path: string): PatternHit[] }): string[] =>
      matcher.patternsMatching('a/b/keep.ts').map((hit) => hit.pattern.source);
    assert.deepEqual(hits(new Matcher(maps)), ['a/**', '!a/b/**', 'a/b/keep.ts']);
    assert.deepEqual(hits(new NaiveMatcher(maps)), ['a/**', '!a/b/**', 'a/b/keep.ts']);
  });

  it('answers paths with empty or dot segments the same as the naive reference', () => {
    const maps = single('a/**', '!a/b/**', '**/*.ts');
    for (const path of ['a//b.ts', './a/x', 'a/./b/c', 'a/b/', '']) {
      assert.deepEqual(
        describeCoverage(new Matcher(maps).coverageOf(path)),
        describeCoverage(new NaiveMatcher(maps).coverageOf(path)),
        path,
      );
    }
  });

  it('ignores patterns that cannot match instead of throwing', () => {
    const maps = single(
      '',
      '/',
      '!',
      'a\0b',
      '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}{s,t}',
      `a/${'x'.repeat(70_000)}`,
      'ok/**',
    );
    assert.deepEqual(describeCoverage(new Matcher(maps).coverageOf('ok/x')), yes('ok/**'));
    assert.deepEqual(describeCoverage(new Matcher(maps).coverageOf('a/c')), no);
    assert.deepEqual(describeCoverage(new NaiveMatcher(maps).coverageOf('ok/x')), yes('ok/**'));
  });

  it('keeps answering correctly when lookups jump between folders', () => {
    const maps = single('src/**', '!src/gen/**', '**/*.md');
    const matcher = new Matcher(maps);
    const naive = new NaiveMatcher(maps);
    for (const path of [
      'src/gen/a.ts',
      'docs/a.md',
      'src/gen/b.md',
      'src/a.ts',
      'src/gen/x/y.ts',
      'README.md',
      'src/gen/a.ts',
    ]) {
      assert.deepEqual(describeCoverage(matcher.coverageOf(path)), describeCoverage(naive.coverageOf(path)), path);
    }
  });
});

describe('Matcher.coverageReport', () => {
  const maps = [
    literalMap('', [
      {
        id: 'checkout',
        tier: 'critical',
        touchpoints: [{ id: 'pay', paths: ['services/payments/**', '!**/*.test.ts'] }],
      },
      { id: 'docs', tier: 'low', touchpoints: [{ id: 'md', paths: ['**/*.md', 'nothing/here/**'] }] },
    ]),
  ];
  const files = [
    'services/payments/a.ts',
    'services/payments/a.test.ts',
    'services/payments/README.md',
    'README.md',
    'src/x.ts',
  ];

  it('counts covered and uncovered files and files per pattern', () => {
    const report = new Matcher(maps).coverageReport(files);
    assert.equal(report.totalFiles, 5);
    assert.equal(report.coveredFiles, 3);
    assert.deepEqual(report.uncoveredFiles, ['services/payments/a.test.ts', 'src/x.ts']);
    assert.deepEqual(
      report.patterns.map((p) => [p.pattern.source, p.files, p.decided]),
      [
        ['services/payments/**', 3, 2],
        ['!**/*.test.ts', 1, 0],
        ['**/*.md', 2, 2],
        ['nothing/here/**', 0, 0],
      ],
    );
    assert.deepEqual(
      report.touchpoints.map((t) => [t.touchpoint.id, t.files]),
      [
        ['pay', 2],
        ['md', 2],
      ],
    );
  });

  const agreesWithNaive = (list: string[]): void => {
    const report = new Matcher(maps).coverageReport(list);
    const naive = new NaiveMatcher(maps);
    assert.deepEqual(
      report.uncoveredFiles,
      list.filter((f) => naive.coverageOf(f).length === 0),
    );
    assert.equal(report.coveredFiles, list.filter((f) => naive.coverageOf(f).length > 0).length);
    for (const p of report.patterns) {
      assert.equal(
        p.files,
        list.filter((f) => naive.patternsMatching(f).some((h) => h.pattern === p.pattern)).length,
        p.pattern.source,
      );
    }
  };

  it('agrees with per-path lookups whatever the order of the list', () => {
    agreesWithNaive([files[3]!, files[1]!, files[4]!, files[0]!, files[2]!]);
  });

  it('agrees when the list is sorted but for its last path, or a path the walk cannot take breaks the order', () => {
    const sorted = [...files].sort();
    // Walked in the given order until the last path, then sorted and walked again: nothing of the first walk counts.
    agreesWithNaive([...sorted.slice(1), sorted[0]!]);
    // A path with an empty segment is answered apart; the one after it is compared with it, not with the walk.
    agreesWithNaive([sorted[0]!, 'services//payments/x.ts', sorted[1]!, ...sorted.slice(2)]);
    agreesWithNaive(['services//payments/x.ts', sorted[0]!, ...sorted.slice(1)]);
    // Duplicates are in order.
    agreesWithNaive([sorted[0]!, sorted[0]!, ...sorted.slice(1)]);
  });
});
