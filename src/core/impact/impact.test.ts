import * as assert from 'node:assert/strict';
import { computeImpact, computeMapChanges, reachesTier, type CoverageSource } from './impact';
import type { Coverage, CxMap, Journey, Tier, Touchpoint } from '../types';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

interface TouchpointSpec {
  id: string;
  /** Prefix patterns: `a/` covers everything below `a/`. Enough to test how impact aggregates. */
  prefixes: string[];
  symbols?: string[];
}

function makeMap(file: string, journeys: { id: string; tier: Tier; touchpoints: TouchpointSpec[] }[]): CxMap {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  return {
    file,
    dir,
    journeys: journeys.map((j): Journey => ({
      id: j.id,
      name: `Journey ${j.id}`,
      tier: j.tier,
      owner: '@team',
      links: [{ name: 'runbook', url: 'https://runbooks.example.com/x', range }],
      range,
      idRange: range,
      touchpoints: j.touchpoints.map((t, i): Touchpoint => ({
        id: t.id,
        name: `Touchpoint ${t.id}`,
        channel: 'web',
        paths: t.prefixes.map((p, k) => ({ source: `${p}**`, negated: false, range, line: 10 * (i + 1) + k })),
        symbols: t.symbols ?? [],
        range,
        idRange: range,
      })),
    })),
  };
}

/** Prefix coverage in map order, so the tests exercise impact's own ordering, not the matcher's. */
function prefixCoverage(maps: CxMap[]): CoverageSource {
  return {
    coverageOf(path: string): Coverage[] {
      const out: Coverage[] = [];
      for (const map of maps) {
        const rel = map.dir ? (path.startsWith(map.dir + '/') ? path.slice(map.dir.length + 1) : undefined) : path;
        if (rel === undefined) continue;
        for (const journey of map.journeys)
          for (const touchpoint of journey.touchpoints) {
            const pattern = [...touchpoint.paths].reverse().find((p) => rel.startsWith(p.source.slice(0, -2)));
            if (pattern) out.push({ map, journey, touchpoint, pattern, symbolScoped: touchpoint.symbols.length > 0 });
          }
      }
      return out;
    },
  };
}

