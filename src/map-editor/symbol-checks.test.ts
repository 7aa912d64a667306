import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { symbolEntries, symbolWarnings } from './symbol-checks';

const FIXTURE = fs.readFileSync(path.join(__dirname, '../../test/fixtures/workspace/cx-map.yaml'), 'utf8');

describe('symbols checks', () => {
  it('finds every symbols entry with its position', () => {
    const entries = symbolEntries(FIXTURE);
    assert.deepEqual(
      entries.map((e) => [e.journey, e.touchpoint, e.symbol, FIXTURE.slice(e.start, e.end)]),
      [
        ['refunds', 'request-refund', 'RefundService.requestRefund', 'RefundService.requestRefund'],
        ['refunds', 'refund-status', 'RefundService.status', 'RefundService.status'],
        ['refunds', 'refund-status', 'formatRefundStatus', 'formatRefundStatus'],
      ],
    );
  });

  it('flags an entry no symbol matches, and judges only touchpoints whose symbols are known', () => {
    const entries = symbolEntries(FIXTURE);
    const names = new Map([
      ['refunds/refund-status', ['RefundService', 'RefundService.status', 'RefundService.requestRefund']],
    ]);
    const found = symbolWarnings('cx-map.yaml', FIXTURE, entries, names);
    const line = FIXTURE.split('\n').findIndex((l) => l.includes('- formatRefundStatus'));
    assert.deepEqual(
      found.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [['symbol-not-found', line, 12]],
    );
    assert.deepEqual(
      symbolWarnings(
        'cx-map.yaml',
        FIXTURE,
        entries,
        new Map([['refunds/refund-status', ['RefundService.*', 'formatRefundStatus', 'RefundService.status']]]),
      ),
      [],
    );
  });
});
