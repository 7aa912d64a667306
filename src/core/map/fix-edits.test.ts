import * as assert from 'node:assert/strict';
import { parseMap } from './parse';
import { addTouchpointsList, applyEdits, offsetAt, removeEntryLine, replaceScalar } from './fix-edits';

const errorsOf = (text: string) => parseMap(text, 'cx-map.yaml').diagnostics.map((d) => d.code);

describe('quick fix edits', () => {
  it('finds offsets by line and character, CRLF included', () => {
    assert.equal(offsetAt('ab\ncd', { line: 1, character: 1 }), 4);
    assert.equal(offsetAt('ab\r\ncd', { line: 1, character: 1 }), 5);
  });

  it('replaces a scalar keeping its quotes, and quotes what YAML needs quoted', () => {
    assert.deepEqual(replaceScalar('- "*.sql"', 2, 9, '**/*.sql'), { start: 2, end: 9, text: '"**/*.sql"' });
    assert.deepEqual(replaceScalar("- '*.sql'", 2, 9, '**/*.sql'), { start: 2, end: 9, text: "'**/*.sql'" });
    assert.deepEqual(replaceScalar('- db', 2, 4, '**/db'), { start: 2, end: 4, text: '"**/db"' });
    assert.deepEqual(replaceScalar('tier: hihg', 6, 10, 'high'), { start: 6, end: 10, text: 'high' });
  });

  it('removes an entry line with its comment, and only such a line', () => {
    const text = 'paths:\n  - a/**\n  - "nothing/**"  # old\n  - b/**\n';
    const start = text.indexOf('"nothing');
    assert.equal(applyEdits(text, [removeEntryLine(text, start)!]), 'paths:\n  - a/**\n  - b/**\n');
    assert.equal(removeEntryLine('paths: [a, b]\n', 8), undefined);
    const last = 'paths:\n  - a/**\n  - x';
    assert.equal(applyEdits(last, [removeEntryLine(last, last.length - 1)!]), 'paths:\n  - a/**\n');
  });

  it('adds a touchpoints list to a journey without one, after its last line, and the map then reads clean', () => {
    const text = [
      'version: 1',
      'journeys:',
      '  - id: a',
      '    name: A',
      '    description: |',
      '      Two lines',
      '      of text.',
      '  # b is next',
      '  - id: b',
      '    name: B',
      '    touchpoints:',
      '      - { id: t, name: T, paths: ["**/*"] }',
      '',
    ].join('\n');
    assert.deepEqual(errorsOf(text), ['missing-field']);
    const at = text.indexOf('id: a');
    const fixed = applyEdits(text, [addTouchpointsList(text, at)!]);
    assert.deepEqual(errorsOf(fixed), []);
    assert.ok(fixed.includes('      of text.\n    touchpoints:\n      - id: touchpoint-id\n'), fixed);
    assert.ok(fixed.includes('  # b is next\n'));
    assert.equal(addTouchpointsList(fixed, at), undefined, 'nothing to add once it is there');
  });
});
