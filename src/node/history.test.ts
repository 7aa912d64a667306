import * as assert from 'node:assert/strict';
import { parseBlame, parseLog } from './history';

describe('reading history for the catalogue', () => {
  it('parses git log -z --name-only records, merges and commits without files included', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const out = `\u001e${a}\u00002026-12-02T10:00:00+01:00\u0000Ada\u0000Merge pull request #7 from x/y\u0000Title\n\u0000\u0000\nsrc/a.ts\u0000src/b c.ts\u0000\u001e${b}\u00002026-12-01T10:00:00Z\u0000Bo\u0000Empty\u0000\u0000\u0000\n`;
    assert.deepEqual(parseLog(out), [
      {
        commit: a,
        date: '2026-12-02T09:00:00Z',
        author: 'Ada',
        subject: 'Merge pull request #7 from x/y',
        body: 'Title',
        files: ['src/a.ts', 'src/b c.ts'],
      },
      { commit: b, date: '2026-12-01T10:00:00Z', author: 'Bo', subject: 'Empty', body: '', files: [] },
    ]);
  });

  it('parses git blame --line-porcelain, marking lines not committed yet', () => {
    const c = 'c'.repeat(40);
    const z = '0'.repeat(40);
    const out = [
      `${c} 1 1 2`,
      'author Grace',
      'author-time 1767258000',
      'summary x',
      '\tversion: 1',
      `${c} 2 2`,
      'author Grace',
      'author-time 1767258000',
      '\tjourneys:',
      `${z} 3 3 1`,
      'author Not Committed Yet',
      'author-time 1796000000',
      '\t  - id: x',
      '',
    ].join('\n');
    const lines = parseBlame(out);
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[0], { commit: c, date: '2026-01-01T09:00:00Z', author: 'Grace' });
    assert.equal(lines[2]!.uncommitted, true);
  });
});
