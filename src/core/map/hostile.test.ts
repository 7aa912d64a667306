import * as assert from 'node:assert/strict';
import type { ParseResult } from '../types';
import { MAX_DIAGNOSTICS, MAX_MAP_BYTES, parseMap } from './parse';

// Hostile input is normal input: each of these maps must come back with diagnostics placed inside the
// document, quickly, without throwing. The time bound is generous; it applies to the CPU time spent.
const TIME_BOUND_MS = 1000;

const journeyBlock = (i: number): string =>
  `  - id: j${i}\n    name: Journey ${i}\n    touchpoints:\n      - id: t\n        name: T\n        paths: [src/${i}/**]\n`;

function journeysOfSize(bytes: number): string {
  const parts = ['version: 1\njourneys:\n'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; ; i++) {
    const block = journeyBlock(i);
    if (size + block.length > bytes) break;
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

function withPaths(...patterns: string[]): string {
  return `version: 1\njourneys:\n  - id: a\n    name: A\n    touchpoints:\n      - id: t\n        name: T\n        paths:\n${patterns.map((p) => `          - ${p}\n`).join('')}`;
}

/** A small deterministic generator, so the garbage is the same on every run. */
function garbage(length: number, seed: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += String.fromCharCode(state % 256);
  }
  return out;
}

/** Aliases nested three deep: journeys × touchpoints × paths, each 300 references wide. */
function aliasBomb(): string {
  const refs = (name: string) => `[${Array.from({ length: 300 }, () => `*${name}`).join(', ')}]`;
  return [
    'version: 1',
    'p: &p src/**',
    `ps: &ps ${refs('p')}`,
    't: &t {id: t, name: T, paths: *ps}',
    `ts: &ts ${refs('t')}`,
    'j: &j {id: j, name: J, touchpoints: *ts}',
    `journeys: ${refs('j')}`,
    '',
  ].join('\n');
}

/** The classic "billion laughs": ten levels of ten references. */
function billionLaughs(where: 'journeys' | 'lol'): string {
  const levels = ['a0: &a0 [lol]'];
  for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
  return ['version: 1', ...levels, `${where}: *a9`, ''].join('\n');
}

interface HostileCase {
  name: string;
  text: () => string;
  /** Codes that must be among the diagnostics. */
  codes: string[];
  check?: (result: ParseResult) => void;
}

const cases: HostileCase[] = [
  { name: 'a 10 MB file', text: () => 'x'.repeat(10 * 1024 * 1024), codes: ['map-too-large'] },
  { name: 'valid journeys just over the size limit', text: () => journeysOfSize(MAX_MAP_BYTES + 4096), codes: ['map-too-large'] },
  {
    name: 'multi-byte text over the limit in bytes but not in characters',
    text: () => `version: 1\n# ${'€'.repeat(Math.ceil(MAX_MAP_BYTES / 3) + 10)}\n`,
    codes: ['map-too-large'],
  },
  {
    name: 'as many valid journeys as fit under the size limit',
    text: () => journeysOfSize(MAX_MAP_BYTES - 1024),
    codes: [],
    check: (r) => {
      assert.deepEqual(r.diagnostics, []);
      assert.ok((r.map?.journeys.length ?? 0) > 500);
    },
  },
  {
    name: 'a flow list of one-letter patterns filling the size limit',
    text: () => `version: 1\njourneys:\n  - id: a\n    name: A\n    touchpoints:\n      - id: t\n        name: T\n        paths: [${'a,'.repeat(Math.floor((MAX_MAP_BYTES - 200) / 2))}b]\n`,
    codes: [],
    check: (r) => {
      assert.deepEqual(r.diagnostics, []);
      assert.ok((r.map?.journeys[0]?.touchpoints[0]?.paths.length ?? 0) > 30_000);
    },
  },
  {
    name: 'a flow list of empty mappings filling the size limit',
    text: () => `version: 1\njourneys: [${'{},'.repeat(Math.floor((MAX_MAP_BYTES - 40) / 3))}{}]\n`,
    codes: ['missing-field'],
  },
  { name: '60,000 nested [', text: () => '['.repeat(60_000), codes: ['too-deep'] },
  { name: '30,000 nested [] closed', text: () => `journeys: ${'['.repeat(30_000)}${']'.repeat(30_000)}`, codes: ['too-deep'] },
  { name: '15,000 nested {a:', text: () => `a: ${'{a: '.repeat(15_000)}`, codes: ['too-deep'] },
  { name: '30,000 compact "- " on one line', text: () => `${'- '.repeat(30_000)}a\n`, codes: ['too-deep'] },
  { name: '1,000 "? " explicit keys on one line (crashes Node inside yaml unguarded)', text: () => `${'? '.repeat(1000)}a\n`, codes: ['too-deep'] },
  {
    name: 'a 200-level indentation staircase',
    text: () => Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'),
    codes: ['too-deep'],
  },
  { name: 'an alias bomb through journeys, touchpoints and paths', text: aliasBomb, codes: ['alias-limit'] },
  { name: 'billion laughs as the journeys', text: () => billionLaughs('journeys'), codes: ['wrong-type'] },
  {
    name: 'billion laughs under an unknown key is never expanded',
    text: () => billionLaughs('lol'),
    codes: ['unknown-key', 'missing-field'],
  },
  {
    name: 'merge-key bomb',
    text: () => `version: 1\nbase: &b {id: a}\n${Array.from({ length: 400 }, (_, i) => `m${i}: &m${i} {<<: *${i === 0 ? 'b' : `m${i - 1}`}}`).join('\n')}\njourneys: [*m399]\n`,
    codes: ['merge-key'],
  },
  { name: 'NUL bytes in the file', text: () => 'version: 1\u0000\njourneys:\u0000\n  - \u0000\n', codes: ['unsupported-version'] },
  { name: 'a NUL escape in a pattern', text: () => withPaths('"src/\\0/x"'), codes: ['nul-in-pattern'] },
  { name: 'braces expanding to ten million', text: () => withPaths('"{1..10000000}"'), codes: ['too-many-alternatives'] },
  { name: '{a,b} twenty times (a million alternatives)', text: () => withPaths(`"${'{a,b}'.repeat(20)}"`), codes: ['too-many-alternatives'] },
  { name: '{a,b} two thousand times', text: () => withPaths(`"${'{a,b}'.repeat(800)}"`), codes: ['too-many-alternatives'] },
  { name: 'a 60,000-character pattern', text: () => withPaths(`"${'a/'.repeat(30_000)}"`), codes: ['pattern-too-long'] },
  { name: '../ patterns', text: () => withPaths('../../etc/**', 'a/../../b', '"!.."'), codes: ['parent-segment'] },
  { name: 'absolute patterns', text: () => withPaths('"C:\\\\Windows\\\\**"', 'C:/x/**', '"\\\\\\\\host\\\\share"'), codes: ['absolute-pattern'] },
  { name: 'an unterminated double quote', text: () => `version: 1\njourneys:\n  - id: "a\n${journeyBlock(1).repeat(50)}`, codes: ['yaml-syntax'] },
  { name: 'an unterminated flow list', text: () => 'version: 1\njourneys: [ {id: a, name: b\n', codes: ['yaml-syntax'] },
  { name: 'tabs for indentation', text: () => 'version: 1\njourneys:\n\t- id: a\n\t  name: b\n', codes: ['yaml-syntax'] },
  { name: 'binary garbage', text: () => garbage(50_000, 7), codes: [], check: (r) => assert.ok(r.diagnostics.length > 0) },
  { name: 'the root is a list', text: () => '- a\n- b\n', codes: ['not-a-map'] },
  { name: 'the root is a number', text: () => '42\n', codes: ['not-a-map'] },
  { name: 'an empty file', text: () => '', codes: ['not-a-map'] },
  { name: 'three documents', text: () => 'version: 1\n---\nversion: 1\n---\nx: 1\n', codes: ['yaml-syntax'] },
  { name: 'an undefined alias', text: () => 'version: 1\njourneys: *nope\n', codes: ['yaml-syntax'] },
  { name: 'an anchor that refers to itself', text: () => 'version: 1\njourneys: &j [*j]\n', codes: ['wrong-type'] },
  {
    name: 'as many journeys with the same id as fit (diagnostics are capped)',
    text: () => `version: 1\njourneys:\n${'  - {id: same, name: S, touchpoints: [{id: t, name: T, paths: [a]}]}\n'.repeat(Math.floor((MAX_MAP_BYTES - 100) / 70))}`,
    codes: ['duplicate-journey-id', 'too-many-problems'],
    check: (r) => {
      assert.equal(r.diagnostics.length, MAX_DIAGNOSTICS + 1);
      assert.equal(r.map?.journeys.length, 1);
    },
  },
  {
    name: 'as many unknown keys as fit',
    text: () => `version: 1\n${Array.from({ length: Math.floor(MAX_MAP_BYTES / 14) }, (_, i) => `key${i}: ${i}`).join('\n')}\n`,
    codes: ['unknown-key', 'too-many-problems'],
  },
  { name: 'a 60,000-character key', text: () => `version: 1\n${'k'.repeat(60_000)}: 1\njourneys: []\n`, codes: ['yaml-syntax', 'empty-list'] },
  { name: 'a 60,000-character id', text: () => `version: 1\njourneys:\n  - id: ${'A'.repeat(60_000)}\n`, codes: ['bad-id'] },
  { name: 'unknown tags', text: () => 'version: !!binary 1\njourneys: !custom []\n', codes: ['yaml-warning'] },
  { name: 'lone surrogates and control characters', text: () => 'version: 1\njourneys:\n  - id: "\\ud800\\u0007"\n', codes: ['bad-id'] },
  { name: 'a BOM and CR-only line endings', text: () => '\ufeffversion: 1\rjourneys:\r  - id: a\r', codes: ['yaml-syntax'] },
];

/** Every range lies inside the document and starts before it ends. */
function assertInDocument(text: string, result: ParseResult): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const d of result.diagnostics) {
    const { start, end } = d.range;
    for (const p of [start, end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${d.code}: line ${p.line} is outside the document (${lines.length} lines)`);
      assert.ok(p.character >= 0 && p.character <= (lines[p.line]?.length ?? 0), `${d.code}: character ${p.character} is outside line ${p.line}`);
    }
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${d.code}: range ends before it starts`);
    assert.ok(d.message.length > 0);
  }
}

