import * as assert from 'node:assert/strict';
import { parseMap } from '../map/parse';
import { Matcher } from '../match/matcher';
import { entryPointCoverage } from './coverage';
import { groupByPrefix, proposeMap } from './propose';
import type { EntryPoint } from './types';

const POINTS: EntryPoint[] = [
  {
    kind: 'http',
    framework: 'express',
    method: 'GET',
    route: '/orders/:id',
    file: 'src/routes.ts',
    line: 3,
    handler: 'show',
    handlerFile: 'src/orders/show.ts',
  },
  {
    kind: 'http',
    framework: 'express',
    method: 'POST',
    route: '/orders',
    file: 'src/routes.ts',
    line: 4,
    handler: 'create',
    handlerFile: 'src/orders/create.ts',
  },
  {
    kind: 'http',
    framework: 'express',
    method: 'DELETE',
    route: '/orders/:id',
    file: 'src/routes.ts',
    line: 5,
    handler: 'remove',
    handlerFile: 'src/orders/show.ts',
  },
  {
    kind: 'graphql',
    framework: 'resolver-map',
    operation: 'Query.cart',
    file: 'src/graphql.ts',
    line: 9,
    handlerFile: 'src/graphql.ts',
  },
  {
    kind: 'page',
    framework: 'nextjs',
    route: '/',
    file: 'web/pages/index.tsx',
    line: 1,
    handlerFile: 'web/pages/index.tsx',
  },
];

describe('entry points: a proposed map', () => {
  it('groups by route prefix, most entry points first', () => {
    assert.deepEqual(
      groupByPrefix(POINTS).map((g) => [g.prefix, g.points.length]),
      [
        ['/orders', 3],
        ['/', 1],
        ['Query', 1],
      ],
    );
  });

  it('is a valid map whose touchpoints cover every proposed entry point', () => {
    const text = proposeMap(groupByPrefix(POINTS));
    const parsed = parseMap(text, 'cx-map.yaml');
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(
      parsed.map!.journeys.map((j) => [j.id, j.touchpoints.map((t) => t.id)]),
      [
        ['orders', ['show', 'create']],
        ['home', ['index']],
        ['query', ['graphql']],
      ],
    );
    const report = entryPointCoverage(POINTS, (p) => new Matcher([parsed.map!]).coverageOf(p));
    assert.equal(report.covered, POINTS.length);
    assert.match(text, /name: "GET \/orders\/:id" # and DELETE \/orders\/:id/);
  });

  it('writes paths relative to the map folder', () => {
    const text = proposeMap(groupByPrefix(POINTS.slice(4)), 'web');
    assert.match(text, /- pages\/index\.tsx/);
  });
});
