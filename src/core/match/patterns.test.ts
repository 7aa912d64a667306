import * as assert from 'node:assert/strict';
import { braceExpand } from 'minimatch';
import { normalizePattern } from './pattern';
import { closest, editDistance } from '../map/closest';
import { MAX_ALTERNATIVES, countAlternatives, patternProblem, validatePattern } from '../map/patterns';

describe('patternProblem (contract §2.6)', () => {
  const table: [pattern: string, code: string | undefined][] = [
    ['services/payments/**', undefined],
    ['!services/payments/**/*.test.ts', undefined],
    ['/src/**', undefined],
    ['./src/**', undefined],
    ['**/.env', undefined],
    ['a/b/', undefined],
    ['{a,b}/**', undefined],
    ['src/..x/file', undefined],
    ['src/x../file', undefined],
    ['+(a|b)/*.ts', undefined],
    ['', 'empty-pattern'],
    ['   ', 'empty-pattern'],
    ['!', 'empty-pattern'],
    ['..', 'parent-segment'],
    ['../x', 'parent-segment'],
    ['a/../b', 'parent-segment'],
    ['a/..', 'parent-segment'],
    ['!../x', 'parent-segment'],
    ['a\\..\\b', 'parent-segment'],
    ['C:\\src', 'absolute-pattern'],
    ['c:/src/**', 'absolute-pattern'],
    ['\\\\server\\share', 'absolute-pattern'],
    ['//server/share', 'absolute-pattern'],
    ['!C:/x', 'absolute-pattern'],
    ['a\0b', 'nul-in-pattern'],
    ['a/'.repeat(3000), 'pattern-too-long'],
    ['{a,b}'.repeat(10), 'too-many-alternatives'],
    ['{1..1001}', 'too-many-alternatives'],
    ['{1..1000}', undefined],
    ['{a..z}{0..9}{0..1}', undefined],
    ['{a..z}{a..z}{0..9}', 'too-many-alternatives'],
  ];
  for (const [pattern, code] of table) {
    it(`${JSON.stringify(pattern.length > 40 ? pattern.slice(0, 40) + '…' : pattern)} → ${code ?? 'valid'}`, () => {
      assert.equal(patternProblem(pattern)?.code, code);
      assert.equal(validatePattern(pattern) === undefined, code === undefined);
    });
  }
});

describe('countAlternatives agrees with minimatch brace expansion', () => {
  const patterns = [
    'plain/path/**',
    'a/{b,c}/d',
    '{a,b}{c,d}',
    '{a,b}{c,d,e}/{f,g}',
    '{1..10}',
    '{10..1}',
    '{1..10..3}',
    '{-3..3}',
    '{01..10}',
    '{a..e}',
    '{a..e..2}',
    '{a,{b,c}}',
    '{a,{b,{c,d}}}/x',
    '{{a,b},{c,d}}',
    '${a,b}',
    '{a}',
    'x{a}{b,c}',
    '\\{a,b}',
    'a\\,b{c,d}',
    '{a,b',
    'a{,b}',
    '{a,b}}',
    '{1..3}{a,b,c}',
    'src/{api,web}/**/*.{ts,tsx}',
  ];
  for (const pattern of patterns) {
    it(pattern, () => {
      assert.equal(countAlternatives(pattern), braceExpand(pattern).length);
    });
  }

  // Bounds on CPU time, not wall time (the machine may be busy): building the strings would take seconds.
  const cpuMsOf = (run: () => void): number => {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };

  it('counts {a,b} twenty times without building a million strings', () => {
    const ms = cpuMsOf(() => {
      assert.ok(countAlternatives('{a,b}'.repeat(20)) > MAX_ALTERNATIVES);
      assert.equal(countAlternatives('{a,b}'.repeat(20)), 2 ** 20);
    });
    assert.ok(ms < 250, `took ${ms.toFixed(0)} ms of CPU`);
  });

  it('stops counting past the cap', () => {
    const ms = cpuMsOf(() => {
      assert.ok(countAlternatives('{a,b}'.repeat(2000), MAX_ALTERNATIVES) > MAX_ALTERNATIVES);
      assert.equal(countAlternatives('{1..100000000}'), 100_000_000);
    });
    assert.ok(ms < 250, `took ${ms.toFixed(0)} ms of CPU`);
  });
});

describe('the matcher drops exactly the patterns the validator refuses for their braces', () => {
  const patterns = [
    '{a,b}/**',
    '{1..1000}',
    '{1..1001}',
    '{a,b}'.repeat(10),
    '{a..z}{a..z}{0..9}',
    `{${','.repeat(1500)}}`,
    '{'.repeat(2047) + 'a' + '}'.repeat(2047),
  ];
  for (const pattern of patterns) {
    it(pattern.length > 40 ? `${pattern.slice(0, 40)}…` : pattern, () => {
      const refused = patternProblem(pattern)?.code === 'too-many-alternatives';
      assert.equal(normalizePattern(pattern, false) === undefined, refused);
    });
  }

  it('refuses patterns longer than the validator allows', () => {
    assert.equal(normalizePattern('a/'.repeat(3000), false), undefined);
  });
});

describe('closest', () => {
  const table: [word: string, candidates: string[], expected: string | undefined][] = [
    ['touchpoint', ['id', 'touchpoints', 'tier'], 'touchpoints'],
    ['teir', ['tier', 'name'], 'tier'],
    ['Critical', ['critical', 'high'], 'critical'],
    ['critcal', ['critical', 'high'], 'critical'],
    ['contact-centre', ['contact-center', 'chat'], 'contact-center'],
    ['nme', ['name', 'id'], 'name'],
    ['colour', ['id', 'name', 'tier', 'owner'], undefined],
    ['foo', ['slo', 'id'], undefined],
    ['x'.repeat(100), ['x'], undefined],
  ];
  for (const [word, candidates, expected] of table) {
    it(`${word.slice(0, 20)} → ${expected ?? 'nothing'}`, () => assert.equal(closest(word, candidates), expected));
  }

  it('counts an adjacent swap as one edit', () => {
    assert.equal(editDistance('tier', 'teir'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });
});
