// Property test (fast-check): random and mutated maps never make parseMap throw, every range it returns lies inside
// the document, and each case stays under a CPU bound. `npm run fuzz` runs the same property with far more cases.
import * as assert from 'node:assert/strict';
import { parseMap } from './parse';
import { TextPositions } from './text-position';
import { checkParseResult, lineLengths, parseNeverThrows } from '../properties/maps';
import { describeRun, runProperty, suiteRuns } from '../properties/run';

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
    const text = 'version: 1\r\njourneys:\r\n  - id: a\r\n    name: A\r\n    touchpoints:\r\n   - id: t\r\n        name: T\r\n        paths:\r\n          - x/**\r\n';
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
});