describe('computeImpact', () => {
  const root = makeMap('cx-map.yaml', [
    { id: 'search', tier: 'low', touchpoints: [{ id: 'results', prefixes: ['services/search/'] }] },
    {
      id: 'checkout',
      tier: 'critical',
      touchpoints: [
        { id: 'cart', prefixes: ['services/cart/'] },
        { id: 'pay', prefixes: ['services/payments/'], symbols: ['PaymentService.charge'] },
      ],
    },
    { id: 'refunds', tier: 'high', touchpoints: [{ id: 'refund', prefixes: ['services/payments/refund'] }] },
  ]);
  const pkg = makeMap('packages/web/cx-map.yaml', [
    { id: 'browse', tier: 'critical', touchpoints: [{ id: 'home', prefixes: ['src/'] }] },
  ]);
  const coverage = prefixCoverage([root, pkg]);

  it('orders journeys most critical first, then by map, and keeps the touchpoint order of the journey', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [
        { path: 'services/search/q.ts', status: 'modified' },
        { path: 'services/payments/charge.ts', status: 'modified' },
        { path: 'services/cart/cart.py', status: 'modified' },
        { path: 'packages/web/src/home.tsx', status: 'added' },
        { path: 'services/payments/refund.go', status: 'modified' },
      ],
    });
    assert.deepEqual(
      report.journeys.map((j) => `${j.tier}:${j.map}:${j.id}`),
      [
        'critical:cx-map.yaml:checkout',
        'critical:packages/web/cx-map.yaml:browse',
        'high:cx-map.yaml:refunds',
        'low:cx-map.yaml:search',
      ],
    );
    assert.deepEqual(
      report.journeys[0]?.touchpoints.map((t) => t.id),
      ['cart', 'pay'],
    );
    // Every match counts: refund.go is in both the pay touchpoint and the refunds journey.
    assert.deepEqual(report.journeys[0]?.touchpoints[1]?.files, [
      'services/payments/charge.ts',
      'services/payments/refund.go',
    ]);
    assert.deepEqual(report.journeys[2]?.touchpoints[0]?.files, ['services/payments/refund.go']);
    assert.deepEqual(report.unmappedFiles, []);
  });

  it('counts a rename under both paths and a deletion under its old path', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [
        { path: 'docs/moved-cart.md', oldPath: 'services/cart/old.ts', status: 'renamed' },
        { path: 'services/search/gone.ts', status: 'deleted' },
      ],
    });
    assert.deepEqual(report.changedFiles, ['docs/moved-cart.md', 'services/cart/old.ts', 'services/search/gone.ts']);
    assert.deepEqual(report.unmappedFiles, ['docs/moved-cart.md']);
    assert.deepEqual(
      report.journeys.map((j) => [j.id, j.touchpoints.flatMap((t) => t.files)]),
      [
        ['checkout', ['services/cart/old.ts']],
        ['search', ['services/search/gone.ts']],
      ],
    );
    assert.deepEqual(report.changes[0], {
      path: 'docs/moved-cart.md',
      oldPath: 'services/cart/old.ts',
      status: 'renamed',
    });
  });

  it('lists the changes in path order whatever order git gave them, two entries of one path kept in their order', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [
        { path: 'services/search/z.ts', status: 'modified' },
        { path: 'docs/b.md', oldPath: 'services/cart/old.ts', status: 'renamed' },
        { path: 'services/cart/new.ts', status: 'added' },
        { path: 'docs/a.md', status: 'deleted' },
        { path: 'docs/a.md', status: 'untracked' },
        { path: 'services/cart/a.ts', status: 'modified' },
      ],
    });
    assert.deepEqual(
      report.changes.map((c) => `${c.path} ${c.status}`),
      [
        'docs/a.md deleted',
        'docs/a.md untracked',
        'docs/b.md renamed',
        'services/cart/a.ts modified',
        'services/cart/new.ts added',
        'services/search/z.ts modified',
      ],
    );
    assert.deepEqual(report.changedFiles, [
      'docs/a.md',
      'docs/b.md',
      'services/cart/a.ts',
      'services/cart/new.ts',
      'services/cart/old.ts',
      'services/search/z.ts',
    ]);
  });

  it('says why each file belongs: the deciding pattern, its map and line', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [{ path: 'packages/web/src/a.ts', status: 'modified' }],
    });
    assert.deepEqual(report.journeys[0]?.touchpoints[0]?.reasons, [
      { file: 'packages/web/src/a.ts', map: 'packages/web/cx-map.yaml', pattern: 'src/**', line: 10 },
    ]);
  });

  it('marks touchpoints with symbols as file precision and names the symbols', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [
        { path: 'services/payments/charge.ts', status: 'modified' },
        { path: 'services/cart/c.ts', status: 'modified' },
      ],
    });
    const [cart, pay] = report.journeys[0]?.touchpoints ?? [];
    assert.equal(cart?.precision, undefined);
    assert.equal(pay?.precision, 'file');
    assert.deepEqual(pay?.symbolScope, ['PaymentService.charge']);
  });

  it('lists unmapped files in path order and copies the journey facts', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [
        { path: 'z.md', status: 'untracked' },
        { path: 'README.md', status: 'modified' },
        { path: 'services/cart/x.ts', status: 'modified' },
      ],
    });
    assert.deepEqual(report.unmappedFiles, ['README.md', 'z.md']);
    assert.equal(report.journeys[0]?.owner, '@team');
    assert.deepEqual(report.journeys[0]?.links, [{ name: 'runbook', url: 'https://runbooks.example.com/x' }]);
    assert.equal(report.mapChanges, undefined);
  });

  it('reachesTier compares by rank', () => {
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [{ path: 'services/payments/refund.go', status: 'modified' }],
    });
    // refund.go is in the critical checkout journey too.
    assert.equal(reachesTier(report, 'critical'), true);
    const onlyLow = computeImpact({
      base: 'b',
      head: 'h',
      coverage,
      changedFiles: [{ path: 'services/search/a', status: 'modified' }],
    });
    assert.equal(reachesTier(onlyLow, 'high'), false);
    assert.equal(reachesTier(onlyLow, 'low'), true);
  });
});

