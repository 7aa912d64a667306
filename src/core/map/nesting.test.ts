import * as assert from 'node:assert/strict';
import { findDeepNesting } from './nesting';

const staircase = (indent: number, line: (i: number) => string) =>
  Array.from({ length: 100 }, (_, i) => ' '.repeat(indent + i) + line(i)).join('\n');

describe('findDeepNesting', () => {
  const deepButHarmless: [name: string, text: string][] = [
    [
      'a block scalar drawn as a staircase',
      `journeys:\n  - id: a\n    description: |\n${staircase(6, () => '\\')}\n    name: x\n`,
    ],
    [
      'a plain scalar continued over indented lines',
      `journeys:\n  - id: a\n    description: first\n${staircase(6, () => 'word')}\n    name: x\n`,
    ],
    ['comments at every indentation', `version: 1\n${staircase(0, () => '# c')}\njourneys: []\n`],
    ['a double-quoted scalar over indented lines', `description: "${staircase(6, () => 'q')}"\n`],
    ['two hundred documents', 'a: [1]\n---\n'.repeat(200)],
    [
      'a long flow list over ragged lines',
      `paths: [\n${Array.from({ length: 500 }, (_, i) => `${' '.repeat(i % 40)}p${i},`).join('\n')}\n]\n`,
    ],
    [
      'a full map',
      'version: 1\njourneys:\n  - id: a\n    name: A\n    links: {x: "https://x"}\n    touchpoints:\n      - id: t\n        name: T\n        paths:\n          - a/**\n          - [b]\n        symbols: [A.b]\n',
    ],
  ];
  for (const [name, text] of deepButHarmless) {
    it(`passes ${name}`, () => assert.equal(findDeepNesting(text, 64), undefined));
  }

  const tooDeep: [name: string, text: string, offset: number][] = [
    ['65 nested [', '['.repeat(65), 64],
    // `key` and its `:` are two levels, so the 63rd `{` is the 65th level.
    ['nested { after a key', `key: ${'{a: '.repeat(70)}`, 5 + 4 * 62],
    ['compact "- " on one line', '- '.repeat(100), 2 * 64],
    ['explicit keys "? " on one line', '? '.repeat(100), 2 * 64],
  ];
  for (const [name, text, offset] of tooDeep) {
    it(`stops ${name} where it gets too deep`, () => assert.equal(findDeepNesting(text, 64), offset));
  }

  it('counts indentation levels', () => {
    const text = Array.from({ length: 70 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const offset = findDeepNesting(text, 64);
    assert.ok(offset !== undefined && offset < text.length);
    assert.equal(
      findDeepNesting(Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), 64),
      undefined,
    );
  });
});