describe('parseMap: hostile maps', () => {
  before(() => {
    // Warm the parser up so the first case does not pay for compiling it.
    parseMap(journeysOfSize(20_000), 'cx-map.yaml');
  });

  it('has at least 25 hostile cases', () => {
    assert.ok(cases.length >= 25);
  });

  const timings: string[] = [];
  for (const c of cases) {
    it(c.name, () => {
      const text = c.text();
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const result = parseMap(text, 'cx-map.yaml');
      const cpu = process.cpuUsage(cpuBefore);
      const elapsed = performance.now() - started;
      // CPU time is the bound: on a machine shared with other jobs, wall time measures them as well.
      const cpuMs = (cpu.user + cpu.system) / 1000;
      timings.push(`${elapsed.toFixed(1).padStart(8)} ms wall ${cpuMs.toFixed(1).padStart(8)} ms cpu  ${c.name}`);
      assert.ok(cpuMs < TIME_BOUND_MS, `took ${cpuMs.toFixed(0)} ms of CPU (${elapsed.toFixed(0)} ms wall)`);
      const codes = new Set(result.diagnostics.map((d) => d.code));
      for (const code of c.codes) assert.ok(codes.has(code), `expected ${code}, got ${[...codes].join(', ')}`);
      assertInDocument(text, result);
      c.check?.(result);
    });
  }

  after(() => {
    if (process.env.CX_MAP_TIMINGS) console.log(`\n${timings.join('\n')}`);
  });
});