describe('computeMapChanges', () => {
  it('reports the files each touchpoint gained or lost, over the given files', () => {
    const before = makeMap('cx-map.yaml', [
      {
        id: 'checkout',
        tier: 'critical',
        touchpoints: [
          { id: 'pay', prefixes: ['services/payments/'] },
          { id: 'cart', prefixes: ['services/cart/'] },
        ],
      },
    ]);
    const after = makeMap('cx-map.yaml', [
      {
        id: 'checkout',
        tier: 'critical',
        touchpoints: [
          { id: 'pay', prefixes: ['services/payments/charge'] },
          { id: 'cart', prefixes: ['services/cart/', 'services/basket/'] },
        ],
      },
      { id: 'refunds', tier: 'high', touchpoints: [{ id: 'refund', prefixes: ['services/payments/refund'] }] },
    ]);
    const files = [
      'services/payments/refund.go',
      'services/payments/charge.ts',
      'services/basket/b.ts',
      'services/cart/c.ts',
      'README.md',
    ];
    const changes = computeMapChanges(prefixCoverage([before]), prefixCoverage([after]), files);
    assert.deepEqual(changes, [
      { map: 'cx-map.yaml', journey: 'checkout', touchpoint: 'cart', added: ['services/basket/b.ts'], removed: [] },
      {
        map: 'cx-map.yaml',
        journey: 'checkout',
        touchpoint: 'pay',
        added: [],
        removed: ['services/payments/refund.go'],
      },
      {
        map: 'cx-map.yaml',
        journey: 'refunds',
        touchpoint: 'refund',
        added: ['services/payments/refund.go'],
        removed: [],
      },
    ]);
  });

  it('is empty when the maps cover the same files', () => {
    const map = makeMap('cx-map.yaml', [{ id: 'a', tier: 'low', touchpoints: [{ id: 't', prefixes: ['x/'] }] }]);
    assert.deepEqual(computeMapChanges(prefixCoverage([map]), prefixCoverage([map]), ['x/1', 'y/2']), []);
  });

  it('is included in the report when the base maps are given', () => {
    const before = makeMap('cx-map.yaml', [{ id: 'a', tier: 'low', touchpoints: [{ id: 't', prefixes: ['x/'] }] }]);
    const after = makeMap('cx-map.yaml', [{ id: 'a', tier: 'low', touchpoints: [{ id: 't', prefixes: ['y/'] }] }]);
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage: prefixCoverage([after]),
      changedFiles: [{ path: 'cx-map.yaml', status: 'modified' }],
      mapEdit: { baseCoverage: prefixCoverage([before]), files: ['x/1', 'y/2', 'cx-map.yaml'] },
    });
    assert.deepEqual(report.mapChanges, [
      { map: 'cx-map.yaml', journey: 'a', touchpoint: 't', added: ['y/2'], removed: ['x/1'] },
    ]);
    assert.deepEqual(report.unmappedFiles, ['cx-map.yaml']);
  });

  it('lists an edited map under mapChanges only, not among the unmapped files, when told which files are maps', () => {
    const before = makeMap('cx-map.yaml', [{ id: 'a', tier: 'low', touchpoints: [{ id: 't', prefixes: ['x/'] }] }]);
    const after = makeMap('cx-map.yaml', [{ id: 'a', tier: 'low', touchpoints: [{ id: 't', prefixes: ['y/'] }] }]);
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage: prefixCoverage([after]),
      changedFiles: [
        { path: 'cx-map.yaml', status: 'modified' },
        { path: 'docs/notes.md', status: 'modified' },
        { path: 'old/cx-map.yml', status: 'deleted' },
      ],
      mapEdit: { baseCoverage: prefixCoverage([before]), files: ['x/1', 'y/2', 'cx-map.yaml'] },
      isMap: (p) => /(^|\/)cx-map\.ya?ml$/.test(p),
    });
    assert.deepEqual(report.unmappedFiles, ['docs/notes.md']);
    assert.deepEqual(report.changedFiles, ['cx-map.yaml', 'docs/notes.md', 'old/cx-map.yml']);
    assert.deepEqual(report.mapChanges, [
      { map: 'cx-map.yaml', journey: 'a', touchpoint: 't', added: ['y/2'], removed: ['x/1'] },
    ]);
  });

  it('still lists a map file that a touchpoint covers under that touchpoint', () => {
    const map = makeMap('cx-map.yaml', [{ id: 'a', tier: 'low', touchpoints: [{ id: 't', prefixes: ['cx-map'] }] }]);
    const report = computeImpact({
      base: 'b',
      head: 'h',
      coverage: prefixCoverage([map]),
      changedFiles: [{ path: 'cx-map.yaml', status: 'modified' }],
      isMap: () => true,
    });
    assert.deepEqual(
      report.journeys.map((j) => j.touchpoints.map((t) => t.files)),
      [[['cx-map.yaml']]],
    );
    assert.deepEqual(report.unmappedFiles, []);
  });
});
