// Property test (fast-check): random and mutated maps never make parseMap throw, every range it returns lies inside
// the document, and each case stays under a CPU bound. `npm run fuzz` runs the same property with far more cases.
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { countValueStarts, parseMap, utf8Length } from './parse';
import { TextPositions } from './text-position';
import { checkParseResult, lineLengths, parseNeverThrows } from '../../../test/properties/maps';
import { describeRun, runProperty, suiteRuns } from '../../../test/properties/run';

describe('parseMap property: random and mutated maps', function () {
  this.timeout(180_000);

  it(`never throws, keeps every range inside the document, bounded time (${suiteRuns(2000)} maps)`, () => {
    console.log(`      ${describeRun(runProperty(parseNeverThrows, suiteRuns(2000)))}`);
  });

  // Found by the property: with CRLF line ends, a range ending at the `\n` of a `\r\n` pointed one character past the
  // end of its line (the YAML parser reports such offsets for an item at the wrong indentation).
  it('an offset between `\\r` and `\\n` is the end of its line', () => {
    const positions = new TextPositions('ab\r\ncd\r\n');
    assert.deepEqual(positions.position(2), { line: 0, character: 2 });
    assert.deepEqual(positions.position(3), { line: 0, character: 2 });
    assert.deepEqual(positions.position(4), { line: 1, character: 0 });
    assert.deepEqual(positions.range(3, 3), { start: { line: 0, character: 2 }, end: { line: 0, character: 2 } });
    const text =
      'version: 1\r\njourneys:\r\n  - id: a\r\n    name: A\r\n    touchpoints:\r\n   - id: t\r\n        name: T\r\n        paths:\r\n          - x/**\r\n';
    const result = parseMap(text, 'cx-map.yaml');
    assert.ok(result.diagnostics.some((d) => d.code === 'yaml-syntax'));
    checkParseResult(text, result);
    assert.deepEqual(lineLengths('a\r\nbc\rd\n'), [1, 2, 1, 0]);
  });

  // Found by `npm run fuzz` (seed 78): yaml quotes the text after a bad `\u` escape, line break included.
  it('a YAML message that quotes the source across a line break stays on one line', () => {
    const text = ':    name: "\\u\nversion: 1\njourneys:\n  - id: a\n# a journey map';
    const result = parseMap(text, 'cx-map.yaml');
    assert.ok(result.diagnostics.some((d) => d.code === 'yaml-syntax' && /Invalid escape sequence/.test(d.message)));
    checkParseResult(text, result);
  });

  // The limit checks search the text instead of looping over every character; these loops are what they replaced.
  it('counts UTF-8 bytes and value starts as a loop over every character does', () => {
    const bytesByLoop = (text: string, limit: number): number => {
      if (text.length > limit) return text.length;
      let bytes = 0;
      for (let i = 0; i < text.length && bytes <= limit; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80) bytes += 1;
        else if (c < 0x800) bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff) {
          bytes += 4;
          i++;
        } else bytes += 3;
      }
      return bytes;
    };
    const startsByLoop = (text: string, limit: number): number => {
      let count = 1;
      for (let i = 0; i < text.length && count <= limit; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a || c === 0x2c || c === 0x5b || c === 0x7b || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a))
          count++;
      }
      return count;
    };
    const pieces = fc.constantFrom(
      'a',
      'é',
      '日',
      '😀',
      '\ud800',
      '\udc00',
      '\r',
      '\n',
      '\r\n',
      ',',
      '[',
      '{',
      ' ',
      '\u0000',
      '\u07ff',
      '\u0800',
      '\uffff',
    );
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(texts, fc.integer({ min: 0, max: 200 }), (text, limit) => {
        for (const [fast, slow] of [
          [utf8Length(text, limit), bytesByLoop(text, limit)],
          [countValueStarts(text, limit), startsByLoop(text, limit)],
        ] as const) {
          assert.equal(fast > limit, slow > limit);
          if (slow <= limit) assert.equal(fast, slow);
        }
      }),
      { numRuns: 20_000 },
    );
  });
});
