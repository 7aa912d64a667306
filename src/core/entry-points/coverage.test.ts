import * as assert from 'node:assert/strict';
import { parseMap } from '../map/parse';
import { Matcher } from '../match/matcher';
import { entryPointCoverage, entryPointLabel, routePrefix } from './coverage';
import type { EntryPoint } from './types';

const MAP = `version: 1
journeys:
  - id: checkout
    name: Checkout
    touchpoints:
      - id: pay
        name: Pay
        paths: [src/payments/**]
      - id: cancel
        name: Cancel
        paths: [src/orders/handlers.ts]
        symbols: [OrdersController.cancel]
`;

function point(over: Partial<EntryPoint>): EntryPoint {
  return {
    kind: 'http',
    framework: 'express',
    method: 'GET',
    route: '/x',
    file: 'src/app.ts',
    line: 1,
    handlerFile: 'src/app.ts',
    ...over,
  };
}

describe('entry points: coverage', () => {
  const matcher = new Matcher([parseMap(MAP, 'cx-map.yaml').map!]);
  const coverageOf = (p: string) => matcher.coverageOf(p);

  it('covers an entry point through its handler file, or its handler symbol for a symbol-scoped touchpoint', () => {
    const report = entryPointCoverage(
      [
        point({ route: '/pay', file: 'src/app.ts', handlerFile: 'src/payments/charge.ts', handler: 'charge' }),
        point({
          route: '/orders/:id/cancel',
          handlerFile: 'src/orders/handlers.ts',
          handler: 'OrdersController.cancel',
        }),
        point({ route: '/orders/:id', handlerFile: 'src/orders/handlers.ts', handler: 'OrdersController.show' }),
        point({ route: '/orders', handlerFile: 'src/orders/handlers.ts' }),
        point({ route: '/health', file: 'src/payments/routes.ts', handlerFile: 'src/health.ts' }),
      ],
      coverageOf,
    );
    assert.deepEqual(
      report.entryPoints.map((p) => [p.route, p.touchpoints.map((t) => `${t.journey}/${t.touchpoint}`)]),
      [
        ['/pay', ['checkout/pay']],
        ['/orders/:id/cancel', ['checkout/cancel']],
        ['/orders/:id', []],
        ['/orders', []],
        // The registration's file does not count: the customer reaches the handler.
        ['/health', []],
      ],
    );
    assert.equal(report.total, 5);
    assert.equal(report.covered, 2);
  });

  it('labels and groups entry points', () => {
    assert.equal(entryPointLabel(point({ method: 'POST', route: '/orders' })), 'POST /orders');
    assert.equal(entryPointLabel(point({ kind: 'graphql', operation: 'Query.orders' })), 'Query.orders');
    assert.equal(routePrefix(point({ route: '/orders/:id/cancel' })), '/orders');
    assert.equal(routePrefix(point({ route: '/api/orders/:id' })), '/api/orders');
    assert.equal(routePrefix(point({ route: '/v1/:tenant' })), '/v1');
    assert.equal(routePrefix(point({ route: '/' })), '/');
    assert.equal(routePrefix(point({ kind: 'graphql', operation: 'Mutation.placeOrder' })), 'Mutation');
  });
});
