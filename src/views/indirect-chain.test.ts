// The editor's words for a chain through an interface or to a symbol-scoped touchpoint (contract §5.6): the views
// and the CodeLens draw it as the reports do.
import * as assert from 'node:assert/strict';
import type { ReachHit } from '../core/graph/reach';
import type { Coverage } from '../core/types';
import { chainNodes, indirectHitNodes } from './indirect-nodes';
import { reachLine } from '../workspace/indirect-text';

const coverage = {
  journey: { name: 'Checkout', tier: 'critical' },
  touchpoint: { name: 'Place the order' },
} as unknown as Coverage;

describe('indirect reach in the editor: interfaces and symbols', () => {
  const through = {
    via: ['svc/OrderServiceImpl.java', 'web/OrderController.java'],
    standIns: [{ index: 0, implements: 'svc/OrderService.java' }],
  };

  it('views: the step through the interface reads as in the reports, each file still a link', () => {
    const nodes = chainNodes('id', '/repo', through);
    assert.deepEqual(
      nodes.map((n) => [n.label, n.file?.path]),
      [
        ['OrderService.java (implemented by OrderServiceImpl.java)', 'svc/OrderServiceImpl.java'],
        ['› OrderController.java', 'web/OrderController.java'],
      ],
    );
    const [hit] = indirectHitNodes('tp', '/repo', [{ file: 'svc/OrderServiceImpl.java', hops: 1, ...through }]);
    assert.match(
      hit!.tooltip ?? '',
      /svc\/OrderService\.java \(implemented by svc\/OrderServiceImpl\.java\) › web\/OrderController\.java/,
    );
    assert.equal(
      chainNodes('id', '/repo', { via: ['app/clock.py', 'app/views.py'], symbol: 'ping' })[1]!.label,
      '› views.py › ping',
    );
  });

  it('CodeLens: names the interface, and the symbol of a scoped touchpoint', () => {
    const hit = (extra: Partial<ReachHit<Coverage>>): ReachHit<Coverage> => ({
      target: { touchpoint: 't', journey: 'j', value: coverage },
      file: 'web/OrderController.java',
      hops: 1,
      via: through.via,
      ...extra,
    });
    assert.equal(
      reachLine(hit({ standIns: through.standIns })),
      'Checkout › Place the order · via OrderService.java › OrderController.java, 1 hop',
    );
    assert.equal(
      reachLine(hit({ file: 'app/views.py', via: ['app/clock.py', 'app/views.py'], symbol: 'ping' })),
      'Checkout › Place the order · via views.py › ping, 1 hop',
    );
    assert.equal(reachLine(hit({})), 'Checkout › Place the order · via OrderController.java, 1 hop');
  });
});
